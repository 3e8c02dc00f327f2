/** Reporting Web Service MessageTrace (OData JSON light and verbose). */
export { rwsFormat, rwsRecordFromJson } from './rws-format.js';
