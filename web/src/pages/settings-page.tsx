// Settings for administrators: users, API tokens, collectors and feeds, alert rules and destinations (settings/).
import { useCallback, useEffect, useState } from 'react';
import type { DeliveryFailureJson } from '../../../src/alerts/delivery-failure';
import { errorText } from '../error-text';
import { api } from '../api';
import { SafeText } from '../components/safe-text';
import { formatTime } from '../format';
import { AlertSettings } from '../settings/alert-settings';
import { deliveryDetail } from '../settings/delivery-detail';
import { CollectorSettings } from '../settings/collector-settings';
import { useMe } from '../session';
import { strings } from '../strings';

interface Account {
  name: string;
  role: string;
  createdAt: string;
}

interface Delivery {
  at: string;
  rule: string;
  title: string;
  destination: string;
  type: string;
  outcome: 'delivered' | 'retrying' | 'failed';
  detail: string;
  failure?: DeliveryFailureJson;
}

interface SettingsInfo {
  deliveries: Delivery[];
  sso: { issuer: string; label: string } | null;
}

export function SettingsPage() {
  const me = useMe();
  const [users, setUsers] = useState<Account[]>([]);
  const [tokens, setTokens] = useState<Account[]>([]);
  const [info, setInfo] = useState<SettingsInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [newUser, setNewUser] = useState({ name: '', role: 'viewer', password: '' });
  const [newToken, setNewToken] = useState({ name: '', role: 'viewer' });
  const [secret, setSecret] = useState<string | null>(null);

  const load = useCallback(() => {
    Promise.all([
      api<Account[]>('GET', '/api/users'),
      api<Account[]>('GET', '/api/tokens'),
      api<SettingsInfo>('GET', '/api/settings'),
    ]).then(
      ([u, t, s]) => {
        setUsers(u);
        setTokens(t);
        setInfo(s);
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, []);
  useEffect(() => {
    if (me.role === 'admin') load();
  }, [load, me.role]);
  if (me.role !== 'admin') return <p>{strings.settings.adminsOnly}</p>;

  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      load();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <div>
      <h1 className="page-title">{strings.settings.title}</h1>
      {error && (
        <p role="alert" className="query-error">
          {error}
        </p>
      )}
      <div className="grid">
        <section className="panel" style={{ gridColumn: 'span 6' }}>
          <h2 className="panel-title">{strings.settings.users}</h2>
          <table className="simple-table">
            <thead>
              <tr>
                <th scope="col">{strings.settings.name}</th>
                <th scope="col">{strings.settings.role}</th>
                <th scope="col">{strings.settings.created}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.name}>
                  <td>
                    <SafeText text={u.name} />
                  </td>
                  <td>{strings.roles[u.role] ?? u.role}</td>
                  <td>{formatTime(u.createdAt)}</td>
                  <td>
                    {u.name !== me.user && (
                      <button type="button" onClick={() => void act(() => api('DELETE', `/api/users/${encodeURIComponent(u.name)}`))}>
                        {strings.settings.remove}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void act(async () => {
                await api('POST', '/api/users', newUser);
                setNewUser({ name: '', role: 'viewer', password: '' });
              });
            }}
          >
            <label>
              {strings.settings.name}{' '}
              <input value={newUser.name} onChange={(e) => setNewUser({ ...newUser, name: e.target.value })} required autoComplete="off" />
            </label>
            <label>
              {strings.settings.role}{' '}
              <select value={newUser.role} onChange={(e) => setNewUser({ ...newUser, role: e.target.value })}>
                <option value="viewer">{strings.roles.viewer}</option>
                <option value="analyst">{strings.roles.analyst}</option>
                <option value="admin">{strings.roles.admin}</option>
              </select>
            </label>
            <label>
              {strings.settings.password}{' '}
              <input
                type="password"
                minLength={12}
                value={newUser.password}
                onChange={(e) => setNewUser({ ...newUser, password: e.target.value })}
                required
                autoComplete="new-password"
              />
            </label>
            <button type="submit">{strings.settings.addUser}</button>
          </form>
        </section>
        <section className="panel" style={{ gridColumn: 'span 6' }}>
          <h2 className="panel-title">{strings.settings.tokens}</h2>
          {secret && (
            <p className="notice">
              {strings.settings.tokenOnce} <code>{secret}</code>
            </p>
          )}
          <ul className="plain-list">
            {tokens.map((t) => (
              <li key={t.name}>
                <SafeText text={t.name} /> <span className="muted">({strings.roles[t.role] ?? t.role})</span>{' '}
                <button type="button" onClick={() => void act(() => api('DELETE', `/api/tokens/${encodeURIComponent(t.name)}`))}>
                  {strings.settings.revoke}
                </button>
              </li>
            ))}
          </ul>
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void act(async () => {
                const r = await api<{ token: string }>('POST', '/api/tokens', newToken);
                setSecret(r.token);
                setNewToken({ name: '', role: 'viewer' });
              });
            }}
          >
            <label>
              {strings.settings.name}{' '}
              <input
                value={newToken.name}
                onChange={(e) => setNewToken({ ...newToken, name: e.target.value })}
                required
                autoComplete="off"
              />
            </label>
            <label>
              {strings.settings.role}{' '}
              <select value={newToken.role} onChange={(e) => setNewToken({ ...newToken, role: e.target.value })}>
                <option value="viewer">{strings.roles.viewer}</option>
                <option value="analyst">{strings.roles.analyst}</option>
                <option value="admin">{strings.roles.admin}</option>
              </select>
            </label>
            <button type="submit">{strings.settings.createToken}</button>
          </form>
        </section>
      </div>
      <CollectorSettings />
      <AlertSettings />
      {info && (
        <div className="grid">
          <section className="panel" style={{ gridColumn: 'span 12' }}>
            <h2 className="panel-title">{strings.settings.deliveries}</h2>
            {info.deliveries.length === 0 ? (
              <p className="muted">{strings.settings.noDeliveries}</p>
            ) : (
              <table className="simple-table" data-testid="alert-deliveries">
                <thead>
                  <tr>
                    {strings.settings.deliveryColumns.map((c) => (
                      <th key={c} scope="col">
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {info.deliveries.map((d, i) => (
                    <tr key={`${d.at}-${i}`} className={d.outcome === 'failed' ? 'row-failed' : undefined}>
                      <td>{formatTime(d.at)}</td>
                      <td>
                        <SafeText text={d.rule} />
                      </td>
                      <td>
                        <SafeText text={`${d.destination} (${d.type})`} />
                      </td>
                      <td>{strings.settings.deliveryOutcomes[d.outcome] ?? d.outcome}</td>
                      <td>
                        <SafeText text={deliveryDetail(d)} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section className="panel" style={{ gridColumn: 'span 12' }}>
            <h2 className="panel-title">{strings.settings.sso}</h2>
            <p>{info.sso ? `${info.sso.label}: ${info.sso.issuer}` : strings.settings.ssoOff}</p>
          </section>
        </div>
      )}
    </div>
  );
}
