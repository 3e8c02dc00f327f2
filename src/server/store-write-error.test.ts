// An upload the store stopped: the answer says why and how many rows were kept, in a reason the web app words in the
// viewer's language, without the store's folder or the engine's words.
import { describe, expect, it } from 'vitest';
import { reasonText } from '../formats/index.js';
import { IngestStoppedError } from '../ingest/index.js';
import { storeFailureReason } from '../ingest/ingest-errors.js';
import { toHttpError } from './errors.js';

const report = {
  files: [],
  totals: { read: 0, ingested: 0, updated: 0, duplicates: 0, skipped: 0, rejected: 0, events: 0 },
  rejectFile: null,
};

describe('a store failure in an upload answer', () => {
  it('answers 503 STORE_WRITE with the reason, the store file name and the rows kept', () => {
    const engine = new Error('IO Error: Corrupt database file: computed checksum 1 does not match stored checksum 2 in /srv/secret-path');
    const answer = toHttpError(new IngestStoppedError(storeFailureReason(engine, '/srv/secret-path/mail.duckdb', 12), report));
    expect(answer.status).toBe(503);
    expect(answer.body.error).toMatchObject({
      code: 'STORE_WRITE',
      reason: 'store-damaged',
      params: { store: 'mail.duckdb', rows: 12, detail: '' },
    });
    expect(JSON.stringify(answer)).not.toMatch(/secret-path|Corrupt|checksum/);
    const why = { code: answer.body.error.reason!, params: answer.body.error.params! };
    expect(answer.body.error.message).toBe(reasonText(why, 'en'));
    expect(reasonText(why, 'ja')).toBe(
      'ストア mail.duckdb が壊れています。この実行では停止までに 12 行を保存しました。バックアップから復元するか、新しいストアに取り込んでください',
    );
  });
});
