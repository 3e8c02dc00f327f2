/** Errors of the HTTP API and the one place that decides which HTTP status and body each error gets. */
import { STATUS_CODES as httpStatusText } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { reasonText } from '../formats/index.js';
import { IngestStoppedError } from '../ingest/index.js';
import { KqlError } from '../kql/index.js';
import { StoreQueryError } from '../store/index.js';
import { validationReason } from './validation-reason.js';

/** What exactly went wrong, for clients that word it themselves: a reason code and the values its text names, in order. */
export interface ErrorReason {
  readonly reason: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** A server error meant for the client: a stable `code`, a one-line message in English and, where the detail matters, a reason. */
export abstract class ApiError extends Error {
  abstract readonly code: string;
  readonly reason: string | undefined;
  readonly params: Readonly<Record<string, string | number>> | undefined;
  constructor(message: string, why?: ErrorReason, options?: { cause?: unknown }) {
    super(message, options);
    this.reason = why?.reason;
    this.params = why?.params;
  }
}

/** No valid session or token came with the request. */
export class AuthRequiredError extends ApiError {
  readonly code = 'AUTH_REQUIRED';
  constructor(message = 'sign in first') {
    super(message);
    this.name = 'AuthRequiredError';
  }
}

/** Wrong user name or password (deliberately the same message for both). */
export class InvalidCredentialsError extends ApiError {
  readonly code = 'INVALID_CREDENTIALS';
  constructor(message = 'wrong user name or password') {
    super(message);
    this.name = 'InvalidCredentialsError';
  }
}

/** Signed in, but the role does not allow this. */
export class ForbiddenError extends ApiError {
  readonly code = 'FORBIDDEN';
  constructor(message: string, why?: ErrorReason) {
    super(message, why);
    this.name = 'ForbiddenError';
  }
}

/** A state-changing request without the CSRF token of its session, or from another origin. */
export class CsrfError extends ApiError {
  readonly code = 'CSRF';
  constructor(message: string) {
    super(message);
    this.name = 'CsrfError';
  }
}

/** Too many attempts; `retryAfterSeconds` says when to try again. */
export class RateLimitedError extends ApiError {
  readonly code = 'RATE_LIMITED';
  constructor(readonly retryAfterSeconds: number) {
    super(`too many attempts; try again in ${retryAfterSeconds} s`);
    this.name = 'RateLimitedError';
  }
}

/** A request the client got wrong (bad parameter values). */
export class BadRequestError extends ApiError {
  readonly code = 'BAD_REQUEST';
  constructor(message: string, why?: ErrorReason) {
    super(message, why);
    this.name = 'BadRequestError';
  }
}

/** Nothing at this id. */
export class NotFoundError extends ApiError {
  readonly code = 'NOT_FOUND';
  constructor(message: string, why?: ErrorReason) {
    super(message, why);
    this.name = 'NotFoundError';
  }
}

/** The thing to create exists already. */
export class ConflictError extends ApiError {
  readonly code = 'CONFLICT';
  constructor(message: string, why?: ErrorReason) {
    super(message, why);
    this.name = 'ConflictError';
  }
}

/** A query ran past `server.queryTimeoutMs`. */
export class QueryTimeoutError extends ApiError {
  readonly code = 'QUERY_TIMEOUT';
  constructor(readonly timeoutMs: number) {
    super(
      `the query ran longer than ${timeoutMs / 1000} s (server.queryTimeoutMs) and was abandoned; narrow the time range or add filters`,
    );
    this.name = 'QueryTimeoutError';
  }
}

/** The client went away (or asked for something newer) before its query finished. */
export class QueryCancelledError extends ApiError {
  readonly code = 'QUERY_CANCELLED';
  constructor() {
    super('the query was cancelled');
    this.name = 'QueryCancelledError';
  }
}

/** Too many queries waiting; the client should retry shortly. */
export class QueryBusyError extends ApiError {
  readonly code = 'QUERY_BUSY';
  constructor() {
    super('the server is busy with other queries; try again in a few seconds');
    this.name = 'QueryBusyError';
  }
}

/** The server is shutting down: queries still waiting or running are stopped. */
export class ServerStoppingError extends ApiError {
  readonly code = 'SERVER_STOPPING';
  constructor() {
    super('the server is stopping; try again once it is back');
    this.name = 'ServerStoppingError';
  }
}

/** A feature that needs configuration that is missing (SSO without an issuer, ...). */
export class NotConfiguredError extends ApiError {
  readonly code = 'NOT_CONFIGURED';
  constructor(message: string, why?: ErrorReason) {
    super(message, why);
    this.name = 'NotConfiguredError';
  }
}

/** Single sign-on failed (the provider refused, the token did not verify, no role maps). */
export class SsoError extends ApiError {
  readonly code = 'SSO_FAILED';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, undefined, options);
    this.name = 'SsoError';
  }
}

/** An uploaded file larger than the server accepts. */
export class PayloadTooLargeError extends ApiError {
  readonly code = 'PAYLOAD_TOO_LARGE';
  constructor(message: string, why?: ErrorReason) {
    super(message, why);
    this.name = 'PayloadTooLargeError';
  }
}

/** The JSON body of every error answer. */
export interface ErrorBody {
  error: {
    code: string;
    /** In English; clients show `reason` with `params` in their user's language (the web app's tables by code). */
    message: string;
    line?: number;
    column?: number;
    kqlCode?: string;
    reason?: string;
    params?: Readonly<Record<string, string | number>>;
  };
}

