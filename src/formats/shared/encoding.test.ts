import { describe, expect, it } from 'vitest';
import { detectEncoding } from './encoding.js';

const verdict = (bytes: Uint8Array, complete = true) => detectEncoding(bytes, complete);
const ja = 'Date (UTC+09:00),Sender,Subject\r\n2026/12/01 1:15:30,a@contoso.co.jp,ご請求書送付のお知らせ\r\n';

describe('detectEncoding', () => {
  it('reads byte-order marks and UTF-16 without one', () => {
    expect(verdict(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ja, 'utf16le')]))).toEqual({ encoding: 'utf-16le', bomLength: 2 });
    expect(verdict(Buffer.from(ja, 'utf16le'))).toEqual({ encoding: 'utf-16le', bomLength: 0 });
    expect(verdict(Buffer.from(ja, 'utf16le').swap16())).toEqual({ encoding: 'utf-16be', bomLength: 0 });
    expect(verdict(Buffer.from('\ufeff' + ja))).toEqual({ encoding: 'utf-8', bomLength: 3 });
  });
  it('takes valid UTF-8 as UTF-8, also when the sample ends inside a character', () => {
    expect(verdict(Buffer.from(ja))).toEqual({ encoding: 'utf-8', bomLength: 0 });
    const cut = Buffer.from(ja).subarray(0, Buffer.from(ja).length - 3 - 2);
    expect(verdict(cut, false)).toEqual({ encoding: 'utf-8', bomLength: 0 });
  });
  it('takes Shift_JIS only when it decodes cleanly and reads as Japanese', () => {
    // CP932 bytes of 'ご請求書送付のお知らせ' after an ASCII header (encoded by hand from the CP932 table).
    const bytes = Buffer.concat([
      Buffer.from('Subject\r\n'),
      Buffer.from([
        0x82, 0xb2, 0x90, 0xbf, 0x8b, 0x81, 0x8f, 0x91, 0x91, 0x97, 0x95, 0x74, 0x82, 0xcc, 0x82, 0xa8, 0x92, 0x6d, 0x82, 0xe7, 0x82, 0xb9,
      ]),
    ]);
    expect(new TextDecoder('shift_jis').decode(bytes)).toContain('ご請求書送付のお知らせ');
    expect(verdict(bytes)).toEqual({ encoding: 'shift_jis', bomLength: 0 });
  });
  it('refuses a wrong guess with a reason instead of mojibake', () => {
    // Windows-1252 / Latin-1 text: invalid UTF-8; in Shift_JIS it would be kanji without any kana.
    const latin1 = Buffer.from('Subject\r\nRésumé für Müller, café ñandú\r\n', 'latin1');
    const v = verdict(latin1);
    expect(v).toHaveProperty('problem');
    expect((v as { problem: { text: string } }).problem.text).toMatch(/unknown encoding/);
  });
  it('names binary data', () => {
    expect(verdict(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toEqual({
      problem: expect.objectContaining({ code: 'binary-png', text: 'binary data: a PNG image' }),
    });
    expect((verdict(Buffer.from([1, 2, 3, 0, 0, 0, 200, 201, 7, 8, 0, 0, 0, 9])) as { problem: { text: string } }).problem.text).toMatch(
      /^binary data/,
    );
    expect((verdict(Buffer.from('PK\x03\x04rest', 'latin1')) as { problem: { text: string } }).problem.text).toMatch(/ZIP archive/);
  });
});
