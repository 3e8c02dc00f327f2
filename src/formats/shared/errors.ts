/** Named errors of the input formats, each with a stable `code`. */

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

/** A record that cannot become a row: the reason is fit for a reject file. */
export class RecordError extends Error {
  readonly code = 'BAD_RECORD';
  constructor(reason: string) {
    super(reason);
    this.name = 'RecordError';
  }
}
