/** How the server builds a fresh `mailsift` program for each handed command (set by main.ts, which defines it). */
import type { Command } from 'commander';

let factory: (() => Command) | undefined;

/** Called once by main.ts. */
export function setProgramFactory(build: () => Command): void {
  factory = build;
}

/** A new program, its options unparsed. */
export function newProgram(): Command {
  if (!factory) throw new Error('the mailsift program is not loaded');
  return factory();
}
