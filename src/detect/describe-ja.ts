/** Japanese wording of finding titles: counts with their counter words, country names, factors, dates. */
import { countryName, formatFactor } from './describe.js';

/** "北朝鮮 (KP)"; the code alone when the runtime has no name for it. */
export function countryNameJa(code: string): string {
  return countryName(code, 'ja');
}

/** "1,234 通", "3 人", "2 件": a number with its counter word. */
export function countJa(n: number, counter: string): string {
  return `${n.toLocaleString('ja-JP')} ${counter}`;
}

/** A ratio as "9.8 倍" (the same rounding as formatFactor); "大幅" when there was nothing before. */
export function factorJa(f: number): string {
  return Number.isFinite(f) ? `${formatFactor(f).replace(/x$/, '')} 倍` : '大幅';
}

/** A list joined the Japanese way ("JP、US"). */
export function listJa(items: readonly string[]): string {
  return items.join('、');
}
