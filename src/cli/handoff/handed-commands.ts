/** The commands a running `serve` takes over when they are run while it holds the store. */
import type { Command } from 'commander';

/** Command paths ("users add") handed to the server; the others need the store to themselves or none at all. */
export const HANDED_COMMANDS: ReadonlySet<string> = new Set([
  'ingest',
  'users add',
  'users list',
  'users remove',
  'tokens create',
  'tokens list',
  'tokens revoke',
  'intel import',
  'intel sync',
  'intel matches',
  'watchlist import',
  'stats',
  'query',
  'backup',
  'maintain',
  'doctor',
]);

/** "users add" for the `add` command under `users` (the program's own name left out). */
export function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Give every handed command a --wait option. */
export function addWaitOption(program: Command): void {
  const visit = (cmd: Command) => {
    if (HANDED_COMMANDS.has(commandPath(cmd)))
      cmd.option('--wait', 'when another mailsift command holds the store, wait for it to finish instead of failing');
    cmd.commands.forEach(visit);
  };
  visit(program);
}
