import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readFeed, type AutoFeedConfig, type FeedConfig } from './index.js';

const TESTDATA = join(dirname(fileURLToPath(import.meta.url)), 'testdata');

/** JSON with object keys sorted at every level, pretty-printed: the golden file format. */
function sortedJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
      );
    return v;
  };
  return `${JSON.stringify(sort(value), null, 2)}\n`;
}

/** Compares with testdata/test-<name>-expected.json; UPDATE_GOLDEN=1 rewrites it. */
function expectGolden(name: string, value: unknown): void {
  const file = join(TESTDATA, `test-${name}-expected.json`);
  const text = sortedJson(value);
  if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(file)) writeFileSync(file, text);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

const cases: [string, FeedConfig | AutoFeedConfig][] = [
  ['stix-bundle', { name: 'soc', type: 'stix', path: join(TESTDATA, 'test-stix-bundle.json') }],
  ['misp-feed', { name: 'circl', type: 'misp', path: join(TESTDATA, 'test-misp-feed') }],
  ['csv-indicators', { name: 'partner', type: 'csv', path: join(TESTDATA, 'test-csv-indicators.csv') }],
  ['plain-list', { name: 'blocklist', type: 'csv', path: join(TESTDATA, 'test-plain-list.txt'), defaultConfidence: 60 }],
  ['drop', { name: 'drop', type: 'drop', path: join(TESTDATA, 'test-drop.txt') }],
  ['drop-jsonl', { name: 'drop', type: 'drop', path: join(TESTDATA, 'test-drop.jsonl') }],
];

describe('feed readers on golden files', () => {
  it.each(cases)('%s', async (name, config) => {
    expectGolden(name, await readFeed(config));
  });

  it.each([
    ['test-stix-bundle.json', 'stix-bundle'],
    ['test-misp-feed', 'misp-feed'],
    ['test-drop.txt', 'drop'],
    ['test-drop.jsonl', 'drop-jsonl'],
    ['test-csv-indicators.csv', 'csv-indicators'],
  ])('detects the type of %s', async (file, golden) => {
    const auto = await readFeed({ name: cases.find(([n]) => n === golden)![1].name, path: join(TESTDATA, file) });
    expect(sortedJson(auto)).toBe(readFileSync(join(TESTDATA, `test-${golden}-expected.json`), 'utf8'));
  });
});
