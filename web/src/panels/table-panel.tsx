// A table panel (the per-sender status pivot, threat-intel matches, …): sortable, values that filter on click.
import { canAnalyse } from '../session';
import { strings } from '../strings';
import type { PanelDef } from '../types';
import { PanelFrame } from './panel-frame';
import { explorerHref, panelCsvHref } from './panel-links';
import type { PanelProps } from './panel-props';
import { ResultTable } from './result-table';
import { frameState, shownData, usePanelData } from './use-panel-data';

type TableDef = Extract<PanelDef, { kind: 'table' } | { kind: 'intel-matches' }>;

export function TablePanel({ dashboardId, panel, range, filters, addFilter, me, rangeQuery }: PanelProps<TableDef>) {
  const { state, reload } = usePanelData(dashboardId, panel.id);
  const data = shownData(state);
  const menu = [
    ...(data && canAnalyse(me) ? [{ label: strings.panel.openInExplorer, href: explorerHref(data.kql, rangeQuery) }] : []),
    { label: strings.panel.exportCsv, href: panelCsvHref(dashboardId, panel.id, range, filters), download: true },
  ];
  return (
    <PanelFrame
      title={panel.title}
      description={panel.description}
      width={panel.width}
      menu={menu}
      {...frameState(state)}
      onRetry={reload}
      empty={!!data && data.result.rows.length === 0}
      testId={`panel-${panel.id}`}
    >
      {data && (
        <ResultTable
          result={data.result}
          filterLinks={panel.kind === 'table' ? panel.filterLinks : {}}
          addFilter={addFilter}
          rank={panel.kind === 'table' && panel.rank}
          bytes={panel.kind === 'table' ? panel.bytes : []}
          maxHeight={panel.width === 12 ? 420 : 320}
          label={panel.title}
        />
      )}
    </PanelFrame>
  );
}
