/** Cheap looks at the start of a JSON file, for detection. */

/** The first non-blank character of the text ('' when there is none). */
export function firstChar(head: string): string {
  const m = /\S/.exec(head);
  return m ? m[0] : '';
}

/** The first key of the first object, when the text starts with `{` (or `[{`); undefined otherwise. */
export function firstKey(head: string): string | undefined {
  const m = /^\s*\[?\s*\{\s*"((?:[^"\\]|\\.)*)"\s*:/.exec(head);
  return m ? m[1] : undefined;
}

/** Whether every one of the quoted keys appears in the text (case-sensitive, as JSON keys are). */
export function hasKeys(head: string, keys: readonly string[]): boolean {
  return keys.every((k) => head.includes(`"${k}"`));
}

/** Keys that open an OData or Graph envelope rather than a record. */
export const ENVELOPE_KEYS: readonly string[] = [
  'odata.metadata',
  'odata.context',
  '@odata.context',
  'd',
  'value',
  'error',
  '@odata.nextLink',
  '@odata.count',
];

/**
 * The text from the first line that opens with `{` or `[`, when a few lines of plain text come before it
 * (PowerShell writes `WARNING: ...` lines into the same file as its JSON); the head itself otherwise.
 */
export function jsonHead(head: string): string {
  const c = firstChar(head);
  if (c === '{' || c === '[' || c === '') return head;
  const m = /^(?:[^\n]*\n){1,20}?[ \t\r]*(?=[[{])/.exec(head);
  return m ? head.slice(m[0].length) : head;
}

/** The first `chars` characters of a stream of text (fewer when it is shorter), and the whole stream again. */
export async function peekText(chunks: AsyncIterable<string>, chars: number): Promise<{ head: string; chunks: AsyncIterable<string> }> {
  const it = chunks[Symbol.asyncIterator]();
  const taken: string[] = [];
  let length = 0;
  let done = false;
  while (length < chars) {
    const next = await it.next();
    if (next.done) {
      done = true;
      break;
    }
    taken.push(next.value);
    length += next.value.length;
  }
  async function* again(): AsyncGenerator<string> {
    yield* taken;
    if (done) return;
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { head: taken.join('').slice(0, chars), chunks: again() };
}
