import { describe, expect, it } from 'vitest';
import { reasonText } from '../formats/index.js';
import { IngestStoppedError, storeFailureReason } from './ingest-errors.js';

const report = {
  files: [],
  totals: { read: 0, ingested: 0, updated: 0, duplicates: 0, skipped: 0, rejected: 0, events: 0 },
  rejectFile: null,
};
// What the engine says, with the OS's code where it gives one.
const engine = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});

describe('a store failure that stops ingest', () => {
  it('names disk full, damaged, read-only and other refusals as reasons, in English and Japanese', () => {
    const cases = [
      [
        engine('IO Error: No space left on device', 'ENOSPC'),
        'store-disk-full',
        /ディスクがいっぱいです。この実行では停止までに 1,234 行を保存しました/,
      ],
      [
        engine('IO Error: Corrupt database file: computed checksum 1 does not match stored checksum 2'),
        'store-damaged',
        /が壊れています（IO Error: Corrupt database file/,
      ],
      [
        engine('IO Error: Cannot open file: Read-only file system', 'EROFS'),
        'store-read-only',
        /に書き込めません（権限がないか読み取り専用です）/,
      ],
      [engine('Constraint Error: something odd'), 'store-refused', /への書き込みが拒否されました（Constraint Error: something odd）/],
    ] as const;
    for (const [error, code, ja] of cases) {
      const why = storeFailureReason(error, '/data/mail.duckdb', 1234);
      expect(why.code).toBe(code);
      expect(reasonText(why, 'ja')).toMatch(ja);
      expect(reasonText(why, 'ja')).toMatch(/^ストア \/data\/mail\.duckdb /);
      const stopped = new IngestStoppedError(why, report);
      // The message stays the English text (scripts and logs read it); the reason travels beside it.
      expect(stopped.message).toBe(reasonText(why, 'en'));
      expect(stopped.message).toMatch(/this run committed 1,234 rows before it stopped/);
    }
  });
});
