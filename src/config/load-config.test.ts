import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config.js';
import { organizationTimeZone } from './schema.js';
import { serverTimeZone } from './time-zone.js';

const dir = mkdtempSync(join(tmpdir(), 'mailsift-config-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('loadConfig', () => {
  it('applies defaults when there is no file', () => {
    const c = loadConfig({ env: {}, configPath: file('empty.yaml', '') });
    expect(c.store).toBe('duckdb:./mailsift-data/mailsift.duckdb');
    expect(c.server.port).toBe(8080);
    expect(c.organization.embargoedCountries).toEqual(['KP', 'IR', 'SY', 'CU']);
  });

  it('follows flags > environment > file', () => {
    const p = file('store.yaml', 'store: duckdb:/file.duckdb\n');
    expect(loadConfig({ env: {}, configPath: p }).store).toBe('duckdb:/file.duckdb');
    expect(loadConfig({ env: { MAILSIFT_STORE: 'duckdb:/env.duckdb' }, configPath: p }).store).toBe('duckdb:/env.duckdb');
    expect(loadConfig({ env: { MAILSIFT_STORE: 'duckdb:/env.duckdb' }, configPath: p, store: 'duckdb:/flag.duckdb' }).store).toBe(
      'duckdb:/flag.duckdb',
    );
    expect(loadConfig({ env: { MAILSIFT_CONFIG: p } }).store).toBe('duckdb:/file.duckdb');
  });

  it('substitutes ${env:NAME} and never prints the secret', () => {
    const p = file('secret.yaml', 'collectors:\n  - { name: m365, type: graph, clientSecret: "${env:GRAPH_SECRET}" }\n');
    const c = loadConfig({ env: { GRAPH_SECRET: 's3cr3t' }, configPath: p });
    expect(c.collectors[0]!.clientSecret).toBe('s3cr3t');
    expect(() => loadConfig({ env: {}, configPath: p })).toThrow(
      /collectors\.0\.clientSecret: environment variable GRAPH_SECRET is not set/,
    );
  });

  it('normalises organization values and names the key at fault', () => {
    const ok = loadConfig({
      env: {},
      configPath: file('org.yaml', 'organization: { name: Contoso, acceptedDomains: [Contoso.CO.JP.], homeCountries: [jp] }\n'),
    });
    expect(ok.organization.acceptedDomains).toEqual(['contoso.co.jp']);
    expect(ok.organization.homeCountries).toEqual(['JP']);
    expect(() => loadConfig({ env: {}, configPath: file('bad.yaml', 'organization: { homeCountries: [Japan] }\n') })).toThrow(
      /organization\.homeCountries\.0/,
    );
    expect(() => loadConfig({ env: {}, configPath: file('typo.yaml', 'stor: x\n') })).toThrow(ConfigError);
  });

  it("takes organization.timeZone as an IANA zone, the server's zone when absent", () => {
    const tokyo = loadConfig({ env: {}, configPath: file('tz.yaml', 'organization: { timeZone: Asia/Tokyo }\n') });
    expect(organizationTimeZone(tokyo)).toBe('Asia/Tokyo');
    expect(organizationTimeZone(loadConfig({ env: {}, configPath: file('no-tz.yaml', '') }))).toBe(serverTimeZone());
    expect(() => loadConfig({ env: {}, configPath: file('bad-tz.yaml', 'organization: { timeZone: Tokyo }\n') })).toThrow(
      /organization\.timeZone: an IANA time zone such as Asia\/Tokyo/,
    );
  });

  it('reports YAML syntax errors with line and column', () => {
    expect(() => loadConfig({ env: {}, configPath: file('broken.yaml', 'store: [\n') })).toThrow(/broken\.yaml:\d+:\d+: not valid YAML/);
  });

  it("words the YAML reader's warnings in the language of mistakes instead of letting the library print them", () => {
    const path = file('tagged.yaml', 'store: !foo duckdb:/tmp/x.duckdb\n');
    const printed: string[] = [];
    const emitted: unknown[] = [];
    const onWarning = (w: unknown) => emitted.push(w);
    process.on('warning', onWarning);
    try {
      expect(loadConfig({ env: {}, configPath: path, language: 'ja', warn: (t) => printed.push(t) }).store).toBe('duckdb:/tmp/x.duckdb');
      expect(printed).toEqual([`${path}: 警告: 1 行目 8 列目: タグ（!!名前）が不明です`]);
      printed.length = 0;
      loadConfig({ env: {}, configPath: path, warn: (t) => printed.push(t) });
      expect(printed).toEqual([`${path}: warning: line 1, column 8: the tag (!!name) is not known`]);
    } finally {
      process.off('warning', onWarning);
    }
    expect(emitted).toEqual([]);
  });

  it('names a feed after its type when it has no name, so a free feed is one line', () => {
    const c = loadConfig({
      env: {},
      configPath: file(
        'feeds.yaml',
        'intel: { feeds: [ { type: threatfox }, { type: openphish, name: phish }, { type: spamhaus-drop } ] }\n',
      ),
    });
    expect(c.intel.feeds.map((f) => [f.name, f.type])).toEqual([
      ['threatfox', 'threatfox'],
      ['phish', 'openphish'],
      ['spamhaus-drop', 'spamhaus-drop'],
    ]);
    expect(() =>
      loadConfig({ env: {}, configPath: file('feed-name.yaml', 'intel: { feeds: [ { type: threatfox, name: "" } ] }\n') }),
    ).toThrow(/intel\.feeds\.0\.name/);
  });
});
