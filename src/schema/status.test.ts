import { describe, expect, it } from 'vitest';
import { normalizeStatus, statusSupersedes } from './status.js';

describe('statuses', () => {
  it('accepts any case, Graph lower camel case and its evolvable-enum sentinel', () => {
    expect(normalizeStatus('filteredAsSpam')).toBe('FilteredAsSpam');
    expect(normalizeStatus('DELIVERED')).toBe('Delivered');
    expect(normalizeStatus('unknownFutureValue')).toBe('None');
    expect(normalizeStatus(null)).toBe('None');
    expect(normalizeStatus('Bounced')).toBeUndefined();
  });
  it('reads every source spelling of every status', () => {
    const cases: [string, string][] = [
      ['Delivered', 'Delivered'],
      ['delivered', 'Delivered'],
      ['DELIVERED', 'Delivered'],
      [' Delivered ', 'Delivered'],
      ['FilteredAsSpam', 'FilteredAsSpam'],
      ['filteredAsSpam', 'FilteredAsSpam'],
      ['Filtered as spam', 'FilteredAsSpam'],
      ['filtered_as_spam', 'FilteredAsSpam'],
      ['GettingStatus', 'GettingStatus'],
      ['Getting status', 'GettingStatus'],
      ['recalled', 'Recalled'],
      ['配信済み', 'Delivered'],
      ['失敗', 'Failed'],
      ['検疫済み', 'Quarantined'],
    ];
    for (const [raw, status] of cases) expect(normalizeStatus(raw), raw).toBe(status);
  });
  it('lets a final status replace a transient one but never the other way round', () => {
    expect(statusSupersedes('Pending', 'Delivered')).toBe(true);
    expect(statusSupersedes('Delivered', 'Pending')).toBe(false);
    expect(statusSupersedes('GettingStatus', 'Pending')).toBe(true);
    expect(statusSupersedes('Quarantined', 'Delivered')).toBe(true);
    expect(statusSupersedes('Delivered', 'Delivered')).toBe(false);
  });
});
