// Findings of the detection rules: severity, time, entities, state; each leads to its evidence rows in the Explorer.
import { useEffect, useState } from 'react';
import { errorText } from '../error-text';
import { api } from '../api';
import { severityColor } from '../colors';
import { currentLanguage, valueLabel } from '../i18n';
import { findingTitle } from '../finding-title';
import { SafeText } from '../components/safe-text';
import { formatCount, formatTime, formatUtc } from '../format';
import { explorerHref } from '../panels/panel-links';
import { canAnalyse, useMe } from '../session';
import { strings } from '../strings';
import { navigate, useViewState, writeViewState } from '../url-state';

interface Finding {
  id: string;
  rule: string;
  severity: string;
  title: string;
  from: string | null;
  to: string | null;
  count: number;
  entities: Record<string, string>;
  details?: Record<string, unknown>;
  query: string;
  state: string;
  updatedBy: string;
}

const STATES = ['open', 'acknowledged', 'closed'];

/** The findings in the time range, or the one finding an alert linked to (`/findings/<id>`). */
export function FindingsPage({ focusId }: { focusId?: string } = {}) {
  const me = useMe();
  const { range } = useViewState();
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [stateFilter, setStateFilter] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const q = focusId
      ? new URLSearchParams({ id: focusId })
      : new URLSearchParams({ from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString() });
    if (stateFilter) q.set('state', stateFilter);
    // A newer ask cancels this one, so an older answer never replaces a newer one.
    const ask = new AbortController();
    api<{ findings: Finding[] }>('GET', `/api/findings?${q.toString()}`, undefined, { signal: ask.signal }).then(
      (r) => setFindings(r.findings),
      (e: unknown) => ask.signal.aborted || setError(errorText(e)),
    );
    return () => ask.abort();
  }, [range.from, range.to, stateFilter, focusId]);

  const change = async (f: Finding, state: string) => {
    try {
      const updated = await api<Finding>('PATCH', `/api/findings/${encodeURIComponent(f.id)}`, { state });
      setFindings((list) => list?.map((x) => (x.id === f.id ? updated : x)) ?? null);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const rangeQuery = writeViewState('', range, {});
  return (
    <div>
      <h1 className="page-title">{strings.findings.title}</h1>
      <label className="inline-field">
        {strings.findings.state}{' '}
        <select value={stateFilter} onChange={(e) => setStateFilter(e.target.value)}>
          <option value="">{strings.findings.filterAll}</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {strings.findings.states[s]}
            </option>
          ))}
        </select>
      </label>
      {error && <p role="alert">{error}</p>}
      {!findings && !error && <p role="status">{strings.common.loading}</p>}
      {findings && findings.length === 0 && (
        <div className="empty-state" data-testid="findings-empty">
          <h2>{strings.findings.emptyTitle}</h2>
          <p>{strings.findings.emptyBody}</p>
        </div>
      )}
      {findings && findings.length > 0 && (
        <div className="result-table">
          <table className="findings-table">
            <thead>
              <tr>
                <th scope="col">{strings.findings.severity}</th>
                <th scope="col">{strings.findings.time}</th>
                <th scope="col">{strings.findings.finding}</th>
                <th scope="col">{strings.findings.entities}</th>
                <th scope="col" className="num">
                  {strings.findings.count}
                </th>
                <th scope="col">{strings.findings.state}</th>
                <th scope="col">{strings.findings.evidence}</th>
              </tr>
            </thead>
            <tbody>
              {findings.map((f) => {
                const sw = severityColor(f.severity);
                const href = explorerHref(f.query, rangeQuery);
                return (
                  <tr key={f.id}>
                    <td>
                      <span className="status-chip" style={{ backgroundColor: sw.color, color: sw.text }}>
                        {valueLabel(f.severity)}
                      </span>
                    </td>
                    <td title={f.from ? formatUtc(f.from) : ''}>{f.from ? formatTime(f.from) : ''}</td>
                    <td>
                      <SafeText text={findingTitle(f, currentLanguage())} />
                      <div className="muted small">{f.rule}</div>
                    </td>
                    <td>
                      {Object.entries(f.entities)
                        .filter(([, v]) => v)
                        .map(([k, v]) => (
                          <span key={k} className="entity">
                            <span className="muted">{strings.findings.entityNames[k] ?? k}:</span>{' '}
                            <SafeText text={k === 'status' ? valueLabel(String(v)) : String(v)} maxChars={80} />
                          </span>
                        ))}
                    </td>
                    <td className="num">{formatCount(f.count)}</td>
                    <td>
                      {canAnalyse(me) ? (
                        <select aria-label={strings.findings.state} value={f.state} onChange={(e) => void change(f, e.target.value)}>
                          {STATES.map((s) => (
                            <option key={s} value={s}>
                              {strings.findings.states[s]}
                            </option>
                          ))}
                        </select>
                      ) : (
                        (strings.findings.states[f.state] ?? f.state)
                      )}
                      {f.updatedBy && <div className="muted small">{strings.findings.updatedBy(f.updatedBy)}</div>}
                    </td>
                    <td>
                      {canAnalyse(me) && f.query && (
                        <a
                          href={href}
                          onClick={(e) => {
                            e.preventDefault();
                            navigate(href);
                          }}
                          title={strings.findings.openEvidence}
                        >
                          {strings.findings.evidence}
                        </a>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
