/**
 * The series functions built on the series algorithms (series-analysis.ts): series_outliers, series_fir,
 * series_fill_linear, series_stats_dynamic, and the parts of the functions that give several columns
 * (series_stats, series_decompose, series_decompose_anomalies; see multi-column.ts).
 */
import type { CallNode } from '../ast/index.js';
import { constNumber, constString, want } from './arguments.js';
import type { ScalarFunction } from './arguments.js';
import type { CompileContext } from './context.js';
import { decompose, firFilter, linearFill, tukeyScores } from './series-analysis.js';
import type { TrendKind } from './series-analysis.js';
import { isNull, output, SERIES_FILL_FUNCTIONS } from './series-fill-functions.js';
import { atom } from './sql-expr.js';
import type { SqlExpr } from './sql-expr.js';

/** `body` over the series argument read once as a list of doubles (a lambda variable). */
function overSeries(ctx: CompileContext, series: SqlExpr, body: (x: string) => string): string {
  const x = ctx.alias('x');
  return ctx.dialect.series.bind(ctx.dialect.series.doubles(series.sql), x, body(x));
}

const dynamic = (ctx: CompileContext, e: SqlExpr, sql: string): SqlExpr => atom(sql, 'dynamic', e.aggregate);

/** A constant bool argument (or its default). */
function constBool(ctx: CompileContext, call: CallNode, i: number, e: SqlExpr | undefined, fallback: boolean): boolean {
  if (e === undefined) return fallback;
  if (e.constant && typeof e.constant.value === 'boolean') return e.constant.value;
  throw ctx.error('invalid-argument', 'constant-bool-argument', { index: i + 1, name: call.name }, call.args[i]?.pos ?? call.pos);
}

/** Percentiles of a Tukey test by kind: tukey 25/75, ctukey the given ones (10/90 by default, within [2, 98]). */
function tukeyRange(ctx: CompileContext, call: CallNode, kind: string, low: number, high: number, at: number): [number, number] {
  if (kind === 'tukey') return [25, 75];
  if (kind !== 'ctukey') throw ctx.error('invalid-argument', 'tukey-kind', { name: call.name, kind }, call.args[at]?.pos ?? call.pos);
  if (!(low >= 2 && low <= 98 && high >= 2 && high <= 98 && low < high))
    throw ctx.error('invalid-argument', 'tukey-percentiles', { name: call.name }, call.pos);
  return [low, high];
}

const seriesOutliers: ScalarFunction = {
  min: 1,
  max: 5,
  compile: (ctx, args, call) => {
    const s = want(ctx, call, 0, args[0]!, 'dynamic');
    const kind = args[1] ? constString(ctx, call, 1, args[1]) : 'ctukey';
    const ignore = isNull(args[2]) ? undefined : want(ctx, call, 2, args[2]!, 'int', 'long', 'real').sql;
    const low = args[3] ? constNumber(ctx, call, 3, args[3]) : 10;
    const high = args[4] ? constNumber(ctx, call, 4, args[4]) : 90;
    const [lo, hi] = tukeyRange(ctx, call, kind, low, high, 1);
    return dynamic(
      ctx,
      s,
      overSeries(ctx, s, (x) => ctx.dialect.series.json(tukeyScores(ctx, x, { low: lo, high: hi, ignore }))),
    );
  },
};

/** The constant numbers of a dynamic array argument. */
function constNumbers(ctx: CompileContext, call: CallNode, i: number, e: SqlExpr): number[] {
  const v = e.constant?.value;
  if (e.type === 'dynamic' && Array.isArray(v) && v.every((n) => typeof n === 'number')) return v as number[];
  throw ctx.error('invalid-argument', 'constant-number-array', { index: i + 1, name: call.name }, call.args[i]?.pos ?? call.pos);
}

const seriesFir: ScalarFunction = {
  min: 2,
  max: 4,
  compile: (ctx, args, call) => {
    const s = want(ctx, call, 0, args[0]!, 'dynamic');
    const filter = constNumbers(ctx, call, 1, args[1]!);
    // Normalizing is the default unless a coefficient is negative; asked for with one, the result is null (Kusto's docs).
    const negative = filter.some((c) => c < 0);
    const normalize = constBool(ctx, call, 2, args[2], !negative);
    const center = constBool(ctx, call, 3, args[3], false);
    const total = filter.reduce((a, c) => a + c, 0);
    if (normalize && (negative || total === 0)) return atom(ctx.dialect.fn.cast('NULL', 'dynamic'), 'dynamic', s.aggregate);
    const coefficients = normalize ? filter.map((c) => c / total) : filter;
    return dynamic(
      ctx,
      s,
      overSeries(ctx, s, (x) => ctx.dialect.series.json(firFilter(ctx, x, coefficients, center))),
    );
  },
};

