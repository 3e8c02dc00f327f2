import { describe, expect, it } from 'vitest';
import { isNormalTraceId, normalizeTraceId } from './trace-id.js';

describe('normalizeTraceId', () => {
  it('gives every spelling of a GUID one lower-case dashed form', () => {
    const id = 'a1b2c3d4-0000-4000-8000-00000000000a';
    for (const raw of [id, id.toUpperCase(), ` ${id} `, `{${id.toUpperCase()}}`, id.replace(/-/g, ''), `\t${id}\r`]) {
      expect(normalizeTraceId(raw)).toBe(id);
    }
  });
  it('only trims ids that are not GUIDs', () => {
    expect(normalizeTraceId(' 12345:<Abc@Contoso.com> ')).toBe('12345:<Abc@Contoso.com>');
    expect(normalizeTraceId(null)).toBe('');
    expect(normalizeTraceId('a1b2c3d4-0000-4000-8000')).toBe('a1b2c3d4-0000-4000-8000');
  });
  it('tells whether an id is already normal', () => {
    expect(isNormalTraceId('a1b2c3d4-0000-4000-8000-00000000000a')).toBe(true);
    expect(isNormalTraceId('A1B2C3D4-0000-4000-8000-00000000000A')).toBe(false);
    expect(isNormalTraceId(' x')).toBe(false);
  });
});
