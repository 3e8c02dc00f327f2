/** mailsift's version for CEF headers and User-Agent, read from package.json. */
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export const MAILSIFT_VERSION: string = pkg.version;
