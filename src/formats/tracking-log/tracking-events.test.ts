import { describe, expect, it } from 'vitest';
import { BatchBuilder } from '../shared/index.js';
import { FIELDS_2013, FieldMap, splitStatuses, TrackingEvents } from './index.js';

function line(values: Record<string, string>): string[] {
  return FIELDS_2013.map((f) => values[f] ?? '');
}

describe('TrackingEvents', () => {
  it('writes the oldest messages out early when too many are open, and the later status wins on re-read', () => {
    const b = new BatchBuilder('MSGTRK.LOG');
    const events = new TrackingEvents(b, 'tracking-log', 10);
    events.setHeader(new FieldMap(FIELDS_2013));
    for (let i = 0; i < 25; i++) {
      events.line(
        line({
          'date-time': `2026-03-06T09:00:${String(i).padStart(2, '0')}.000Z`,
          'event-id': 'RECEIVE',
          source: 'SMTP',
          'network-message-id': `m${i}`,
          'recipient-address': 'a@contoso.com',
        }),
        i + 1,
        '',
      );
    }
    // Ten open at most: fifteen were written out early, still Pending.
    expect(b.traces.length).toBe(15);
    expect(b.traces.every((t) => t.Status === 'Pending')).toBe(true);
    events.line(
      line({
        'date-time': '2026-03-06T09:01:00.000Z',
        'event-id': 'DELIVER',
        source: 'STOREDRIVER',
        'network-message-id': 'm0',
        'recipient-address': 'a@contoso.com',
      }),
      26,
      '',
    );
    events.finish();
    const m0 = b.traces.filter((t) => t.MessageTraceId === 'm0');
    expect(m0.map((t) => t.Status)).toEqual(['Pending', 'Delivered']);
    expect(b.traces.length).toBe(26);
    expect(b.events.length).toBe(26);
    expect(b.read).toBe(26);
  });

  it('keeps the status of the latest event even when lines come out of order', () => {
    const b = new BatchBuilder('MSGTRK.LOG');
    const events = new TrackingEvents(b, 'tracking-log');
    events.setHeader(new FieldMap(FIELDS_2013));
    events.line(
      line({
        'date-time': '2026-03-06T09:00:05.000Z',
        'event-id': 'DELIVER',
        'network-message-id': 'x',
        'recipient-address': 'a@contoso.com',
      }),
      1,
      '',
    );
    events.line(
      line({
        'date-time': '2026-03-06T09:00:01.000Z',
        'event-id': 'RECEIVE',
        'network-message-id': 'x',
        'recipient-address': 'a@contoso.com',
        'client-ip': '203.0.113.1',
        source: 'SMTP',
      }),
      2,
      '',
    );
    events.finish();
    expect(b.traces).toMatchObject([{ Status: 'Delivered', Received: Date.UTC(2026, 2, 6, 9, 0, 1), FromIP: '203.0.113.1' }]);
  });
});

describe('splitStatuses', () => {
  it('splits per recipient, keeping a status that holds a semicolon whole', () => {
    expect(splitStatuses('250 OK;250 OK', 2)).toEqual(['250 OK', '250 OK']);
    expect(splitStatuses('550 5.1.10 NotFound; lookup failed;550 5.1.10 NotFound; lookup failed', 2)).toEqual([
      '550 5.1.10 NotFound; lookup failed',
      '550 5.1.10 NotFound; lookup failed',
    ]);
    expect(splitStatuses('550 5.1.10 NotFound; lookup failed', 1)).toEqual(['550 5.1.10 NotFound; lookup failed']);
    expect(splitStatuses('odd;text;here', 2)).toEqual(['odd;text;here', 'odd;text;here']);
  });
});
