// Saved searches in the Explorer: save the query (for you, or shared with every analyst), open one, add it to a
// dashboard, or turn it into an alert rule.
import { useCallback, useEffect, useId, useState } from 'react';
import { api, type Column } from '../api';
import { errorText } from '../error-text';
import { strings } from '../strings';
import { AlertForm } from './alert-form';
import { PinForm } from './pin-form';
import type { SavedSearch } from './saved-api';

/** The form open under one search; `n` tells each opening apart (a new form each time). */
type Tool = { id: string; kind: 'pin' | 'alert' | 'delete'; n: number } | null;

export function SavedSearches({
  query,
  columnsOf,
  onOpen,
}: {
  /** The editor's text: what "Save search" saves. */
  query: string;
  /** Columns of the shown answer when it is the answer of `kql` (chart choices when pinning). */
  columnsOf: (kql: string) => Column[] | undefined;
  onOpen: (query: string) => void;
}) {
  const s = strings.saved;
  const [list, setList] = useState<SavedSearch[] | null>(null);
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [tool, setTool] = useState<Tool>(null);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  // Folded by default: one line above the editor that does not move it when the list arrives.
  const [open, setOpen] = useState(false);
  const ids = { name: useId(), shared: useId(), heading: useId() };

  const load = useCallback(() => {
    api<SavedSearch[]>('GET', '/api/saved-searches').then(setList, (e: unknown) => setError(errorText(e)));
  }, []);
  useEffect(load, [load]);

  const save = async () => {
    setError(null);
    try {
      const made = await api<SavedSearch>('POST', '/api/saved-searches', { name: name.trim(), query, shared });
      setSaving(false);
      setName('');
      setShared(false);
      setSaid(s.savedAs(made.name));
      setOpen(true);
      load();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const remove = async (x: SavedSearch) => {
    try {
      await api('DELETE', `/api/saved-searches/${encodeURIComponent(x.id)}`);
      setTool(null);
      setSaid(s.deleted(x.name));
      load();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <section className="saved-searches" aria-labelledby={ids.heading} data-testid="saved-searches">
      <div className="saved-head">
        <h2 id={ids.heading} className="sr-only">
          {s.searches}
        </h2>
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="show-searches">
          {s.searchesCount(list ? String(list.length) : '…')}
        </button>
        <button type="button" onClick={() => setSaving(!saving)} disabled={!query.trim()} aria-expanded={saving} data-testid="save-search">
          {s.saveSearch}
        </button>
        <span role="status" className="muted">
          {said}
        </span>
      </div>
      {saving && (
        <form
          className="saved-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label htmlFor={ids.name}>{s.searchName}</label>
          <input
            id={ids.name}
            value={name}
            required
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
            data-testid="search-name"
            autoFocus
          />
          <input id={ids.shared} type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} />
          <label htmlFor={ids.shared}>{s.shareWithAnalysts}</label>
          <button type="submit" className="primary" disabled={!name.trim()} data-testid="save-search-submit">
            {s.save}
          </button>
          <button type="button" onClick={() => setSaving(false)}>
            {strings.common.cancel}
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {open && list && list.length === 0 && <p className="muted">{s.noSearches}</p>}
      {open && list && list.length > 0 && (
        <ul className="saved-list">
          {list.map((x) => (
            <li key={x.id} data-testid="saved-search">
              <div className="saved-row">
                <button
                  type="button"
                  className="link-button saved-name"
                  title={x.query}
                  onClick={() => onOpen(x.query)}
                  data-testid="open-search"
                >
                  {x.name}
                </button>
                <span className="muted">{x.shared ? s.sharedBy(x.owner) : s.personal}</span>
                <button type="button" onClick={() => setTool({ id: x.id, kind: 'pin', n: Date.now() })} data-testid="pin-search">
                  {s.pin}
                </button>
                <button type="button" onClick={() => setTool({ id: x.id, kind: 'alert', n: Date.now() })} data-testid="alert-search">
                  {s.asAlert}
                </button>
                {x.editable && (
                  <button type="button" onClick={() => setTool({ id: x.id, kind: 'delete', n: Date.now() })}>
                    {s.delete}
                  </button>
                )}
              </div>
              {tool?.id === x.id && tool.kind === 'pin' && (
                <PinForm key={tool.n} search={x} columns={columnsOf(x.query)} onDone={() => setTool(null)} />
              )}
              {tool?.id === x.id && tool.kind === 'alert' && <AlertForm key={tool.n} search={x} onDone={() => setTool(null)} />}
              {tool?.id === x.id && tool.kind === 'delete' && (
                <p className="saved-form" role="group" aria-label={s.delete}>
                  {s.deleteQuestion}{' '}
                  <button type="button" className="danger" onClick={() => void remove(x)}>
                    {s.delete}
                  </button>{' '}
                  <button type="button" onClick={() => setTool(null)}>
                    {strings.common.cancel}
                  </button>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
