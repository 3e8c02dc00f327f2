/** Reading a file as a stream of decoded text: BOM sniffing, streaming decoding, and the head used for detection. */
import { isAscii } from 'node:buffer';
import { createReadStream } from 'node:fs';

/** Characters of decoded text offered to `detect`. */
export const HEAD_CHARS = 64 * 1024;

const READ_CHUNK = 1024 * 1024;

/** A file opened for parsing: its decoded start (for detection) and all its decoded text in chunks. */
export interface OpenedInput {
  head: string;
  chunks: AsyncIterable<string>;
  /** Release the file without reading on (iterating `chunks` to the end releases it too). */
  close(): Promise<void>;
}

/** Encoding named by a byte-order mark, and the mark's length (UTF-8 when there is none). */
export function sniffBom(bytes: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; bomLength: number } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  return { encoding: 'utf-8', bomLength: 0 };
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

  constructor(encoding: 'utf-8' | 'utf-16le' | 'utf-16be') {
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

/** Decode a stream of byte chunks to text chunks, honouring and removing a leading BOM. */
export async function* decodeChunks(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let decoder: ChunkDecoder | undefined;
  let pending: Uint8Array | undefined;
  for await (const raw of bytes) {
    let chunk: Uint8Array = raw;
    if (!decoder) {
      // A BOM is at most 3 bytes: wait until there are enough to tell.
      chunk = pending ? concat(pending, chunk) : chunk;
      if (chunk.length < 3) {
        pending = chunk;
        continue;
      }
      pending = undefined;
      const { encoding, bomLength } = sniffBom(chunk);
      decoder = new ChunkDecoder(encoding);
      chunk = chunk.subarray(bomLength);
    }
    for (const text of decoder.decode(chunk)) if (text.length > 0) yield text;
  }
  if (!decoder) {
    const chunk = pending ?? new Uint8Array(0);
    const { encoding, bomLength } = sniffBom(chunk);
    decoder = new ChunkDecoder(encoding);
    const text = decoder.decode(chunk.subarray(bomLength)).join('') + decoder.end();
    if (text.length > 0) yield text;
    return;
  }
  const rest = decoder.end();
  if (rest.length > 0) yield rest;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * Open a file for parsing: the first 64 KB of decoded text as `head`, and every decoded chunk
 * (head included) as `chunks`. The file is read as a stream; it is never held whole in memory.
 * `chunks` can be iterated once.
 */
export async function openInput(path: string): Promise<OpenedInput> {
  const stream = createReadStream(path, { highWaterMark: READ_CHUNK });
  const texts = decodeChunks(stream);
  const early: string[] = [];
  let headLength = 0;
  let done = false;
  while (headLength < HEAD_CHARS) {
    const next = await texts.next();
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
      stream.destroy();
    }
  }
  return {
    head,
    chunks: chunks(),
    async close() {
      stream.destroy();
    },
  };
}
