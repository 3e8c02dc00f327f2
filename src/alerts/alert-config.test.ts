import { describe, expect, it } from 'vitest';
import { linkBase, parseAlertsConfig } from './alert-config.js';

const hook = { name: 'hook', type: 'webhook', url: 'https://hooks.contoso.com/x' };
const rule = { name: 'r', detection: '*', schedule: '5m', destinations: ['hook'] };
const parse =
  (rules: unknown[], destinations: unknown[] = [hook]) =>
  () =>
    parseAlertsConfig({ rules, destinations });

describe('parseAlertsConfig', () => {
  it('fills in defaults', () => {
    const c = parseAlertsConfig({ rules: [rule], destinations: [hook] });
    expect(c.rules[0]).toMatchObject({
      name: 'r',
      enabled: true,
      source: { kind: 'detection', rule: '*' },
      suppressMs: 3_600_000,
      minSeverity: 'low',
      condition: { kind: 'rows', op: '>', value: 0 },
      key: [],
    });
    expect(c.destinations.get('hook')).toMatchObject({
      attempts: 3,
      minSeverity: 'low',
      enabled: true,
      config: { timeoutMs: 10_000, headers: {} },
    });
    expect(parseAlertsConfig(undefined)).toEqual({ rules: [], destinations: new Map() });
  });

  it('names the key at fault', () => {
    expect(parse([{ ...rule, schedule: 'often' }])).toThrow(`alerts.rules[0] ("r").schedule: 'often' is neither an interval`);
    expect(parse([{ ...rule, detection: 'spam' }])).toThrow('alerts.rules[0] ("r").detection: must be \'*\' or one of status-spike');
    expect(parse([{ ...rule, query: 'MessageTrace' }])).toThrow(`alerts.rules[0] ("r").detection: give either 'detection'`);
    expect(parse([{ ...rule, severity: 'urgent' }])).toThrow('alerts.rules[0] ("r").severity: must be one of low, medium, high, critical');
    expect(parse([{ ...rule, suppress: 'a while' }])).toThrow(`alerts.rules[0] ("r").suppress: 'a while' is not a duration`);
    expect(parse([{ ...rule, destinations: ['pager'] }])).toThrow(`alerts.rules[0] ("r").destinations[0]: no destination is named 'pager'`);
    expect(parse([{ ...rule, destinations: [] }])).toThrow('alerts.rules[0] ("r").destinations: name at least one destination');
    expect(parse([rule, rule])).toThrow(`alerts.rules[1] ("r").name: another rule is already named 'r'`);
    expect(parse([{ ...rule, cc: 'x' }])).toThrow(/alerts\.rules\[0\] \("r"\).*cc/);
    const q = { name: 'q', query: 'MessageTrace', schedule: '5m', destinations: ['hook'] };
    expect(parse([{ ...q, condition: { rows: 'many' } }])).toThrow(
      `alerts.rules[0] ("q").condition: rows must be a comparison with a whole number such as '>0'`,
    );
    expect(parse([{ ...q, condition: { column: 'count_', op: '=>', value: 1 } }])).toThrow(
      'alerts.rules[0] ("q").condition: op must be one of > >= < <= == !=',
    );
    expect(parse([{ ...rule, condition: { rows: '>0' } }])).toThrow('alerts.rules[0] ("r").condition: only query rules have a condition');
  });

  it('checks each destination against its own type, never echoing a secret', () => {
    expect(parse([], [{ name: 'p', type: 'pagerduty' }])).toThrow(
      'alerts.destinations[0] ("p").type: unknown destination type \'pagerduty\' (known: webhook, slack, teams, smtp, syslog)',
    );
    expect(parse([], [hook, hook])).toThrow(`alerts.destinations[1] ("hook").name: another destination is already named 'hook'`);
    expect(
      parse(
        [],
        [
          {
            name: 'm',
            type: 'smtp',
            host: 'smtp.contoso.com',
            from: 'a@contoso.com',
            to: 'not an address',
            auth: { user: 'u', pass: 'Secret-Pass-123' },
          },
        ],
      ),
    ).toThrow('alerts.destinations[0] ("m").to: ');
    try {
      parseAlertsConfig({
        destinations: [{ name: 'm', type: 'smtp', host: 'h', from: 'x', to: 'a@b.c', auth: { user: 'u', pass: 'Secret-Pass-123' } }],
      });
    } catch (e) {
      expect((e as Error).message).toBe('alerts.destinations[0] ("m").from: must be an e-mail address such as soc@contoso.com');
      expect((e as Error).message).not.toContain('Secret-Pass-123');
    }
    expect(parse([], [{ name: 's', type: 'syslog', host: 'siem', facility: 'local9' }])).toThrow(
      'alerts.destinations[0] ("s").facility: must be 0-23 or one of kern',
    );
    expect(parse([], [{ name: 's', type: 'syslog', host: 'siem', protocol: 'quic' }])).toThrow('alerts.destinations[0] ("s").protocol:');
  });

  it('links to server.publicUrl, else to the listening address', () => {
    expect(linkBase({ publicUrl: 'https://mailsift.contoso.com/' })).toBe('https://mailsift.contoso.com');
    expect(linkBase({ host: '0.0.0.0', port: 8080 })).toBe('http://localhost:8080');
    expect(linkBase(undefined)).toBe('http://localhost:8080');
  });
});
