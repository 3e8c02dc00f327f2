/** Renderings of query results for export: CSV safe for spreadsheets, JSON, NDJSON. */
export { toCsv, csvField, neutralizeCell, cellText } from './csv.js';
export { toJsonArray, toNdjson, rowObjects } from './json.js';
export { localizeRows, localDatetime } from './local-time.js';