/** HTTP status, body and extra headers for an error. */
export interface HttpError {
  status: number;
  body: ErrorBody;
  headers?: Record<string, string>;
}

const STATUS: Readonly<Record<string, number>> = {
  AUTH_REQUIRED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  RATE_LIMITED: 429,
  BAD_REQUEST: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  QUERY_TIMEOUT: 504,
  QUERY_BUSY: 503,
  SERVER_STOPPING: 503,
  // nginx's "client closed request": nobody is listening any more.
  QUERY_CANCELLED: 499,
  NOT_CONFIGURED: 404,
  SSO_FAILED: 401,
  STORE_WRITE: 503,
};

/** Decide the HTTP answer for any error; internals (stacks, SQL, engine messages) never reach the client. */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof KqlError) {
    return {
      status: 400,
      body: {
        error: {
          code: 'KQL',
          kqlCode: error.code,
          reason: error.reason,
          params: error.params,
          message: error.message,
          line: error.line,
          column: error.column,
        },
      },
    };
  }
  if (error instanceof RateLimitedError) {
    return {
      status: 429,
      body: { error: { code: error.code, message: error.message } },
      headers: { 'retry-after': String(error.retryAfterSeconds) },
    };
  }
  if (error instanceof ApiError) {
    const why = error.reason === undefined ? {} : { reason: error.reason, params: error.params ?? {} };
    return { status: STATUS[error.code] ?? 400, body: { error: { code: error.code, message: error.message, ...why } } };
  }
  if (error instanceof IngestStoppedError) {
    // The store stopped an upload: why and how many rows it kept, without the engine's words or the store's folder.
    const store = String(error.reason.params.store ?? '').replace(/^.*[\\/]/, '');
    const why = { code: error.reason.code, params: { store, rows: Number(error.reason.params.rows ?? 0), detail: '' } };
    const message = reasonText(why, 'en');
    return { status: STATUS.STORE_WRITE!, body: { error: { code: 'STORE_WRITE', message, reason: why.code, params: why.params } } };
  }
  if (error instanceof StoreQueryError) {
    return { status: 500, body: { error: { code: 'STORE_QUERY', message: 'the store could not run this query' } } };
  }
  const fe = error as Partial<FastifyError>;
  if (fe && fe.validation) {
    const why = validationReason(fe.validation, fe.validationContext);
    const message = `invalid request: ${fe.message ?? 'validation failed'}`;
    return { status: 400, body: { error: { code: 'BAD_REQUEST', message, reason: why.reason, params: why.params } } };
  }
  if (fe && typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    // Fastify's own client errors: fixed words, never their message (it quotes the URL, body or content type sent).
    const known = typeof fe.code === 'string' ? FRAMEWORK_ERRORS[fe.code] : undefined;
    const [status, code, message] = known ?? [fe.statusCode, STATUS_CODES[fe.statusCode] ?? 'BAD_REQUEST', 'the request could not be read'];
    return { status, body: { error: { code, message } } };
  }
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'internal error; the server log has the details' } } };
}

/** Fastify's client errors as [status, code, message]. */
const FRAMEWORK_ERRORS: Readonly<Record<string, readonly [number, string, string]>> = {
  FST_ERR_BAD_URL: [400, 'BAD_REQUEST', 'the URL is not valid (malformed percent-encoding)'],
  FST_ERR_MAX_PARAM_LENGTH: [414, 'URI_TOO_LONG', 'a part of the URL is too long'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'BAD_REQUEST', 'the body is not valid JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'BAD_REQUEST', 'the body is empty; send a JSON object'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE', 'send the body as application/json'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'BAD_REQUEST', 'the Content-Length does not match the body'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'BODY_TOO_LARGE', 'the body is too large'],
  FST_ERR_ASYNC_CONSTRAINT: [400, 'BAD_REQUEST', 'the request could not be routed'],
};

/** Codes for the statuses of other client errors. */
const STATUS_CODES: Readonly<Record<number, string>> = {
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  408: 'TIMEOUT',
  413: 'BODY_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  431: 'HEADERS_TOO_LARGE',
};

/** Answer a request Node could not parse (bad request line, headers too large, client time-out) in the app's JSON error shape. */
export function answerUnparsableRequest(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'HEADERS_TOO_LARGE', 'the URL or headers are too large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'TIMEOUT', 'the request took too long to arrive']
        : [400, 'BAD_REQUEST', 'the request could not be read'];
  const body = JSON.stringify({ error: { code, message } } satisfies ErrorBody);
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${httpStatusText[status] ?? 'Error'}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(error);
}

/** Send an error answer. */
export function sendError(reply: FastifyReply, error: unknown): FastifyReply {
  const http = toHttpError(error);
  if (http.headers) void reply.headers(http.headers);
  return reply.code(http.status).type('application/json; charset=utf-8').send(http.body);
}

/** Fastify's `frameworkErrors` option: errors met before routing (bad URL encoding, too long a path part) get the app's answer. */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  void sendError(reply, error);
}

/** Install the error handler: unexpected errors are logged with their stack, the client gets the mapped answer. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const http = toHttpError(error);
    if (http.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ errorCode: http.body.error.code }, http.body.error.message);
    return sendError(reply, error);
  });
}
