/** Why a DuckDB store could not be opened, as reasons each reader words in its language (the formats' reason table). */
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { dirname } from 'node:path';
import { reason } from '../../formats/index.js';
import { StoreDamagedError, StoreQueryError } from '../errors.js';
import { firstLine } from './engine-message.js';

/** The file is damaged or not a store at all (DuckDB's words as detail). */
export function damaged(path: string, cause: unknown): StoreDamagedError {
  return new StoreDamagedError(reason('store-not-a-store', { store: path, detail: firstLine(cause) }), { cause });
}

/** The store could not be opened: a read-only file or folder (EROFS, EACCES) said so, anything else with DuckDB's words. */
export function cannotOpen(
  path: string,
  detail: string,
  cause: unknown,
  readOnly = /read-only|EROFS|Permission denied|EACCES/i.test(detail),
): StoreQueryError {
  const r = reason(readOnly ? 'store-open-read-only' : 'store-cannot-open', { store: path, detail });
  return new StoreQueryError(r.text, { cause, reason: r });
}

/** The store's folders could not be made; a read-only file system answers a recursive mkdir with ENOENT, so ask the folder. */
export async function folderFailed(path: string, cause: unknown): Promise<never> {
  const writable = await access(dirname(path), constants.W_OK).then(
    () => true,
    () => false,
  );
  throw cannotOpen(path, firstLine(cause), cause, !writable);
}
