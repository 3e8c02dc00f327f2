/** Local syslog receivers for tests: UDP datagrams, and TCP / TLS streams split by octet counting (RFC 6587). */
import { createSocket } from 'node:dgram';
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';

export interface SyslogListener {
  port: number;
  messages: string[];
  /** Resolves when `n` messages have arrived. */
  waitFor(n: number): Promise<string[]>;
  close(): Promise<void>;
}

function collector() {
  const messages: string[] = [];
  const waiters: { n: number; resolve: (m: string[]) => void }[] = [];
  return {
    messages,
    push(m: string) {
      messages.push(m);
      for (const w of waiters.splice(0)) {
        if (messages.length >= w.n) w.resolve(messages);
        else waiters.push(w);
      }
    },
    waitFor(n: number) {
      return messages.length >= n ? Promise.resolve(messages) : new Promise<string[]>((resolve) => waiters.push({ n, resolve }));
    },
  };
}

/** A UDP listener on 127.0.0.1. */
export async function udpListener(): Promise<SyslogListener> {
  const c = collector();
  const socket = createSocket('udp4');
  socket.on('message', (buf) => c.push(buf.toString('utf8')));
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    port: socket.address().port,
    messages: c.messages,
    waitFor: c.waitFor,
    close: () => new Promise((r) => socket.close(() => r())),
  };
}

/** Split octet-counted frames; a frame without a valid length prefix is recorded as `!bad frame: ...`. */
function framed(socket: Socket, push: (m: string) => void): void {
  let buf = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    buf = Buffer.concat([buf, chunk]);
    for (;;) {
      const sp = buf.indexOf(0x20);
      if (sp < 0) return;
      const lenText = buf.subarray(0, sp).toString('ascii');
      if (!/^[1-9]\d{0,8}$/.test(lenText)) {
        push(`!bad frame: ${buf.toString('utf8')}`);
        buf = Buffer.alloc(0);
        return;
      }
      const len = Number(lenText);
      if (buf.length < sp + 1 + len) return;
      push(buf.subarray(sp + 1, sp + 1 + len).toString('utf8'));
      buf = buf.subarray(sp + 1 + len);
    }
  });
  socket.on('error', () => undefined);
}

async function listen(server: Server, c: ReturnType<typeof collector>): Promise<SyslogListener> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    messages: c.messages,
    waitFor: c.waitFor,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** A TCP listener with octet-counting framing. */
export function tcpListener(): Promise<SyslogListener> {
  const c = collector();
  return listen(
    createTcpServer((s) => framed(s, (m) => c.push(m))),
    c,
  );
}

/** A TLS listener (RFC 5425) with the given key and certificate. */
export function tlsListener(tls: { key: string; cert: string }): Promise<SyslogListener> {
  const c = collector();
  return listen(
    createTlsServer(tls, (s) => framed(s, (m) => c.push(m))),
    c,
  );
}
