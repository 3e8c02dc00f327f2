/** The HTTP API and web app server: startServer for `mailsift serve`, and user administration for the CLI. */
export { startServer } from './start-server.js';
export type { StartServerOptions, RunningServer } from './start-server.js';
export { buildApp } from './build-app.js';
export type { BuildAppOptions, RouteInfo } from './build-app.js';
export { UserDirectory } from './auth/user-directory.js';
export type { UserInfo, TokenInfo } from './auth/user-directory.js';
export { ROLES, isRole } from './auth/roles.js';
export type { Role } from './auth/roles.js';
export { createServerLogger } from './logger.js';
export { serverSettings } from './server-settings.js';
export type { ServerSettings } from './server-settings.js';
