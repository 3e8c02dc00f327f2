/** Named errors of the input formats, each with a stable `code`. */
import type { RejectReason } from './reject-reason.js';

/** No format recognises a file's content. */
export class UnknownFormatError extends Error {
  readonly code = 'UNKNOWN_FORMAT';
  constructor(
    readonly file: string,
    readonly tried: readonly string[],
  ) {
    super(`cannot tell the format of ${file}: it is none of ${tried.join(', ')} (choose one with --format)`);
    this.name = 'UnknownFormatError';
  }
}

/** A record that cannot become a row: the reason is fit for a reject file (the message is its English text). */
export class RecordError extends Error {
  readonly code = 'BAD_RECORD';
  constructor(readonly reason: RejectReason) {
    super(reason.text);
    this.name = 'RecordError';
  }
}

/** A file that is not an export at all (empty, binary, an HTML page, text in an unknown encoding): the message is the reason. */
export class NotAnExportError extends Error {
  readonly code = 'NOT_AN_EXPORT';
  constructor(readonly reason: RejectReason) {
    super(reason.text);
    this.name = 'NotAnExportError';
  }
}
