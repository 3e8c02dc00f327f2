/** On-premises Exchange message tracking logs, and the event logic the EAC extended report reuses. */
export { trackingLogFormat } from './tracking-log-format.js';
export { TrackingEvents, MAX_OPEN_MESSAGES, splitStatuses } from './tracking-events.js';
export { FieldMap, canonicalField, FIELDS_2010, FIELDS_2013, FIELDS_2016 } from './tracking-fields.js';
