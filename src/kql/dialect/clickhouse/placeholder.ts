/** ClickHouse placeholders: none are emitted (values are inlined, see capabilities); `{pN:Type}` names the slot for errors. */
import type { ColumnType } from '../../../schema/index.js';

/** `{pN:Type}`. */
export function placeholder(index: number, type: ColumnType): string {
  return `{p${index}:${type}}`;
}
