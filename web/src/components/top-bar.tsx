// The bar above every page: time range (in the viewer's zone, UTC on hover), auto-refresh, and the active filters as chips.
import { useState } from 'react';
import { currentTimeZone, formatTime, formatUtc, fromZoneInput, toZoneInput, zoneName } from '../format';
import { valueLabel } from '../i18n';
import { strings } from '../strings';
import { FILTER_NAMES, REFRESH_MS, useViewState, type RangeKey, type RefreshKey } from '../url-state';
import { AddFilter } from './add-filter';
import { FreshnessBadge } from './freshness-badge';
import { SafeText } from './safe-text';

export function TopBar() {
  const { range, filters, setRange, setFilters, addFilter, refresh, setRefresh, wall, setWall } = useViewState();
  const [custom, setCustom] = useState<{ from: string; to: string } | null>(null);
  const presets: [RangeKey, string][] = [
    ['1h', strings.range.last1h],
    ['24h', strings.range.last24h],
    ['7d', strings.range.last7d],
    ['30d', strings.range.last30d],
    ['90d', strings.range.last90d],
    ['thisMonth', strings.range.thisMonth],
    ['lastMonth', strings.range.lastMonth],
    ['custom', strings.range.custom],
  ];
  const chips = FILTER_NAMES.flatMap((n) => (filters[n] ?? []).map((v) => ({ name: n, value: v })));
  return (
    <div className="top-bar">
      <div className="range" role="group" aria-label={strings.range.label}>
        <label className="sr-only" htmlFor="range-select">
          {strings.range.label}
        </label>
        <select
          id="range-select"
          value={range.key}
          onChange={(e) => {
            const key = e.target.value as RangeKey;
            if (key === 'custom') setCustom({ from: toZoneInput(range.from), to: toZoneInput(range.to) });
            else {
              setCustom(null);
              setRange({ key, from: 0, to: 0 });
            }
          }}
        >
          {presets.map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
        {custom && (
          <form
            className="custom-range"
            onSubmit={(e) => {
              e.preventDefault();
              // The inputs hold wall-clock times of the shown zone (which may not be the browser's).
              const from = fromZoneInput(custom.from);
              const to = fromZoneInput(custom.to);
              if (from < to) {
                setRange({ key: 'custom', from, to });
                setCustom(null);
              }
            }}
          >
            <label>
              {strings.range.from}{' '}
              <input type="datetime-local" value={custom.from} onChange={(e) => setCustom({ ...custom, from: e.target.value })} />
            </label>
            <label>
              {strings.range.to}{' '}
              <input type="datetime-local" value={custom.to} onChange={(e) => setCustom({ ...custom, to: e.target.value })} />
            </label>
            <button type="submit">{strings.range.apply}</button>
          </form>
        )}
        <span className="range-text" title={strings.range.utcTitle(formatUtc(range.from), formatUtc(range.to))} data-testid="range-text">
          {formatTime(range.from)} – {formatTime(range.to)}
        </span>
        <span className="zone" title={currentTimeZone()} data-testid="zone">
          {strings.range.zone(zoneName(range.to))}
        </span>
        <select
          id="refresh-select"
          aria-label={strings.refresh.label}
          value={refresh ?? ''}
          onChange={(e) => setRefresh((e.target.value || null) as RefreshKey | null)}
        >
          <option value="">{strings.refresh.off}</option>
          {(Object.keys(REFRESH_MS) as RefreshKey[]).map((k) => (
            <option key={k} value={k}>
              {strings.refresh.every(strings.refresh.intervals[k] ?? k)}
            </option>
          ))}
        </select>
        <FreshnessBadge range={range} />
        <button
          type="button"
          className="link-button wall-toggle"
          data-testid="wall-toggle"
          aria-pressed={wall}
          onClick={() => setWall(!wall)}
        >
          {wall ? strings.wall.exit : strings.wall.enter}
        </button>
      </div>
      <div className="chips" role="group" aria-label={strings.filters.label}>
        {chips.length === 0 && <span className="muted">{strings.filters.none}</span>}
        {chips.map((c) => (
          <span className="chip" key={`${c.name}=${c.value}`} data-testid={`chip-${c.name}`}>
            <span className="chip-name">{strings.filters.names[c.name]}:</span>{' '}
            <SafeText text={c.name === 'status' || c.name === 'direction' ? valueLabel(c.value) : c.value} maxChars={80} />
            <button
              type="button"
              className="chip-remove"
              aria-label={strings.filters.remove(strings.filters.names[c.name] ?? c.name, c.value)}
              onClick={() => setFilters({ ...filters, [c.name]: (filters[c.name] ?? []).filter((v) => v !== c.value) })}
            >
              ×
            </button>
          </span>
        ))}
        <AddFilter onAdd={addFilter} />
        {chips.length > 1 && (
          <button type="button" className="link-button" onClick={() => setFilters({})}>
            {strings.filters.clearAll}
          </button>
        )}
      </div>
    </div>
  );
}
