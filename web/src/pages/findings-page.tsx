// Findings of the detection rules: filters (rule, severity, state, assignee, the time range; kept in the URL), counts
// per state, acknowledging or closing a selection at once; each finding opens its own page.
import { useEffect, useState } from 'react';
import { FINDING_STATES, RULE_IDS, SEVERITIES } from '../../../src/schema/findings';
import { api } from '../api';
import { SafeText } from '../components/safe-text';
import { errorText } from '../error-text';
import { FindingLink, SeverityChip } from '../findings/finding-link';
import type { Finding } from '../findings/finding-types';
import { formatCount, formatTime, formatUtc } from '../format';
import { valueLabel } from '../i18n';
import { canAnalyse, useMe } from '../session';
import { strings } from '../strings';
import { navigate, useLocation, useViewState } from '../url-state';

type Counts = Record<(typeof FINDING_STATES)[number], number>;

/** A filter of the list from the URL: one of `allowed` (or any text when none are given), else ''. */
function param(search: string, name: string, allowed?: readonly string[]): string {
  const v = new URLSearchParams(search).get(name) ?? '';
  return !allowed || allowed.includes(v) ? v : '';
}

/** Set or clear a filter of the list in the URL (the other parameters stay). */
function setParam(name: string, value: string): void {
  const q = new URLSearchParams(location.search);
  if (value) q.set(name, value);
  else q.delete(name);
  const s = q.toString();
  navigate(location.pathname + (s ? `?${s}` : ''));
}

/** The findings in the time range. */
export function FindingsPage() {
  const me = useMe();
  const analyst = canAnalyse(me);
  const { range } = useViewState();
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [counts, setCounts] = useState<Counts | null>(null);
  const { search } = useLocation();
  const stateFilter = param(search, 'state', FINDING_STATES);
  const ruleFilter = param(search, 'rule', RULE_IDS);
  const severityFilter = param(search, 'severity', SEVERITIES);
  const assignee = param(search, 'assignee');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    const q = new URLSearchParams({ from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString() });
    if (stateFilter) q.set('state', stateFilter);
    if (ruleFilter) q.set('rule', ruleFilter);
    if (severityFilter) q.set('severity', severityFilter);
    if (assignee) q.set('assignee', assignee);
    // A newer ask cancels this one, so an older answer never replaces a newer one.
    const ask = new AbortController();
    api<{ findings: Finding[]; counts: Counts }>('GET', `/api/findings?${q.toString()}`, undefined, { signal: ask.signal }).then(
      (r) => {
        setFindings(r.findings);
        setCounts(r.counts);
        setSelected((s) => new Set(r.findings.filter((f) => s.has(f.id)).map((f) => f.id)));
        setError(null);
      },
      (e: unknown) => ask.signal.aborted || setError(errorText(e)),
    );
    return () => ask.abort();
  }, [range.from, range.to, stateFilter, ruleFilter, severityFilter, assignee, reload]);

  const bulk = async (state: 'acknowledged' | 'closed') => {
    try {
      const r = await api<{ updated: number }>('POST', '/api/findings/bulk', { ids: [...selected], state });
      setNotice(strings.findings.bulkDone(formatCount(r.updated)));
      setSelected(new Set());
      setReload((n) => n + 1);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const allShown = !!findings && findings.length > 0 && findings.every((f) => selected.has(f.id));
  return (
    <div>
      <h1 className="page-title">{strings.findings.title}</h1>
      {counts && (
        <div className="state-counts" role="group" aria-label={strings.findings.stateCounts} data-testid="state-counts">
          {FINDING_STATES.map((s) => (
            <button
              key={s}
              type="button"
              data-state={s}
              aria-pressed={stateFilter === s}
              onClick={() => setParam('state', stateFilter === s ? '' : s)}
            >
              {strings.findings.states[s]} <strong>{formatCount(counts[s])}</strong>
            </button>
          ))}
        </div>
      )}
      <div className="findings-filters">
        <label className="inline-field">
          {strings.findings.state}{' '}
          <select name="state" value={stateFilter} onChange={(e) => setParam('state', e.target.value)}>
            <option value="">{strings.findings.filterAll}</option>
            {FINDING_STATES.map((s) => (
              <option key={s} value={s}>
                {strings.findings.states[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          {strings.findings.rule}{' '}
          <select name="rule" value={ruleFilter} onChange={(e) => setParam('rule', e.target.value)}>
            <option value="">{strings.findings.allRules}</option>
            {RULE_IDS.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          {strings.findings.severity}{' '}
          <select name="severity" value={severityFilter} onChange={(e) => setParam('severity', e.target.value)}>
            <option value="">{strings.findings.allSeverities}</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {valueLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          {strings.findings.assignee}{' '}
          <select name="assignee" value={assignee} onChange={(e) => setParam('assignee', e.target.value)}>
            <option value="">{strings.findings.anyone}</option>
            {me && <option value={me.user}>{strings.findings.mine}</option>}
            {assignee && assignee !== me?.user && <option value={assignee}>{assignee}</option>}
          </select>
        </label>
      </div>
      {analyst && selected.size > 0 && (
        <div className="finding-toolbar" data-testid="bulk-actions">
          <span>{strings.findings.selected(formatCount(selected.size))}</span>
          <button type="button" onClick={() => void bulk('acknowledged')}>
            {strings.findings.acknowledgeSelected}
          </button>
          <button type="button" onClick={() => void bulk('closed')}>
            {strings.findings.closeSelected}
          </button>
        </div>
      )}
      {notice && <p role="status">{notice}</p>}
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
                {analyst && (
                  <th scope="col">
                    <input
                      type="checkbox"
                      aria-label={strings.findings.selectAll}
                      checked={allShown}
                      onChange={(e) => setSelected(new Set(e.target.checked ? findings.map((f) => f.id) : []))}
                    />
                  </th>
                )}
                <th scope="col">{strings.findings.severity}</th>
                <th scope="col">{strings.findings.time}</th>
                <th scope="col">{strings.findings.finding}</th>
                <th scope="col">{strings.findings.entities}</th>
                <th scope="col" className="num">
                  {strings.findings.count}
                </th>
                <th scope="col">{strings.findings.state}</th>
                <th scope="col">{strings.findings.assignee}</th>
              </tr>
            </thead>
            <tbody>
              {findings.map((f) => (
                <tr key={f.id} data-id={f.id}>
                  {analyst && (
                    <td>
                      <input
                        type="checkbox"
                        aria-label={strings.findings.select(f.title)}
                        checked={selected.has(f.id)}
                        onChange={(e) => toggle(f.id, e.target.checked)}
                      />
                    </td>
                  )}
                  <td>
                    <SeverityChip severity={f.severity} />
                  </td>
                  <td title={f.from ? formatUtc(f.from) : ''}>{f.from ? formatTime(f.from) : ''}</td>
                  <td>
                    <FindingLink f={f} />
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
                  <td data-testid="finding-state-cell">
                    {strings.findings.states[f.state] ?? f.state}
                    {f.updatedBy && <div className="muted small">{strings.findings.updatedBy(f.updatedBy)}</div>}
                  </td>
                  <td>{f.assignee ? <SafeText text={f.assignee} /> : <span className="muted">{strings.findings.unassigned}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
