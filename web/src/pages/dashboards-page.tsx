// Every dashboard the server knows for this user: the built-in templates, yours and the shared ones; make a new one.
import { useId, useState } from 'react';
import { api } from '../api';
import { errorText } from '../error-text';
import { localText } from '../i18n';
import { dashboardPath, dashboardsChanged, useDashboardList, type DashboardSummary } from '../saved/saved-api';
import { canAnalyse, useMe } from '../session';
import { strings } from '../strings';
import { navigate } from '../url-state';

function Row({ d }: { d: DashboardSummary }) {
  const s = strings.saved;
  const href = dashboardPath(d) + location.search;
  return (
    <li data-testid="dashboard-row">
      <a
        href={href}
        onClick={(e) => {
          if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
          e.preventDefault();
          navigate(href);
        }}
      >
        {localText(d.title)}
      </a>{' '}
      <span className="muted">{d.builtIn ? s.builtIn : d.shared ? s.sharedBy(d.owner ?? '') : s.personal}</span>
    </li>
  );
}

export function DashboardsPage() {
  const me = useMe();
  const s = strings.saved;
  const list = useDashboardList();
  const [title, setTitle] = useState('');
  const [shared, setShared] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = { title: useId(), shared: useId() };
  const create = async () => {
    setError(null);
    try {
      const d = await api<{ id: string }>('POST', '/api/dashboards', { title: title.trim(), shared });
      dashboardsChanged();
      navigate(dashboardPath({ id: d.id, builtIn: false }) + location.search);
    } catch (e) {
      setError(errorText(e));
    }
  };
  if (!list) return <p role="status">{strings.common.loading}</p>;
  const groups: [string, DashboardSummary[]][] = [
    [s.builtInGroup, list.filter((d) => d.builtIn)],
    [s.yoursGroup, list.filter((d) => !d.builtIn && !d.shared)],
    [s.sharedGroup, list.filter((d) => !d.builtIn && d.shared)],
  ];
  return (
    <div className="dashboards-page">
      <h1 className="page-title">{s.dashboardsTitle}</h1>
      <p className="page-description">{s.dashboardsHelp}</p>
      {canAnalyse(me) && (
        <form
          className="saved-form"
          aria-label={s.create}
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <label htmlFor={ids.title}>{s.newDashboardTitle}</label>
          <input
            id={ids.title}
            value={title}
            required
            maxLength={200}
            onChange={(e) => setTitle(e.target.value)}
            data-testid="new-dashboard-title"
          />
          {me.role === 'admin' && (
            <>
              <input id={ids.shared} type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} />
              <label htmlFor={ids.shared}>{s.shareWithEveryone}</label>
            </>
          )}
          <button type="submit" className="primary" disabled={!title.trim()} data-testid="new-dashboard">
            {s.create}
          </button>
          {error && (
            <span role="alert" className="form-error">
              {error}
            </span>
          )}
        </form>
      )}
      {groups.map(([heading, items]) =>
        items.length === 0 ? null : (
          <section key={heading} className="dashboard-group">
            <h2>{heading}</h2>
            <ul>
              {items.map((d) => (
                <Row key={d.id} d={d} />
              ))}
            </ul>
          </section>
        ),
      )}
    </div>
  );
}
