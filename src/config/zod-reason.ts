/**
 * A zod issue as a reason code and the values its text names, for clients that word errors themselves (the web app's
 * tables): the key at fault and what was expected of it. A schema's own message travels as `issue` (English).
 */
import type { z } from 'zod';
import { schemaTextOf } from './schema-text.js';

/** Every reason issueReason gives (each reader words them: the web app's strings, the CLI's config-reasons-*.ts). */
export const ISSUE_REASONS = [
  'value-type',
  'value-choice',
  'value-too-small',
  'value-too-big',
  'value-unknown-keys',
  'value-invalid',
  'value-schema',
] as const;
export type IssueReasonCode = (typeof ISSUE_REASONS)[number];

/** A reason code and its values, in the order its text names them. */
export interface IssueReason {
  reason: IssueReasonCode;
  params: Record<string, string | number>;
}

const list = (values: readonly unknown[]) => values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');

/**
 * The reason of `issue` at `key` (`value-type`, `value-choice`, `value-too-small`, ...; `value-schema` with the code and
 * values of a schema's own text, schema-text.ts; `value-invalid` otherwise).
 */
export function issueReason(issue: z.core.$ZodIssue, key: string): IssueReason {
  const own = issue.code === 'invalid_value' ? undefined : schemaTextOf(issue);
  if (own) return { reason: 'value-schema', params: { key, schemaText: own.code, ...own.params } };
  switch (issue.code) {
    case 'invalid_type':
      return { reason: 'value-type', params: { key, expected: String(issue.expected) } };
    case 'invalid_value':
      return { reason: 'value-choice', params: { key, values: list(issue.values) } };
    case 'too_small':
      return { reason: 'value-too-small', params: { key, limit: `${issue.inclusive === false ? '>' : '>='} ${String(issue.minimum)}` } };
    case 'too_big':
      return { reason: 'value-too-big', params: { key, limit: `${issue.inclusive === false ? '<' : '<='} ${String(issue.maximum)}` } };
    case 'unrecognized_keys':
      return { reason: 'value-unknown-keys', params: { key, keys: issue.keys.join(', ') } };
    default:
      return { reason: 'value-invalid', params: { key, issue: issue.message } };
  }
}
