/** The DuckDB dialect of the KQL compiler. */
import type { Dialect } from '../dialect.js';
import { aggregateSource, messageAggregateSource, messageStateAggregateSource } from './aggregate-source.js';
import { aggregateFunctions } from './aggregate-functions.js';
import { capabilities } from './capabilities.js';
import { escapeString } from './escape.js';
import { functions } from './functions.js';
import { listFunctions } from './list-functions.js';
import { rowFunctions } from './row-functions.js';
import { seriesFunctions } from './series-functions.js';
import { seriesMath } from './series-math.js';
import { dynamicMoreFunctions } from './dynamic-more-functions.js';
import { textFunctions } from './text-functions.js';
import { simpleFunctions } from './simple-functions.js';
import { networkFunctions } from './network-functions.js';
import { hashFunctions } from './xxhash64.js';
import { placeholder } from './placeholder.js';
import { quoteIdentifier } from './quote.js';

export const duckdb: Dialect = {
  name: 'duckdb',
  capabilities,
  quoteIdentifier,
  escapeString,
  placeholder,
  fn: { ...functions, ...listFunctions, ...rowFunctions, ...aggregateFunctions, ...seriesFunctions, ...textFunctions },
  simple: { ...simpleFunctions, ...dynamicMoreFunctions, ...networkFunctions, ...hashFunctions },
  series: seriesMath,
  datetimeLiteral: (iso) => `TIMESTAMP ${escapeString(iso)}`,
  literal: () => {
    throw new Error('DuckDB binds values as parameters');
  },
  // A table holds one row per key: filters stay in the query's WHERE, which DuckDB pushes into the scan itself.
  tableSource: (name) => quoteIdentifier(name),
  aggregateSource,
  heavyAggregateSource: aggregateSource,
  heavyHourlySource: aggregateSource,
  messageAggregateSource,
  messageStateAggregateSource,
  prefilterColumns: () => [],
  outputValue: () => undefined,
};
