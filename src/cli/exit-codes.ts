/** Exit codes of the `mailsift` command (a contract for scripts). */
export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  /** Finished, but some input was rejected. */
  rejected: 3,
} as const;

/** A mistake in how the command was called: printed as one line, exit code 2. */
export class UsageError extends Error {
  readonly code = 'USAGE';
  readonly exitCode: number = EXIT.usage;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
