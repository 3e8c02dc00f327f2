/** A constant: string, number, bool, datetime, timespan, dynamic or a typed null. */
import type { ColumnType } from '../../schema/index.js';

/** A literal value. datetime values are ms since the epoch, timespans microseconds, dynamic values parsed JSON. */
export interface LiteralNode {
  readonly kind: 'Literal';
  readonly type: ColumnType;
  readonly value: string | number | boolean | null | unknown[] | Record<string, unknown>;
  readonly pos: number;
}
