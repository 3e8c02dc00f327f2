/** Splitting decoded text chunks into lines without readline: the hot path of line-oriented formats. */

/** Cuts chunks into lines (LF or CRLF), carrying an unfinished line over to the next chunk. */
export class LineSplitter {
  private carry = '';
  private dropping = false;

  /** The complete lines of this chunk (the last, unfinished line is kept for the next call). */
  push(chunk: string): string[] {
    const lines: string[] = [];
    let start = 0;
    let nl = chunk.indexOf('\n');
    if (nl < 0) {
      if (!this.dropping) this.carry += chunk;
      return lines;
    }
    if (this.dropping) {
      // The rest of a line given up by `discard`: it still counts as a line, an empty one.
      lines.push('');
      this.dropping = false;
      start = nl + 1;
      nl = chunk.indexOf('\n', start);
    } else if (this.carry.length > 0) {
      lines.push(trimCr(this.carry + chunk.slice(0, nl)));
      this.carry = '';
      start = nl + 1;
      nl = chunk.indexOf('\n', start);
    }
    while (nl >= 0) {
      const end = nl > start && chunk.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      lines.push(chunk.slice(start, end));
      start = nl + 1;
      nl = chunk.indexOf('\n', start);
    }
    if (start < chunk.length) this.carry = chunk.slice(start);
    return lines;
  }

  /**
   * Give up the unfinished line (it is too long to hold): returns its start, and the rest of it
   * will come out of `push` as an empty line.
   */
  discard(): string {
    const start = this.carry.slice(0, 4096);
    this.carry = '';
    this.dropping = true;
    return start;
  }

  /** The last line when the text does not end with a newline (undefined when it does). */
  end(): string | undefined {
    const last = this.carry;
    this.carry = '';
    if (this.dropping) {
      this.dropping = false;
      return '';
    }
    return last.length > 0 ? trimCr(last) : undefined;
  }

  /** Length of the unfinished line held so far (to bound memory on files without newlines). */
  get carried(): number {
    return this.carry.length;
  }
}

function trimCr(line: string): string {
  return line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line;
}
