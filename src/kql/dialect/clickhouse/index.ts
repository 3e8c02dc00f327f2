/** The ClickHouse dialect of the KQL compiler. */
import type { Dialect } from '../dialect.js';
import { capabilities } from './capabilities.js';
import { escapeString } from './escape.js';
import { functions } from './functions.js';
import { literal } from './literal.js';
import { outputValue } from './output.js';
import { placeholder } from './placeholder.js';
import { quoteIdentifier } from './quote.js';
import { tableSource } from './table-source.js';

export const clickhouse: Dialect = {
  name: 'clickhouse',
  capabilities,
  quoteIdentifier,
  escapeString,
  placeholder,
  literal,
  tableSource,
  outputValue,
  fn: functions,
  datetimeLiteral: (iso) => literal(iso, 'datetime'),
};
