// "Add to dashboard": a saved search becomes a panel of one of your dashboards, or of a new one, drawn as chosen.
import { useEffect, useId, useState } from 'react';
import { api, type Column } from '../api';
import { withVisualisation, visualisationsFor, type Visualisation } from '../dashboards/visualisation';
import { errorText } from '../error-text';
import { localText } from '../i18n';
import { strings } from '../strings';
import { dashboardPath, dashboardsChanged, useDashboardList, type SavedSearch } from './saved-api';

const NEW = '';

export function PinForm({ search, columns, onDone }: { search: SavedSearch; columns?: Column[]; onDone: () => void }) {
  const s = strings.saved;
  const list = useDashboardList();
  const mine = (list ?? []).filter((d) => d.editable && !d.builtIn);
  const [target, setTarget] = useState<string>(NEW);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<Visualisation>('table');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<{ id: string; title: string } | null>(null);
  const ids = { target: useId(), title: useId(), kind: useId() };
  useEffect(() => {
    if (list && target === NEW && mine[0]) setTarget(mine[0].id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [list]);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      let id = target;
      let shownTitle = localText(mine.find((d) => d.id === target)?.title);
      if (id === NEW) {
        shownTitle = title.trim() || search.name;
        id = (await api<{ id: string }>('POST', '/api/dashboards', { title: shownTitle })).id;
      }
      const drawn = withVisualisation({ id: 'x', kind: 'table', kql: search.query, width: 6 }, kind, columns)!;
      const { id: _id, title: _t, description: _d, kql: _k, ...look } = drawn;
      await api('POST', `/api/dashboards/${encodeURIComponent(id)}/panels`, {
        searchId: search.id,
        ...look,
        width: kind === 'stat' ? 3 : 6,
      });
      dashboardsChanged();
      setAdded({ id, title: shownTitle });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (added)
    return (
      <p className="saved-form" role="status" data-testid="pinned">
        {s.pinned(added.title)}{' '}
        <a href={dashboardPath({ id: added.id, builtIn: false }) + location.search} data-testid="open-pinned">
          {s.openDashboard}
        </a>{' '}
        <button type="button" className="link-button" onClick={onDone}>
          {strings.common.close}
        </button>
      </p>
    );
  return (
    <form
      className="saved-form"
      aria-label={s.pinTitle(search.name)}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={ids.target}>{s.pinTo}</label>
      <select id={ids.target} value={target} onChange={(e) => setTarget(e.target.value)} data-testid="pin-target">
        {mine.map((d) => (
          <option key={d.id} value={d.id}>
            {localText(d.title)}
          </option>
        ))}
        <option value={NEW}>{s.newDashboard}</option>
      </select>
      {target === NEW && (
        <>
          <label htmlFor={ids.title}>{s.newDashboardTitle}</label>
          <input
            id={ids.title}
            value={title}
            maxLength={200}
            onChange={(e) => setTitle(e.target.value)}
            placeholder={search.name}
            data-testid="pin-new-title"
          />
        </>
      )}
      <label htmlFor={ids.kind}>{s.visualisation}</label>
      <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as Visualisation)} data-testid="pin-kind">
        {visualisationsFor(columns).map((v) => (
          <option key={v} value={v}>
            {s.kinds[v] ?? v}
          </option>
        ))}
      </select>
      <button type="submit" className="primary" disabled={busy || list === null} data-testid="pin-submit">
        {s.pin}
      </button>
      <button type="button" onClick={onDone}>
        {strings.common.cancel}
      </button>
      {error && (
        <span role="alert" className="form-error">
          {error}
        </span>
      )}
    </form>
  );
}
