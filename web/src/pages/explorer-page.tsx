// The Explorer: write KQL, run it over the top bar's time range and filters, read the rows (virtualised, sortable),
// chart them, export them, save the search.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorText } from '../error-text';
import { api, ApiError, type QueryResult } from '../api';
import { EChart } from '../components/echart';
import { KqlEditor, type EditorError } from '../explorer/kql-editor';
import { isOwnLinkRun } from '../explorer/link-run';
import type { CompleteAt, KqlCompletions, KqlCompletionsAt } from '../explorer/kql-language';
import { currentTimeZone, formatCount } from '../format';
import { buildChart, type ChartKind } from '../panels/chart-option';
import { ResultTable } from '../panels/result-table';
import { SavedSearches } from '../saved/saved-searches';
import { strings } from '../strings';
import { FILTER_NAMES, navigate, useLocation, useViewState } from '../url-state';

type Picked = 'none' | 'column' | 'bar' | 'line' | 'pie';

/** The chart a `render` hint (or the picker) asks for, over the first columns of the result. */
function chartSpec(result: QueryResult, picked: Picked | null): { chart: ChartKind; x: string; y: string; series?: string } | null {
  const kindFromRender: Record<string, Picked> = {
    timechart: 'line',
    linechart: 'line',
    areachart: 'line',
    columnchart: 'column',
    barchart: 'bar',
    piechart: 'pie',
  };
  const kind = picked ?? (result.render ? (kindFromRender[result.render.kind] ?? 'column') : 'none');
  if (kind === 'none' || result.columns.length < 2) return null;
  const numeric = (t: string) => t === 'long' || t === 'int' || t === 'real';
  const yCol = [...result.columns].reverse().find((c) => numeric(c.type));
  const xCol = result.columns.find((c) => c !== yCol);
  if (!yCol || !xCol) return null;
  const seriesCol = result.columns.find((c) => c !== yCol && c !== xCol && !numeric(c.type));
  const chart: ChartKind = kind === 'column' ? (seriesCol ? 'stacked-column' : 'column') : kind;
  return { chart, x: xCol.name, y: yCol.name, series: chart === 'pie' ? undefined : seriesCol?.name };
}

/** The server's suggestions at a cursor in the query (a failed request leaves the static lists to answer). */
const completeAt: CompleteAt = (text, offset) =>
  api<KqlCompletionsAt>('GET', `/api/kql/complete?${new URLSearchParams({ text, offset: String(offset) }).toString()}`, undefined, {
    noRedirect: true,
  });

