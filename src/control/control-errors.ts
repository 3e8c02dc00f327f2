/** Errors of the local control channel, with stable codes. */

/** The channel can't be started or used (a folder of another account, a server already listening). */
export class ControlChannelError extends Error {
  readonly code = 'CONTROL_CHANNEL';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ControlChannelError';
  }
}
