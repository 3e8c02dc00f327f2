import { describe, expect, it } from 'vitest';
import { JsonRecordReader } from './json-records.js';
import type { JsonPath, JsonKind } from './json-sink.js';

type Out = { records: { value: unknown; line: number }[]; errors: { reason: string; line: number; raw: string }[] };

function read(text: string, select: (p: JsonPath, k: JsonKind) => boolean, chunkSize = text.length || 1): Out {
  const out: Out = { records: [], errors: [] };
  const reader = new JsonRecordReader(select, {
    record: (value, line) => out.records.push({ value, line }),
    error: (why, line, raw) => out.errors.push({ reason: why.text, line, raw }),
  });
  for (let i = 0; i < text.length; i += chunkSize) reader.push(text.slice(i, i + chunkSize));
  reader.end();
  return out;
}

const valueItems = (p: JsonPath) => p.length === 2 && p[0] === 'value' && typeof p[1] === 'number';
const bareItems = (p: JsonPath, k: JsonKind) => (p.length === 0 && k === 'object') || (p.length === 1 && typeof p[0] === 'number');

describe('JsonRecordReader', () => {
  const page = [
    '{',
    '  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#x",',
    '  "value": [',
    '    {"id": "a", "s": "quote \\" and backslash \\\\", "n": [1, {"x": "}]"}]},',
    '    {"id": "b", "s": "\\\\\\""}',
    '  ],',
    '  "@odata.nextLink": "https://graph.microsoft.com/next?$skiptoken=x"',
    '}',
  ].join('\n');

  it.each([1, 2, 3, 7, 64, 10_000])('cuts records out of a pretty document in chunks of %i', (size) => {
    const out = read(page, valueItems, size);
    expect(out.errors).toEqual([]);
    expect(out.records).toEqual([
      { value: { id: 'a', s: 'quote " and backslash \\', n: [1, { x: '}]' }] }, line: 4 },
      { value: { id: 'b', s: '\\"' }, line: 5 },
    ]);
  });

  it('reads NDJSON pages line by line and rejects a bad line', () => {
    const text = '{"value":[{"id":"a"},{"id":"b"}]}\n{"value":[{"id":"c"\n\n{"value":[{"id":"d"}]}\n';
    const out = read(text, valueItems, 5);
    expect(out.records.map((r) => [(r.value as { id: string }).id, r.line])).toEqual([
      ['a', 1],
      ['b', 1],
      ['d', 4],
    ]);
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]!.line).toBe(2);
    expect(out.errors[0]!.reason).toMatch(/^invalid JSON/);
  });

  it('reads a bare array and bare objects', () => {
    expect(read('[\n {"a": 1},\n {"a": 2}\n]\n', bareItems, 3).records).toEqual([
      { value: { a: 1 }, line: 2 },
      { value: { a: 2 }, line: 3 },
    ]);
    expect(read('{\n "a": 1\n}\n{\n "a": 2\n}', bareItems, 4).records).toEqual([
      { value: { a: 1 }, line: 1 },
      { value: { a: 2 }, line: 4 },
    ]);
    expect(read('{"a":1}\n{"a":2}\n', bareItems).records).toEqual([
      { value: { a: 1 }, line: 1 },
      { value: { a: 2 }, line: 2 },
    ]);
  });

  it('gives one reject for an HTML page', () => {
    const out = read('<!DOCTYPE html>\n<html><body>{ 503 }</body></html>\n', valueItems, 8);
    expect(out.records).toEqual([]);
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]!.reason).toMatch(/not JSON/);
  });

  it('reports a truncated document and keeps the records before the cut', () => {
    const out = read(page.slice(0, page.indexOf('"b"') + 8), valueItems, 16);
    expect(out.records).toHaveLength(1);
    expect(out.errors).toEqual([{ reason: 'truncated JSON: the file ends inside a record', line: 5, raw: '{"id": "b", "s"' }]);
  });

  it('reports an error body', () => {
    const out = read('{"error": {"code": "InvalidAuthenticationToken", "message": "Access token has expired."}}', valueItems);
    expect(out.errors.map((e) => e.reason)).toEqual([
      'error response instead of records: InvalidAuthenticationToken: Access token has expired.',
    ]);
    const pretty = read('{\n "error": {"code": "Throttled", "message": "Too many requests"}\n}', valueItems, 3);
    expect(pretty.errors.map((e) => e.reason)).toEqual(['error response instead of records: Throttled: Too many requests']);
  });

  it('rejects a malformed element and goes on', () => {
    const out = read('[\n {"a": 1},\n {"a": tru},\n {"a": 3}\n]', bareItems, 5);
    expect(out.records.map((r) => r.value)).toEqual([{ a: 1 }, { a: 3 }]);
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]!.line).toBe(3);
  });
});
