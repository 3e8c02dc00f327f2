// Alert rules and destinations made in the app next to those of mailsift.yaml: same checks, the file wins, secrets stay put.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/index.js';
import { loadAlertCatalog } from './alert-catalog.js';
import { BUILT_IN_RULES } from './built-in-rules.js';
import { deleteAlertEntry, saveAlertDestination, saveAlertRule, type ManageContext } from './manage-alerts.js';
import { runAlertsOnce } from './run-alerts-once.js';
import { SECRET_MASK } from './secret-mask.js';
import { sendRuleTestAlert } from './send-test-alert.js';
import { startReceiver, type Receiver } from './testing/http-receiver.js';

const FILE = {
  destinations: [{ name: 'file-hook', type: 'slack', url: 'https://hooks.slack.example/services/T0/B0/filesecret' }],
  rules: [{ name: 'file rule', detection: '*', schedule: '5m', destinations: ['file-hook'] }],
};

describe('alert definitions made in the app', () => {
  let store: Store;
  let receiver: Receiver;
  let c: ManageContext;
  beforeEach(async () => {
    store = await openStore('duckdb::memory:');
    receiver = await startReceiver({ kind: 'webhook' });
    c = { store, fileSection: FILE, user: 'alice', now: Date.UTC(2026, 2, 3) };
  });
  afterEach(async () => {
    await receiver.close();
    await store.close();
  });

  it('lists the file, the app and the built-in rules; the built-ins are off without a destination', async () => {
    const catalog = await loadAlertCatalog(store, FILE);
    expect(catalog.rules.map((r) => [r.name, r.source, r.active])).toEqual([
      ['file rule', 'file', true],
      ...BUILT_IN_RULES.map((b) => [b.name, 'built-in', false]),
    ]);
    expect(catalog.destinations[0]!.definition.url).toBe(`https://hooks.slack.example/${SECRET_MASK}`);
    expect(JSON.stringify(catalog)).not.toContain('filesecret');
    // Every built-in rule passes the rule schema once it has a destination.
    for (const b of BUILT_IN_RULES)
      await saveAlertRule(c, { ...b.definition, destinations: ['file-hook'] }, { create: false, name: b.name });
    const running = (await loadAlertCatalog(store, FILE)).effective.rules.map((r) => r.name);
    expect(running.sort()).toEqual(['file rule', ...BUILT_IN_RULES.map((b) => b.name)].sort());
  });

  it('checks entries with the YAML schema, refuses names of the file and keeps masked secrets', async () => {
    await expect(
      saveAlertRule(c, { name: 'x', detection: '*', schedule: 'often', destinations: ['file-hook'] }, { create: true }),
    ).rejects.toThrow("schedule: 'often' is neither an interval");
    await expect(
      saveAlertRule(c, { name: 'x', detection: '*', schedule: '5m', destinations: ['nowhere'] }, { create: true }),
    ).rejects.toThrow("destinations[0]: no destination is named 'nowhere'");
    await expect(
      saveAlertRule(c, { name: 'file rule', detection: '*', schedule: '5m', destinations: ['file-hook'] }, { create: true }),
    ).rejects.toMatchObject({
      code: 'ALERT_DEFINITION_CONFLICT',
    });
    await expect(saveAlertDestination(c, { name: 'h', type: 'webhook', url: 'ftp://x' }, { create: true })).rejects.toThrow(
      'url: must be an http:// or https:// URL',
    );
    const url = `${receiver.url}?token=hook-t0ken-123`;
    await saveAlertDestination(
      c,
      { name: 'hook', type: 'webhook', url, secret: 'sixteen-chars-secret' },
      { create: true },
      { useForBuiltInRules: true },
    );
    let catalog = await loadAlertCatalog(store, FILE);
    const hook = catalog.destinations.find((d) => d.name === 'hook')!;
    expect(hook.definition).toEqual({
      name: 'hook',
      type: 'webhook',
      url: `${new URL(receiver.url).origin}/${SECRET_MASK}`,
      secret: SECRET_MASK,
    });
    expect(hook.usedBy).toEqual(BUILT_IN_RULES.map((b) => b.name).sort());
    expect(catalog.rules.filter((r) => r.builtIn).every((r) => r.source === 'app' && r.active)).toBe(true);
    // Sent back masked with another change: the secrets stay, the change is taken.
    await saveAlertDestination(c, { ...hook.definition, attempts: 1 }, { create: false, name: 'hook' });
    const row = (await store.listAlertDefinitions()).find((r) => r.name === 'hook')!;
    expect(row.definition).toEqual({ name: 'hook', type: 'webhook', url, secret: 'sixteen-chars-secret', attempts: 1 });
    await expect(deleteAlertEntry(c, 'destination', 'hook')).rejects.toThrow(/rules still send to 'hook'/);
    await expect(deleteAlertEntry(c, 'rule', 'file rule')).rejects.toThrow(/defined in mailsift.yaml/);

    // A test alert under a rule reaches its destination; the run report and the receiver never see the secret in an error.
    const outcomes = await sendRuleTestAlert({ store, config: { alerts: FILE } }, 'embargoed countries');
    expect(outcomes).toMatchObject([{ destination: 'hook', status: 'delivered' }]);
    expect(receiver.accepted()[0]!.json).toMatchObject({ rule: 'embargoed countries', title: 'Medium: embargoed countries (test)' });

    // The file takes a name later: the app's entry is shadowed and does not run.
    const later = {
      ...FILE,
      rules: [...FILE.rules, { name: 'volume spike', detection: 'status-spike', schedule: '1h', destinations: ['file-hook'] }],
    };
    catalog = await loadAlertCatalog(store, later);
    expect(catalog.rules.filter((r) => r.name === 'volume spike').map((r) => [r.source, r.active, r.problem])).toEqual([
      ['file', true, null],
      ['app', false, 'mailsift.yaml defines a rule of this name; the file wins'],
    ]);
    expect(catalog.effective.rules.filter((r) => r.name === 'volume spike')).toHaveLength(1);
    const report = await runAlertsOnce({ store, config: { alerts: later }, rules: ['embargoed countries'] });
    expect(report.rules.map((r) => r.rule)).toEqual(['embargoed countries']);
  });
});
