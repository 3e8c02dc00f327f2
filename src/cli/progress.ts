/** A progress bar for long runs on a terminal; silent when stderr is not a TTY (scripts, CI, pipes). */
import cliProgress from 'cli-progress';
import type { IngestProgress } from '../ingest/index.js';
import { io, type OutStream } from './io.js';

/** Ingest progress on stderr: files done, records read, records/s, the current file. */
export function ingestProgressBar(stream: OutStream = io().stderr): IngestProgress & { stop(): void } {
  if (!stream.isTTY) return { stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'ingest |{bar}| {value}/{total} files | {records} records | {rate} records/s | {name}',
      barsize: 20,
      hideCursor: true,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let before = 0;
  let running = false;
  const payload = (read: number, name: string) => ({
    records: (before + read).toLocaleString('en-US'),
    rate: Math.round((before + read) / Math.max((Date.now() - started) / 1000, 0.001)).toLocaleString('en-US'),
    name,
  });
  let name = '';
  return {
    onFileStart(file, index, total) {
      name = file.length > 40 ? '…' + file.slice(-39) : file;
      if (!running) {
        bar.start(total, 0, payload(0, name));
        running = true;
      }
      bar.update(index, payload(0, name));
    },
    onRecords(read) {
      bar.update(payload(read, name));
    },
    onFileDone(report) {
      before += report.read;
      bar.increment(1, payload(0, name));
    },
    stop() {
      if (running) bar.stop();
    },
  };
}
