/**
 * A TAXII server cannot send the feed's credentials elsewhere: a discovery document naming an API root on
 * another origin is refused with a clear error, and nothing reaches that origin; an API root the feed's own
 * configuration names is trusted (the real `mailsift intel sync`, two local listeners = two origins).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { INDICATOR, answer, headerText, listen, type Listener } from './feed-listeners.js';

const TAXII = 'application/taxii+json;version=2.1';
const COLLECTION = '91a7b528-80eb-42ed-a74d-c6fbd5a26116';
const BASIC = `Basic ${Buffer.from('analyst:s3cret-pw').toString('base64')}`;
const dir = mkdtempSync(join(tmpdir(), 'mailsift-sec-taxii-'));
let home: Listener;
let elsewhere: Listener;

beforeAll(async () => {
  // Another origin posing as an API root: it answers like one, to show what would have been sent.
  elsewhere = await listen((req, res) => {
    if (req.path.startsWith('/api1/collections/?') || req.path === '/api1/collections/')
      return answer(
        res,
        200,
        { collections: [{ id: COLLECTION, title: 'Phish', can_read: true, can_write: false }] },
        { 'content-type': TAXII },
      );
    if (req.path.startsWith(`/api1/collections/${COLLECTION}/objects/`))
      return answer(res, 200, { more: false, objects: [INDICATOR] }, { 'content-type': TAXII });
    answer(res, 404, { title: 'Not found' }, { 'content-type': TAXII });
  });
  // The configured server: its discovery names the other origin as API root.
  home = await listen((req, res) => {
    if (req.path === '/taxii2/')
      return answer(
        res,
        200,
        { title: 'Home', default: `${elsewhere.url}/api1/`, api_roots: [`${elsewhere.url}/api1/`] },
        { 'content-type': TAXII },
      );
    answer(res, 404, { title: 'Not found' }, { 'content-type': TAXII });
  });
});
afterAll(async () => {
  await home?.close();
  await elsewhere?.close();
  rmSync(dir, { recursive: true, force: true });
});

function config(name: string, extra: string): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(
    file,
    `intel:\n  feeds:\n    - name: ${name}\n      type: taxii\n      url: ${home.url}/\n      username: analyst\n      password: s3cret-pw\n      apiKey: k-123-secret\n      apiKeyHeader: X-Api-Key\n${extra}`,
  );
  return file;
}

describe('a TAXII discovery naming another origin', () => {
  it('is refused with a clear error, and the credentials never leave the configured origin', async () => {
    const store = `duckdb:${join(dir, 'refused.duckdb')}`;
    const r = await runCli(['--config', config('refused', ''), '--store', store, 'intel', 'sync']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/API root .* on another origin/);
    expect(r.stderr).toContain(`set apiRoot: ${elsewhere.url}/api1/`);
    expect(r.stderr).not.toMatch(/s3cret|k-123/);
    expect(elsewhere.seen).toEqual([]);
    // The configured origin did get them (that is where they belong).
    expect(home.seen[0]!.headers.authorization).toBe(BASIC);
    expect(home.seen[0]!.headers['x-api-key']).toBe('k-123-secret');
  });

  it('is read when the feed names that API root itself', async () => {
    const store = `duckdb:${join(dir, 'trusted.duckdb')}`;
    const r = await runCli([
      '--config',
      config('trusted', `      apiRoot: ${elsewhere.url}/api1/\n`),
      '--store',
      store,
      'intel',
      'sync',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)[0].indicators).toBeGreaterThan(0);
    expect(headerText(elsewhere.seen)).toContain('k-123-secret');
  });
});
