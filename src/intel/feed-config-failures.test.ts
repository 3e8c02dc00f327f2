import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { feedFailureText } from './feed-failure.js';
import { feedFailureOf } from './feed-status.js';
import { readFeed } from './read-feed.js';

/** The code and both texts of the failure a read of `config` ends with. */
async function failure(config: object): Promise<{ code: string; en: string; ja: string }> {
  const error = await readFeed(config as never).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the read fails').toBeDefined();
  const f = feedFailureOf(error, config);
  return { code: f.code, en: feedFailureText(f, 'en'), ja: feedFailureText(f, 'ja') };
}

describe('feed configuration and MISP manifest failures', () => {
  it('names configuration mistakes by code, in Japanese without English sentences', async () => {
    expect(await failure({ name: '', type: 'stix', path: '/x' })).toEqual({
      code: 'needs-name',
      en: 'a feed needs a name',
      ja: 'フィードには名前（name）が必要です',
    });
    const unknown = await failure({ name: 'soc', type: 'rss', path: '/x' });
    expect(unknown.code).toBe('unknown-type');
    expect(unknown.ja).toMatch(/^フィード soc: 種類 rss は使えません（stix, taxii, .*openphish のいずれかです）$/);
    expect(await failure({ name: 'soc', type: 'stix', path: '/x', url: 'https://feeds.example/x' })).toMatchObject({
      code: 'path-and-url',
      ja: 'フィード soc: path と url はどちらか一方だけを指定してください',
    });
    expect(await failure({ name: 'soc', type: 'stix' })).toMatchObject({
      code: 'needs-path-or-url',
      ja: 'フィード soc: path か url を指定してください',
    });
    expect(await failure({ name: 'ph', type: 'openphish', urls: 'https://feeds.example/x' })).toMatchObject({
      code: 'urls-not-list',
      ja: 'フィード ph: urls は URL のリストで指定してください',
    });
    expect(await failure({ name: 'ph', type: 'openphish', path: '/x', urls: ['https://feeds.example/x'] })).toMatchObject({
      code: 'path-and-url',
      ja: 'フィード ph: path と url/urls はどちらか一方だけを指定してください',
    });
    expect(await failure({ name: 'soc', type: 'stix', url: 'file:///etc/passwd' })).toMatchObject({
      code: 'unsupported-scheme',
      ja: 'URL スキーム file: には対応していません（file:///etc/passwd）',
    });
    expect(await failure({ name: 't', type: 'taxii' })).toMatchObject({
      code: 'taxii-needs-url',
      ja: 'フィード t: TAXII フィードには url が必要です',
    });
  });

  it('names a MISP manifest that is not an object of events, and an event file it cannot read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailsift-misp-'));
    writeFileSync(join(dir, 'manifest.json'), '["not", "events"]');
    expect(await failure({ name: 'misp', type: 'misp', path: dir })).toEqual({
      code: 'misp-manifest-not-object',
      en: 'feed misp: manifest.json is not an object of events',
      ja: 'フィード misp: manifest.json がイベントのオブジェクトではありません',
    });
    writeFileSync(join(dir, 'manifest.json'), '{"not json');
    const bad = await failure({ name: 'misp', type: 'misp', path: dir });
    expect(bad.code).toBe('invalid-json');
    expect(bad.ja).toMatch(/^フィード misp manifest\.json が JSON として不正です: /);
    const uuid = '5f1e2d3c-4b5a-4c6d-8e7f-0a1b2c3d4e5f';
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ [uuid]: { timestamp: '1767225600' } }));
    expect(await failure({ name: 'misp', type: 'misp', path: dir })).toEqual({
      code: 'cannot-read-file',
      en: `feed misp: cannot read ${join(dir, `${uuid}.json`)}: ENOENT`,
      ja: `フィード misp: ${join(dir, `${uuid}.json`)} を読み込めません: ENOENT`,
    });
  });
});
