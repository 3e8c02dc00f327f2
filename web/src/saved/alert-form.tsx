// "As alert rule": the saved search as an entry of alerts.rules, checked by the server as the configuration is,
// with what it would raise if it ran now. Admins add it under Settings (or to mailsift.yaml).
import { useId, useState } from 'react';
import { api } from '../api';
import { errorText } from '../error-text';
import { valueLabel } from '../i18n';
import { useMe } from '../session';
import { strings } from '../strings';
import type { SavedSearch } from './saved-api';

interface Draft {
  rule: Record<string, unknown>;
  yaml: string;
  preview: { alerts: number; sentences: string[] };
}

/** Where the alert-rule settings find the last draft made from a search (this tab only). */
export const ALERT_DRAFT_KEY = 'mailsift.alertRuleDraft';

const SCHEDULES = ['5m', '15m', '1h', '1d'];
const CONDITIONS = ['>0', '>=10', '>=100'];
const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

export function AlertForm({ search, onDone }: { search: SavedSearch; onDone: () => void }) {
  const s = strings.saved;
  const [schedule, setSchedule] = useState('15m');
  const [rows, setRows] = useState('>0');
  const [severity, setSeverity] = useState<(typeof SEVERITIES)[number]>('medium');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState(false);
  const me = useMe();
  const ids = { schedule: useId(), rows: useId(), severity: useId() };
  const check = async () => {
    setBusy(true);
    setError(null);
    try {
      const d = await api<Draft>('POST', `/api/saved-searches/${encodeURIComponent(search.id)}/alert-rule`, { schedule, rows, severity });
      setDraft(d);
      setCreated(false);
      try {
        sessionStorage.setItem(ALERT_DRAFT_KEY, JSON.stringify(d.rule));
      } catch {
        // No storage: the YAML below is still there to copy.
      }
    } catch (e) {
      setDraft(null);
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  // Admins make the rule at once, through the alert-rule settings' own API (checked there again).
  const create = async () => {
    if (!draft) return;
    setError(null);
    try {
      await api('POST', '/api/alerts/rules', { definition: draft.rule });
      setCreated(true);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <form
      className="saved-form"
      aria-label={s.alertTitle(search.name)}
      onSubmit={(e) => {
        e.preventDefault();
        void check();
      }}
    >
      <label htmlFor={ids.schedule}>{s.schedule}</label>
      <select id={ids.schedule} value={schedule} onChange={(e) => setSchedule(e.target.value)}>
        {SCHEDULES.map((v) => (
          <option key={v} value={v}>
            {s.every(v)}
          </option>
        ))}
      </select>
      <label htmlFor={ids.rows}>{s.condition}</label>
      <select id={ids.rows} value={rows} onChange={(e) => setRows(e.target.value)}>
        {CONDITIONS.map((v) => (
          <option key={v} value={v}>
            {s.rowsAre(v)}
          </option>
        ))}
      </select>
      <label htmlFor={ids.severity}>{s.severity}</label>
      <select id={ids.severity} value={severity} onChange={(e) => setSeverity(e.target.value as (typeof SEVERITIES)[number])}>
        {SEVERITIES.map((v) => (
          <option key={v} value={v}>
            {valueLabel(v)}
          </option>
        ))}
      </select>
      <button type="submit" className="primary" disabled={busy} data-testid="alert-check">
        {s.check}
      </button>
      <button type="button" onClick={onDone}>
        {strings.common.close}
      </button>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {draft && (
        <div className="alert-draft" role="status" data-testid="alert-draft">
          <p>
            <strong>{s.alertPreview(draft.preview.alerts)}</strong>
          </p>
          {draft.preview.sentences.length > 0 && (
            <ul>
              {draft.preview.sentences.map((t, i) => (
                <li key={i}>{t}</li>
              ))}
            </ul>
          )}
          {me.role === 'admin' && !created && (
            <button type="button" className="primary" onClick={() => void create()} data-testid="alert-create">
              {s.createRule}
            </button>
          )}
          {created && <p data-testid="alert-created">{s.ruleCreated}</p>}
          <p className="muted">{s.alertHow}</p>
          <pre aria-label={s.alertYaml}>{draft.yaml}</pre>
        </div>
      )}
    </form>
  );
}
