/** Turns an error into one line for the user (a stack only with MAILSIFT_DEBUG=1) and the exit code. */
import { EXIT } from './exit-codes.js';
import { msg } from './messages.js';

/** Errors whose message is meant for the user carry a stable string `code`. */
function isUserError(error: unknown): error is Error & { code: string; exitCode?: number } {
  return (
    error instanceof Error &&
    typeof (error as { code?: unknown }).code === 'string' &&
    /^[A-Z_]+$/.test((error as unknown as { code: string }).code)
  );
}

/** Print `error` to stderr and return the exit code to use. */
export function reportError(error: unknown, stderr: NodeJS.WritableStream = process.stderr): number {
  const debug = process.env.MAILSIFT_DEBUG === '1';
  if (isUserError(error)) {
    stderr.write(`mailsift: ${error.message}\n`);
    if (debug && error.stack) stderr.write(error.stack + '\n');
    return error.exitCode ?? EXIT.failed;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`mailsift: ${msg().errors.unexpected(message.split('\n')[0] ?? '')}\n`);
  if (debug && error instanceof Error && error.stack) stderr.write(error.stack + '\n');
  else stderr.write(`mailsift: ${msg().errors.debugHint}\n`);
  return EXIT.failed;
}
