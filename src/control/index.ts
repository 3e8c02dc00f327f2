/** The local control channel: commands run while `serve` holds a DuckDB store are handed to it over a Unix socket only the store owner can use. */
export { startControlChannel } from './control-channel.js';
export type { ControlChannel, ControlChannelOptions, ControlSession } from './control-channel.js';
export { connectToServer, runOnServer, probeSocket } from './control-client.js';
export type { ClientIo } from './control-client.js';
export { controlSocketPath } from './control-path.js';
export type { RunRequest } from './control-protocol.js';
export { ControlChannelError } from './control-errors.js';
