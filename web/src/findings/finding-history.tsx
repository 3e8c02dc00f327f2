// A finding's history (state changes, assignments, notes: who and when) and, for analysts, a note to add.
import { useState } from 'react';
import { api } from '../api';
import { SafeText } from '../components/safe-text';
import { errorText } from '../error-text';
import { formatTime, formatUtc } from '../format';
import { strings } from '../strings';
import { visibleText } from '../visible-text';
import type { HistoryEntry } from './finding-types';

function line(e: HistoryEntry): string {
  if (e.kind === 'state') return strings.finding.setState(e.by, strings.findings.states[e.value] ?? e.value);
  if (e.kind === 'assignee') return e.value ? strings.finding.assigned(e.by, e.value) : strings.finding.unassigned(e.by);
  return strings.finding.noted(e.by);
}

export function FindingHistory({
  id,
  history,
  canWrite,
  onChange,
}: {
  id: string;
  history: readonly HistoryEntry[];
  canWrite: boolean;
  onChange: (history: HistoryEntry[]) => void;
}) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const add = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await api<{ history: HistoryEntry[] }>('POST', `/api/findings/${encodeURIComponent(id)}/notes`, { text: note });
      setNote('');
      onChange(r.history);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="finding-history">
      {history.length === 0 ? (
        <p className="muted">{strings.finding.historyNone}</p>
      ) : (
        <ol className="finding-history">
          {history.map((e, i) => (
            <li key={i} data-kind={e.kind}>
              <time dateTime={e.at} title={formatUtc(e.at)}>
                {formatTime(e.at)}
              </time>{' '}
              {/* Names and notes are text from users: shown as text, never as markup. */}
              <SafeText text={line(e)} maxChars={300} />
              {e.kind === 'note' && <p className="finding-note">{e.value.split('\n').map(visibleText).join('\n')}</p>}
            </li>
          ))}
        </ol>
      )}
      {canWrite && (
        <form
          className="finding-note-form"
          onSubmit={(ev) => {
            ev.preventDefault();
            if (note.trim()) void add();
          }}
        >
          <label>
            {strings.finding.note}
            <textarea
              name="note"
              value={note}
              maxLength={10_000}
              rows={3}
              placeholder={strings.finding.notePlaceholder}
              onChange={(e) => setNote(e.target.value)}
            />
          </label>
          <button type="submit" className="primary" disabled={busy || !note.trim()}>
            {strings.finding.addNote}
          </button>
          {error && <p role="alert">{error}</p>}
        </form>
      )}
    </div>
  );
}
