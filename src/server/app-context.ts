/** Everything the routes of one server share. */
import type { Config } from '../config/index.js';
import type { Store } from '../store/index.js';
import type { OidcClient } from './auth/oidc.js';
import type { LoginThrottle } from './auth/login-throttle.js';
import type { SessionStore } from './auth/session-store.js';
import type { UserDirectory } from './auth/user-directory.js';
import type { DashboardCatalog } from './dashboards/dashboard-catalog.js';
import type { UserPreferences } from './preferences/user-preferences.js';
import type { QueryService } from './query/query-service.js';
import type { ServerSettings } from './server-settings.js';

export interface AppContext {
  config: Config;
  store: Store;
  settings: ServerSettings;
  users: UserDirectory;
  preferences: UserPreferences;
  sessions: SessionStore;
  queries: QueryService;
  /** Built-in dashboards and those made in the app. */
  dashboards: DashboardCatalog;
  oidc?: OidcClient;
  loginThrottle: LoginThrottle;
  /** Tell the running alert scheduler that rules or destinations changed in the app. */
  alertsChanged?: () => void;
}
