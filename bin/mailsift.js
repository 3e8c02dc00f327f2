#!/usr/bin/env node
// The mailsift command; the code lives in dist/ (built by `npm run build`, run on `npm install`).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('mailsift: not built yet; run `npm run build` first\n');
  process.exit(1);
}
const { main } = await import(entry.href);
await main();
