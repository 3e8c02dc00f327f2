/** The server's signing key (random, 32 bytes), kept in the store's state so it survives restarts; never leaves the server. */
import { randomBytes } from 'node:crypto';
import type { Store } from '../../store/index.js';

const SECRET_KEY = 'server.signingKey';

/** A function answering the key of `store`, made on first use. */
export function serverSecret(store: Store): () => Promise<Buffer> {
  let key: Promise<Buffer> | undefined;
  return () => {
    key ??= (async () => {
      const entry = await store.getState(SECRET_KEY);
      if (typeof entry?.value === 'string' && entry.value.length >= 43) return Buffer.from(entry.value, 'base64url');
      const fresh = randomBytes(32);
      await store.setState(SECRET_KEY, fresh.toString('base64url'));
      return fresh;
    })().catch((error: unknown) => {
      key = undefined;
      throw error;
    });
    return key;
  };
}
