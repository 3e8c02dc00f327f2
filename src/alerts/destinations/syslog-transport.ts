/** Sending one syslog message over UDP (RFC 5426), TCP with octet counting (RFC 6587) or TLS (RFC 5425). */
import { createSocket } from 'node:dgram';
import { connect as netConnect, isIPv6, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { deliveryFailure, type DeliveryFailureJson } from '../delivery-failure.js';
import { DeliveryError } from '../errors.js';

export interface SyslogTarget {
  protocol: 'udp' | 'tcp' | 'tls';
  host: string;
  port: number;
  timeoutMs: number;
  tls: { ca?: string; rejectUnauthorized: boolean; servername?: string };
  signal?: AbortSignal;
}

/** Octet-counting framing: `LENGTH SP MESSAGE` with the length in bytes (RFC 6587 section 3.4.1, RFC 5425 section 4.3). */
export function frameOctetCounted(message: string): Buffer {
  const body = Buffer.from(message, 'utf8');
  return Buffer.concat([Buffer.from(`${body.length} `, 'ascii'), body]);
}

/** Send `message`; resolves when it was handed to the network (UDP) or written and the connection closed cleanly (TCP, TLS). */
export function sendSyslog(message: string, t: SyslogTarget): Promise<string> {
  return t.protocol === 'udp' ? sendUdp(message, t) : sendStream(message, t);
}

function sendUdp(message: string, t: SyslogTarget): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createSocket(isIPv6(t.host) ? 'udp6' : 'udp4');
    socket.once('error', (cause) => {
      socket.close();
      reject(
        new DeliveryError(
          deliveryFailure('syslog-network', {
            where: `syslog udp ${t.host}:${t.port}`,
            detail: (cause as NodeJS.ErrnoException).code ?? cause.message,
          }),
          {
            retryable: true,
            cause,
          },
        ),
      );
    });
    socket.send(Buffer.from(message, 'utf8'), t.port, t.host, (error) => {
      socket.close();
      if (error)
        reject(
          new DeliveryError(
            deliveryFailure('syslog-network', {
              where: `syslog udp ${t.host}:${t.port}`,
              detail: (error as NodeJS.ErrnoException).code ?? error.message,
            }),
            {
              retryable: true,
              cause: error,
            },
          ),
        );
      else resolve(`udp ${Buffer.byteLength(message)} B`);
    });
  });
}

function sendStream(message: string, t: SyslogTarget): Promise<string> {
  return new Promise((resolve, reject) => {
    const where = `syslog ${t.protocol} ${t.host}:${t.port}`;
    let settled = false;
    const socket: Socket =
      t.protocol === 'tls'
        ? tlsConnect({ host: t.host, port: t.port, ...t.tls, ...(t.tls.servername || isIp(t.host) ? {} : { servername: t.host }) })
        : netConnect({ host: t.host, port: t.port });
    const fail = (failure: DeliveryFailureJson, retryable: boolean, cause?: unknown) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      reject(new DeliveryError(failure, { retryable, cause }));
    };
    const onAbort = () => fail(deliveryFailure('syslog-stopped', { where }), false);
    t.signal?.addEventListener('abort', onAbort, { once: true });
    socket.setTimeout(t.timeoutMs, () => fail(deliveryFailure('syslog-timeout', { where, ms: t.timeoutMs }), true));
    socket.once('error', (cause: NodeJS.ErrnoException) => {
      // A certificate the receiver cannot prove is a setup problem: retrying will not fix it.
      const tlsProblem = typeof cause.code === 'string' && /CERT|SELF_SIGNED|HOSTNAME|ALTNAME|UNABLE_TO/.test(cause.code);
      fail(deliveryFailure('syslog-network', { where, detail: cause.code ?? cause.message }), !tlsProblem, cause);
    });
    socket.once(t.protocol === 'tls' ? 'secureConnect' : 'connect', () => {
      socket.end(frameOctetCounted(message), () => {
        if (settled) return;
        settled = true;
        t.signal?.removeEventListener('abort', onAbort);
        socket.destroySoon?.();
        resolve(`${t.protocol} ${Buffer.byteLength(message)} B`);
      });
    });
  });
}

function isIp(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':');
}