const seriesFillLinear: ScalarFunction = {
  min: 1,
  max: 4,
  compile: (ctx, args, call) => {
    const s = want(ctx, call, 0, args[0]!, 'dynamic');
    const missing = isNull(args[1]) ? undefined : want(ctx, call, 1, args[1]!, 'int', 'long', 'real').sql;
    const fillEdges = constBool(ctx, call, 2, args[2], true);
    const constant = args[3] === undefined ? '0.0' : isNull(args[3]) ? 'NULL' : want(ctx, call, 3, args[3], 'int', 'long', 'real').sql;
    const filled = (x: string) => linearFill(ctx, x, { ...(missing === undefined ? {} : { missing }), fillEdges, constant });
    // A series of integers stays one: the interpolated values are truncated (Kusto's docs: 73.5 becomes 73).
    return dynamic(
      ctx,
      s,
      overSeries(ctx, s, (x) => output(ctx, s, filled(x), true)),
    );
  },
};

/** The names of series_stats' columns, in Kusto's order. */
export const STATS_PARTS = ['min', 'min_idx', 'max', 'max_idx', 'avg', 'stdev', 'variance'] as const;

/** The statistics of a list of doubles `x` (a variable), each null when `strict` and the series holds a null. */
function statistics(ctx: CompileContext, x: string, strict: boolean): Record<(typeof STATS_PARTS)[number] | 'sum' | 'len', SqlExpr> {
  const m = ctx.dialect.series;
  const s = ctx.alias('s');
  const sorted = m.sortedValues(x);
  const c = m.count(x);
  const min = m.bind(sorted, s, m.at(s, '0'));
  const max = m.bind(sorted, s, m.at(s, `${m.len(s)} - 1`));
  const avg = `CASE WHEN ${c} = 0 THEN NULL ELSE ${m.sum(x)} / ${c} END`;
  const variance = `CASE WHEN ${c} < 2 THEN NULL ELSE ${m.varianceSample(x)} END`;
  const guard = (sql: string) => (strict ? `CASE WHEN ${c} < ${m.len(x)} THEN NULL ELSE ${sql} END` : sql);
  const real = (sql: string) => atom(guard(sql), 'real');
  const long = (sql: string) => atom(ctx.dialect.fn.cast(guard(sql), 'long'), 'long');
  return {
    min: real(min),
    min_idx: long(`CASE WHEN ${c} = 0 THEN NULL ELSE ${m.indexOf(x, min)} END`),
    max: real(max),
    max_idx: long(`CASE WHEN ${c} = 0 THEN NULL ELSE ${m.indexOf(x, max)} END`),
    avg: real(avg),
    stdev: real(`sqrt(${variance})`),
    variance: real(variance),
    sum: real(`CASE WHEN ${c} = 0 THEN NULL ELSE ${m.sum(x)} END`),
    len: atom(m.len(x), 'long'),
  };
}

/** Whether series_stats ignores nulls (its ignore_nonfinite argument). */
function ignoreNonfinite(ctx: CompileContext, call: CallNode, args: readonly SqlExpr[]): boolean {
  return constBool(ctx, call, 1, args[1], false);
}

const seriesStatsDynamic: ScalarFunction = {
  min: 1,
  max: 2,
  compile: (ctx, args, call) => {
    const s = want(ctx, call, 0, args[0]!, 'dynamic');
    const m = ctx.dialect.series;
    const strict = !ignoreNonfinite(ctx, call, args);
    const sql = overSeries(ctx, s, (x) => {
      const st = statistics(ctx, x, strict);
      const keys = ['min', 'min_idx', 'max', 'max_idx', 'avg', 'stdev', 'variance', 'sum', 'len'] as const;
      const integer = new Set(['min_idx', 'max_idx', 'len']);
      return m.object(keys.map((k) => [k, integer.has(k) ? m.jsonInteger(st[k].sql) : m.jsonNumber(st[k].sql)] as const));
    });
    return dynamic(ctx, s, sql);
  },
};

/** The functions of this file that give one value. */
export const SERIES_FUNCTIONS: Readonly<Record<string, ScalarFunction>> = {
  ...SERIES_FILL_FUNCTIONS,
  series_outliers: seriesOutliers,
  series_fir: seriesFir,
  series_fill_linear: seriesFillLinear,
  series_stats_dynamic: seriesStatsDynamic,
};

/** A function giving several columns: the suffixes of their names, and their values. */
export interface MultiColumnFunction {
  readonly min: number;
  readonly max: number;
  readonly parts: readonly string[];
  compile(ctx: CompileContext, args: readonly SqlExpr[], call: CallNode): SqlExpr[];
}

