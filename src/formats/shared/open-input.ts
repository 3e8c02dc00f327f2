/** Reading a file as a stream of decoded text: encoding detection, streaming decoding, and the head used for detection. */
import { isAscii } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { detectEncoding, SNIFF_BYTES, type TextEncoding } from './encoding.js';
import { NotAnExportError } from './errors.js';

/** Characters of decoded text offered to `detect`. */
export const HEAD_CHARS = 64 * 1024;

const READ_CHUNK = 1024 * 1024;

/** A file opened for parsing: its decoded start (for detection) and all its decoded text in chunks. */
export interface OpenedInput {
  head: string;
  chunks: AsyncIterable<string>;
  /** Release the file without reading on (iterating `chunks` to the end releases it too). */
  close(): Promise<void>;
  /** The encoding the text was decoded from (known once the head is read). */
  encoding: TextEncoding;
}

/** Bytes looked at a time for the pure-ASCII shortcut. */
const ASCII_BLOCK = 16 * 1024;

/**
 * Streaming UTF-8 / UTF-16 decoding. For UTF-8, runs of pure-ASCII text (most of a message trace) are
 * copied as Latin-1, several times faster than TextDecoder, whenever the decoder holds no partial character.
 * A 16 KB block with non-ASCII bytes is looked at line by line, so that a Japanese subject makes only its
 * own line a two-byte string (JSON.parse reads one-byte strings much faster). A chunk comes out as several
 * strings, one per run: joining them would cost more than the shortcut saves.
 */
class ChunkDecoder {
  private readonly decoder: TextDecoder;
  private readonly utf8: boolean;
  /** Whether the last byte given to the decoder ended a character (so the decoder holds nothing). */
  private clean = true;
  private out: string[] = [];
  private bytes: Buffer = Buffer.alloc(0);
  private runStart = 0;
  private runAscii = true;

  constructor(encoding: TextEncoding) {
    this.decoder = new TextDecoder(encoding, { ignoreBOM: true });
    this.utf8 = encoding === 'utf-8';
  }

  /** The text of the next bytes, as one or more strings. */
  decode(chunk: Uint8Array): string[] {
    if (!this.utf8) return [this.decoder.decode(chunk, { stream: true })];
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.clean && isAscii(bytes)) return [bytes.toString('latin1')];
    this.out = [];
    this.bytes = bytes;
    this.runStart = 0;
    // The next newline at or after the current position (-1: none in the rest of the chunk), so that a
    // long line without newlines is searched once, not once per block.
    let nl = -2;
    for (let at = 0; at < bytes.length; at += ASCII_BLOCK) {
      const end = Math.min(at + ASCII_BLOCK, bytes.length);
      if (isAscii(bytes.subarray(at, end))) {
        this.segment(at, true);
        continue;
      }
      let pos = at;
      while (pos < end) {
        if (nl === -2 || (nl >= 0 && nl < pos)) nl = bytes.indexOf(10, pos);
        const lineEnd = nl < 0 || nl >= end ? end : nl + 1;
        this.segment(pos, isAscii(bytes.subarray(pos, lineEnd)));
        pos = lineEnd;
      }
    }
    if (this.runStart < bytes.length) this.out.push(this.run(bytes.subarray(this.runStart), this.runAscii));
    const out = this.out;
    this.out = [];
    return out;
  }

  /** A segment starting at `at` is (or is not) ASCII: close the current run when that changes. */
  private segment(at: number, ascii: boolean): void {
    if (at === this.runStart) {
      this.runAscii = ascii;
    } else if (ascii !== this.runAscii) {
      this.out.push(this.run(this.bytes.subarray(this.runStart, at), this.runAscii));
      this.runStart = at;
      this.runAscii = ascii;
    }
  }

  private run(bytes: Uint8Array, ascii: boolean): string {
    if (ascii && this.clean) return latin1(bytes);
    this.clean = bytes[bytes.length - 1]! < 0x80;
    return this.decoder.decode(bytes, { stream: true });
  }

  end(): string {
    return this.decoder.decode();
  }
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/**
 * Decode a stream of byte chunks to text chunks, in the encoding the first 64 KB show (a leading BOM is
 * removed). Throws NotAnExportError when they are not text in an encoding we read. `info.encoding` is set
 * before the first text comes out.
 */
export async function* decodeChunks(bytes: AsyncIterable<Uint8Array>, info: { encoding?: TextEncoding } = {}): AsyncGenerator<string> {
  let decoder: ChunkDecoder | undefined;
  let pending: Uint8Array[] = [];
  let pendingLength = 0;
  const start = (sample: Uint8Array, complete: boolean): Uint8Array => {
    const verdict = detectEncoding(sample, complete);
    if ('problem' in verdict) throw new NotAnExportError(verdict.problem);
    info.encoding = verdict.encoding;
    decoder = new ChunkDecoder(verdict.encoding);
    return sample.subarray(verdict.bomLength);
  };
  for await (const raw of bytes) {
    if (!decoder) {
      // Decide on the first 64 KB (or the whole file when it is smaller).
      pending.push(raw);
      pendingLength += raw.length;
      if (pendingLength < SNIFF_BYTES) continue;
      const sample = concat(pending);
      pending = [];
      const rest = start(sample, false);
      for (const text of decoder!.decode(rest)) if (text.length > 0) yield text;
      continue;
    }
    for (const text of decoder.decode(raw)) if (text.length > 0) yield text;
  }
  if (!decoder) {
    const rest = start(concat(pending), true);
    const text = decoder!.decode(rest).join('') + decoder!.end();
    if (text.length > 0) yield text;
    return;
  }
  const rest = decoder.end();
  if (rest.length > 0) yield rest;
}

function concat(parts: Uint8Array[]): Uint8Array {
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

/**
 * Open a file for parsing: the first 64 KB of decoded text as `head`, and every decoded chunk
 * (head included) as `chunks`. The file is read as a stream; it is never held whole in memory.
 * `chunks` can be iterated once.
 */
export async function openInput(path: string): Promise<OpenedInput> {
  const stream = createReadStream(path, { highWaterMark: READ_CHUNK });
  return openStream(stream, () => stream.destroy());
}

/**
 * The same for bytes from elsewhere (a member of an archive, decompressed data); `release` is called
 * when the text is read to the end or closed. Throws NotAnExportError when the bytes are not text we read.
 */
export async function openStream(bytes: AsyncIterable<Uint8Array>, release: () => void): Promise<OpenedInput> {
  const info: { encoding?: TextEncoding } = {};
  const texts = decodeChunks(bytes, info);
  const early: string[] = [];
  let headLength = 0;
  let done = false;
  while (headLength < HEAD_CHARS) {
    let next;
    try {
      next = await texts.next();
    } catch (error) {
      release();
      throw error;
    }
    if (next.done) {
      done = true;
      break;
    }
    early.push(next.value);
    headLength += next.value.length;
  }
  const head = early.join('').slice(0, HEAD_CHARS);
  async function* chunks(): AsyncGenerator<string> {
    try {
      yield* early.splice(0);
      if (!done) yield* texts;
    } finally {
      release();
    }
  }
  return {
    head,
    chunks: chunks(),
    async close() {
      release();
    },
    encoding: info.encoding ?? 'utf-8',
  };
}
