/** The reason of a request that failed Fastify's schema validation: which field, and what was expected of it. */

/** A reason code and the values its text names (the shape of errors.ts's ErrorReason). */
interface ErrorReason {
  reason: string;
  params: Record<string, string | number>;
}

/** One schema validation error as Fastify reports it (Ajv's shape). */
interface ValidationIssue {
  instancePath?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

/** `body.definition.name` from the part of the request and Ajv's `/definition/name`. */
function fieldName(context: string | undefined, path: string, extra?: unknown): string {
  const parts = path
    .split('/')
    .filter((p) => p !== '')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (typeof extra === 'string') parts.push(extra);
  return [context ?? 'body', ...parts].join('.');
}

/** The reason for the first validation error: `request-required`, `request-type`, ... with the field and the expectation. */
export function validationReason(validation: readonly ValidationIssue[], context: string | undefined): ErrorReason {
  const issue = validation[0] ?? {};
  const p = issue.params ?? {};
  const path = issue.instancePath ?? '';
  const field = fieldName(context, path);
  switch (issue.keyword) {
    case 'required':
      return { reason: 'request-required', params: { field: fieldName(context, path, p.missingProperty) } };
    case 'additionalProperties':
      return { reason: 'request-unknown-field', params: { field: fieldName(context, path, p.additionalProperty) } };
    case 'type':
      return { reason: 'request-type', params: { field, type: String(p.type) } };
    case 'enum':
      return { reason: 'request-enum', params: { field, values: (p.allowedValues as unknown[] | undefined)?.join(', ') ?? '' } };
    case 'minLength':
    case 'minItems':
      return { reason: 'request-too-short', params: { field, limit: Number(p.limit) } };
    case 'maxLength':
    case 'maxItems':
      return { reason: 'request-too-long', params: { field, limit: Number(p.limit) } };
    case 'minimum':
    case 'exclusiveMinimum':
      return { reason: 'request-too-small', params: { field, limit: `${String(p.comparison)} ${String(p.limit)}` } };
    case 'maximum':
    case 'exclusiveMaximum':
      return { reason: 'request-too-large', params: { field, limit: `${String(p.comparison)} ${String(p.limit)}` } };
    case 'pattern':
    case 'format':
      return { reason: 'request-format', params: { field } };
    default:
      return { reason: 'request-invalid', params: { field } };
  }
}
