/** Type rules of KQL scalars: which types are numeric, what arithmetic returns, what compares with what. */
import type { ColumnType } from '../../schema/index.js';

/** int, long or real. */
export function isNumeric(t: ColumnType): boolean {
  return t === 'int' || t === 'long' || t === 'real';
}

/** int or long. */
export function isInteger(t: ColumnType): boolean {
  return t === 'int' || t === 'long';
}

/** Result type of numeric arithmetic: real wins, then long. */
export function numericResult(a: ColumnType, b: ColumnType): ColumnType {
  if (a === 'real' || b === 'real') return 'real';
  if (a === 'long' || b === 'long') return 'long';
  return 'int';
}

/** Whether two types may be compared with == < etc. (dynamic compares with anything). */
export function comparable(a: ColumnType, b: ColumnType): boolean {
  if (a === b || a === 'dynamic' || b === 'dynamic') return true;
  return isNumeric(a) && isNumeric(b);
}

/** A column name made by the query itself must be a plain identifier. */
export const VALID_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
