/** The server side of handing commands over: run a command line inside `serve`, on its store, for the caller's terminal. */
import { Writable } from 'node:stream';
import { CommanderError } from 'commander';
import type { Enricher } from '../../enrich/index.js';
import type { ControlSession } from '../../control/index.js';
import type { Store } from '../../store/index.js';
import type { LoadedConfig } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { runHosted, type HostedCommand, type OutStream } from '../io.js';
import { reportError } from '../report-error.js';
import { newProgram } from './program-factory.js';

export interface HostOptions {
  config: LoadedConfig;
  store: Store;
  enricher(): Promise<Enricher>;
}

/** A handler for the control channel: each session runs one command line and answers its exit code. */
export function hostCommands(o: HostOptions): (session: ControlSession) => Promise<number> {
  return async (session) => {
    const { request } = session;
    const h: HostedCommand = {
      io: {
        stdout: remoteStream(session, 'stdout', request.tty.stdout, request.columns),
        stderr: remoteStream(session, 'stderr', request.tty.stderr, request.columns),
        stdin: Object.assign(session.readStdin(), { isTTY: request.tty.stdin }),
        cwd: request.cwd,
      },
      config: o.config,
      store: o.store,
      enricher: o.enricher,
      exitCode: EXIT.ok,
    };
    await runHosted(h, async () => {
      // A fresh program per command keeps the options of runs at the same time apart.
      try {
        await newProgram().parseAsync(['node', 'mailsift', ...request.argv]);
      } catch (error) {
        if (error instanceof CommanderError) h.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
        else h.exitCode = reportError(error, h.io.stderr);
      }
    });
    return h.exitCode;
  };
}

/** A writable that sends what it is given to the client; a terminal there makes it one here (for progress bars). */
function remoteStream(session: ControlSession, name: 'stdout' | 'stderr', isTTY: boolean, columns: number | undefined): OutStream {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      session.write(name, chunk);
      done();
    },
  });
  return Object.assign(stream, { isTTY, columns });
}
