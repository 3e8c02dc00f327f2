/** Engine errors shortened for one-line messages. */

/** First line of an engine error. */
export function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!;
}
