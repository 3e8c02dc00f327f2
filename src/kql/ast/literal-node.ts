/** A constant: string, number, bool, datetime, timespan, dynamic or a typed null. */
import type { ColumnType } from '../../schema/index.js';

/** A literal value. datetime values are ms since the epoch, timespans microseconds, dynamic values parsed JSON. */
export interface LiteralNode {
  readonly kind: 'Literal';
  readonly type: ColumnType;
  readonly value: string | number | boolean | null | unknown[] | Record<string, unknown>;
  readonly pos: number;
  /**
   * The 100 ns ticks below the microsecond `value` leaves out: a datetime's seventh fraction digit (0-9), a
   * timespan's remainder (-9 to 9, the sign of the timespan). Absent when 0.
   */
  readonly tick?: number;
  /** A long beyond 2^53 (which `value` holds rounded): its exact digits. */
  readonly digits?: string;
}
