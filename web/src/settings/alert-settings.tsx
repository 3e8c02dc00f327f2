// Alert rules and destinations in Settings: those of mailsift.yaml read-only (the file wins on a shared name),
// those made here editable, the built-in rules off until they have a destination; "send a test alert now".
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import { SafeText } from '../components/safe-text';
import { errorText, reasonText } from '../error-text';
import { formatTime } from '../format';
import { currentLanguage } from '../i18n';
import { strings } from '../strings';
import { ColumnHeads } from './form-parts';
import type { AlertsAnswer, DestinationEntry, RuleEntry, TestOutcome } from './alert-types';
import { deliveryDetail } from './delivery-detail';
import { DestinationForm } from './destination-form';
import { RuleForm } from './rule-form';

type Editing = { kind: 'rule' | 'destination'; isNew: boolean; definition: Record<string, unknown> } | null;

const path = (kind: 'rule' | 'destination', name?: string) =>
  `/api/alerts/${kind}s${name === undefined ? '' : `/${encodeURIComponent(name)}`}`;

function Source({ entry }: { entry: RuleEntry | DestinationEntry }) {
  const s = strings.manage.alerts;
  return (
    <>
      <span className={`source-badge source-${entry.source}`}>{s.sources[entry.source] ?? entry.source}</span>
      {entry.updatedBy && entry.updatedAt && <div className="muted small">{s.changedBy(entry.updatedBy, formatTime(entry.updatedAt))}</div>}
    </>
  );
}

function State({ entry }: { entry: RuleEntry | DestinationEntry }) {
  const s = strings.manage.alerts;
  return (
    <>
      <span className={entry.active ? 'state-on' : 'state-off'}>{entry.active ? s.on : s.off}</span>
      {entry.problem && (
        <div className="wrap-text muted small">
          <SafeText
            className="wrap"
            text={s.notRunning(reasonText(entry.problem, entry.problemReason?.reason, entry.problemReason?.params) ?? entry.problem)}
            maxChars={2000}
          />
        </div>
      )}
    </>
  );
}

function firesOn(d: Record<string, unknown>): string {
  const s = strings.manage.alerts;
  if (typeof d.query === 'string') return s.kqlQuery;
  return d.detection === '*' || d.detection === undefined ? s.everyDetection : s.detection(String(d.detection));
}

