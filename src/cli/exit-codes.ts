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
  /** Why, for a reason the CLI words in its language (an alert name that is not configured). */
  readonly why: { reason: string; params?: Readonly<Record<string, string | number>> } | undefined;
  constructor(message: string, why?: { reason: string; params?: Readonly<Record<string, string | number>> }) {
    super(message);
    this.name = 'UsageError';
    this.why = why;
  }
}
