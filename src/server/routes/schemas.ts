/** JSON schemas shared by routes (they also make the OpenAPI document). */

export const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        kqlCode: { type: 'string' },
        reason: { type: 'string' },
        params: { type: 'object', additionalProperties: { type: ['string', 'number'] } },
        line: { type: 'integer' },
        column: { type: 'integer' },
      },
      required: ['code', 'message'],
    },
  },
  required: ['error'],
} as const;

/** Response schemas for the given error statuses. */
export function errorResponses(...statuses: number[]): Record<number, typeof errorSchema> {
  return Object.fromEntries(statuses.map((s) => [s, errorSchema]));
}

/**
 * The `from`/`to` parameters of every route that takes a time range (query, export, findings, intel matches,
 * dashboard and panel runs). The schema bounds their size; parseRange (request-time.ts) reads them and answers
 * 400 with the reason for a value that is no time or out of range.
 */
export const timeRangeProperties = {
  from: { type: 'string', maxLength: 64, description: 'start of the time range (ISO 8601 or ms since the epoch, inclusive)' },
  to: { type: 'string', maxLength: 64, description: 'end of the time range (ISO 8601 or ms since the epoch, exclusive)' },
} as const;

export const columnsSchema = {
  type: 'array',
  items: { type: 'object', properties: { name: { type: 'string' }, type: { type: 'string' } }, required: ['name', 'type'] },
} as const;

export const queryResultSchema = {
  type: 'object',
  properties: {
    columns: columnsSchema,
    rows: { type: 'array', items: { type: 'array', items: {} } },
    stats: {
      type: 'object',
      properties: {
        elapsedMs: { type: 'number' },
        rows: { type: 'integer' },
        truncated: { type: 'boolean' },
        truncatedBy: {
          type: 'string',
          enum: ['rows', 'bytes'],
          description: 'which cap cut the rows: server.queryRowLimit or server.queryMaxBytes',
        },
        rowLimit: { type: 'integer' },
        maxBytes: { type: 'integer' },
      },
      required: ['elapsedMs', 'rows', 'truncated'],
    },
    render: {},
    message: { type: 'string' },
  },
  required: ['columns', 'rows', 'stats'],
} as const;

/** The time bins a panel's query used: buckets start at originMs + k * stepMs (ms since the epoch). */
export const binSchema = {
  type: 'object',
  properties: { stepMs: { type: 'number' }, originMs: { type: 'number' }, starts: { type: 'array', items: { type: 'number' } } },
  required: ['stepMs', 'originMs'],
} as const;
