/**
 * Telling the encoding of an export from its first bytes, without guessing blindly: a byte-order mark;
 * UTF-16 without one (Excel's "Unicode text" and some EAC downloads), seen from the zero bytes of ASCII
 * characters; UTF-8 when the bytes are valid UTF-8; Shift_JIS (CP932, what Excel writes on a Japanese
 * Windows) only when they decode without error and read as Japanese. Anything else is not text we can
 * read, and says so, rather than becoming mojibake.
 */
import { reason, type ReasonCode, type RejectReason } from './reject-reason.js';

/** Encodings of the exports we read. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis';

/** What the first bytes of a file say: an encoding (and the BOM to drop), or why it is not text we read. */
export type EncodingVerdict = { encoding: TextEncoding; bomLength: number } | { problem: RejectReason };

/** Bytes looked at to decide. */
export const SNIFF_BYTES = 64 * 1024;

/** Encoding named by a byte-order mark, and the mark's length (UTF-8 when there is none). */
export function sniffBom(bytes: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; bomLength: number } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  return { encoding: 'utf-8', bomLength: 0 };
}

const MAGIC: [number[], ReasonCode][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'binary-zip'],
  [[0x1f, 0x8b], 'binary-gzip'],
  [[0x25, 0x50, 0x44, 0x46], 'binary-pdf'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'binary-office'],
  [[0x89, 0x50, 0x4e, 0x47], 'binary-png'],
  [[0xff, 0xd8, 0xff], 'binary-jpeg'],
];

/** Whether the bytes decode without error (an incomplete character at the end of an incomplete sample is fine). */
function decodes(encoding: string, bytes: Uint8Array, complete: boolean): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes, { stream: !complete });
  } catch {
    return undefined;
  }
}

/** UTF-16 without a BOM: ASCII characters put a zero in every other byte. */
function utf16Without(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** Control characters other than tab, line breaks, form feed and escape: a few are noise, many are binary. */
function controlShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0 || (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27)) control++;
  }
  return n === 0 ? 0 : control / n;
}

// Characters Japanese text is made of (kana, kanji, full-width forms, Japanese punctuation and symbols).
const JAPANESE =
  /[\u3000-\u30ff\u3190-\u33ff\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u2000-\u27bf\u0391-\u03c9\u0401-\u0451\u00a7\u00a8\u00b0\u00b1\u00b4\u00b6\u00d7\u00f7]/gu;
const KANA = /[\u3040-\u30ff]/u;

/** Whether decoded text reads as Japanese: every non-ASCII character is a Japanese one, and some are kana. */
function readsAsJapanese(text: string): boolean {
  const nonAscii = text.replace(/[\u0000-\u007f]/g, '');
  if (nonAscii.length === 0) return false;
  const japanese = nonAscii.match(JAPANESE)?.length ?? 0;
  return japanese === nonAscii.length && KANA.test(nonAscii);
}

/** The encoding of a file from its first bytes (`complete` when they are the whole file), or why it is not text we read. */
export function detectEncoding(bytes: Uint8Array, complete: boolean): EncodingVerdict {
  const bom = sniffBom(bytes);
  if (bom.bomLength > 0) return bom;
  const utf16 = utf16Without(bytes);
  if (utf16 && decodes(utf16, bytes.subarray(0, bytes.length & ~1), complete) !== undefined) return { encoding: utf16, bomLength: 0 };
  for (const [magic, code] of MAGIC) if (magic.every((b, i) => bytes[i] === b)) return { problem: reason(code) };
  if (controlShare(bytes) > 0.01) return { problem: reason('binary-data') };
  if (decodes('utf-8', bytes, complete) !== undefined) return { encoding: 'utf-8', bomLength: 0 };
  const sjis = decodes('shift_jis', bytes, complete);
  if (sjis !== undefined && readsAsJapanese(sjis)) return { encoding: 'shift_jis', bomLength: 0 };
  return {
    problem: reason(sjis !== undefined ? 'unknown-encoding-not-japanese' : 'unknown-encoding'),
  };
}
