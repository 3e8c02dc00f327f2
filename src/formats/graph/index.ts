/** Microsoft Graph messageTraces pages, and the item mappings the Graph collector reuses. */
export { graphFormat } from './graph-format.js';
export { graphRecordFromJson, graphEventFromJson } from './graph-record.js';
