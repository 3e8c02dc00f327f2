// A world map of rows by country; a country click filters by it; the same numbers are there as a table.
import { useCallback, useMemo, useRef, useState } from 'react';
import { EChart, tooltipNode, type ECharts } from '../components/echart';
import { formatCount } from '../format';
import { canAnalyse } from '../session';
import { strings } from '../strings';
import type { PanelDef } from '../types';
import { PanelFrame, type MenuItem } from './panel-frame';
import { downloadDataUrl, explorerHref, panelCsvHref } from './panel-links';
import type { PanelProps } from './panel-props';
import { ResultTable } from './result-table';
import { frameState, shownData, usePanelData } from './use-panel-data';
import { countryName, registerWorldMap } from './world-map';

type MapDef = Extract<PanelDef, { kind: 'map' }>;

export function MapPanel({ dashboardId, panel, range, filters, addFilter, me, rangeQuery }: PanelProps<MapDef>) {
  registerWorldMap();
  const { state, reload } = usePanelData(dashboardId, panel.id);
  const [asTable, setAsTable] = useState(false);
  const chartRef = useRef<ECharts | null>(null);
  const data = shownData(state);
  const filterName = panel.filterLinks[panel.country];

  const option = useMemo(() => {
    if (!data) return {};
    const ci = data.result.columns.findIndex((c) => c.name === panel.country);
    const vi = data.result.columns.findIndex((c) => c.name === panel.value);
    // Colour on a log scale: one country (often the US, where Microsoft's ranges are registered) would
    // otherwise leave every other one the palest shade. Tooltips and the scale's ends show the counts.
    const values = data.result.rows.map((r) => {
      const raw = Number(r[vi] ?? 0);
      return { name: String(r[ci] ?? '').toUpperCase(), value: Math.log10(1 + Math.max(0, raw)), raw };
    });
    const maxRaw = Math.max(1, ...values.map((v) => v.raw));
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; data?: { raw: number } }) =>
          tooltipNode(`${countryName(p.name)} (${p.name})`, [{ label: panel.value, value: formatCount(p.data?.raw ?? 0) }]),
      },
      visualMap: {
        min: 0,
        max: Math.log10(1 + maxRaw),
        text: [formatCount(maxRaw), '1'],
        left: 8,
        bottom: 8,
        calculable: false,
        itemHeight: 80,
        inRange: { color: ['#DCEAF7', '#6BAED6', '#08519C'] },
        textStyle: { color: getComputedStyle(document.documentElement).getPropertyValue('--text-muted').trim() },
      },
      series: [
        {
          type: 'map',
          map: 'world',
          roam: false,
          emphasis: { label: { show: false }, itemStyle: { areaColor: '#F0B000' } },
          itemStyle: { areaColor: '#EEEEEE', borderColor: '#BBBBBB', borderWidth: 0.5 },
          data: values,
        },
      ],
    };
  }, [data, panel.country, panel.value]);

  const onReady = useCallback(
    (chart: ECharts) => {
      chartRef.current = chart;
      chart.on('click', (p: unknown) => {
        const name = (p as { name?: string }).name;
        if (filterName && name) addFilter(filterName, name);
      });
    },
    [addFilter, filterName],
  );

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
  const rows = data?.result.rows.length ?? 0;
  return (
    <PanelFrame
      title={panel.title}
      description={panel.description}
      width={panel.width}
      menu={menu}
      {...frameState(state)}
      onRetry={reload}
      empty={!!data && rows === 0}
      testId={`panel-${panel.id}`}
    >
      {data &&
        (asTable ? (
          <ResultTable result={data.result} filterLinks={panel.filterLinks} addFilter={addFilter} maxHeight={320} />
        ) : (
          <EChart option={option} onReady={onReady} height={300} label={strings.panel.chartSummary(panel.title, rows, 1)} />
        ))}
    </PanelFrame>
  );
}