const seriesStats: MultiColumnFunction = {
  min: 1,
  max: 2,
  parts: STATS_PARTS,
  compile: (ctx, args, call) => {
    const s = want(ctx, call, 0, args[0]!, 'dynamic');
    const strict = !ignoreNonfinite(ctx, call, args);
    return STATS_PARTS.map((p) => {
      const x = ctx.alias('x');
      const part = statistics(ctx, x, strict)[p];
      return atom(ctx.dialect.series.bind(ctx.dialect.series.doubles(s.sql), x, part.sql), part.type, s.aggregate);
    });
  },
};

/** series_decompose's seasonality, trend and test points: positive periods and 0 only (auto-detection is not supported yet). */
function decomposition(ctx: CompileContext, call: CallNode, args: readonly (SqlExpr | undefined)[], first: number) {
  const [season, trend, test] = [args[first], args[first + 1], args[first + 2]];
  const period = season === undefined ? -1 : constNumber(ctx, call, first, season);
  if (period === -1) throw ctx.error('unsupported', 'seasonality-detection', { name: call.name }, call.args[first]?.pos ?? call.pos);
  if (!Number.isInteger(period) || period < 0)
    throw ctx.error('invalid-argument', 'seasonality-value', { name: call.name }, call.args[first]!.pos);
  const kind = trend === undefined ? 'avg' : constString(ctx, call, first + 1, trend);
  if (kind !== 'avg' && kind !== 'linefit' && kind !== 'none')
    throw ctx.error('invalid-argument', 'trend-kind', { name: call.name, kind }, call.args[first + 1]!.pos);
  const testPoints = test === undefined ? 0 : constNumber(ctx, call, first + 2, test);
  if (!Number.isInteger(testPoints) || testPoints < 0)
    throw ctx.error('invalid-argument', 'test-points', { name: call.name }, call.args[first + 2]!.pos);
  return { period, trend: kind as TrendKind, testPoints };
}

const seriesDecompose: MultiColumnFunction = {
  min: 1,
  max: 5,
  parts: ['baseline', 'seasonal', 'trend', 'residual'],
  compile: (ctx, args, call) => {
    const s = want(ctx, call, 0, args[0]!, 'dynamic');
    const o = decomposition(ctx, call, args, 1);
    return (['baseline', 'seasonal', 'trend', 'residual'] as const).map((p) =>
      dynamic(
        ctx,
        s,
        overSeries(ctx, s, (x) => ctx.dialect.series.json(decompose(ctx, x, o.period, o.trend, o.testPoints)[p])),
      ),
    );
  },
};

const seriesDecomposeAnomalies: MultiColumnFunction = {
  min: 1,
  max: 7,
  parts: ['ad_flag', 'ad_score', 'baseline'],
  compile: (ctx, args, call) => {
    const s = want(ctx, call, 0, args[0]!, 'dynamic');
    const m = ctx.dialect.series;
    const threshold = args[1] === undefined ? 1.5 : constNumber(ctx, call, 1, args[1]);
    const o = decomposition(ctx, call, args, 2);
    const method = args[5] === undefined ? 'ctukey' : constString(ctx, call, 5, args[5]);
    const [low, high] = tukeyRange(ctx, call, method, 10, 90, 5);
    const score = (x: string) => tukeyScores(ctx, decompose(ctx, x, o.period, o.trend, o.testPoints).residual, { low, high });
    const flag = (x: string) => {
      const [sc, i] = [ctx.alias('c'), ctx.alias('i')];
      const v = m.at(sc, i);
      return m.bind(
        score(x),
        sc,
        m.build(m.len(sc), i, `CASE WHEN ${v} > ${threshold} THEN 1 WHEN ${v} < -${threshold} THEN -1 ELSE 0 END`),
      );
    };
    return [
      dynamic(
        ctx,
        s,
        overSeries(ctx, s, (x) => m.json(flag(x), true)),
      ),
      dynamic(
        ctx,
        s,
        overSeries(ctx, s, (x) => m.json(score(x))),
      ),
      dynamic(
        ctx,
        s,
        overSeries(ctx, s, (x) => m.json(decompose(ctx, x, o.period, o.trend, o.testPoints).baseline)),
      ),
    ];
  },
};

/** The functions that give several columns, by name. */
export const MULTI_COLUMN_FUNCTIONS: Readonly<Record<string, MultiColumnFunction>> = {
  series_stats: seriesStats,
  series_decompose: seriesDecompose,
  series_decompose_anomalies: seriesDecomposeAnomalies,
};
