import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { startControlChannel } from './control-channel.js';
import { connectToServer, runOnServer } from './control-client.js';
import { controlSocketPath } from './control-path.js';

const dir = mkdtempSync(join(tmpdir(), 'mailsift-control-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const collect = () => {
  const s = new PassThrough();
  let text = '';
  s.on('data', (d) => (text += d));
  return Object.assign(s, { text: () => text });
};

describe('control channel', () => {
  it('runs a command for a client: output, standard input on request, exit code', async () => {
    const storeFile = join(dir, 'a.duckdb');
    const channel = await startControlChannel({
      storeFile,
      async run(session) {
        let input = '';
        for await (const chunk of session.readStdin()) input += chunk.toString();
        session.write('stdout', `argv ${session.request.argv.join(' ')} stdin ${input}\n`);
        session.write('stderr', 'note\n');
        return 3;
      },
    });
    expect(statSync(channel.path).mode & 0o777).toBe(0o600);
    const socket = await connectToServer(storeFile);
    const stdout = collect();
    const stderr = collect();
    const code = await runOnServer(
      socket!,
      { type: 'run', argv: ['users', 'add', 'x'], cwd: dir, tty: { stdin: false, stdout: false, stderr: false } },
      { stdout, stderr, stdin: Readable.from([Buffer.from('secret')]) },
    );
    expect(code).toBe(3);
    expect(stdout.text()).toBe('argv users add x stdin secret\n');
    expect(stderr.text()).toBe('note\n');
    await channel.close();
    expect(await connectToServer(storeFile)).toBeUndefined();
  });

  it('drops a client that sends something else and carries on', async () => {
    const storeFile = join(dir, 'b.duckdb');
    const errors: unknown[] = [];
    const channel = await startControlChannel({ storeFile, run: async () => 0, onError: (e) => errors.push(e) });
    const raw = connect(controlSocketPath(storeFile).path);
    await new Promise((resolve) => raw.once('connect', resolve));
    raw.write('not json\n');
    await new Promise((resolve) => raw.once('close', resolve));
    expect(errors.length).toBe(1);
    const code = await runOnServer(
      (await connectToServer(storeFile))!,
      { type: 'run', argv: [], cwd: dir, tty: { stdin: false, stdout: false, stderr: false } },
      { stdout: collect(), stderr: collect(), stdin: Readable.from([]) },
    );
    expect(code).toBe(0);
    await channel.close();
  });

  it('keeps a socket path short enough for a deep data folder', () => {
    const deep = join(dir, 'x'.repeat(120), 'mailsift.duckdb');
    const { path } = controlSocketPath(deep);
    expect(Buffer.byteLength(path)).toBeLessThanOrEqual(100);
    expect(controlSocketPath(deep).path).toBe(path);
  });
});
