/** Limits that keep a compressed export from becoming a compression bomb. */
import { reason, type RejectReason } from '../formats/index.js';

export interface ArchiveLimits {
  /** Largest size one member (or a .gz file) may decompress to. */
  maxMemberBytes: number;
  /** Largest total a .zip's members may decompress to. */
  maxArchiveBytes: number;
  /** Most a member may grow when decompressed (exports of text shrink 5-30 times; bombs a thousand). */
  maxRatio: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxMemberBytes: 16 * 1024 ** 3,
  maxArchiveBytes: 64 * 1024 ** 3,
  maxRatio: 200,
};

/** Below this size a high ratio is harmless (a small file of blanks compresses very well). */
export const RATIO_FLOOR_BYTES = 1024 * 1024;

const gib = (n: number) => `${(n / 1024 ** 3).toFixed(n < 1024 ** 3 ? 2 : 0)} GiB`;

/** Why a member of these sizes is refused, or undefined. */
export function memberRefusal(compressed: number, uncompressed: number, limits: ArchiveLimits): RejectReason | undefined {
  if (uncompressed > limits.maxMemberBytes)
    return reason('member-too-large', { size: gib(uncompressed), limit: gib(limits.maxMemberBytes) });
  if (uncompressed > RATIO_FLOOR_BYTES && uncompressed > compressed * limits.maxRatio) {
    return reason('member-ratio', { ratio: Math.round(uncompressed / Math.max(compressed, 1)), limit: limits.maxRatio });
  }
  return undefined;
}
