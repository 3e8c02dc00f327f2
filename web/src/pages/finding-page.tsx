// One finding to work: what was observed against the usual, why the rule reported it, its entities with one-click
// views, its evidence rows, related findings and its history; analysts change its state, assignee and add notes.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, ApiError } from '../api';
import { SafeText } from '../components/safe-text';
import { errorText } from '../error-text';
import { EntityLinks } from '../findings/entity-links';
import { EvidenceRows } from '../findings/evidence-rows';
import { FindingChart } from '../findings/finding-chart';
import { findingFacts, findingSeries, type Fact } from '../findings/finding-facts';
import { FindingHistory } from '../findings/finding-history';
import { AppLink, FindingLink, SeverityChip } from '../findings/finding-link';
import type { Finding, HistoryEntry, RelatedFinding } from '../findings/finding-types';
import { TopEntities } from '../findings/top-entities';
import { formatBytes, formatCount, formatDecimal, formatTime, formatUtc } from '../format';
import { canAnalyse, useMe } from '../session';
import { currentLanguage } from '../i18n';
import { findingTitle } from '../finding-title';
import { strings } from '../strings';

/** A fact's value as shown. */
function formatFact(f: Fact, v: number): string {
  if (f.unit === 'bytes') return formatBytes(v);
  if (f.unit === 'share') return `${Math.round(v * 100)}%`;
  if (f.unit === 'factor') return `${formatDecimal(v)}x`;
  return formatCount(v);
}

/** Value (rendered as JSON text when it is not a plain value) of a details entry. */
function detailText(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? String(v) : JSON.stringify(v);
}

