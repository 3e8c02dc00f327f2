// The app shell: who is signed in, the navigation, the top bar and the page for the current path.
import { Fragment, lazy, Suspense, useEffect, useState, type MouseEvent } from 'react';
import { AppFooter } from './components/app-footer';
import { DisplaySettings, loadServerPreferences } from './components/display-settings';
import { api, setCsrf, type Me } from './api';
import { signedIn } from './panels/head-start';
import { TopBar } from './components/top-bar';
import { DashboardPage } from './pages/dashboard-page';
import { DashboardsPage } from './pages/dashboards-page';
import { dashboardAt, dashboardPath, useDashboardList, type DashboardSummary } from './saved/saved-api';
import { FindingPage } from './pages/finding-page';
import { FindingsPage } from './pages/findings-page';
import { MessagePage } from './pages/message-page';
import { SettingsPage } from './pages/settings-page';
import { ImportsPage } from './pages/imports-page';
import { SignInPage } from './pages/signin-page';
import { canAnalyse, SessionContext } from './session';
import { localText, useI18nVersion } from './i18n';
import { strings } from './strings';
import { navigate, readViewState, readWall, screenParams, useLocation, writeViewState } from './url-state';

// The Explorer brings the editor: loaded when first opened.
const ExplorerPage = lazy(() => import('./pages/explorer-page').then((m) => ({ default: m.ExplorerPage })));

function NavLink({ to, label, current }: { to: string; label: string; current: boolean }) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    // The time range, filters, auto-refresh and wall display follow the user from page to page.
    const { range, filters } = readViewState(location.search);
    navigate(to + writeViewState(screenParams(location.search), range, filters));
  };
  return (
    <a href={to} onClick={onClick} aria-current={current ? 'page' : undefined} className={current ? 'active' : undefined}>
      {label}
    </a>
  );
}

function Page({ path, me, dashboards }: { path: string; me: Me; dashboards: DashboardSummary[] | null }) {
  if (path === '/dashboards') return <DashboardsPage />;
  const dashboard = dashboardAt(path, dashboards);
  if (dashboard !== undefined) return <DashboardPage id={dashboard} />;
  if (path === '/findings') return <FindingsPage />;
  if (path.startsWith('/findings/')) return <FindingPage id={decodeURIComponent(path.slice('/findings/'.length))} />;
  if (path === '/explorer') return canAnalyse(me) ? <ExplorerPage /> : <p>{strings.errors.forbidden}</p>;
  if (path === '/settings') return <SettingsPage />;
  if (path === '/imports') return canAnalyse(me) ? <ImportsPage /> : <p>{strings.imports.analystsOnly}</p>;
  if (path.startsWith('/message/')) return <MessagePage traceId={decodeURIComponent(path.slice('/message/'.length))} />;
  return <DashboardPage id="overview" />;
}

export function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const { path, search } = useLocation();
  // A new language or zone renders every page again (charts and tables included).
  const i18nVersion = useI18nVersion();
  const [menuOpen, setMenuOpen] = useState(false);
  const dashboards = useDashboardList(me ? me.user : null);
  useEffect(() => setMenuOpen(false), [path]);
  const wall = readWall(search);
  useEffect(() => {
    document.documentElement.classList.toggle('wall', wall);
  }, [wall]);
  useEffect(() => {
    void signedIn().then((m) => {
      setMe(m);
      if (m) void loadServerPreferences();
    });
  }, []);
  useEffect(() => {
    if (me === null && path !== '/signin') navigate(`/signin?returnTo=${encodeURIComponent(location.pathname + location.search)}`, true);
    if (me && (path === '/' || path === '/signin')) navigate('/overview', true);
  }, [me, path]);

  if (me === undefined) return <p className="boot">{strings.common.loading}</p>;
  if (me === null) return <SignInPage key={i18nVersion} onSignedIn={setMe} />;

  // The dashboards come from the server: the built-in ones and the shared ones; yours are under Dashboards.
  const boards: [string, string][] = (dashboards ?? [])
    .filter((d) => d.builtIn || d.shared)
    .map((d) => [dashboardPath(d), localText(d.title)]);
  const items: [string, string][] = [
    ...boards,
    ['/dashboards', strings.saved.navDashboards],
    ['/findings', strings.nav.findings],
    ...(canAnalyse(me) ? ([['/explorer', strings.nav.explorer]] as [string, string][]) : []),
    ...(canAnalyse(me) ? ([['/imports', strings.nav.imports]] as [string, string][]) : []),
    ...(me.role === 'admin' ? ([['/settings', strings.nav.settings]] as [string, string][]) : []),
  ];
  return (
    <SessionContext.Provider value={me}>
      <Fragment key={i18nVersion}>
        <a className="skip-link" href="#content">
          {strings.nav.skipToContent}
        </a>
        <header className="app-header">
          <span className="brand">{strings.appName}</span>
          {/* On a phone the navigation folds into a button that names the current page. */}
          <button
            type="button"
            className="nav-toggle"
            data-testid="nav-toggle"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={() => setMenuOpen(!menuOpen)}
          >
            <span aria-hidden="true">☰</span> {items.find(([to]) => to === path)?.[1] ?? strings.nav.menu}
          </button>
          <nav id="main-nav" aria-label={strings.nav.main} className={menuOpen ? 'open' : undefined}>
            {items.map(([to, label]) => (
              <NavLink
                key={to}
                to={to}
                label={label}
                current={
                  path === to ||
                  (to === '/dashboards' ? path.startsWith('/dashboards/') && !boards.some(([b]) => b === path) : path.startsWith(`${to}/`))
                }
              />
            ))}
          </nav>
          <DisplaySettings />
          <span className="user">
            {strings.nav.signedInAs(me.user, strings.roles[me.role] ?? me.role)}
            <button
              type="button"
              className="link-button"
              onClick={async () => {
                await api('POST', '/api/auth/logout').catch(() => undefined);
                setCsrf(undefined);
                setMe(null);
              }}
            >
              {strings.nav.signOut}
            </button>
          </span>
        </header>
        {!path.startsWith('/settings') && path !== '/imports' && <TopBar />}
        <main id="content" tabIndex={-1}>
          <Suspense fallback={<p role="status">{strings.common.loading}</p>}>
            <Page path={path} me={me} dashboards={dashboards} />
          </Suspense>
        </main>
        <AppFooter />
      </Fragment>
    </SessionContext.Provider>
  );
}
