import { describe, expect, it } from 'vitest';
import { toJsonArray, toNdjson } from './json.js';

describe('JSON exports', () => {
  it('write dynamic values as JSON values, not as JSON text', () => {
    const columns = [
      { name: 'd', type: 'dynamic' },
      { name: 's', type: 'string' },
    ];
    const rows = [
      ['{"a":[1,2]}', '{"a":1}'],
      [null, 'x'],
      ['not json', ''],
    ];
    expect(JSON.parse(toJsonArray(columns, rows))).toEqual([
      { d: { a: [1, 2] }, s: '{"a":1}' },
      { d: null, s: 'x' },
      { d: 'not json', s: '' },
    ]);
    expect(toNdjson(columns, rows).split('\n')[0]).toBe('{"d":{"a":[1,2]},"s":"{\\"a\\":1}"}');
  });
});