export function FindingPage({ id }: { id: string }) {
  const me = useMe();
  const analyst = canAnalyse(me);
  const [finding, setFinding] = useState<Finding | null>(null);
  const [related, setRelated] = useState<RelatedFinding[]>([]);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [assignee, setAssignee] = useState('');

  const loadHistory = useCallback(
    (signal?: AbortSignal) =>
      api<{ history: HistoryEntry[] }>('GET', `/api/findings/${encodeURIComponent(id)}/history`, undefined, { signal }).then((r) =>
        setHistory(r.history),
      ),
    [id],
  );
  useEffect(() => {
    const ask = new AbortController();
    setFinding(null);
    setMissing(false);
    setError(null);
    api<{ finding: Finding; related: RelatedFinding[] }>('GET', `/api/findings/${encodeURIComponent(id)}`, undefined, {
      signal: ask.signal,
    })
      .then((r) => {
        setFinding(r.finding);
        setRelated(r.related);
        return loadHistory(ask.signal);
      })
      .catch((e: unknown) => {
        if (ask.signal.aborted) return;
        if (e instanceof ApiError && e.status === 404) setMissing(true);
        else setError(errorText(e));
      });
    return () => ask.abort();
  }, [id, loadHistory]);

  const change = async (body: { state?: string; assignee?: string }) => {
    try {
      setFinding(await api<Finding>('PATCH', `/api/findings/${encodeURIComponent(id)}`, body));
      await loadHistory();
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const facts = useMemo(() => (finding ? findingFacts(finding.rule, finding.details, finding.count) : []), [finding]);
  const series = useMemo(() => findingSeries(finding?.details ?? {}), [finding]);

  const back = <AppLink href="/findings">← {strings.finding.back}</AppLink>;
  if (missing)
    return (
      <div>
        {back}
        <p role="alert">{strings.finding.notFound}</p>
      </div>
    );
  if (!finding)
    return (
      <div>
        {back}
        {error ? <p role="alert">{error}</p> : <p role="status">{strings.common.loading}</p>}
      </div>
    );
  const from = Date.parse(finding.from ?? '');
  const to = Date.parse(finding.to ?? '');
  return (
    <div className="finding-page" data-testid="finding-page" data-state={finding.state}>
      {back}
      <h1 className="page-title finding-title">
        <SeverityChip severity={finding.severity} /> <SafeText text={findingTitle(finding, currentLanguage())} maxChars={300} />
      </h1>
      <dl className="finding-summary">
        <div>
          <dt>{strings.finding.rule}</dt>
          <dd data-testid="finding-rule">{finding.rule}</dd>
        </div>
        <div>
          <dt>{strings.finding.span}</dt>
          <dd title={`${formatUtc(from)} – ${formatUtc(to)}`}>
            {formatTime(from)} – {formatTime(to)}
          </dd>
        </div>
        <div>
          <dt>{strings.finding.rows}</dt>
          <dd>{formatCount(finding.count)}</dd>
        </div>
        <div>
          <dt>{strings.finding.state}</dt>
          <dd data-testid="finding-state">{strings.findings.states[finding.state] ?? finding.state}</dd>
        </div>
        <div>
          <dt>{strings.finding.assignee}</dt>
          <dd data-testid="finding-assignee">{finding.assignee ? <SafeText text={finding.assignee} /> : strings.finding.nobody}</dd>
        </div>
      </dl>
      {analyst && (
        <div className="finding-toolbar" data-testid="finding-actions">
          {finding.state !== 'acknowledged' && finding.state !== 'closed' && (
            <button type="button" onClick={() => void change({ state: 'acknowledged' })}>
              {strings.finding.acknowledge}
            </button>
          )}
          {finding.state !== 'closed' ? (
            <button type="button" onClick={() => void change({ state: 'closed' })}>
              {strings.finding.close}
            </button>
          ) : (
            <button type="button" onClick={() => void change({ state: 'open' })}>
              {strings.finding.reopen}
            </button>
          )}
          {finding.assignee !== me?.user && (
            <button type="button" onClick={() => void change({ assignee: me?.user ?? '' })}>
              {strings.finding.assignToMe}
            </button>
          )}
          <form
            className="inline-field"
            onSubmit={(e) => {
              e.preventDefault();
              if (assignee.trim()) void change({ assignee: assignee.trim() }).then(() => setAssignee(''));
            }}
          >
            <input
              name="assignee"
              aria-label={strings.finding.assigneeName}
              placeholder={strings.finding.assigneeName}
              value={assignee}
              maxLength={200}
              onChange={(e) => setAssignee(e.target.value)}
            />
            <button type="submit" disabled={!assignee.trim()}>
              {strings.finding.assign}
            </button>
          </form>
          {finding.assignee && (
            <button type="button" onClick={() => void change({ assignee: '' })}>
              {strings.finding.unassign}
            </button>
          )}
        </div>
      )}
      {error && <p role="alert">{error}</p>}

      <section className="finding-section" aria-labelledby="finding-observed">
        <h2 id="finding-observed">{strings.finding.observedTitle}</h2>
        {facts.length > 0 && (
          <table className="finding-facts" data-testid="finding-facts">
            <thead>
              <tr>
                <th scope="col" />
                <th scope="col" className="num">
                  {strings.finding.observed}
                </th>
                <th scope="col" className="num">
                  {strings.finding.usual}
                </th>
              </tr>
            </thead>
            <tbody>
              {facts.map((f) => (
                <tr key={f.key}>
                  <th scope="row">{strings.finding.facts[f.key] ?? f.key}</th>
                  <td className="num">{typeof f.observed === 'number' ? formatFact(f, f.observed) : <SafeText text={f.observed} />}</td>
                  <td className="num">
                    {f.usual === undefined ? '' : f.usual === null ? strings.finding.noUsual : formatFact(f, f.usual)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <FindingChart series={series} facts={facts} status={finding.entities.status ?? ''} format={formatFact} />
      </section>

      <section className="finding-section" aria-labelledby="finding-reasoning">
        <h2 id="finding-reasoning">{strings.finding.reasoningTitle}</h2>
        <p data-testid="finding-reasoning">{strings.finding.reasoning[finding.rule] ?? ''}</p>
        <details>
          <summary>{strings.finding.detailsTitle}</summary>
          <dl className="finding-details">
            {Object.entries(finding.details).map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>
                  <SafeText text={detailText(v)} maxChars={400} />
                </dd>
              </div>
            ))}
          </dl>
        </details>
      </section>

      <section className="finding-section" aria-labelledby="finding-entities">
        <h2 id="finding-entities">{strings.finding.entitiesTitle}</h2>
        <EntityLinks entities={finding.entities} from={from} to={to} analyst={analyst} />
        <TopEntities details={finding.details} from={from} to={to} />
      </section>

      <section className="finding-section" aria-labelledby="finding-evidence">
        <h2 id="finding-evidence">{strings.finding.evidenceTitle}</h2>
        {analyst ? <EvidenceRows finding={finding} /> : <p className="muted">{strings.finding.evidenceAnalysts}</p>}
      </section>

      <section className="finding-section" aria-labelledby="finding-related">
        <h2 id="finding-related">{strings.finding.relatedTitle}</h2>
        {related.length === 0 ? (
          <p className="muted">{strings.finding.relatedNone}</p>
        ) : (
          <ul className="finding-related" data-testid="finding-related">
            {related.map((r) => (
              <li key={r.finding.id}>
                <SeverityChip severity={r.finding.severity} /> <FindingLink f={r.finding} />{' '}
                <span className="muted small">
                  {r.finding.rule} · {r.finding.from ? formatTime(r.finding.from) : ''} ·{' '}
                  {strings.findings.states[r.finding.state] ?? r.finding.state} ·{' '}
                  {r.shared.map((s) => strings.finding.shared[s] ?? s).join(', ')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="finding-section" aria-labelledby="finding-history">
        <h2 id="finding-history">{strings.finding.historyTitle}</h2>
        <FindingHistory id={finding.id} history={history} canWrite={analyst} onChange={setHistory} />
      </section>
    </div>
  );
}
