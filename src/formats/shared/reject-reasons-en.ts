/**
 * The English text of every reject reason, by its stable code (reject-reason.ts): the text written into reject
 * files and shown to English readers. reject-reasons-ja.ts has the same codes in Japanese.
 */
import type { ReasonJson, ReasonParam } from './reject-reason.js';

type P = Readonly<Record<string, ReasonParam>>;
type T = (r: ReasonJson) => string;

const FILE_OR_FOLDER: Record<string, string> = { file: 'file', folder: 'folder', path: 'path' };

const rowsEn = (rows: ReasonParam | undefined) => `${Number(rows).toLocaleString('en-US')} row${Number(rows) === 1 ? '' : 's'}`;
const RERUN = 'run the same ingest again: rows already stored count as duplicates';

export const REASONS_EN = {
  // A record that cannot become a row.
  'not-json-object': () => 'not a JSON object',
  'missing-field': (p: P) => `missing ${p.field}`,
  'missing-field-for': (p: P) => `missing ${p.field} (${p.column})`,
  'no-message-named': (p: P) => `missing ${p.fields} (the event names no message)`,
  'bad-value': (p: P) => `bad ${p.field} ${p.value}`,
  'unknown-status': (p: P) => `unknown ${p.field} ${p.value}`,
  'unknown-status-event': (p: P) => `unknown status event ${p.value} for ${p.recipient}`,
  'no-recipient-in-status': (p: P) => `missing recipient address in recipient_status ${p.value}`,
  'no-recipient-events': (p: P) => `no events for ${p.recipient} in recipient_status`,
  'record-too-large': (p: P) => `record too large: ${p.field} has ${p.length} characters (at most ${p.max} are stored)`,
  // Text that is not a readable record.
  'field-count': (p: P) => `expected ${p.expected} fields, found ${p.found}`,
  'before-fields-header': () => 'event line before any #Fields: header',
  'not-eac-header': () =>
    'not an Exchange admin center report header (expected origin_timestamp_utc, date_time_utc or Received/Recipient/Status columns)',
  'line-too-long': (p: P) => `line longer than ${p.max} characters`,
  'record-too-long': (p: P) => `record larger than ${p.max} characters: the rest of the file is skipped`,
  'json-key-expected': (p: P) => `invalid JSON at line ${p.line}: a key was expected`,
  'json-unexpected': (p: P) => `invalid JSON at line ${p.line}: unexpected '${p.char}'`,
  'not-json-unexpected': (p: P) => `not JSON: unexpected '${p.char}' at line ${p.line}`,
  'not-json-start': (p: P) => `not JSON: the file starts with ${p.text}`,
  'text-before-records': (p: P) => `not JSON: a line of text before the records: ${p.text}`,
  'not-json-value': () => 'not a JSON object or array',
  'invalid-json': (p: P) => `invalid JSON: ${p.detail}`,
  'error-response': (p: P) => `error response instead of records${p.detail ? `: ${p.detail}` : ''}`,
  'truncated-record': () => 'truncated JSON: the file ends inside a record',
  'truncated-document': () => 'truncated JSON: the file ends before the document is closed',
  'unterminated-quote': () => 'unterminated quoted value',
  'unterminated-quote-at-end': () => 'unterminated quoted value at the end of the file',
  // A file that is no export.
  'empty-file': () => 'empty file',
  'blank-file': () => 'empty file (only blank lines)',
  'html-page': (p: P) =>
    `an HTML page, not an export${p.title ? ` ("${p.title}")` : ''}: a sign-in or error page saved instead of the data?`,
  markup: () => 'XML or markup, not an export',
  'json-unknown-shape': () => 'JSON of an unknown shape',
  'json-array-no-objects': () => 'JSON of an unknown shape: an array without objects',
  'json-array-keys': (p: P) => `JSON of an unknown shape: an array of objects with keys ${p.keys}`,
  'json-object-keys': (p: P) => `JSON of an unknown shape: top-level keys ${p.keys}`,
  'binary-zip': () => 'binary data: a ZIP archive not named .zip (an Excel .xlsx workbook is one: save the report as CSV)',
  'binary-gzip': () => 'binary data: gzip-compressed data',
  'binary-pdf': () => 'binary data: a PDF document',
  'binary-office': () => 'binary data: an old Office document (an Excel .xls workbook?): save the report as CSV',
  'binary-png': () => 'binary data: a PNG image',
  'binary-jpeg': () => 'binary data: a JPEG image',
  'binary-data': () => 'binary data (control characters and zero bytes), not a text export',
  'unknown-encoding': () => 'text in an unknown encoding: not UTF-8, UTF-16 or Shift_JIS (save it as UTF-8 or UTF-16)',
  'unknown-encoding-not-japanese': () =>
    'text in an unknown encoding: not UTF-8 or UTF-16, and it does not read as Japanese in Shift_JIS (save it as UTF-8 or UTF-16)',
  'unknown-format': (p: P) => `not a known export: it is none of ${p.formats} (choose one with --format)`,
  'no-records': (p: P) => `no records found (a ${p.format} file is ${p.description})`,
  // Reading the file or archive.
  'no-such-path': (p: P) => (p.what === 'path' ? 'no such file or folder' : `no such ${FILE_OR_FOLDER[String(p.what)]}`),
  'permission-denied': (p: P) => `permission denied: this user may not read the ${FILE_OR_FOLDER[String(p.what)]}`,
  'symlink-loop': () => 'a loop of symbolic links',
  'folder-not-file': () => 'a folder where a file was expected',
  'file-not-folder': () => 'a file where a folder was expected',
  'too-many-open-files': () => 'too many open files',
  'io-error': () => 'input/output error (a failing disk or network share?)',
  'cannot-read-path': (p: P) => `cannot read the ${FILE_OR_FOLDER[String(p.what)]}: ${p.detail}`,
  'cannot-read': (p: P) => `cannot be read: ${p.detail}`,
  'stopped-reading': (p: P, t: T) => `stopped reading after ${p.records} records: ${t(p.cause as ReasonJson)}`,
  'damaged-gzip': (p: P) => `damaged gzip data: ${p.detail}`,
  'damaged-zip': (p: P) => `damaged or unreadable ZIP archive: ${p.detail}`,
  'empty-archive': () => 'empty archive: no files inside',
  'member-too-large': (p: P) => `refused: it would decompress to ${p.size}, more than ${p.limit}`,
  'member-ratio': (p: P) => `refused: it would grow ${p.ratio} times when decompressed (more than ${p.limit}): a compression bomb?`,
  'archive-too-large': (p: P) => `refused: the archive's members add up to more than ${p.limit} bytes`,
  'not-regular-file': () => 'not a regular file (a device, pipe or socket)',
  'dangling-symlink': () => 'a symbolic link to nothing (its target is gone)',
  refused: () => 'refused',
  'zip-in-zip': () => 'refused: a ZIP inside a ZIP is not read (extract it first)',
  'unsafe-member-path': (p: P) => `refused: an unsafe path inside the archive (${p.problem})`,
  // The reject file itself could not be written, and a path given to read that cannot be.
  'reject-file-not-written': (p: P, t: T) => `could not write the reject file ${p.path}: ${t(p.cause as ReasonJson)}`,
  'disk-full': () => 'the disk is full',
  'write-permission-denied': () => 'permission denied',
  'is-a-folder': () => 'it is a folder',
  'folder-cannot-be-created': () => 'its folder cannot be created',
  'cannot-write': (p: P) => `${p.detail}`,
  'path-unreadable': (p: P, t: T) => `${p.path}: ${t(p.cause as ReasonJson)}`,
  // The store stopped an ingest run (`rows`: what the run committed before), or another process holds it.
  'store-disk-full': (p: P) =>
    `the disk holding the store ${p.store} is full; this run committed ${rowsEn(p.rows)} before it stopped; free some space, then ${RERUN}`,
  'store-damaged': (p: P) =>
    `the store ${p.store} is damaged${p.detail ? ` (${p.detail})` : ''}; this run committed ${rowsEn(p.rows)} before it stopped; restore the store from a backup, or ingest into a new one`,
  'store-read-only': (p: P) =>
    `the store ${p.store} cannot be written (permission denied or read-only); this run committed ${rowsEn(p.rows)} before it stopped; fix its permissions, then ${RERUN}`,
  'store-refused': (p: P) =>
    `the store ${p.store} refused a write${p.detail ? ` (${p.detail})` : ''}; this run committed ${rowsEn(p.rows)} before it stopped; ${RERUN}`,
  'store-locked': (p: P) =>
    `the store ${p.store} is in use by another mailsift process (${p.holder || 'another process'}); wait for it with --wait, or stop it`,
  // The store could not be opened (the engine's words as detail).
  'store-not-a-store': (p: P) =>
    `the store ${p.store} is damaged or is not a mailsift store (${p.detail}); restore it from a backup, or move it aside and ingest again into a new store`,
  'store-open-read-only': (p: P) => `cannot open the store ${p.store}: ${p.detail}`,
  'store-cannot-open': (p: P) => `cannot open the store ${p.store}: ${p.detail}`,
} satisfies Record<string, (p: P, t: T) => string>;

/** The codes of reject reasons (stable: scripts read them from reject files). */
export type ReasonCode = keyof typeof REASONS_EN;
