/** A small tmpfs for tests that need a real full or read-only disk, when this system lets the tests mount one. */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { afterAll } from 'vitest';

/** Mount a tmpfs of `size` (such as 4m) at `dir` (made here), unmounted after the file's tests; false when not allowed. */
export function mountTmpfs(dir: string, size: string): boolean {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return false;
  }
  afterAll(() => execFileSync('umount', ['-l', dir]));
  return true;
}
