/** The checks of `mailsift doctor`: each says ok, warn (look when convenient) or fail (a person is needed now). */
import { statfs, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseDuration } from '../../config/index.js';
import type { CollectorStatus } from '../../collect/index.js';
import type { GeoDataInfo } from '../../enrich/index.js';
import { parseStoreUrl, type Store } from '../../store/index.js';
import type { LoadedConfig } from '../context.js';
import { msg } from '../messages.js';
import { RETENTION_STATE, type RetentionRun } from './retention.js';

export type CheckStatus = 'ok' | 'warn' | 'fail';

export interface CheckResult {
  check: string;
  status: CheckStatus;
  message: string;
}

const DAY = 86_400_000;
const GIB = 1024 ** 3;

/** Storage checks of the engine, and the event model's invariants. */
export async function checkStore(store: Store): Promise<CheckResult> {
  const problems = await store.checkIntegrity();
  return problems.length
    ? { check: 'store integrity', status: 'fail', message: problems.join('; ') }
    : { check: 'store integrity', status: 'ok', message: msg().doctor.integrityOk(store.location) };
}

/** The store file, its folder and the configuration (it may hold secrets) should be this account's alone. */
export async function checkPermissions(config: LoadedConfig): Promise<CheckResult> {
  const parsed = parseStoreUrl(config.store);
  const paths: string[] = [];
  if (parsed.engine === 'duckdb' && parsed.path !== ':memory:') paths.push(parsed.path);
  if (config.configPath) paths.push(config.configPath);
  const open: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => undefined);
    if (info && (info.mode & 0o007) !== 0) open.push(`${p} (mode ${(info.mode & 0o777).toString(8)})`);
  }
  return open.length
    ? {
        check: 'file permissions',
        status: 'fail',
        message: msg().doctor.permissionsOpen(open.join(', ')),
      }
    : {
        check: 'file permissions',
        status: 'ok',
        message: paths.length ? msg().doctor.permissionsOk : msg().doctor.noLocalFiles,
      };
}

/** Free space where the store grows: fail under 1 GiB, warn under 10 %. */
export async function checkDisk(config: LoadedConfig): Promise<CheckResult> {
  const parsed = parseStoreUrl(config.store);
  if (parsed.engine !== 'duckdb' || parsed.path === ':memory:')
    return { check: 'free disk space', status: 'ok', message: msg().doctor.notLocalFile };
  const s = await statfs(dirname(parsed.path));
  const free = s.bavail * s.bsize;
  const share = s.blocks > 0 ? s.bavail / s.blocks : 1;
  const text = msg().doctor.diskFree((free / GIB).toFixed(1), String(Math.round(share * 100)), dirname(parsed.path));
  if (free < GIB) return { check: 'free disk space', status: 'fail', message: msg().doctor.diskFail(text) };
  if (share < 0.1) return { check: 'free disk space', status: 'warn', message: msg().doctor.diskWarn(text) };
  return { check: 'free disk space', status: 'ok', message: text };
}

/** The country and AS data age: DB-IP Lite is rebuilt monthly; older data places new allocations wrongly. */
export function checkGeoData(info: GeoDataInfo, now = Date.now()): CheckResult {
  const ages = info.sources.map((s) => ({ s, days: s.buildDate ? Math.floor((now - Date.parse(s.buildDate)) / DAY) : undefined }));
  const text = ages
    .map(({ s, days }) => (days === undefined ? msg().doctor.geoUnknown(s.name) : msg().doctor.geoAge(s.name, String(days))))
    .join('; ');
  const stale = ages.some(({ days }) => days !== undefined && days > 90);
  return stale
    ? {
        check: 'GeoIP data',
        status: 'warn',
        message: msg().doctor.geoStale(text),
      }
    : { check: 'GeoIP data', status: 'ok', message: text || msg().doctor.geoNone };
}

/** Each configured collector: fail when it has had no successful pass for three intervals (at least an hour). */
export function checkCollectors(config: LoadedConfig, statuses: readonly CollectorStatus[], now = Date.now()): CheckResult[] {
  return config.collectors.map((c) => {
    const check = `collector ${c.name}`;
    const s = statuses.find((x) => x.name === c.name);
    const interval = parseDuration(String((c as { interval?: unknown }).interval ?? '5m')) || 300_000;
    const allowed = Math.max(3 * interval, 3_600_000);
    if (!s?.lastSuccessAt) return { check, status: 'fail', message: msg().doctor.noPass(s?.lastError?.message ?? '') };
    const since = now - Date.parse(s.lastSuccessAt);
    const ago = msg().doctor.lastSuccess(String(Math.round(since / 60_000)), s.completeUpTo ?? '-');
    if (since > allowed) return { check, status: 'fail', message: msg().doctor.lastErrorAfter(ago, s.lastError?.message ?? '') };
    if (s.lastError && s.lastPassAt && Date.parse(s.lastError.at) >= Date.parse(s.lastPassAt))
      return { check, status: 'warn', message: msg().doctor.lastPassFailed(ago, s.lastError.message) };
    return { check, status: 'ok', message: ago };
  });
}

/** With a retention, the oldest mail should not be much older than it (retention runs daily under `serve`). */
export async function checkRetention(store: Store, config: LoadedConfig, now = Date.now()): Promise<CheckResult> {
  if (!config.retention) return { check: 'retention', status: 'ok', message: msg().doctor.retentionNone };
  const keep = parseDuration(config.retention);
  const from = (await store.stats()).from;
  const last = (await store.getState(RETENTION_STATE))?.value as RetentionRun | undefined;
  const lastText = last ? msg().doctor.retentionLast(last.at) : msg().doctor.retentionNever;
  if (from && now - Date.parse(from) > keep + 2 * DAY)
    return {
      check: 'retention',
      status: 'warn',
      message: msg().doctor.retentionOld(from, config.retention, lastText),
    };
  return { check: 'retention', status: 'ok', message: msg().doctor.retentionOk(config.retention, lastText) };
}
