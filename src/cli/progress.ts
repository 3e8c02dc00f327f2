/** A progress bar for long runs on a terminal; silent when stderr is not a TTY (scripts, CI, pipes). */
import cliProgress from 'cli-progress';
import type { IngestProgress } from '../ingest/index.js';
import { formatCount } from './format-number.js';
import { io, type OutStream } from './io.js';
import { msg } from './messages.js';

/** How `ingest --progress` shows progress: a bar on a terminal (auto), a line per commit (for logs), or nothing. */
export const PROGRESS_MODES = ['auto', 'lines', 'none'] as const;
export type ProgressMode = (typeof PROGRESS_MODES)[number];

/** Ingest progress on stderr in the chosen mode. */
export function ingestProgress(mode: ProgressMode, stream: OutStream = io().stderr): IngestProgress & { stop(): void } {
  if (mode === 'lines') return ingestProgressLines(stream);
  if (mode === 'none') return { stop() {} };
  return ingestProgressBar(stream);
}

/** One line on stderr after each commit: rows stored so far and the rate, for logs and scripts that watch a long run. */
export function ingestProgressLines(stream: OutStream = io().stderr): IngestProgress & { stop(): void } {
  const started = Date.now();
  return {
    onCommitted(committed) {
      const rate = Math.round(committed / Math.max((Date.now() - started) / 1000, 0.001));
      stream.write(`mailsift: ${msg().ingest.stored(formatCount(committed), formatCount(rate))}\n`);
    },
    stop() {},
  };
}

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
