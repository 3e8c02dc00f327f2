// Editing a dashboard's layout in place: each panel in a slot of the 12-column grid that moves (buttons, arrow
// keys, or dragging) and resizes (buttons, Shift+arrow keys), with a choice of how it is drawn.
import { useCallback, useContext, useSyncExternalStore, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import { DashboardDataContext } from '../panels/dashboard-data';
import { strings } from '../strings';
import { visualisationOf, visualisationsFor, withVisualisation, type RawPanel, type Visualisation } from './visualisation';

/** A change to the panel list: the new list and a sentence for screen readers. */
export type LayoutChange = (panels: RawPanel[], said: string) => void;

const clampWidth = (w: number) => Math.min(12, Math.max(2, w));

/** The list with the panel at `from` moved to `to`. */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(Math.max(0, Math.min(out.length, to)), 0, item!);
  return out;
}

/** The columns of one panel's last answer (for the chart choices), read from the dashboard's data. */
function useAnswerColumns(panelId: string) {
  const data = useContext(DashboardDataContext);
  const subscribe = useCallback((l: () => void) => data?.subscribe(panelId, l) ?? (() => undefined), [data, panelId]);
  const state = useSyncExternalStore(subscribe, () => data?.get(panelId));
  return state && state.status !== 'error' ? state.data?.result.columns : undefined;
}

/** One panel in edit mode: its tools above it, the panel below. */
export function PanelSlot({
  panels,
  index,
  title,
  onChange,
  children,
}: {
  panels: RawPanel[];
  index: number;
  title: string;
  onChange: LayoutChange;
  children: ReactNode;
}) {
  const panel = panels[index]!;
  const columns = useAnswerColumns(panel.id);
  const s = strings.saved;
  const move = (to: number) => {
    if (to < 0 || to >= panels.length || to === index) return;
    onChange(moved(panels, index, to), s.movedTo(title, to + 1, panels.length));
  };
  const resize = (by: number) => {
    const width = clampWidth(panel.width + by);
    if (width === panel.width) return;
    onChange(
      panels.map((p, i) => (i === index ? { ...p, width } : p)),
      s.resizedTo(title, width),
    );
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return;
    e.preventDefault();
    const step = e.key === 'ArrowLeft' ? -1 : 1;
    if (e.shiftKey) resize(step);
    else move(index + step);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    const from = Number(e.dataTransfer.getData('application/x-mailsift-panel'));
    if (Number.isInteger(from) && from !== index && panels[from])
      onChange(moved(panels, from, index), s.movedTo(String(panels[from]!.title ?? ''), index + 1, panels.length));
  };
  const current = visualisationOf(panel);
  const choices = visualisationsFor(columns);
  return (
    <div
      className="panel-slot"
      style={{ gridColumn: `span ${panel.width}` }}
      tabIndex={0}
      role="group"
      aria-label={s.slotLabel(title, index + 1, panels.length, panel.width)}
      aria-describedby="layout-help"
      data-testid={`slot-${panel.id}`}
      data-width={panel.width}
      draggable
      onDragStart={(e) => e.dataTransfer.setData('application/x-mailsift-panel', String(index))}
      onDragOver={(e) => e.preventDefault()}
      onDrop={onDrop}
      onKeyDown={onKeyDown}
    >
      <div className="slot-tools">
        <button type="button" onClick={() => move(index - 1)} disabled={index === 0} aria-label={`${s.moveEarlier}: ${title}`}>
          ◀
        </button>
        <button
          type="button"
          onClick={() => move(index + 1)}
          disabled={index === panels.length - 1}
          aria-label={`${s.moveLater}: ${title}`}
        >
          ▶
        </button>
        <button type="button" onClick={() => resize(-1)} disabled={panel.width <= 2} aria-label={`${s.narrower}: ${title}`}>
          −
        </button>
        <span className="slot-width">{s.width(panel.width)}</span>
        <button type="button" onClick={() => resize(1)} disabled={panel.width >= 12} aria-label={`${s.wider}: ${title}`}>
          +
        </button>
        {current && (
          <label>
            <span className="sr-only">{`${s.visualisation}: ${title}`}</span>
            <select
              value={current}
              data-testid="slot-visualisation"
              onChange={(e) => {
                const next = withVisualisation(panel, e.target.value as Visualisation, columns);
                if (next)
                  onChange(
                    panels.map((p, i) => (i === index ? next : p)),
                    s.drawnAs(title, s.kinds[e.target.value] ?? ''),
                  );
              }}
            >
              {[...new Set([current, ...choices])].map((v) => (
                <option key={v} value={v}>
                  {s.kinds[v] ?? v}
                </option>
              ))}
            </select>
          </label>
        )}
        <button
          type="button"
          className="slot-remove"
          onClick={() =>
            onChange(
              panels.filter((_, i) => i !== index),
              s.removed(title),
            )
          }
        >
          {s.remove}
        </button>
      </div>
      {children}
    </div>
  );
}