export function ExplorerPage() {
  const { search } = useLocation();
  const { range, filters, viewQuery } = useViewState();
  const filterKey = JSON.stringify(filters);
  const params = new URLSearchParams(search);
  const urlQuery = params.get('q') ?? '';
  const [text, setText] = useState(urlQuery);
  const [completions, setCompletions] = useState<KqlCompletions | null>(null);
  const [result, setResult] = useState<(QueryResult & { unfiltered?: string[] }) | null>(null);
  const [ranQuery, setRanQuery] = useState('');
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<{ message: string; at?: EditorError } | null>(null);
  const [picked, setPicked] = useState<Picked | null>(null);
  const textRef = useRef(text);
  textRef.current = text;
  // The run in flight: a new run (or leaving the page) cancels it, so an older answer never replaces a newer one.
  const inFlight = useRef<AbortController | null>(null);
  useEffect(() => () => inFlight.current?.abort(), []);

  useEffect(() => {
    api<KqlCompletions>('GET', '/api/kql/completions').then(setCompletions, () => setCompletions(null));
  }, []);
  useEffect(() => setText(urlQuery), [urlQuery]);

  const run = useCallback(async () => {
    const query = textRef.current.trim();
    if (!query) return;
    // Keep the query in the URL so the view can be shared.
    const q = new URLSearchParams(location.search);
    q.set('q', query);
    q.delete('run');
    navigate(`/explorer?${q.toString()}`, true);
    inFlight.current?.abort();
    const ask = new AbortController();
    inFlight.current = ask;
    setRunning(true);
    setError(null);
    try {
      const r = await api<QueryResult & { unfiltered?: string[] }>(
        'POST',
        '/api/query',
        {
          query,
          from: new Date(range.from).toISOString(),
          to: new Date(range.to).toISOString(),
          filters: JSON.parse(filterKey) as unknown,
        },
        { signal: ask.signal },
      );
      setResult(r);
      setRanQuery(query);
      setPicked(null);
    } catch (e) {
      if (ask.signal.aborted) return;
      setResult(null);
      if (e instanceof ApiError && e.line !== undefined && e.column !== undefined) {
        const message = errorText(e);
        setError({ message, at: { line: e.line, column: e.column, message } });
      } else setError({ message: errorText(e) });
    } finally {
      if (inFlight.current === ask) setRunning(false);
    }
  }, [range.from, range.to, filterKey]);

  // A shown answer always matches the top bar: a new range or filter runs the query again.
  // (A preset is its name: it moving on with the clock is no new range.)
  const rangeKey = range.key === 'custom' ? `${range.from} ${range.to}` : range.key;
  const shownFor = useRef(`${rangeKey} ${filterKey}`);
  useEffect(() => {
    const key = `${rangeKey} ${filterKey}`;
    if (key === shownFor.current) return;
    shownFor.current = key;
    if (ranQuery) void run();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rangeKey, filterKey]);

  // The app's own "Open in Explorer" links run at once; a query in any other link is shown, and runs only when confirmed.
  const runParam = params.get('run');
  const [askToRun, setAskToRun] = useState(false);
  useEffect(() => {
    if (!runParam || !urlQuery) return setAskToRun(false);
    if (isOwnLinkRun(runParam)) {
      setAskToRun(false);
      void run();
    } else setAskToRun(true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [runParam, urlQuery]);
  const dontRun = () => {
    const q = new URLSearchParams(location.search);
    q.delete('run');
    navigate(`/explorer?${q.toString()}`, true);
    setAskToRun(false);
  };

  const spec = useMemo(() => (result ? chartSpec(result, picked) : null), [result, picked]);
  const built = useMemo(() => (result && spec ? buildChart(spec, result) : null), [result, spec]);
  const exportHref = (format: 'csv' | 'json') => {
    const q = new URLSearchParams({
      query: text,
      format,
      from: new Date(range.from).toISOString(),
      to: new Date(range.to).toISOString(),
      timeZone: currentTimeZone(),
    });
    for (const n of FILTER_NAMES) for (const v of filters[n] ?? []) q.append(n, v);
    return `/api/export?${q.toString()}`;
  };

  return (
    <div className="explorer">
      <h1 className="page-title">{strings.explorer.title}</h1>
      {askToRun && (
        <div className="notice link-run" role="alertdialog" aria-labelledby="link-run-question" data-testid="link-run">
          <p id="link-run-question">
            <strong>{strings.explorer.linkRunQuestion}</strong> {strings.explorer.linkRunWhy}
          </p>
          <pre className="link-run-query" data-testid="link-run-query">
            {urlQuery}
          </pre>
          <div className="link-run-actions">
            <button
              type="button"
              className="primary"
              data-testid="link-run-confirm"
              onClick={() => {
                setAskToRun(false);
                void run();
              }}
            >
              {strings.explorer.linkRunYes}
            </button>
            <button type="button" data-testid="link-run-dismiss" onClick={dontRun}>
              {strings.explorer.linkRunNo}
            </button>
          </div>
        </div>
      )}
      <SavedSearches
        query={text}
        columnsOf={(kql) => (result && kql.trim() === ranQuery ? result.columns : undefined)}
        onOpen={(q) => {
          setText(q);
          textRef.current = q;
          void run();
        }}
      />
      <KqlEditor
        value={text}
        onChange={setText}
        onRun={() => void run()}
        completions={completions}
        completeAt={completeAt}
        error={error?.at ?? null}
      />
      <div className="explorer-actions">
        <button type="button" className="primary" onClick={() => void run()} disabled={running} data-testid="run-query">
          {running ? strings.explorer.running : strings.explorer.run} <kbd>{strings.explorer.runHint}</kbd>
        </button>
        <a className="button" href={exportHref('csv')} download data-testid="export-csv">
          {strings.explorer.exportCsv}
        </a>
        <a className="button" href={exportHref('json')} download>
          {strings.explorer.exportJson}
        </a>
        {result && (
          <span className="muted" data-testid="result-stats">
            {strings.explorer.rows(formatCount(result.stats.rows), formatCount(result.stats.elapsedMs))}
          </span>
        )}
      </div>
      {error && (
        <div className="query-error" role="alert" data-testid="query-error">
          {error.message}
        </div>
      )}
      {result?.unfiltered && result.unfiltered.length > 0 && (
        <p className="panel-unfiltered" role="note" data-testid="explorer-unfiltered">
          {strings.panel.notFilteredBy(result.unfiltered.map((n) => strings.filters.names[n] ?? n).join(', '))}
        </p>
      )}
      {result?.stats.truncated && (
        <div className="notice" role="status">
          {(result.stats.truncatedBy === 'bytes' ? strings.explorer.truncatedBytes : strings.explorer.truncated)(
            formatCount(result.stats.rows),
          )}
        </div>
      )}
      {result && result.rows.length === 0 && <p className="panel-empty">{strings.explorer.noRows}</p>}
      {result && result.rows.length > 0 && (
        <>
          <div className="chart-picker" role="group" aria-label={strings.explorer.chartKind}>
            {(['none', 'column', 'bar', 'line', 'pie'] as Picked[]).map((k) => (
              <button key={k} type="button" aria-pressed={(picked ?? (spec ? null : 'none')) === k} onClick={() => setPicked(k)}>
                {strings.explorer.chartKinds[k]}
              </button>
            ))}
          </div>
          {built && (
            <div className="explorer-chart">
              <EChart
                option={built.option}
                height={300}
                label={strings.panel.chartSummary(strings.explorer.chart, built.points, built.seriesValues.length)}
              />
            </div>
          )}
          <ResultTable
            kqlNames
            result={result}
            maxHeight={560}
            onOpenMessage={(id) => navigate(`/message/${encodeURIComponent(id)}${viewQuery}`)}
            label={strings.explorer.table}
          />
        </>
      )}
    </div>
  );
}
