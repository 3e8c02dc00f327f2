// The sign-in page: local user name and password, and single sign-on when the server has it.
import { useEffect, useState } from 'react';
import { api, ApiError, setCsrf, type Me } from '../api';
import { strings } from '../strings';

function returnTo(): string {
  const r = new URLSearchParams(location.search).get('returnTo') ?? '/';
  return r.startsWith('/') && !r.startsWith('//') && !r.startsWith('/signin') ? r : '/';
}

export function SignInPage({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [sso, setSso] = useState<{ enabled: boolean; label?: string }>({ enabled: false });
  const initialError = new URLSearchParams(location.search).get('error');
  const [error, setError] = useState<string | null>(
    initialError === 'sso' ? strings.signIn.ssoFailed : initialError === 'sso-unavailable' ? strings.signIn.ssoUnavailable : null,
  );
  useEffect(() => {
    api<{ enabled: boolean; label?: string }>('GET', '/api/auth/oidc/config', undefined, { noRedirect: true }).then(
      setSso,
      () => undefined,
    );
  }, []);
  return (
    <main className="signin" id="content">
      <form
        className="signin-card"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          try {
            const me = await api<Me>('POST', '/api/auth/login', { username, password }, { noRedirect: true });
            setCsrf(me.csrf);
            onSignedIn(me);
            history.replaceState(null, '', returnTo() === '/' ? '/overview' : returnTo());
            dispatchEvent(new PopStateEvent('popstate'));
          } catch (err) {
            if (err instanceof ApiError && err.status === 429) setError(strings.signIn.rateLimited(err.retryAfter ?? 60));
            else
              setError(
                err instanceof ApiError && err.status === 401
                  ? strings.signIn.failed
                  : err instanceof ApiError
                    ? err.message
                    : strings.errors.generic,
              );
          } finally {
            setBusy(false);
          }
        }}
      >
        <h1>{strings.signIn.title}</h1>
        {error && (
          <p role="alert" className="query-error">
            {error}
          </p>
        )}
        <label>
          {strings.signIn.username}
          <input
            name="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoComplete="username"
            required
            autoFocus
          />
        </label>
        <label>
          {strings.signIn.password}
          <input
            name="password"
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            required
          />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {strings.signIn.submit}
        </button>
        {sso.enabled && (
          <>
            <p className="muted center">{strings.signIn.or}</p>
            <a className="button" href={`/api/auth/oidc/login?returnTo=${encodeURIComponent(returnTo())}`}>
              {strings.signIn.sso(sso.label ?? 'SSO')}
            </a>
          </>
        )}
      </form>
    </main>
  );
}
