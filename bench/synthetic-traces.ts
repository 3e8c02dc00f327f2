/** The synthetic traces the ClickHouse benchmarks write: the same rows for the same count. */
import type { Status, TraceRow } from '../src/schema/index.js';

/** Days the traces span, from START (UTC midnight). */
export const DAYS = 30;
export const START = Date.UTC(2026, 9, 1);

/** Deterministic synthetic traces: 30 days, 2,000 senders over 300 domains, ~2.5 recipients per message. */
export function syntheticTraces(n: number): TraceRow[] {
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const statuses: Status[] = ['Delivered', 'Delivered', 'Delivered', 'Delivered', 'FilteredAsSpam', 'Quarantined', 'Failed', 'Pending'];
  const out: TraceRow[] = [];
  let m = 0;
  while (out.length < n) {
    m++;
    const domain = `d${Math.floor(rnd() * 300)}.example`;
    const sender = `u${Math.floor(rnd() * 2000)}@${domain}`;
    const received = START + Math.floor(rnd() * DAYS * 86_400_000);
    const recipients = 1 + Math.floor(rnd() * 3);
    for (let r = 0; r < recipients && out.length < n; r++) {
      out.push({
        Received: received,
        SenderAddress: sender,
        RecipientAddress: `r${Math.floor(rnd() * 500)}@contoso.com`,
        Subject: `Subject ${Math.floor(rnd() * 5000)}`,
        Status: statuses[Math.floor(rnd() * statuses.length)]!,
        FromIP: `203.0.113.${Math.floor(rnd() * 255)}`,
        ToIP: '',
        Size: Math.floor(rnd() * 200_000),
        MessageId: `<m${m}@${domain}>`,
        MessageTraceId: `t${m}`,
        Organization: 'contoso.onmicrosoft.com',
        Source: 'graph',
        SenderDomain: domain,
        RecipientDomain: 'contoso.com',
        Direction: 'Inbound',
        FromCountry: ['US', 'JP', 'DE', 'CN', ''][Math.floor(rnd() * 5)]!,
        ToCountry: '',
        FromAsn: 64500 + Math.floor(rnd() * 20),
        ToAsn: 0,
        FromAsOrg: '',
        ToAsOrg: '',
      });
    }
  }
  // Collectors and exports deliver in time order.
  return out.sort((a, b) => a.Received - b.Received);
}
