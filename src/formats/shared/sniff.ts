/** Saying what a file is when no format takes it: a reason fit for a reject, more useful than "unknown format". */
import { errorResponseReason } from './json-sink.js';
import { reason, type RejectReason } from './reject-reason.js';

/** Keys listed in a reason, at most. */
const MAX_KEYS = 8;

function keysOf(text: string): string[] | undefined {
  try {
    const v: unknown = JSON.parse(text);
    const o = Array.isArray(v) ? v.find((x) => x !== null && typeof x === 'object' && !Array.isArray(x)) : v;
    if (o === null || typeof o !== 'object' || Array.isArray(o)) return undefined;
    return Object.keys(o);
  } catch {
    return undefined;
  }
}

/** The `error` object of a saved Graph / OData error response (`{"error": {...}}`, `{"odata.error": {...}}`). */
function errorBodyOf(text: string): unknown {
  try {
    const v = JSON.parse(text) as Record<string, unknown>;
    const e = v && typeof v === 'object' && !Array.isArray(v) ? (v.error ?? v['odata.error']) : undefined;
    return e && typeof e === 'object' ? e : undefined;
  } catch {
    return undefined;
  }
}

/** The top-level keys of the first JSON value of a head (a whole document, or its first line). */
function firstJsonKeys(head: string): { keys: string[]; array: boolean } | undefined {
  const text = head.trim();
  const array = text.startsWith('[');
  const whole = keysOf(text);
  if (whole) return { keys: whole, array };
  const nl = text.indexOf('\n');
  const line = nl < 0 ? undefined : keysOf(text.slice(0, nl));
  if (line) return { keys: line, array };
  // A large document cut at 64 KB: the keys of its first object, read from the text.
  const keys = [...text.slice(0, 4096).matchAll(/^\s{0,4}\[?\s*\{?\s*"((?:[^"\\]|\\.){1,80})"\s*:/gm)].map((m) => m[1]!);
  return keys.length ? { keys, array } : undefined;
}

/**
 * Why a file whose decoded start is `head` is no export, when it is plainly something else (empty, an HTML
 * page, JSON or XML of another shape); undefined when it looks like text of some kind (the caller then says
 * which formats it tried).
 */
export function whyNotAnExport(head: string): RejectReason | undefined {
  const text = head.trimStart();
  if (text === '') return reason(head === '' ? 'empty-file' : 'blank-file');
  const start = text.slice(0, 1024).toLowerCase();
  if (/^(<!doctype html|<html|<head|<body|<meta|<title)/.test(start) || (start.startsWith('<') && /<html[\s>]/.test(start))) {
    const title = /<title[^>]*>([^<]{1,80})/i.exec(head)?.[1]?.trim();
    return reason('html-page', title ? { title } : {});
  }
  if (start.startsWith('<?xml') || start.startsWith('<')) return reason('markup');
  if (text[0] === '{' || text[0] === '[') {
    const error = errorBodyOf(text);
    if (error) return errorResponseReason(error);
    const found = firstJsonKeys(text);
    if (!found) return reason(text[0] === '[' ? 'json-array-no-objects' : 'json-unknown-shape');
    const shown = found.keys.slice(0, MAX_KEYS).join(', ') + (found.keys.length > MAX_KEYS ? ', ...' : '');
    return reason(found.array ? 'json-array-keys' : 'json-object-keys', { keys: shown || '(none)' });
  }
  return undefined;
}
