/** Assemble the Fastify app: plugins, the auth hook, routes, error handling and the web app. */
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { pino, type Logger } from 'pino';
import type { Config } from '../config/index.js';
import type { Store } from '../store/index.js';
import type { AppContext } from './app-context.js';
import { authenticateHook } from './auth/authenticate.js';
import { OidcClient } from './auth/oidc.js';
import { LoginThrottle } from './auth/login-throttle.js';
import { serverSecret } from './auth/server-secret.js';
import { SessionStore } from './auth/session-store.js';
import { UserDirectory } from './auth/user-directory.js';
import { DashboardCatalog } from './dashboards/dashboard-catalog.js';
import { DashboardSet } from './dashboards/dashboard-set.js';
import { answerUnparsableRequest, frameworkErrors, registerErrorHandler } from './errors.js';
import { VERSION } from './package-root.js';
import { UserPreferences } from './preferences/user-preferences.js';
import { QueryService } from './query/query-service.js';
import { registerAdminRoutes } from './routes/admin-routes.js';
import { registerAlertRoutes } from './routes/alert-routes.js';
import { registerCollectorRoutes } from './routes/collector-routes.js';
import { registerAuthRoutes } from './routes/auth-routes.js';
import { registerDashboardEditRoutes } from './routes/dashboard-edit-routes.js';
import { registerDashboardRoutes } from './routes/dashboard-routes.js';
import { registerDocsRoutes } from './routes/docs-routes.js';
import { registerFindingsRoutes } from './routes/findings-routes.js';
import { registerFreshnessRoutes } from './routes/freshness-routes.js';
import { registerAboutRoutes } from './routes/about-routes.js';
import { registerHealthRoutes } from './routes/health-routes.js';
import { registerImportRoutes } from './routes/import-routes.js';
import { registerIntelRoutes } from './routes/intel-routes.js';
import { registerOidcRoutes } from './routes/oidc-routes.js';
import { registerPreferencesRoutes } from './routes/preferences-routes.js';
import { registerQueryRoutes } from './routes/query-routes.js';
import { registerSavedSearchRoutes } from './routes/saved-search-routes.js';
import { registerWebAppRoutes } from './routes/web-app-routes.js';
import { applySecurityHeaders, registerSecurityHeaders } from './security-headers.js';
import { serverSettings } from './server-settings.js';

/** What buildApp needs. */
export interface BuildAppOptions {
  config: Config;
  store: Store;
  /** A pino logger, or false (the default) for none. */
  logger?: Logger | false;
  /** Folder of the built web app. Default dist/web of the package. */
  webRoot?: string;
  /** Folder of dashboard definitions. Default dashboards/ of the package. */
  dashboardDir?: string;
  /** Called after alert rules or destinations change in the app (serve reloads its scheduler). */
  onAlertsChanged?: () => void;
}

/** A route as registered (for listings and tests). */
export interface RouteInfo {
  method: string;
  url: string;
  access: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with who may call it. */
    mailsiftRoutes: RouteInfo[];
  }
}

/** Build the app without listening (tests use app.inject). */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const settings = serverSettings(options.config);
  const ctx: AppContext = {
    config: options.config,
    store: options.store,
    settings,
    users: new UserDirectory(options.store),
    preferences: new UserPreferences(options.store),
    sessions: new SessionStore(options.store),
    queries: new QueryService(options.store, {
      rowLimit: settings.queryRowLimit,
      maxBytes: settings.queryMaxBytes,
      timeoutMs: settings.queryTimeoutMs,
      concurrency: settings.queryConcurrency,
      concurrencyPerUser: settings.queryConcurrencyPerUser,
    }),
    dashboards: new DashboardCatalog(DashboardSet.load(options.dashboardDir), options.store),
    oidc: settings.oidc ? new OidcClient(settings.oidc, serverSecret(options.store)) : undefined,
    loginThrottle: new LoginThrottle(settings.login),
    ...(options.onAlertsChanged ? { alertsChanged: options.onAlertsChanged } : {}),
  };

  const app = Fastify({
    loggerInstance: (options.logger || pino({ enabled: false })) as FastifyBaseLogger,
    trustProxy: settings.trustProxy,
    bodyLimit: 1024 * 1024,
    frameworkErrors: (error, request, reply) => {
      applySecurityHeaders(request, reply);
      frameworkErrors(error, request, reply);
    },
    clientErrorHandler: answerUnparsableRequest,
  });
  const routes: RouteInfo[] = [];
  app.decorate('mailsiftRoutes', routes);
  app.addHook('onRoute', (route) => {
    // Files of the web app are public: the sign-in page has to load before anyone is signed in.
    if (!route.url.startsWith('/api')) route.config = { ...(route.config ?? {}), access: 'public' };
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const m of methods) if (m !== 'HEAD') routes.push({ method: m, url: route.url, access: route.config?.access ?? 'viewer' });
  });

  // Closing stops the queries still waiting or running first, so in-flight requests end at once.
  app.addHook('preClose', () => ctx.queries.stop());
  registerErrorHandler(app);
  registerSecurityHeaders(app);
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'mailsift API',
        version: VERSION,
        description: 'Message-trace analytics. Sign in (session cookie + X-CSRF-Token) or send Authorization: Bearer <API token>.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'mailsift_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
  });
  app.addHook('onRequest', authenticateHook({ sessions: ctx.sessions, users: ctx.users, publicUrl: settings.publicUrl }));

  registerHealthRoutes(app, ctx);
  registerAboutRoutes(app, ctx);
  registerAuthRoutes(app, ctx);
  registerPreferencesRoutes(app, ctx);
  registerOidcRoutes(app, ctx);
  registerQueryRoutes(app, ctx);
  registerDashboardRoutes(app, ctx);
  registerDashboardEditRoutes(app, ctx);
  registerSavedSearchRoutes(app, ctx);
  registerFreshnessRoutes(app, ctx);
  registerFindingsRoutes(app, ctx);
  registerIntelRoutes(app, ctx);
  registerAdminRoutes(app, ctx);
  registerAlertRoutes(app, ctx);
  registerCollectorRoutes(app, ctx);
  registerImportRoutes(app, ctx);
  registerDocsRoutes(app);
  await registerWebAppRoutes(app, options.webRoot);
  return app;
}
