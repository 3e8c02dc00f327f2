// `mailsift query --explain` on the built command: it says whether a summary table or the rows answer the query,
// and the answer it runs is the rows' answer either way.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../support/run-cli.js';
import { traceRow } from './server-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'mailsift-e2e-explain-'));
const store = `duckdb:${join(dir, 'explain.duckdb')}`;
const env = { TZ: 'UTC', LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
const daily = 'MessageTrace | where Status == "Delivered" | summarize Count = count() by Day = bin(Received, 1d) | sort by Day asc';

beforeAll(async () => {
  const s = await openStore(store);
  await s.upsertTraces([
    traceRow(1, { Received: Date.parse('2026-11-25T10:20:00Z') }),
    traceRow(2, { Received: Date.parse('2026-11-26T09:40:00Z') }),
    traceRow(3, { Received: Date.parse('2026-11-26T12:05:00Z'), Status: 'Failed' }),
  ]);
  await s.close();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mailsift query --explain', () => {
  it('names the summary table that answers a query, with the partial hours read from the rows', async () => {
    const r = await runCli(
      ['--store', store, 'query', daily, '--from', '2026-11-25T10:30:00Z', '--to', '2026-11-26T12:00:00Z', '--explain'],
      { env },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(
      '-- answered from: whole hours 2026-11-25T11:00:00.000Z to 2026-11-26T12:00:00.000Z from MessageTraceHourly; the partial hours at the ends from the rows',
    );
    const rows = await runCli(['--store', store, 'query', daily, '--from', '2026-11-25T10:00:00Z', '--format', 'json'], { env });
    expect(JSON.parse(rows.stdout)).toEqual([
      { Day: '2026-11-25T00:00:00.000Z', Count: 1 },
      { Day: '2026-11-26T00:00:00.000Z', Count: 1 },
    ]);
  });

  it('answers distinct messages from their summary', async () => {
    const r = await runCli(['--store', store, 'query', 'MessageTrace | summarize dcount(MessageTraceId)', '--explain'], { env });
    expect(r.stdout.split('\n')[0]).toBe('-- answered from: whole hours the first hour to the last hour from MessageTraceHourlyMessages');
  });

  it('names the heavy senders for a top N per sender, and the query that answers when they cannot', async () => {
    const top = 'MessageTrace | summarize Count = count() by SenderAddress | top 3 by Count';
    const r = await runCli(
      ['--store', store, 'query', top, '--from', '2026-11-24T10:30:00Z', '--to', '2026-11-26T12:00:00Z', '--explain'],
      {
        env,
      },
    );
    const comments = r.stdout.split('\n').filter((l) => l.startsWith('-- '));
    expect(comments[0]).toMatch(
      /^-- answered from: whole days .* from MessageTraceDailyHeavySenders; .*, if Count in its row 3 passes 147 \(else whole days from MessageTraceDailySenders\)$/,
    );
    expect(comments[2]).toMatch(/^-- else answered from: whole days .* from MessageTraceDailySenders;/);
    expect(r.stdout).toContain('FROM "MessageTraceDailySenders"');
  });

  it('says why the rows answer a query the summaries cannot', async () => {
    const r = await runCli(['--store', store, 'query', 'MessageTrace | summarize dcount(RecipientAddress)', '--explain'], { env });
    expect(r.stdout.split('\n')[0]).toBe(
      '-- answered from: the rows (no summary table: dcount() of these arguments is not kept in the summary tables)',
    );
  });
});
