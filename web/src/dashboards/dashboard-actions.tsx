// The actions of a dashboard's header: copy it (built-ins are read-only templates), edit its layout, delete it.
import { useState } from 'react';
import { api } from '../api';
import { errorText } from '../error-text';
import { canAnalyse, useMe } from '../session';
import { dashboardPath, dashboardsChanged } from '../saved/saved-api';
import { strings } from '../strings';
import { navigate } from '../url-state';

export interface DashboardAccess {
  id: string;
  builtIn: boolean;
  editable: boolean;
  owner?: string;
  shared?: boolean;
}

export function DashboardActions({
  dashboard,
  editing,
  setEditing,
}: {
  dashboard: DashboardAccess;
  editing: boolean;
  setEditing: (on: boolean) => void;
}) {
  const me = useMe();
  const s = strings.saved;
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const copy = async () => {
    setError(null);
    try {
      const d = await api<{ id: string }>('POST', `/api/dashboards/${encodeURIComponent(dashboard.id)}/copy`, {});
      dashboardsChanged();
      navigate(dashboardPath({ id: d.id, builtIn: false }) + location.search);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const remove = async () => {
    setError(null);
    try {
      await api('DELETE', `/api/dashboards/${encodeURIComponent(dashboard.id)}`);
      dashboardsChanged();
      navigate('/dashboards' + location.search);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <div className="dashboard-actions" data-testid="dashboard-actions">
      {dashboard.builtIn && <span className="muted">{s.readOnly}</span>}
      {!dashboard.builtIn && dashboard.owner && (
        <span className="muted">{dashboard.shared ? s.sharedBy(dashboard.owner) : s.personalOf(dashboard.owner)}</span>
      )}
      {canAnalyse(me) && !editing && (
        <button type="button" onClick={() => void copy()} data-testid="copy-dashboard">
          {s.copy}
        </button>
      )}
      {dashboard.editable && (
        <button
          type="button"
          className={editing ? 'primary' : undefined}
          aria-pressed={editing}
          onClick={() => setEditing(!editing)}
          data-testid="edit-layout"
        >
          {editing ? s.done : s.edit}
        </button>
      )}
      {dashboard.editable && !confirming && (
        <button type="button" onClick={() => setConfirming(true)}>
          {s.deleteDashboard}
        </button>
      )}
      {confirming && (
        <span role="group" aria-label={s.deleteDashboard}>
          {s.deleteQuestion}{' '}
          <button type="button" className="danger" onClick={() => void remove()} data-testid="confirm-delete-dashboard">
            {s.delete}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {strings.common.cancel}
          </button>
        </span>
      )}
      {error && (
        <span role="alert" className="form-error">
          {error}
        </span>
      )}
    </div>
  );
}
