import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUSES, parseTime } from '../schema/index.js';
import { writePowerShellNdjson } from './index.js';

const FIELDS = [
  'Organization',
  'MessageId',
  'Received',
  'SenderAddress',
  'RecipientAddress',
  'Subject',
  'Status',
  'ToIP',
  'FromIP',
  'Size',
  'MessageTraceId',
  'StartDate',
  'EndDate',
  'Index',
];
const PS_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/;
const START = Date.UTC(2026, 5, 1);

describe('writePowerShellNdjson', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mailsift-demo-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes exactly N Get-MessageTraceV2 | ConvertTo-Json -Compress lines, ~500 bytes each', async () => {
    const path = join(dir, 'ps.ndjson');
    const result = await writePowerShellNdjson(path, { rows: 25_000, seed: 7, start: START });
    const text = await readFile(path, 'utf8');
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(25_000);
    expect(result).toEqual({ rows: 25_000, bytes: Buffer.byteLength(text) });
    const perLine = result.bytes / lines.length;
    expect(perLine).toBeGreaterThan(380);
    expect(perLine).toBeLessThan(650);
    const bad: string[] = [];
    let previous = -Infinity;
    lines.forEach((line, i) => {
      const o = JSON.parse(line) as Record<string, unknown>;
      const ok =
        JSON.stringify(Object.keys(o)) === JSON.stringify(FIELDS) &&
        PS_TIME.test(o.Received as string) &&
        PS_TIME.test(o.StartDate as string) &&
        PS_TIME.test(o.EndDate as string) &&
        o.Index === i &&
        (STATUSES as readonly string[]).includes(o.Status as string) &&
        (o.ToIP === null || typeof o.ToIP === 'string') &&
        (o.FromIP === null || typeof o.FromIP === 'string') &&
        Number.isInteger(o.Size) &&
        /^[0-9a-f-]{36}$/.test(o.MessageTraceId as string) &&
        parseTime(o.Received as string) >= previous;
      previous = parseTime(o.Received as string);
      if (!ok) bad.push(line);
    });
    expect(bad.slice(0, 3)).toEqual([]);
    const first = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(first.Organization).toBe('contoso.onmicrosoft.com');
    expect(first.StartDate).toBe('2026-06-01T00:00:00.0000000Z');
    expect(first.EndDate).toBe('2026-07-01T00:00:00.0000000Z');
  });

  it('writes the same bytes for the same seed', async () => {
    const hash = async (name: string, seed: number): Promise<string> => {
      await writePowerShellNdjson(join(dir, name), { rows: 3_000, seed, start: START });
      return createHash('sha256')
        .update(await readFile(join(dir, name)))
        .digest('hex');
    };
    expect(await hash('a.ndjson', 3)).toBe(await hash('b.ndjson', 3));
    expect(await hash('c.ndjson', 4)).not.toBe(await hash('a.ndjson', 3));
  });
});
