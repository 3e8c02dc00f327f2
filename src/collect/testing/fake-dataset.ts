/**
 * The fake tenant's message trace: rows that Microsoft publishes some time after they were received, and
 * whose status changes over time (pending -> delivered), as seen at a given moment.
 */

/** One message x recipient as the fake knows it; times in ms. */
export interface FakeTrace {
  id: string;
  messageId: string;
  receivedDateTime: number;
  senderAddress: string;
  recipientAddress: string;
  subject: string;
  size: number;
  fromIP: string;
  toIP: string;
  /** When the row becomes visible (Microsoft publishes rows late); default: receivedDateTime. */
  publishedAt?: number;
  /** Status history in Graph's lower camel case, oldest first; the first entry applies from publication. */
  statuses: { at: number; status: string }[];
}

/** A row as visible at one moment: its current status. */
export type FakeTraceView = Omit<FakeTrace, 'statuses' | 'publishedAt'> & { status: string };

/** Where the fake reads rows from. */
export interface TraceDataset {
  /** Rows visible at `now` received within [start, end], newest first, from `offset`, at most `limit`. */
  slice(start: number, end: number, now: number, offset: number, limit: number): FakeTraceView[];
  /** One row by trace id and recipient, as visible at `now`. */
  find(id: string, recipient: string, now: number): FakeTraceView | undefined;
}

function view(t: FakeTrace, now: number): FakeTraceView {
  let status = t.statuses[0]?.status ?? 'pending';
  for (const s of t.statuses) if (s.at <= now) status = s.status;
  const { statuses: _s, publishedAt: _p, ...rest } = t;
  return { ...rest, status };
}

/** A dataset held in memory, for scenario tests. */
export class MemoryDataset implements TraceDataset {
  private rows: FakeTrace[] = [];
  private sorted = true;

  /** Add rows (in any order). */
  add(...traces: FakeTrace[]): void {
    this.rows.push(...traces);
    this.sorted = false;
  }

  /** Record a status change of one row at `at`. */
  changeStatus(id: string, recipient: string, at: number, status: string): void {
    const t = this.rows.find((r) => r.id === id && r.recipientAddress === recipient);
    if (!t) throw new Error(`no fake trace ${id} ${recipient}`);
    t.statuses.push({ at, status });
    t.statuses.sort((a, b) => a.at - b.at);
  }

  /** Every row visible at `now` received within [start, end], with its status at `now` (the truth to compare with). */
  visible(now: number, start = -Infinity, end = Infinity): FakeTraceView[] {
    return this.ordered()
      .filter((t) => (t.publishedAt ?? t.receivedDateTime) <= now && t.receivedDateTime >= start && t.receivedDateTime <= end)
      .map((t) => view(t, now));
  }

  slice(start: number, end: number, now: number, offset: number, limit: number): FakeTraceView[] {
    return this.visible(now, start, end).slice(offset, offset + limit);
  }

  find(id: string, recipient: string, now: number): FakeTraceView | undefined {
    const t = this.rows.find((r) => r.id === id && r.recipientAddress === recipient && (r.publishedAt ?? r.receivedDateTime) <= now);
    return t && view(t, now);
  }

  private ordered(): FakeTrace[] {
    if (!this.sorted) {
      // Newest first, as Graph returns them; ties in a fixed order so offsets are stable.
      this.rows.sort((a, b) => b.receivedDateTime - a.receivedDateTime || (a.id + a.recipientAddress < b.id + b.recipientAddress ? -1 : 1));
      this.sorted = true;
    }
    return this.rows;
  }
}

/**
 * A large tenant without holding it in memory: `perDay` messages evenly spread from `from`, row i computed
 * from i. Every row is delivered and visible `publishDelayMs` after it was received.
 */
export class SyntheticDataset implements TraceDataset {
  private readonly step: number;

  constructor(
    private readonly from: number,
    perDay: number,
    private readonly publishDelayMs = 5 * 60_000,
  ) {
    this.step = 86_400_000 / perDay;
  }

  /** Rows received within [start, end] and visible at `now`. */
  count(start: number, end: number, now: number): number {
    const [lo, hi] = this.range(start, Math.min(end, now - this.publishDelayMs));
    return Math.max(0, hi - lo + 1);
  }

  slice(start: number, end: number, now: number, offset: number, limit: number): FakeTraceView[] {
    const [lo, hi] = this.range(start, Math.min(end, now - this.publishDelayMs));
    const out: FakeTraceView[] = [];
    for (let i = hi - offset; i >= lo && out.length < limit; i--) out.push(this.row(i));
    return out;
  }

  find(id: string, recipient: string): FakeTraceView | undefined {
    const i = Number(/^00000000-0000-4000-8000-(\d{12})$/.exec(id)?.[1]);
    if (!Number.isInteger(i)) return undefined;
    const r = this.row(i);
    return r.recipientAddress === recipient ? r : undefined;
  }

  private range(start: number, end: number): [number, number] {
    return [Math.max(0, Math.ceil((start - this.from) / this.step)), Math.floor((end - this.from) / this.step)];
  }

  private row(i: number): FakeTraceView {
    return {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      messageId: `<m${i}@contoso.com>`,
      receivedDateTime: Math.floor(this.from + i * this.step),
      senderAddress: `sender${i % 997}@fabrikam.example`,
      recipientAddress: `user${i % 1009}@contoso.com`,
      subject: `Report ${i % 101}`,
      size: 2000 + (i % 50_000),
      fromIP: `203.0.113.${i % 250}`,
      toIP: '',
      status: 'delivered',
    };
  }
}
