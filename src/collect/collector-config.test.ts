import { describe, expect, it } from 'vitest';
import { parseCollectorConfigs } from './collector-config.js';
import { parseDuration } from '../config/index.js';

const entry = {
  name: 'm365',
  type: 'graph',
  tenantId: 'contoso.onmicrosoft.com',
  clientId: '3c1a9f4e-7d2b-4e8a-b5c6-0f9e8d7c6b5a',
  clientSecret: 's3cr3t-value',
};

describe('collector configuration', () => {
  it('applies the documented defaults', () => {
    const [c] = parseCollectorConfigs([entry]);
    expect(c).toMatchObject({
      interval: 300_000,
      lag: 900_000,
      lookback: 86_400_000,
      initialLookback: 7 * 86_400_000,
      pageSize: 1000,
      window: 10 * 86_400_000,
      graphUrl: 'https://graph.microsoft.com',
      loginUrl: 'https://login.microsoftonline.com',
      requestBudget: 100,
      enabled: true,
    });
    const [r] = parseCollectorConfigs([{ ...entry, type: 'reporting-web-service' }]);
    expect(r).toMatchObject({ url: 'https://reports.office365.com/ecp/reportingwebservice/reporting.svc' });
  });

  it('names the entry and key at fault, never the secret', () => {
    const bad = (e: Record<string, unknown>) => () => parseCollectorConfigs([{ ...entry, ...e }]);
    expect(bad({ pageSize: 6000 })).toThrow(/collectors\.0 \(m365\)\.pageSize/);
    expect(bad({ initialLookback: '120d' })).toThrow(/initialLookback: must be between/);
    expect(bad({ lag: 'soon' })).toThrow(/lag: not a duration/);
    expect(bad({ type: 'imap' })).toThrow(/type: must be one of graph, reporting-web-service/);
    expect(bad({ clientSecrt: 'x' })).toThrow(/unknown key "clientSecrt"/);
    expect(bad({ certificatePath: '/x.pem' })).toThrow(/either clientSecret or certificatePath/);
    expect(bad({ clientId: 'nope' })).toThrow(/clientId: the application \(client\) ID/);
    expect(() => parseCollectorConfigs([entry, entry])).toThrow(/another collector is already called m365/);
    try {
      parseCollectorConfigs([{ ...entry, pageSize: 0 }]);
    } catch (e) {
      expect(String(e)).not.toContain('s3cr3t-value');
    }
  });

  it('reads durations', () => {
    expect(parseDuration('15m')).toBe(900_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('7d')).toBe(604_800_000);
    expect(parseDuration(90)).toBe(90_000);
    expect(parseDuration('5 minutes')).toBeNaN();
  });
});
