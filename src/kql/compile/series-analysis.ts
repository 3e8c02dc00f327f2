/**
 * The series algorithms of Kusto's documentation (Tukey scores, FIR filters, linear fill, decomposition into
 * seasonal, trend and residual), written once over the dialect's list hooks (SeriesMath): each returns a SQL list of
 * doubles. Lambda variables come from ctx.alias so nested lists never capture each other's.
 */
import type { CompileContext } from './context.js';

/** SQL of one list of doubles. */
type List = string;

/** The `p`-th percentile (0-100, linear between the closest ranks) of the ascending list `sorted`; null when empty. */
export function percentile(ctx: CompileContext, sorted: List, p: number): string {
  const m = ctx.dialect.series;
  const fn = ctx.dialect.fn;
  const s = ctx.alias('s');
  const pos = `(${p / 100} * (${m.len(s)} - 1))`;
  const lo = fn.cast(fn.floor(pos), 'long');
  const hi = `least(${lo} + 1, ${m.len(s)} - 1)`;
  return m.bind(
    sorted,
    s,
    `CASE WHEN ${m.len(s)} = 0 THEN NULL ELSE ${m.at(s, lo)} + (${pos} - ${fn.floor(pos)}) * (${m.at(s, hi)} - ${m.at(s, lo)}) END`,
  );
}

/** Options of a Tukey fence test: the percentiles bounding the normal range, and a value that marks missing elements. */
export interface TukeyOptions {
  readonly low: number;
  readonly high: number;
  readonly ignore?: string;
}

/**
 * series_outliers(): 0 inside [Q_low, Q_high] (and for missing elements), else the distance to the nearer bound in
 * units of Q_high - Q_low, so beyond ±1.5 lies outside Tukey's fences with k = 1.5 (0 when the range is empty).
 */
export function tukeyScores(ctx: CompileContext, x: List, o: TukeyOptions): List {
  const m = ctx.dialect.series;
  const [y, i, q1, q3] = [ctx.alias('y'), ctx.alias('i'), ctx.alias('q'), ctx.alias('q')];
  const present =
    o.ignore === undefined ? x : m.build(m.len(x), i, `CASE WHEN ${m.at(x, i)} = ${o.ignore} THEN NULL ELSE ${m.at(x, i)} END`);
  const j = ctx.alias('i');
  const v = m.at(y, j);
  const score = `CASE WHEN ${v} IS NULL OR ${q3} = ${q1} THEN 0.0 WHEN ${v} > ${q3} THEN (${v} - ${q3}) / (${q3} - ${q1}) WHEN ${v} < ${q1} THEN (${v} - ${q1}) / (${q3} - ${q1}) ELSE 0.0 END`;
  const sorted = m.sortedValues(y);
  return m.bind(
    present,
    y,
    m.bind(percentile(ctx, sorted, o.low), q1, m.bind(percentile(ctx, sorted, o.high), q3, m.build(m.len(y), j, score))),
  );
}

/**
 * series_fir(): element i is the sum of coefficient j times element i - j (i + shift - j when centered), elements
 * outside the series (and nulls) counting as 0.
 */
export function firFilter(ctx: CompileContext, x: List, coefficients: readonly number[], centered: boolean): List {
  const m = ctx.dialect.series;
  const [y, i] = [ctx.alias('y'), ctx.alias('i')];
  const shift = centered ? Math.floor((coefficients.length - 1) / 2) : 0;
  const terms = coefficients.map((c, j) => `${literal(c)} * coalesce(${m.at(y, `${i} + ${shift - j}`)}, 0.0)`);
  return m.bind(x, y, m.build(m.len(y), i, terms.length ? terms.join(' + ') : '0.0'));
}

/** A number as SQL text (a double). */
export function literal(n: number): string {
  const t = String(n);
  return /[.eE]/.test(t) ? t : `${t}.0`;
}

/** Options of series_fill_linear(). */
export interface LinearFillOptions {
  readonly missing?: string;
  readonly fillEdges: boolean;
  /** The value of every element of a series with no value at all (SQL; NULL keeps them). */
  readonly constant: string;
}

/** series_fill_linear(): missing elements on the line between their present neighbours; edges take the nearest. */
export function linearFill(ctx: CompileContext, x: List, o: LinearFillOptions): List {
  const m = ctx.dialect.series;
  const [y, i, j, p, q] = [ctx.alias('y'), ctx.alias('i'), ctx.alias('i'), ctx.alias('p'), ctx.alias('p')];
  const present =
    o.missing === undefined ? x : m.build(m.len(x), i, `CASE WHEN ${m.at(x, i)} = ${o.missing} THEN NULL ELSE ${m.at(x, i)} END`);
  const k = ctx.alias('i');
  const before = m.sortedValues(m.build(`${k} + 1`, j, `CASE WHEN ${m.at(y, j)} IS NOT NULL THEN ${j} END`));
  const after = m.sortedValues(m.build(`${m.len(y)} - ${k}`, j, `CASE WHEN ${m.at(y, `${k} + ${j}`)} IS NOT NULL THEN ${k} + ${j} END`));
  const last = (s: string) => m.bind(s, p, m.at(p, `${m.len(p)} - 1`));
  const first = (s: string) => m.bind(s, q, m.at(q, '0'));
  const [a, b] = [ctx.alias('a'), ctx.alias('b')];
  const line = `${m.at(y, a)} + (${m.at(y, b)} - ${m.at(y, a)}) * (${k} - ${a}) / (${b} - ${a})`;
  const edge = o.fillEdges ? `coalesce(${m.at(y, a)}, ${m.at(y, b)})` : m.at(x, k);
  const element = `CASE WHEN ${m.at(y, k)} IS NOT NULL THEN ${m.at(y, k)} WHEN ${a} IS NOT NULL AND ${b} IS NOT NULL THEN ${line} ELSE ${edge} END`;
  const filled = m.build(m.len(y), k, m.bind(last(before), a, m.bind(first(after), b, element)));
  return m.bind(present, y, `CASE WHEN ${m.count(y)} = 0 THEN ${m.build(m.len(y), k, o.constant)} ELSE ${filled} END`);
}

