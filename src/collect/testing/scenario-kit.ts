/** Shared pieces of the collector tests and the budget benchmark: ids, config entries, fake rows, store read-back. */
import { normalizeStatus } from '../../schema/index.js';
import { runKql, type Store } from '../../store/index.js';
import type { FakeTrace, FakeTraceView } from './fake-dataset.js';
import type { FakeMicrosoft } from './fake-microsoft.js';

export const TENANT_ID = '6f0b6c39-2b0c-4a6e-9a43-1c2f5d3e8a10';
export const CLIENT_ID = '3c1a9f4e-7d2b-4e8a-b5c6-0f9e8d7c6b5a';
/** A client secret shaped like Entra's; tests assert it never shows up in messages. */
export const CLIENT_SECRET = 'Xq8Q~fakeSecretValue.0123456789abcdefghij';

/** A Graph collector entry pointing at the fake, as it would appear in mailsift.yaml. */
export function graphEntry(fake: FakeMicrosoft, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'm365',
    type: 'graph',
    tenantId: TENANT_ID,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    graphUrl: fake.url,
    loginUrl: fake.url,
    timeout: '10s',
    ...extra,
  };
}

/** A Reporting Web Service collector entry pointing at the fake. */
export function rwsEntry(fake: FakeMicrosoft, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'legacy',
    type: 'reporting-web-service',
    tenantId: TENANT_ID,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    url: fake.rwsUrl,
    loginUrl: fake.url,
    timeout: '10s',
    ...extra,
  };
}

/** A fake message-trace row; `i` makes it unique. */
export function fakeTrace(i: number, received: number, extra: Partial<FakeTrace> = {}): FakeTrace {
  const hex = i.toString(16).padStart(12, '0');
  return {
    id: `7a1b2c3d-0000-4000-8000-${hex}`,
    messageId: `<msg${i}@fabrikam.example>`,
    receivedDateTime: received,
    senderAddress: `sender${i % 17}@fabrikam.example`,
    recipientAddress: `user${i % 23}@contoso.com`,
    subject: `Invoice ${i}`,
    size: 1000 + i,
    fromIP: `198.51.100.${i % 200}`,
    toIP: '',
    statuses: [{ at: received, status: 'delivered' }],
    ...extra,
  };
}

/** A row reduced to what the comparison needs: key, receive time, status. */
export interface KeyedRow {
  key: string;
  received: string;
  status: string;
}

/** The fake's truth in comparable form. */
export function expectedRows(rows: readonly FakeTraceView[]): KeyedRow[] {
  return rows
    .map((r) => ({
      key: `${r.id}|${r.recipientAddress}`,
      received: new Date(r.receivedDateTime).toISOString(),
      status: normalizeStatus(r.status) ?? '?',
    }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** What the store holds, in comparable form (duplicates would show as repeated keys). */
export async function storedRows(store: Store): Promise<KeyedRow[]> {
  const r = await runKql(store, 'MessageTrace | project MessageTraceId, RecipientAddress, Received, Status');
  return r.rows
    .map(([id, rcpt, received, status]) => ({
      key: `${String(id)}|${String(rcpt)}`,
      received: new Date(String(received)).toISOString(),
      status: String(status),
    }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** `n` delivered rows received evenly over the `days` before `end`. */
export function spreadTraces(n: number, days: number, end: number, first = 0): FakeTrace[] {
  return Array.from({ length: n }, (_, i) =>
    fakeTrace(first + i, end - days * 86_400_000 + Math.floor(((i + 0.5) * days * 86_400_000) / n)),
  );
}
