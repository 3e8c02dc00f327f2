/** The ClickHouse dialect of the KQL compiler. */
import type { Dialect } from '../dialect.js';
import { aggregateSource, messageAggregateSource, messageStateAggregateSource } from './aggregate-source.js';
import { aggregateFunctions } from './aggregate-functions.js';
import { capabilities } from './capabilities.js';
import { escapeString } from './escape.js';
import { functions } from './functions.js';
import { listFunctions } from './list-functions.js';
import { literal } from './literal.js';
import { outputValue } from './output.js';
import { rowFunctions } from './row-functions.js';
import { seriesFunctions } from './series-functions.js';
import { seriesMath } from './series-math.js';
import { textFunctions } from './text-functions.js';
import { simpleFunctions } from './simple-functions.js';
import { placeholder } from './placeholder.js';
import { quoteIdentifier } from './quote.js';
import { prefilterColumns, tableSource } from './table-source.js';
import { windowArrays } from './window-arrays.js';

export const clickhouse: Dialect = {
  name: 'clickhouse',
  capabilities,
  quoteIdentifier,
  escapeString,
  placeholder,
  literal,
  tableSource,
  aggregateSource,
  heavyAggregateSource: aggregateSource,
  messageAggregateSource,
  messageStateAggregateSource,
  prefilterColumns,
  outputValue,
  fn: { ...functions, ...listFunctions, ...rowFunctions, ...aggregateFunctions, ...seriesFunctions, ...textFunctions },
  simple: simpleFunctions,
  series: seriesMath,
  windowArrays,
  datetimeLiteral: (iso) => literal(iso, 'datetime'),
};
