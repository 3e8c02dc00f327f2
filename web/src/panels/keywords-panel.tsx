// Subject keywords as bars with their trend against the previous period (campaigns such as Emotet stand out).
import { SafeText } from '../components/safe-text';
import { formatCount, formatChange } from '../format';
import { canAnalyse } from '../session';
import { strings } from '../strings';
import type { PanelDef } from '../types';
import { PanelFrame } from './panel-frame';
import { explorerHref, panelCsvHref } from './panel-links';
import type { PanelProps } from './panel-props';
import { frameState, shownData, usePanelData } from './use-panel-data';

type KeywordsDef = Extract<PanelDef, { kind: 'keywords' }>;

export function KeywordsPanel({ dashboardId, panel, range, filters, me, rangeQuery }: PanelProps<KeywordsDef>) {
  const { state, reload } = usePanelData(dashboardId, panel.id);
  const data = shownData(state);
  const terms = data?.terms ?? [];
  const max = Math.max(1, ...terms.map((t) => t.count));
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
      empty={!!data && terms.length === 0}
      testId={`panel-${panel.id}`}
    >
      <ol className="keywords">
        {terms.map((t) => {
          const change = formatChange(t.count, t.previous);
          const up = t.count >= t.previous;
          const trend =
            t.previous === 0
              ? strings.panel.termNew
              : up
                ? strings.panel.termTrendUp(change ?? '')
                : strings.panel.termTrendDown(change ?? '');
          return (
            <li key={t.term} className="keyword">
              <SafeText text={t.term} className="keyword-term" />
              <span className="keyword-bar" aria-hidden="true">
                <span style={{ width: `${(t.count / max) * 100}%` }} />
              </span>
              <span className="num keyword-count">{formatCount(t.count)}</span>
              <span className={`keyword-trend${t.previous === 0 ? ' new' : up ? ' up' : ' down'}`} title={trend}>
                {t.previous === 0 ? strings.panel.termNewShort : `${up ? '▲' : '▼'} ${change}`}
              </span>
            </li>
          );
        })}
      </ol>
    </PanelFrame>
  );
}
