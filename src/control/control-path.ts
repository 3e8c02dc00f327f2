/** Where the control socket of a DuckDB store lives: beside the store file, in a folder only its owner can enter. */
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

// Unix socket paths are limited to 108 bytes on Linux (sun_path), 104 on macOS.
const MAX_SOCKET_PATH = 100;

/** The folder and the socket path the server of `storeFile` listens on. */
export function controlSocketPath(storeFile: string): { dir: string; path: string } {
  let file = resolve(storeFile);
  try {
    file = realpathSync(file);
  } catch {
    // Not created yet: no server can be serving it, and the path is only used to look.
  }
  const dir = join(dirname(file), '.mailsift-control');
  const path = join(dir, `${basename(file)}.sock`);
  if (Buffer.byteLength(path) <= MAX_SOCKET_PATH) return { dir, path };
  // A deep data folder: a per-user folder in the temporary directory, named after the store's real path.
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  const short = join(tmpdir(), `mailsift-${uid}`);
  return { dir: short, path: join(short, `${createHash('sha256').update(file).digest('hex').slice(0, 24)}.sock`) };
}
