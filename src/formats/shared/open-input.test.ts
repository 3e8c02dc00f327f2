import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeChunks, openInput } from './open-input.js';

async function decodeAll(bytes: Uint8Array, size: number): Promise<string> {
  async function* pieces() {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  }
  let out = '';
  for await (const t of decodeChunks(pieces())) out += t;
  return out;
}

const sample = 'Received,Subject\n2022-07-25,請求書のご確認 — ünïcödé 😀\n' + 'plain ascii line\n'.repeat(5000) + 'end 日本語';

describe('decodeChunks', () => {
  const cases: [string, Uint8Array][] = [
    ['UTF-8 without BOM', Buffer.from(sample, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample, 'utf8')])],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, 'utf16le')])],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(sample, 'utf16le').swap16()])],
  ];
  for (const [name, bytes] of cases) {
    it.each([1, 2, 3, 5, 4096, 70_000, 1 << 20])(`decodes ${name} in pieces of %i bytes`, async (size) => {
      expect(await decodeAll(bytes, size)).toBe(sample);
    });
  }
  it('decodes an empty and a tiny input', async () => {
    expect(await decodeAll(new Uint8Array(0), 1)).toBe('');
    expect(await decodeAll(Buffer.from('a'), 1)).toBe('a');
    expect(await decodeAll(Buffer.from([0xef, 0xbb, 0xbf]), 1)).toBe('');
  });
});

describe('openInput', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mailsift-open-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gives the first 64 KB as head and the whole text as chunks', async () => {
    const text = 'x'.repeat(3_000_000) + '日本';
    const path = join(dir, 'big.txt');
    await writeFile(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const input = await openInput(path);
    expect(input.head).toBe(text.slice(0, 65536));
    let all = '';
    let count = 0;
    for await (const c of input.chunks) {
      all += c;
      count++;
    }
    expect(all).toBe(text);
    expect(count).toBeGreaterThan(1);
  });

  it('opens a small file and can be closed unread', async () => {
    const path = join(dir, 'small.txt');
    await writeFile(path, '\ufeffhello');
    const input = await openInput(path);
    expect(input.head).toBe('hello');
    await input.close();
  });
});

describe('decodeChunks on long lines', () => {
  it('decodes a 3 MB line of mixed text without newlines', async () => {
    const text = ('abc日本' + 'x'.repeat(20_000)).repeat(150);
    const start = performance.now();
    expect(await decodeAll(Buffer.from(text, 'utf8'), 1 << 20)).toBe(text);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