/** How series_decompose() finds the trend. */
export type TrendKind = 'avg' | 'linefit' | 'none';

/** The components of series_decompose(), each a SQL list. */
export interface Decomposition {
  readonly baseline: List;
  readonly seasonal: List;
  readonly trend: List;
  readonly residual: List;
}

/**
 * series_decompose() with a known period (0: none): the seasonal component is the median of the learning points of
 * the same phase, the trend is read from the series less it (its average, or its least-squares line), the baseline
 * is their sum and the residual the rest. The last `testPoints` elements are not learnt from.
 */
export function decompose(ctx: CompileContext, x: List, period: number, trend: TrendKind, testPoints: number): Decomposition {
  const m = ctx.dialect.series;
  const n = m.len(x);
  const learnt = `greatest(${n} - ${testPoints}, 0)`;
  const [i, j] = [ctx.alias('i'), ctx.alias('i')];
  const seasonal =
    period > 0
      ? m.build(
          n,
          i,
          percentile(
            ctx,
            m.sortedValues(
              m.build(`ceil((${learnt} - ${i} % ${period}) / ${period}.0)`, j, m.at(x, `${i} % ${period} + ${j} * ${period}`)),
            ),
            50,
          ),
        )
      : m.build(n, i, '0.0');
  const [sv, d, k] = [ctx.alias('s'), ctx.alias('d'), ctx.alias('i')];
  const deseasoned = m.build(n, k, `${m.at(x, k)} - coalesce(${m.at(sv, k)}, 0.0)`);
  const t = ctx.alias('i');
  const train = (body: string) => m.build(learnt, t, `CASE WHEN ${m.at(d, t)} IS NOT NULL THEN ${body} END`);
  let trendList: List;
  if (trend === 'none') trendList = m.build(n, k, '0.0');
  else if (trend === 'avg') {
    const a = ctx.alias('a');
    const count = m.count(train(m.at(d, t)));
    trendList = m.bind(`CASE WHEN ${count} = 0 THEN NULL ELSE ${m.sum(train(m.at(d, t)))} / ${count} END`, a, m.build(n, k, a));
  } else {
    const [c, sx, sy, sxx, sxy, slope] = ['c', 'x', 'y', 'xx', 'xy', 'b'].map((p) => ctx.alias(p)) as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const denominator = `(${c} * ${sxx} - ${sx} * ${sx})`;
    const line = m.bind(
      `CASE WHEN ${denominator} = 0 THEN 0.0 ELSE (${c} * ${sxy} - ${sx} * ${sy}) / ${denominator} END`,
      slope,
      m.build(n, k, `(${sy} - ${slope} * ${sx}) / ${c} + ${slope} * ${k}`),
    );
    trendList = [
      [c, m.count(train(m.at(d, t)))],
      [sx, m.sum(train(`1.0 * ${t}`))],
      [sy, m.sum(train(m.at(d, t)))],
      [sxx, m.sum(train(`1.0 * ${t} * ${t}`))],
      [sxy, m.sum(train(`${t} * ${m.at(d, t)}`))],
    ].reduceRight((body, [name, value]) => m.bind(value!, name!, body), line);
  }
  return assemble(ctx, x, { seasonal, sv, deseasoned, d, trendList });
}

/** The decomposition's lists with the shared parts computed once per row. */
function assemble(
  ctx: CompileContext,
  x: List,
  p: { seasonal: List; sv: string; deseasoned: List; d: string; trendList: List },
): Decomposition {
  const m = ctx.dialect.series;
  const i = ctx.alias('i');
  const n = m.len(x);
  const t = ctx.alias('t');
  const withParts = (body: (s: string, t: string) => string): List =>
    m.bind(p.seasonal, p.sv, m.bind(p.deseasoned, p.d, m.bind(p.trendList, t, body(p.sv, t))));
  const baseline = (s: string, t: string) => `coalesce(${m.at(s, i)}, 0.0) + ${m.at(t, i)}`;
  return {
    seasonal: p.seasonal,
    trend: withParts((_s, t) => t),
    baseline: withParts((s, t) => m.build(n, i, baseline(s, t))),
    residual: withParts((s, t) => m.build(n, i, `${m.at(x, i)} - (${baseline(s, t)})`)),
  };
}
