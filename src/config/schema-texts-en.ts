/** The English text of every message the schemas give themselves, by code (schema-texts-ja.ts has the same codes; a test checks it). */
import type { SchemaTextParams } from './schema-text.js';

type P = SchemaTextParams;

export const SCHEMA_TEXTS_EN = {
  // mailsift.yaml and its sections.
  'country-code': () => 'an ISO 3166-1 alpha-2 code such as JP',
  'time-zone': () => 'an IANA time zone such as Asia/Tokyo',
  'retention-days': () => 'must be a duration of at least one day, e.g. 400d',
  'oidc-needs-public-url': () =>
    'single sign-on (server.oidc) needs server.publicUrl: the address users open, e.g. https://mailsift.example.com',
  'duplicate-panel-id': () => 'two panels have the same id',
  // Collectors.
  'collector-duration': (p: P) => `not a duration (${p.value}); write e.g. 30s, 15m, 24h, 7d`,
  'collector-duration-range': (p: P) => `must be between ${p.min}s and ${p.max}d`,
  'collector-url': () => 'must be an http(s) URL',
  'collector-name': () => 'letters, digits, . _ - only',
  'tenant-id': () => 'the directory (tenant) ID, a GUID or a domain such as contoso.onmicrosoft.com',
  'client-id': () => 'the application (client) ID, a GUID',
  thumbprint: () => 'the SHA-1 thumbprint of the certificate, 40 hex digits',
  // Alert rules and destinations.
  'one-of': (p: P) => `must be one of ${p.values}`,
  'detection-choice': (p: P) => `must be '*' or one of ${p.values}`,
  'alert-duration': (p: P) => `'${p.value}' is not a duration such as 30m, 1h or 1d`,
  'schedule-invalid': (p: P) => `'${p.value}' is neither an interval (30s, 5m, 1h, 1d) nor a cron expression ('*/10 * * * *')`,
  'schedule-too-short': (p: P) => `an interval of '${p.value}' is too short: 10s at least`,
  'cron-fields': (p: P) => `a cron expression has 5 fields (minute hour day-of-month month day-of-week), '${p.value}' has ${p.count}`,
  'cron-never': (p: P) => `the cron expression '${p.value}' never fires`,
  'cron-field-invalid': (p: P) => `cron ${p.field} field '${p.value}' is not valid`,
  'cron-step': (p: P) => `cron ${p.field} step must be 1 or more in '${p.value}'`,
  'cron-range-backwards': (p: P) => `cron ${p.field} range '${p.value}' runs backwards`,
  'cron-value-range': (p: P) => `cron ${p.field} value '${p.value}' in '${p.expression}' is outside ${p.min}-${p.max}`,
  'condition-shape': () => "must be { rows: '>0' } or { column: count_, op: '>', value: 100 }",
  'condition-rows-extra': (p: P) => `unexpected key '${p.name}' beside 'rows'`,
  'condition-rows': (p: P) => `rows must be a comparison with a whole number such as '>0' or '>=10', not '${p.value}'`,
  'condition-extra': (p: P) => `unexpected key '${p.name}' (a condition has either 'rows' or 'column', 'op' and 'value')`,
  'condition-column': () => "needs 'rows' or a 'column' naming a result column such as count_",
  'condition-op': (p: P) => `op must be one of ${p.values}`,
  'condition-value': () => 'value must be a number or a string',
  'destinations-none': () => 'name at least one destination',
  'detection-or-query': () => "give either 'detection' (a rule id or '*') or 'query' (KQL), not both or neither",
  'condition-query-only': () => 'only query rules have a condition: a detection rule fires on each finding',
  'key-query-only': () => 'only query rules have a key: detection alerts are told apart by finding id',
  'email-address': () => 'must be an e-mail address such as soc@contoso.com',
  'header-name': () => 'not a valid HTTP header name',
  'header-value': () => 'a header value may not hold line breaks',
  'secret-length': () => 'use at least 16 characters',
  'http-url': () => 'must be an http:// or https:// URL',
  'syslog-facility': (p: P) => `must be 0-23 or one of ${p.values}`,
} satisfies Record<string, (p: P) => string>;

export type SchemaTextCode = keyof typeof SCHEMA_TEXTS_EN;
