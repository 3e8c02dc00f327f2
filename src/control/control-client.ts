/** The client's end of the control channel: find the server of a store and run a command line in it. */
import { lstat } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { controlSocketPath } from './control-path.js';
import { lineReader, type RunRequest, type ServerMessage } from './control-protocol.js';

/** The terminal of the command being handed over. */
export interface ClientIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
}

/** Whether a server answers on `path`. */
export function probeSocket(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(path);
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/**
 * A connection to the server holding `storeFile`, or undefined when none is listening. A socket that this
 * account does not own is never used: what is sent over it (a password, a token) must reach only our server.
 */
export async function connectToServer(storeFile: string): Promise<Socket | undefined> {
  const { path } = controlSocketPath(storeFile);
  const info = await lstat(path).catch(() => undefined);
  const uid = process.getuid?.();
  if (!info || !info.isSocket() || (uid !== undefined && info.uid !== uid)) return undefined;
  return new Promise((resolve) => {
    const s = connect(path);
    s.once('connect', () => resolve(s));
    s.once('error', () => resolve(undefined));
  });
}

/** Run `request` on the server at the other end of `socket`; resolves to the command's exit code. */
export function runOnServer(socket: Socket, request: RunRequest, io: ClientIo): Promise<number> {
  return new Promise((resolve, reject) => {
    let code: number | undefined;
    socket.on(
      'data',
      lineReader((m) => {
        const msg = m as ServerMessage;
        if (msg.type === 'stdout' || msg.type === 'stderr') io[msg.type].write(Buffer.from(msg.data, 'base64'));
        else if (msg.type === 'exit') code = msg.code;
        else if (msg.type === 'stdin') forwardStdin(io.stdin, socket);
        else if (msg.type === 'refused') {
          io.stderr.write(`mailsift: ${msg.message}\n`);
          code = 1;
        }
      }),
    );
    socket.once('error', reject);
    socket.once('close', () => {
      if (code === undefined) reject(new Error('the server closed the control channel before the command finished'));
      else resolve(code);
    });
    socket.write(JSON.stringify(request) + '\n');
  });
}

function forwardStdin(stdin: NodeJS.ReadableStream, socket: Socket): void {
  stdin.on('data', (d: Buffer | string) => socket.write(JSON.stringify({ type: 'stdin', data: Buffer.from(d).toString('base64') }) + '\n'));
  stdin.once('end', () => socket.write(JSON.stringify({ type: 'stdin-end' }) + '\n'));
  stdin.resume();
}
