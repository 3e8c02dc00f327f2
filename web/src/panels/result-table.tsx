// A results table that stays fast at 100,000 rows: only the visible rows are in the page; columns sort on click.
import { useMemo, useRef, useState } from 'react';
import type { QueryResult } from '../api';
import { statusColor } from '../colors';
import { SafeText } from '../components/safe-text';
import { formatCell, formatUtc } from '../format';
import { columnLabel, valueLabel } from '../i18n';
import { strings } from '../strings';
import type { FilterName } from '../url-state';

const ROW_HEIGHT = 30;
// Columns whose values are shown in the viewer's language (Inbound -> 受信); the value itself still filters.
const VALUE_COLUMNS = /^(status|direction|severity)$/i;
const OVERSCAN = 10;

function widthOf(type: string, name: string): number {
  if (type === 'datetime') return 200;
  if (type === 'long' || type === 'int' || type === 'real') return Math.max(96, name.length * 9 + 24);
  if (type === 'bool') return 80;
  return 240;
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

export function ResultTable({
  result,
  filterLinks = {},
  addFilter,
  rank = false,
  bytes = [],
  maxHeight = 480,
  onOpenMessage,
  label,
  kqlNames = false,
}: {
  result: QueryResult;
  filterLinks?: Record<string, FilterName>;
  addFilter?: (name: FilterName, value: string) => void;
  rank?: boolean;
  bytes?: string[];
  maxHeight?: number | string;
  onOpenMessage?: (traceId: string) => void;
  label?: string;
  /** Headings and statuses as KQL names them (the Explorer); otherwise in the shown language. */
  kqlNames?: boolean;
}) {
  const heading = (name: string) => (kqlNames ? name : (strings.values[name] ?? columnLabel(name)));
  const shownValue = (value: string) => (kqlNames ? value : valueLabel(value));
  const [sort, setSort] = useState<{ col: number; desc: boolean } | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => {
    const indexed = result.rows.map((r, i) => ({ r, rank: i + 1 }));
    if (!sort) return indexed;
    const sorted = [...indexed].sort((x, y) => compare(x.r[sort.col], y.r[sort.col]));
    return sort.desc ? sorted.reverse() : sorted;
  }, [result, sort]);

  const viewport = typeof maxHeight === 'number' ? maxHeight : 600;
  const start = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const end = Math.min(rows.length, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  const traceCol = result.columns.findIndex((c) => c.name === 'MessageTraceId');

  const cell = (value: unknown, ci: number) => {
    const col = result.columns[ci]!;
    const named = !kqlNames && typeof value === 'string' && VALUE_COLUMNS.test(col.name);
    const text = named ? valueLabel(value) : formatCell(value, col.type, bytes.includes(col.name));
    const link = filterLinks[col.name];
    if (col.name === 'Status' && typeof value === 'string') {
      const sw = statusColor(value);
      const chip = (
        <span className="status-chip" style={{ backgroundColor: sw.color, color: sw.text }}>
          <SafeText text={shownValue(value)} />
        </span>
      );
      return link && addFilter ? (
        <button
          type="button"
          className="cell-button"
          onClick={() => addFilter(link, value)}
          title={strings.panel.filterBy(strings.filters.names[link] ?? link, shownValue(value))}
        >
          {chip}
        </button>
      ) : (
        chip
      );
    }
    if (link && addFilter && typeof value === 'string' && value !== '') {
      return (
        <button
          type="button"
          className="cell-button link-button"
          onClick={() => addFilter(link, value)}
          aria-label={strings.panel.filterBy(strings.filters.names[link] ?? link, named ? text : value)}
        >
          <SafeText text={named ? text : value} />
        </button>
      );
    }
    if (ci === traceCol && onOpenMessage && typeof value === 'string' && value !== '') {
      return (
        <button type="button" className="cell-button link-button" onClick={() => onOpenMessage(value)} title={strings.explorer.openMessage}>
          <SafeText text={value} />
        </button>
      );
    }
    if (col.type === 'datetime' && typeof value === 'string') return <span title={formatUtc(value)}>{text}</span>;
    if (typeof value === 'number') return <span className="num">{text}</span>;
    return <SafeText text={text} />;
  };

  // Small results size their columns to the content; large ones get fixed widths so scrolling never reflows.
  const fixed = rows.length > 500;
  const widths = [...(rank ? [64] : []), ...result.columns.map((c) => widthOf(c.type, c.name))];
  const total = widths.reduce((a, b) => a + b, 0);
  return (
    <div
      className="result-table"
      ref={scroller}
      style={{ maxHeight }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      tabIndex={0}
      aria-label={label}
    >
      <table
        className={fixed ? 'fixed' : 'auto'}
        style={fixed ? { width: total, minWidth: '100%' } : { minWidth: '100%' }}
        aria-rowcount={rows.length + 1}
      >
        {fixed && (
          <colgroup>
            {widths.map((w, i) => (
              <col key={i} style={{ width: w }} />
            ))}
          </colgroup>
        )}
        <thead>
          <tr>
            {rank && <th scope="col">{strings.panel.rank}</th>}
            {result.columns.map((c, i) => {
              const sw = statusColor(c.name);
              const isStatus = sw.color !== statusColor('').color;
              return (
                <th
                  key={c.name}
                  scope="col"
                  aria-sort={sort?.col === i ? (sort.desc ? 'descending' : 'ascending') : 'none'}
                  className={c.type === 'long' || c.type === 'int' || c.type === 'real' ? 'num' : undefined}
                >
                  <button
                    type="button"
                    className="th-button"
                    onClick={() => setSort((s) => (s?.col === i ? { col: i, desc: !s.desc } : { col: i, desc: c.type !== 'string' }))}
                    title={strings.explorer.sortBy(heading(c.name))}
                  >
                    {isStatus && <span className="swatch" style={{ backgroundColor: sw.color }} aria-hidden="true" />}
                    {heading(c.name)}
                    <span aria-hidden="true" className="sort-mark">
                      {sort?.col === i ? (sort.desc ? '▼' : '▲') : ''}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {start > 0 && <tr style={{ height: start * ROW_HEIGHT }} aria-hidden="true" />}
          {rows.slice(start, end).map(({ r, rank: n }, i) => (
            <tr key={start + i} style={{ height: ROW_HEIGHT }} aria-rowindex={start + i + 2}>
              {rank && <td className="num">{n}</td>}
              {r.map((v, ci) => (
                <td key={ci} className={typeof v === 'number' ? 'num' : undefined}>
                  {cell(v, ci)}
                </td>
              ))}
            </tr>
          ))}
          {end < rows.length && <tr style={{ height: (rows.length - end) * ROW_HEIGHT }} aria-hidden="true" />}
        </tbody>
      </table>
    </div>
  );
}