export function AlertSettings() {
  const s = strings.manage.alerts;
  const [info, setInfo] = useState<AlertsAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [tests, setTests] = useState<Record<string, TestOutcome[] | string>>({});

  const load = useCallback(() => {
    api<AlertsAnswer>('GET', '/api/alerts').then(setInfo, (e: unknown) => setError(errorText(e)));
  }, []);
  useEffect(load, [load]);

  const act = async (work: () => Promise<unknown>, done?: string) => {
    setError(null);
    setNotice(null);
    try {
      await work();
      if (done) setNotice(done);
      load();
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    }
  };
  const test = (kind: 'rule' | 'destination', name: string) => {
    const key = `${kind}:${name}`;
    setTests((t) => ({ ...t, [key]: [] }));
    api<{ deliveries: TestOutcome[] }>('POST', `${path(kind, name)}/test`).then(
      (r) => setTests((t) => ({ ...t, [key]: r.deliveries })),
      (e: unknown) => setTests((t) => ({ ...t, [key]: errorText(e) })),
    );
  };
  const testResult = (key: string) => {
    const r = tests[key];
    if (r === undefined) return null;
    return (
      <div role="status" className="test-result" data-testid={`test-${key}`}>
        {typeof r === 'string' ? (
          <span className="test-failed wrap-text">{r}</span>
        ) : (
          r.map((o) => (
            <div key={o.destination} className={`${o.status === 'delivered' ? 'test-ok' : 'test-failed'} wrap-text`}>
              {o.status === 'delivered' ? s.delivered(o.destination, o.detail) : s.failed(o.destination, deliveryDetail(o))}
            </div>
          ))
        )}
      </div>
    );
  };

  if (!info) return error ? <p className="query-error">{error}</p> : <p className="muted">{strings.common.loading}</p>;

  const saveRule = (definition: Record<string, unknown>) => {
    const isNew = editing?.isNew ?? true;
    void act(() => api(isNew ? 'POST' : 'PUT', path('rule', isNew ? undefined : String(definition.name)), { definition }), s.saved).then(
      (ok) => ok && setEditing(null),
    );
  };
  const saveDestination = (definition: Record<string, unknown>, useForBuiltInRules: boolean) => {
    const isNew = editing?.isNew ?? true;
    void act(
      () =>
        api(isNew ? 'POST' : 'PUT', path('destination', isNew ? undefined : String(definition.name)), {
          definition,
          ...(isNew && useForBuiltInRules ? { useForBuiltInRules: true } : {}),
        }),
      s.saved,
    ).then((ok) => ok && setEditing(null));
  };

  return (
    <div className="grid" data-testid="alert-settings">
      {(error || notice) && (
        <div style={{ gridColumn: 'span 12' }}>
          {error && (
            <p role="alert" className="query-error wrap-text">
              {error}
            </p>
          )}
          {notice && <p className="notice">{notice}</p>}
        </div>
      )}
      <section className="panel" style={{ gridColumn: 'span 12' }}>
        <h2 className="panel-title">{s.rules}</h2>
        <p className="muted">{s.precedence}</p>
        <p className="muted">{s.builtInHint}</p>
        <table className="simple-table manage-table" data-testid="alert-rules">
          <ColumnHeads columns={s.ruleColumns} />
          <tbody>
            {info.rules.map((r) => {
              const dests = Array.isArray(r.definition.destinations) ? (r.definition.destinations as string[]) : [];
              return (
                <tr key={`${r.source}:${r.name}`} data-rule={r.name}>
                  <td>
                    <SafeText text={r.name} />
                    {r.summary && (
                      <div className="muted small wrap-text">{currentLanguage() === 'ja' && r.summaryJa ? r.summaryJa : r.summary}</div>
                    )}
                  </td>
                  <td>
                    <Source entry={r} />
                  </td>
                  <td>{firesOn(r.definition)}</td>
                  <td>{String(r.definition.schedule ?? '')}</td>
                  <td>
                    <SafeText className="wrap" text={dests.join(', ') || '-'} />
                  </td>
                  <td>
                    <State entry={r} />
                  </td>
                  <td className="manage-actions">
                    {r.source !== 'file' && (
                      <button
                        type="button"
                        onClick={() =>
                          setEditing({
                            kind: 'rule',
                            isNew: false,
                            definition: r.source === 'built-in' ? { ...r.definition, enabled: true } : r.definition,
                          })
                        }
                      >
                        {s.edit}
                      </button>
                    )}
                    {r.source === 'app' && (
                      <button
                        type="button"
                        onClick={() =>
                          void act(() =>
                            api('PUT', path('rule', r.name), { definition: { ...r.definition, enabled: r.definition.enabled === false } }),
                          )
                        }
                      >
                        {r.definition.enabled === false ? s.switchOn : s.switchOff}
                      </button>
                    )}
                    {dests.length > 0 && r.problem === null && (
                      <button type="button" onClick={() => test('rule', r.name)}>
                        {s.sendTest}
                      </button>
                    )}
                    {r.source === 'app' && (
                      <button type="button" onClick={() => void act(() => api('DELETE', path('rule', r.name)))}>
                        {s.remove}
                      </button>
                    )}
                    {testResult(`rule:${r.name}`)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {editing?.kind === 'rule' ? (
          <RuleForm initial={editing.definition} isNew={editing.isNew} info={info} onSave={saveRule} onCancel={() => setEditing(null)} />
        ) : (
          <button
            type="button"
            onClick={() => setEditing({ kind: 'rule', isNew: true, definition: { schedule: '15m', destinations: [] } })}
          >
            {s.newRule}
          </button>
        )}
      </section>
      <section className="panel" style={{ gridColumn: 'span 12' }}>
        <h2 className="panel-title">{s.destinations}</h2>
        <table className="simple-table manage-table" data-testid="alert-destinations">
          <ColumnHeads columns={s.destinationColumns} />
          <tbody>
            {info.destinations.map((d) => (
              <tr key={`${d.source}:${d.name}`} data-destination={d.name}>
                <td>
                  <SafeText text={d.name} />
                </td>
                <td>
                  <Source entry={d} />
                </td>
                <td>{d.type}</td>
                <td>
                  <SafeText className="wrap" text={String(d.definition.url ?? d.definition.host ?? '')} />
                </td>
                <td>
                  <SafeText className="wrap" text={d.usedBy.join(', ') || '-'} />
                </td>
                <td>
                  <State entry={d} />
                </td>
                <td className="manage-actions">
                  {d.source === 'app' && (
                    <button type="button" onClick={() => setEditing({ kind: 'destination', isNew: false, definition: d.definition })}>
                      {s.edit}
                    </button>
                  )}
                  {d.problem === null && (
                    <button type="button" onClick={() => test('destination', d.name)}>
                      {s.sendTest}
                    </button>
                  )}
                  {d.source === 'app' && (
                    <button type="button" onClick={() => void act(() => api('DELETE', path('destination', d.name)))}>
                      {s.remove}
                    </button>
                  )}
                  {testResult(`destination:${d.name}`)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {editing?.kind === 'destination' ? (
          <DestinationForm
            initial={editing.definition}
            isNew={editing.isNew}
            info={info}
            onSave={saveDestination}
            onCancel={() => setEditing(null)}
          />
        ) : (
          <button type="button" onClick={() => setEditing({ kind: 'destination', isNew: true, definition: { type: 'webhook' } })}>
            {s.newDestination}
          </button>
        )}
      </section>
    </div>
  );
}
