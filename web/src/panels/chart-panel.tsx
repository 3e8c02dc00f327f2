// A chart panel: click a legend entry to isolate it (shift-click to combine), click a mark to filter by it, a marked span to open its finding, or read it as a table.
import { useCallback, useMemo, useRef, useState } from 'react';
import { EChart, type ECharts } from '../components/echart';
import { formatMoment, formatUtc } from '../format';
import { useSettledUntil } from '../freshness';
import { canAnalyse } from '../session';
import { strings } from '../strings';
import type { PanelDef } from '../types';
import { SafeText } from '../components/safe-text';
import { navigate } from '../url-state';
import { tooltipText } from '../visible-text';
import { buildChart, seriesName, SETTLING_SERIES_ID } from './chart-option';
import { PanelFrame, type MenuItem } from './panel-frame';
import { downloadDataUrl, explorerHref, panelCsvHref } from './panel-links';
import type { PanelProps } from './panel-props';
import { ResultTable } from './result-table';
import { MARKS_SERIES_ID } from './span-marks';
import { frameState, shownData, usePanelData } from './use-panel-data';

type ChartDef = Extract<PanelDef, { kind: 'chart' }>;

export function ChartPanel({ dashboardId, panel, range, filters, addFilter, me, rangeQuery }: PanelProps<ChartDef>) {
  const { state, reload } = usePanelData(dashboardId, panel.id);
  const settledUntil = useSettledUntil(range);
  const [asTable, setAsTable] = useState(false);
  const chartRef = useRef<ECharts | null>(null);
  const data = shownData(state);
  const built = useMemo(
    () => (data ? buildChart(panel, data.result, { ...(data.range ?? range), bin: data.bin, settledUntil, marks: data.marks }) : undefined),
    // Drawn on the range of its answer: a preset range that moved on (a filter changed a minute later) is drawn
    // with the answer for it, not before.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [data, panel, settledUntil],
  );
  const builtRef = useRef(built);
  builtRef.current = built;

  const seriesFilter = panel.series ? panel.filterLinks[panel.series] : undefined;
  const xFilter = panel.filterLinks[panel.x];

  const onReady = useCallback(
    (chart: ECharts) => {
      chartRef.current = chart;
      let shift = false;
      chart.getZr().on('mousedown', (e: { event?: MouseEvent }) => {
        shift = !!e.event?.shiftKey;
      });
      // Plain click isolates a series; shift-click adds or removes it (ECharts' own toggle).
      chart.on('legendselectchanged', (e: unknown) => {
        const { name, selected } = e as { name: string; selected: Record<string, boolean> };
        if (shift) return;
        const names = Object.keys(selected);
        if (!names.some((n) => selected[n])) {
          // The isolated series was clicked again: show all.
          for (const n of names) chart.dispatchAction({ type: 'legendSelect', name: n });
          return;
        }
        for (const n of names) chart.dispatchAction({ type: n === name ? 'legendSelect' : 'legendUnSelect', name: n });
      });
      chart.on('click', (p: unknown) => {
        const { seriesIndex, dataIndex, componentType } = p as { seriesIndex: number; dataIndex: number; componentType: string };
        const b = builtRef.current;
        // A marked span opens its finding.
        if (b && componentType === 'markArea' && (p as { seriesId?: string }).seriesId === MARKS_SERIES_ID) {
          const id = b.marks[dataIndex]?.id;
          if (id) navigate(`/findings/${encodeURIComponent(id)}`);
          return;
        }
        if (!b || componentType !== 'series') return;
        if (panel.chart === 'pie') {
          if (xFilter) addFilter(xFilter, String(b.categories[dataIndex] ?? ''));
        } else if (seriesFilter) addFilter(seriesFilter, b.seriesValues[seriesIndex] ?? '');
        else if (xFilter) addFilter(xFilter, String(b.categories[dataIndex] ?? ''));
      });
    },
    [addFilter, panel.chart, seriesFilter, xFilter],
  );

  const isolate = (name: string) => {
    const chart = chartRef.current;
    const b = builtRef.current;
    if (!chart || !b) return;
    const names = ((chart.getOption() as { series?: { id?: string; name: string }[] }).series ?? [])
      .filter((s) => s.id !== SETTLING_SERIES_ID && s.id !== MARKS_SERIES_ID)
      .map((s) => s.name);
    for (const n of names) chart.dispatchAction({ type: name === '' || n === name ? 'legendSelect' : 'legendUnSelect', name: n });
  };

  const menu: MenuItem[] = [
    ...(data && canAnalyse(me) ? [{ label: strings.panel.openInExplorer, href: explorerHref(data.kql, rangeQuery) }] : []),
    { label: strings.panel.exportCsv, href: panelCsvHref(dashboardId, panel.id, range, filters), download: true },
    ...(asTable
      ? []
      : [
          {
            label: strings.panel.exportPng,
            onSelect: () =>
              chartRef.current &&
              downloadDataUrl(
                chartRef.current.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }),
                `${dashboardId}-${panel.id}.png`,
              ),
          },
        ]),
    { label: asTable ? strings.panel.showChart : strings.panel.showTable, onSelect: () => setAsTable((t) => !t) },
  ];
  const empty = !!data && data.result.rows.length === 0;
  const summary = built ? strings.panel.chartSummary(panel.title, built.points, built.seriesValues.length) : panel.title;
  const seriesNames = built && built.seriesValues.length > 1 && panel.chart !== 'pie' ? built.seriesValues : [];
  const settlingFrom = !empty ? built?.settling?.from : undefined;

  return (
    <PanelFrame
      title={panel.title}
      description={panel.description}
      width={panel.width}
      menu={menu}
      {...frameState(state)}
      onRetry={reload}
      empty={empty}
      testId={`panel-${panel.id}`}
    >
      {data &&
        built &&
        (asTable ? (
          <ResultTable result={data.result} filterLinks={panel.filterLinks} addFilter={addFilter} maxHeight={320} />
        ) : (
          <EChart option={built.option} onReady={onReady} label={summary} height={panel.chart === 'pie' ? 280 : 260} />
        ))}
      {settlingFrom !== undefined && (
        <p className="settling-note" data-testid="settling-note" title={strings.panel.settlingTitle(formatUtc(settlingFrom))}>
          <span className="settling-swatch" aria-hidden="true" />
          {strings.panel.settlingNote(formatMoment(settlingFrom))}
        </p>
      )}
      {built && built.marks.length > 0 && !asTable && (
        <p className="chart-marks" data-testid="chart-marks">
          <span className="chart-marks-swatch" aria-hidden="true" />
          {strings.panel.marksHeading}{' '}
          {built.marks.map((m, i) => (
            <a
              key={`${m.id}-${i}`}
              href={m.id ? `/findings/${encodeURIComponent(m.id)}` : undefined}
              title={strings.panel.openFinding(tooltipText(m.label))}
              onClick={(e) => {
                if (!m.id || e.metaKey || e.ctrlKey || e.shiftKey) return;
                e.preventDefault();
                navigate(`/findings/${encodeURIComponent(m.id)}`);
              }}
            >
              <SafeText text={m.label || m.id} maxChars={60} />
            </a>
          ))}
        </p>
      )}
      {seriesNames.length > 0 && !asTable && (
        <div className="series-keys" role="group" aria-label={strings.panel.legendHint}>
          {seriesNames.map((s) => (
            <button key={s} type="button" className="link-button" onClick={() => isolate(seriesName(s))}>
              {strings.panel.isolate(seriesName(s))}
            </button>
          ))}
          <button type="button" className="link-button" onClick={() => isolate('')}>
            {strings.panel.showAll}
          </button>
        </div>
      )}
    </PanelFrame>
  );
}
