/** A served store for the query attacks: many rows of one organisation, so a self-join grows as the square of them. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/index.js';
import { traceRow } from '../e2e/server-fixture.js';
import { addUser, signIn, startServe, type HttpSession, type ServeProcess } from '../support/serve-process.js';

/** Joins every row with every row twice: 125 billion combinations for 5,000 rows, minutes of work for the engine. */
export const HEAVY_KQL =
  'MessageTrace | join kind=inner (MessageTrace | project Organization, S2 = Subject) on Organization | join kind=inner (MessageTrace | project Organization, S3 = Subject) on Organization | summarize n = dcount(strcat(Subject, S2, S3))';

/** A running `serve` and an analyst signed in to it. */
export interface QueryServer {
  server: ServeProcess;
  analyst: HttpSession;
  /** Kill the server and remove its store. */
  close(): Promise<void>;
}

/** Serve a new store of `rows` MessageTrace rows with these `server:` settings of mailsift.yaml. */
export async function startQueryServer(rows: number, settings: Record<string, number>): Promise<QueryServer> {
  const dir = mkdtempSync(join(tmpdir(), 'mailsift-sec-query-'));
  const store = `duckdb:${join(dir, 'store.duckdb')}`;
  const seeded = await openStore(store);
  try {
    await seeded.upsertTraces(Array.from({ length: rows }, (_, n) => traceRow(n)));
  } finally {
    await seeded.close();
  }
  await addUser(store, 'analyst', 'analyst', 'analyst-password-1');
  const config = join(dir, 'mailsift.yaml');
  writeFileSync(
    config,
    `server:\n${Object.entries(settings)
      .map(([k, v]) => `  ${k}: ${v}\n`)
      .join('')}`,
  );
  const server = await startServe({ store, config });
  return {
    server,
    analyst: await signIn(server.url, 'analyst', 'analyst-password-1'),
    close: async () => {
      await server.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
