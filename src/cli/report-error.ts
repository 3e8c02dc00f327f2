/** Turns an error into one line for the user (a stack only with MAILSIFT_DEBUG=1) and the exit code. */
import { EXIT } from './exit-codes.js';
import { isReasonCode, reasonText, type ReasonJson } from '../formats/index.js';
import { configReasonText, type ConfigReasonJson } from './config-reason-text.js';
import { currentLanguage, msg } from './messages.js';
import { rejectText } from './reject-text.js';

/** Errors whose message is meant for the user carry a stable string `code`. */
function isUserError(error: unknown): error is Error & { code: string; exitCode?: number } {
  return (
    error instanceof Error &&
    typeof (error as { code?: unknown }).code === 'string' &&
    /^[A-Z_]+$/.test((error as unknown as { code: string }).code)
  );
}

/** The reject reason an error's message is the English text of (InputPathError, RecordError, ...), if any. */
function reasonOf(error: Error): ReasonJson | undefined {
  const r = (error as { reason?: unknown }).reason as ReasonJson | undefined;
  if (!r || typeof r !== 'object' || typeof r.code !== 'string' || !isReasonCode(r.code)) return undefined;
  return reasonText(r, 'en') === error.message ? r : undefined;
}

/** The text of an error in the CLI's language: its reason's (a reject reason, a configuration mistake's), else its message. */
export function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const why = (error as { why?: ConfigReasonJson }).why;
  // English readers get the message itself: it is the English text, with zod's own detail.
  const configured = why && currentLanguage() !== 'en' ? configReasonText(why, currentLanguage()) : undefined;
  return configured ?? rejectText(error.message, reasonOf(error));
}

/** Print `error` to stderr and return the exit code to use. */
export function reportError(error: unknown, stderr: NodeJS.WritableStream = process.stderr): number {
  const debug = process.env.MAILSIFT_DEBUG === '1';
  if (isUserError(error)) {
    stderr.write(`mailsift: ${errorText(error)}\n`);
    if (debug && error.stack) stderr.write(error.stack + '\n');
    return error.exitCode ?? EXIT.failed;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`mailsift: ${msg().errors.unexpected(message.split('\n')[0] ?? '')}\n`);
  if (debug && error instanceof Error && error.stack) stderr.write(error.stack + '\n');
  else stderr.write(`mailsift: ${msg().errors.debugHint}\n`);
  return EXIT.failed;
}
