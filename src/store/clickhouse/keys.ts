/** The keys that identify stored rows, as strings to compare. */
import { MessageEvents, type TableDef } from '../../schema/index.js';
import { storeKey } from './ddl.js';

export const traceKey = (r: { MessageTraceId: string; RecipientAddress: string }) => `${r.MessageTraceId}\u0000${r.RecipientAddress}`;
export const eventKey = (e: Record<string, unknown>) => MessageEvents.key.map((k) => String(e[k])).join('\u0000');
export const keyOf = (table: TableDef, r: Record<string, unknown>) =>
  storeKey(table)
    .map((k) => String(r[k]))
    .join('\u0000');
