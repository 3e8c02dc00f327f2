/** Where the mailsift package lies on disk (for dashboards/, dist/web and the version), from src/ or dist/ alike. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'mailsift') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the mailsift package root');
    dir = up;
  }
}

/** The folder holding mailsift's package.json. */
export const PACKAGE_ROOT: string = findRoot();

/** The package version (for /api/health). */
export const VERSION: string = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
