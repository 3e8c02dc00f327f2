// Spans marked on a time series (the findings a detection rule raised): which buckets each covers, and the ECharts mark area. Pure (no DOM).

/** A row of a panel's marks query: Start, End, Label, Id, and optionally Titles (a finding's titles per language). */
export interface SpanMark {
  /** Bucket indices the span covers. */
  first: number;
  last: number;
  label: string;
  /** Finding id ('' when the query gave none). */
  id: string;
  start: number;
  end: number;
}

/** Id of the series that carries the marks (no data, no legend entry). */
export const MARKS_SERIES_ID = 'marks';

/** Colour of marked spans: vermillion of the Okabe-Ito palette, readable for colour-blind users. */
export const MARK_COLOR = '#D55E00';

/** The title in `language` from a Titles value (an object, or its JSON text), if it has one. */
function titleIn(titles: unknown, language: string): string | undefined {
  let value = titles;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  const t = value && typeof value === 'object' ? (value as Record<string, unknown>)[language] : undefined;
  return typeof t === 'string' && t !== '' ? t : undefined;
}

/**
 * The spans of `rows` (columns named Start, End, Label, Id, and Titles when the query gives a finding's titles
 * per language) over buckets starting at `starts` (ascending, each `stepMs` long); spans outside every bucket are
 * left out. The label is the title in `language` when Titles has one, else Label.
 */
export function spanMarks(
  columns: readonly { name: string }[],
  rows: readonly unknown[][],
  starts: readonly number[],
  stepMs: number,
  language = 'en',
): SpanMark[] {
  const at = (name: string) => columns.findIndex((c) => c.name === name);
  const [si, ei, li, ii, ti] = [at('Start'), at('End'), at('Label'), at('Id'), at('Titles')];
  if (si < 0 || starts.length === 0) return [];
  const out: SpanMark[] = [];
  for (const r of rows) {
    const start = Date.parse(String(r[si]));
    const endRaw = ei >= 0 ? Date.parse(String(r[ei])) : NaN;
    const end = Number.isNaN(endRaw) || endRaw < start ? start : endRaw;
    if (Number.isNaN(start)) continue;
    let first = -1;
    let last = -1;
    starts.forEach((t, i) => {
      // A bucket [t, t + step) overlaps [start, end] (a point in time counts in its bucket).
      if (t <= end && t + Math.max(stepMs, 1) > start) {
        if (first < 0) first = i;
        last = i;
      }
    });
    if (first < 0) continue;
    const label = (ti >= 0 ? titleIn(r[ti], language) : undefined) ?? (li >= 0 ? String(r[li] ?? '') : '');
    out.push({ first, last, start, end, label, id: ii >= 0 ? String(r[ii] ?? '') : '' });
  }
  return out;
}

/** An ECharts markArea shading each span over the full plot height, with a short label on top. */
export function spanMarkArea(spans: readonly SpanMark[], label: string): Record<string, unknown> {
  return {
    itemStyle: { color: 'rgba(213, 94, 0, 0.12)', borderColor: MARK_COLOR, borderWidth: 1, borderType: 'dashed' },
    label: { show: true, position: 'insideTop', color: MARK_COLOR, fontSize: 11, formatter: label },
    emphasis: { itemStyle: { color: 'rgba(213, 94, 0, 0.22)' } },
    data: spans.map((s) => [{ xAxis: s.first }, { xAxis: s.last }]),
  };
}
