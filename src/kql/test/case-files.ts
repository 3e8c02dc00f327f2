/** The case-table files of the KQL engine, loaded by the tests and by the case updater. */
import type { KqlCase } from './kql-case.js';
import { CASES as anomaly } from '../cases/anomaly.cases.js';
import { CASES as basics } from '../cases/basics.cases.js';
import { CASES as calendar } from '../cases/calendar.cases.js';
import { CASES as dynamic } from '../cases/dynamic.cases.js';
import { CASES as functions } from '../cases/functions.cases.js';
import { CASES as scalar } from '../cases/scalar.cases.js';
import { CASES as series } from '../cases/series.cases.js';
import { CASES as sources } from '../cases/sources.cases.js';
import { CASES as strings } from '../cases/strings.cases.js';
import { CASES as summarize } from '../cases/summarize.cases.js';
import { CASES as tabular } from '../cases/tabular.cases.js';
import { CASES as time } from '../cases/time.cases.js';
import { CASES as ticks } from '../cases/ticks.cases.js';
import { CASES as network } from '../cases/network.cases.js';
import { CASES as expand } from '../cases/expand.cases.js';
import { CASES as window } from '../cases/window.cases.js';
import { CASES as joins } from '../cases/joins.cases.js';

/** Case tables by file name (relative to src/kql/cases). */
export const CASE_FILES: Readonly<Record<string, readonly KqlCase[]>> = {
  'basics.cases.ts': basics,
  'strings.cases.ts': strings,
  'time.cases.ts': time,
  'ticks.cases.ts': ticks,
  'summarize.cases.ts': summarize,
  'tabular.cases.ts': tabular,
  'scalar.cases.ts': scalar,
  'sources.cases.ts': sources,
  'functions.cases.ts': functions,
  'series.cases.ts': series,
  'anomaly.cases.ts': anomaly,
  'network.cases.ts': network,
  'expand.cases.ts': expand,
  'window.cases.ts': window,
  'joins.cases.ts': joins,
  'dynamic.cases.ts': dynamic,
  'calendar.cases.ts': calendar,
};

/** Every case, with the file it comes from. */
export function allCases(): { file: string; c: KqlCase }[] {
  return Object.entries(CASE_FILES).flatMap(([file, cases]) => cases.map((c) => ({ file, c })));
}

/** Rows in a canonical order for comparing unordered results. */
export function sortRows(rows: readonly (readonly unknown[])[]): unknown[][] {
  return rows
    .map((r) => [...r])
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0));
}
