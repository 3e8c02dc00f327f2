/** Exchange admin center downloaded reports (CSV). */
export { eacFormat } from './eac-format.js';
export { parseEacTime, headerZone } from './eac-time.js';
