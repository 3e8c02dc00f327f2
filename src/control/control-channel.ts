/**
 * The server's end of the local control channel: a Unix socket beside the store, mode 0600 in a 0700 folder,
 * so only the account that owns the store can hand work to the process that holds it open.
 */
import { chmod, lstat, mkdir, unlink } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { controlSocketPath } from './control-path.js';
import { lineReader, type RunRequest, type ServerMessage } from './control-protocol.js';
import { ControlChannelError } from './control-errors.js';
import { probeSocket } from './control-client.js';

/** One command handed over: what it asked, and its terminal on the other end. */
export interface ControlSession {
  readonly request: RunRequest;
  /** Write to the client's stdout or stderr (dropped once the client has gone). */
  write(stream: 'stdout' | 'stderr', data: string | Uint8Array): void;
  /** The client's standard input, asked for on first read. */
  readStdin(): AsyncIterable<Buffer>;
}

export interface ControlChannelOptions {
  /** The DuckDB file this process holds. */
  storeFile: string;
  /** Run one handed-over command; resolves to its exit code. */
  run(session: ControlSession): Promise<number>;
  /** Told about a session that broke (a client that sent garbage, a handler that threw). */
  onError?(error: unknown): void;
}

export interface ControlChannel {
  readonly path: string;
  close(): Promise<void>;
}

/** Listen on the store's control socket until close(). */
export async function startControlChannel(o: ControlChannelOptions): Promise<ControlChannel> {
  const { dir, path } = controlSocketPath(o.storeFile);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const info = await lstat(dir);
  const uid = process.getuid?.();
  if (!info.isDirectory() || (uid !== undefined && info.uid !== uid))
    throw new ControlChannelError(`${dir} is not a folder of this account: the control channel is not started`);
  await chmod(dir, 0o700);
  if (await probeSocket(path)) throw new ControlChannelError(`another mailsift server already listens on ${path}`);
  await unlink(path).catch(() => undefined); // left behind by a server that did not stop cleanly
  const sessions = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sessions.add(socket);
    socket.on('close', () => sessions.delete(socket));
    serve(socket, o).catch((e: unknown) => {
      o.onError?.(e);
      socket.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  await chmod(path, 0o600);
  return {
    path,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sessions) s.end();
      });
      await unlink(path).catch(() => undefined);
    },
  };
}

async function serve(socket: Socket, o: ControlChannelOptions): Promise<void> {
  const send = (m: ServerMessage) => {
    if (!socket.destroyed && socket.writable) socket.write(JSON.stringify(m) + '\n');
  };
  const stdin: Buffer[] = [];
  let stdinDone = false;
  let stdinWake: (() => void) | undefined;
  let request: RunRequest | undefined;
  let started: (() => void) | undefined;
  const ready = new Promise<void>((resolve) => (started = resolve));
  const read = lineReader((m) => {
    const msg = m as { type?: string; data?: string };
    if (!request) {
      if (!isRunRequest(m)) throw new ControlChannelError('the first message must be a run request');
      request = m;
      started!();
    } else if (msg.type === 'stdin' && typeof msg.data === 'string') stdin.push(Buffer.from(msg.data, 'base64'));
    else if (msg.type === 'stdin-end') stdinDone = true;
    stdinWake?.();
  });
  socket.on('data', (chunk: Buffer) => {
    try {
      read(chunk);
    } catch (e) {
      // Not our client: drop it, the server carries on.
      o.onError?.(e);
      socket.destroy();
    }
  });
  socket.on('close', () => {
    stdinDone = true;
    stdinWake?.();
  });
  await Promise.race([ready, new Promise((resolve) => socket.once('close', resolve))]);
  if (!request) return;
  let asked = false;
  const session: ControlSession = {
    request,
    write: (stream, data) => send({ type: stream, data: Buffer.from(data).toString('base64') }),
    async *readStdin() {
      if (!asked) {
        asked = true;
        send({ type: 'stdin' });
      }
      for (;;) {
        while (stdin.length) yield stdin.shift()!;
        if (stdinDone) return;
        await new Promise<void>((resolve) => (stdinWake = resolve));
      }
    },
  };
  const code = await o.run(session);
  send({ type: 'exit', code });
  socket.end();
}

function isRunRequest(m: unknown): m is RunRequest {
  const r = m as RunRequest;
  return (
    !!r &&
    r.type === 'run' &&
    Array.isArray(r.argv) &&
    r.argv.every((a) => typeof a === 'string') &&
    typeof r.cwd === 'string' &&
    typeof r.tty === 'object' &&
    r.tty !== null
  );
}
