/** `mailsift users ...` and `mailsift tokens ...`: local users (scrypt-hashed passwords) and API tokens of the web app and API. */
import type { Command } from 'commander';
import type { UserDirectory } from '../../server/index.js';
import { CommandContext, type GlobalOptions } from '../context.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { io } from '../io.js';
import { msg } from '../messages.js';

type Run = (fn: () => Promise<number>) => Promise<void>;
const ROLE_TEXT = 'admin|analyst|viewer';

/** Read a password from standard input: all of it, less one trailing line break. */
async function readPasswordFromStdin(): Promise<string> {
  if (io().stdin.isTTY) throw new UsageError(msg().users.passwordPipe);
  const chunks: Buffer[] = [];
  for await (const chunk of io().stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function withUsers(cmd: Command, work: (users: UserDirectory) => Promise<number>): Promise<number> {
  const ctx = new CommandContext(cmd.optsWithGlobals<GlobalOptions>());
  try {
    const { UserDirectory } = await import('../../server/index.js');
    return await work(new UserDirectory(await ctx.store()));
  } finally {
    await ctx.close();
  }
}

async function checkRole(role: string): Promise<'admin' | 'analyst' | 'viewer'> {
  const { isRole } = await import('../../server/index.js');
  if (!isRole(role)) throw new UsageError(msg().users.roleOneOf(ROLE_TEXT));
  return role;
}

export function registerUsers(program: Command, run: Run): void {
  const users = program.command('users').description('local users of the web app and API');
  users
    .command('add')
    .description('add a user (or --replace the password and role of one)')
    .argument('<name>', 'user name')
    .requiredOption('--role <role>', ROLE_TEXT)
    .requiredOption('--password-stdin', 'read the password from standard input (at least 12 characters, hard to guess)')
    .option('--replace', "replace an existing user's password and role (ends their sessions; works whatever the sign-in limits)")
    .action((name: string, opts: { role: string; replace?: boolean }, cmd: Command) =>
      run(async () => {
        const role = await checkRole(opts.role);
        const password = await readPasswordFromStdin();
        return withUsers(cmd, async (dir) => {
          const u = await dir.addUser(name, role, password, { replace: opts.replace });
          io().stdout.write(`${msg().users.saved(u.name, u.role)}\n`);
          return EXIT.ok;
        });
      }),
    );
  users
    .command('list')
    .description('list users')
    .option('--json', 'print as JSON')
    .action((opts: { json?: boolean }, cmd: Command) =>
      run(() =>
        withUsers(cmd, async (dir) => {
          const list = await dir.listUsers();
          io().stdout.write(
            opts.json
              ? JSON.stringify(list, null, 2) + '\n'
              : list.map((u) => `${u.name}\t${u.role}\t${u.createdAt}`).join('\n') + (list.length ? '\n' : `${msg().users.noUsers}\n`),
          );
          return EXIT.ok;
        }),
      ),
    );
  users
    .command('remove')
    .description('remove a user')
    .argument('<name>', 'user name')
    .action((name: string, _opts: unknown, cmd: Command) =>
      run(() =>
        withUsers(cmd, async (dir) => {
          await dir.removeUser(name);
          io().stdout.write(`${msg().users.removed(name)}\n`);
          return EXIT.ok;
        }),
      ),
    );

  const tokens = program.command('tokens').description('API tokens (Authorization: Bearer <token>)');
  tokens
    .command('create')
    .description('create a token; it is printed once and cannot be shown again')
    .argument('<name>', 'token name (what it is for)')
    .requiredOption('--role <role>', ROLE_TEXT)
    .action((name: string, opts: { role: string }, cmd: Command) =>
      run(async () => {
        const role = await checkRole(opts.role);
        return withUsers(cmd, async (dir) => {
          const { token } = await dir.createToken(name, role);
          io().stdout.write(token + '\n');
          io().stderr.write(`${msg().users.tokenCreated(name, role)}\n`);
          return EXIT.ok;
        });
      }),
    );
  tokens
    .command('list')
    .description('list tokens (names and roles)')
    .action((_opts: unknown, cmd: Command) =>
      run(() =>
        withUsers(cmd, async (dir) => {
          const list = await dir.listTokens();
          io().stdout.write(
            list.map((t) => `${t.name}\t${t.role}\t${t.createdAt}`).join('\n') + (list.length ? '\n' : `${msg().users.noTokens}\n`),
          );
          return EXIT.ok;
        }),
      ),
    );
  tokens
    .command('revoke')
    .description('revoke a token')
    .argument('<name>', 'token name')
    .action((name: string, _opts: unknown, cmd: Command) =>
      run(() =>
        withUsers(cmd, async (dir) => {
          await dir.revokeToken(name);
          io().stdout.write(`${msg().users.tokenRevoked(name)}\n`);
          return EXIT.ok;
        }),
      ),
    );
}
