// Collectors and threat-intel feeds in Settings: last success, last error (wrapped, never cut), data "complete up
// to", and "Test connection" step by step (sign-in, Microsoft's service principal, permission, one small request).
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import { SafeText } from '../components/safe-text';
import { errorText } from '../error-text';
import { formatCount, formatTime } from '../format';
import { collectorFailureText } from '../../../src/collect/failure-kind';
import { feedFailureText, type FeedFailureJson } from '../../../src/intel/feed-failure';
import { currentLanguage } from '../i18n';
import { strings } from '../strings';
import { ColumnHeads } from './form-parts';

interface CollectorRow {
  name: string;
  type: string;
  enabled: boolean;
  failing: boolean;
  status: {
    lastSuccessAt: string | null;
    completeUpTo: string | null;
    lastError: { message: string; code?: string; at: string } | null;
  } | null;
}

interface FeedRow {
  name: string;
  type: string;
  status: { lastSuccessAt: string | null; indicators: number; lastError: FeedError | null };
}

/** A feed's last error: `message` is English; `code` and `params` give it in the viewer's language. */
interface FeedError {
  message: string;
  code?: string;
  params?: FeedFailureJson['params'];
  at: string;
}

interface ConnectionTest {
  ok: boolean;
  steps: { step: string; ok: boolean | null; detail: string }[];
}

interface FeedTest {
  ok: boolean;
  indicators: number;
  detail: string;
  failure?: FeedFailureJson;
}

/** A feed's failure in the viewer's language; the English text when the server sent no code (older statuses). */
function feedErrorText(english: string, failure: FeedFailureJson | undefined): string {
  return failure ? feedFailureText(failure, currentLanguage(), english) : english;
}

function LastError({ error, feed }: { error: (FeedError & { code?: string }) | null; feed?: boolean }) {
  if (!error) return <>-</>;
  const text = feed
    ? feedErrorText(error.message, error.code ? { code: error.code, params: error.params } : undefined)
    : collectorFailureText(error.message, error.code, currentLanguage());
  return (
    <div className="wrap-text error-cell">
      <span className="muted">{formatTime(error.at)}</span> <SafeText className="wrap" text={text} maxChars={4000} />
    </div>
  );
}

function StepList({ result }: { result: ConnectionTest }) {
  const s = strings.manage.collectors;
  return (
    <div role="status" className="test-result" data-testid="connection-test">
      <p className={result.ok ? 'test-ok' : 'test-failed'}>{result.ok ? s.works : s.fails}</p>
      <ul className="plain-list">
        {result.steps.map((st) => (
          <li key={st.step} data-step={st.step} data-ok={String(st.ok)} className={st.ok === false ? 'test-failed wrap-text' : 'wrap-text'}>
            <span aria-hidden="true">{st.ok === true ? '✓ ' : st.ok === false ? '✗ ' : '– '}</span>
            {s.steps[st.step] ?? st.step}: <SafeText className="wrap" text={st.detail || s.notChecked} maxChars={4000} />
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CollectorSettings() {
  const s = strings.manage.collectors;
  const [data, setData] = useState<{ collectors: CollectorRow[]; feeds: FeedRow[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tests, setTests] = useState<Record<string, ConnectionTest | FeedTest | 'testing' | { error: string }>>({});

  const load = useCallback(() => {
    api<{ collectors: CollectorRow[]; feeds: FeedRow[] }>('GET', '/api/collectors').then(setData, (e: unknown) => setError(errorText(e)));
  }, []);
  useEffect(load, [load]);

  const run = (key: string, url: string) => {
    setTests((t) => ({ ...t, [key]: 'testing' }));
    api<ConnectionTest | FeedTest>('POST', url).then(
      (r) => setTests((t) => ({ ...t, [key]: r })),
      (e: unknown) => setTests((t) => ({ ...t, [key]: { error: errorText(e) } })),
    );
  };
  const shown = (key: string) => {
    const r = tests[key];
    if (r === undefined) return null;
    if (r === 'testing') return <p className="muted">{s.testing}</p>;
    if ('error' in r) return <p className="test-failed wrap-text">{r.error}</p>;
    if ('steps' in r) return <StepList result={r} />;
    return (
      <div role="status" className="test-result" data-testid="feed-test">
        <p className={r.ok ? 'test-ok' : 'test-failed wrap-text'}>
          {r.ok ? s.feedRead(formatCount(r.indicators)) : feedErrorText(r.detail, r.failure)}
        </p>
      </div>
    );
  };

  if (!data) return error ? <p className="query-error">{error}</p> : null;
  const state = (c: CollectorRow) => (!c.enabled ? 'disabled' : c.failing ? 'failing' : c.status?.lastSuccessAt ? 'ok' : 'waiting');
  return (
    <div className="grid" data-testid="collector-settings">
      <section className="panel" style={{ gridColumn: 'span 12' }}>
        <h2 className="panel-title">{s.collectors}</h2>
        {data.collectors.length === 0 ? (
          <p className="muted">{s.none}</p>
        ) : (
          <table className="simple-table manage-table" data-testid="collector-status">
            <ColumnHeads columns={s.columns} />
            <tbody>
              {data.collectors.map((c) => (
                <tr key={c.name} data-collector={c.name} className={c.failing ? 'row-failed' : undefined}>
                  <td>
                    <SafeText text={`${c.name} (${c.type})`} />
                  </td>
                  <td>
                    <span className={`collector-state collector-${state(c)}`}>{s.states[state(c)]}</span>
                  </td>
                  <td>{c.status?.lastSuccessAt ? formatTime(c.status.lastSuccessAt) : s.never}</td>
                  <td>{c.status?.completeUpTo ? formatTime(c.status.completeUpTo) : '-'}</td>
                  <td>
                    <LastError error={c.status?.lastError ?? null} />
                  </td>
                  <td className="manage-actions">
                    <button type="button" onClick={() => run(`c:${c.name}`, `/api/collectors/${encodeURIComponent(c.name)}/test`)}>
                      {s.test}
                    </button>
                    {shown(`c:${c.name}`)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="panel" style={{ gridColumn: 'span 12' }}>
        <h2 className="panel-title">{s.feeds}</h2>
        {data.feeds.length === 0 ? (
          <p className="muted">{s.none}</p>
        ) : (
          <table className="simple-table manage-table" data-testid="feed-status">
            <ColumnHeads columns={s.feedColumns} />
            <tbody>
              {data.feeds.map((f) => (
                <tr key={f.name} data-feed={f.name}>
                  <td>
                    <SafeText text={`${f.name} (${f.type})`} />
                  </td>
                  <td>{f.status.lastSuccessAt ? formatTime(f.status.lastSuccessAt) : s.never}</td>
                  <td className="num">{formatCount(f.status.indicators)}</td>
                  <td>
                    <LastError error={f.status.lastError} feed />
                  </td>
                  <td className="manage-actions">
                    <button type="button" onClick={() => run(`f:${f.name}`, `/api/intel/feeds/${encodeURIComponent(f.name)}/test`)}>
                      {s.test}
                    </button>
                    {shown(`f:${f.name}`)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
