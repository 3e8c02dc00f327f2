/**
 * The control channel's messages: one JSON object per line each way. A client asks the server to run a
 * command line as if it had been run in its own terminal; the server sends back what the command writes and
 * its exit code, and asks for standard input only when the command reads it.
 */

/** Client -> server: the first line. */
export interface RunRequest {
  type: 'run';
  /** The arguments after `mailsift`. */
  argv: string[];
  /** Where relative paths of the command line are resolved. */
  cwd: string;
  /** Whether the client's streams are terminals, and its width (progress bars draw only on a terminal). */
  tty: { stdin: boolean; stdout: boolean; stderr: boolean };
  columns?: number;
}

/** Client -> server, after a `stdin` request: the client's standard input, then its end. */
export type StdinMessage = { type: 'stdin'; data: string } | { type: 'stdin-end' };

/** Server -> client. Output is base64 so a partial UTF-8 sequence or an escape code passes unchanged. */
export type ServerMessage =
  { type: 'stdout' | 'stderr'; data: string } | { type: 'stdin' } | { type: 'exit'; code: number } | { type: 'refused'; message: string };

/** Split a byte stream into JSON lines. */
export function lineReader(onMessage: (m: unknown) => void): (chunk: Buffer) => void {
  let buffered = '';
  return (chunk) => {
    buffered += chunk.toString('utf8');
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      if (line.trim()) onMessage(JSON.parse(line));
    }
  };
}
