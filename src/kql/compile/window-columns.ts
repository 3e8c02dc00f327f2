/**
 * The columns of an extend or project that call window functions the current SELECT cannot hold: compiled once
 * to find those calls, then again over the rows made ready for them (arrays without window functions, numbered
 * rows for restarts and ranks with them).
 */
import type { CompileContext } from './context.js';
import type { Column, SelectState } from './select-state.js';
import { plainRows, WindowLayers, windowLayers } from './window-layer.js';
import { numberedRows, WindowSegments, windowSegments } from './window-segments.js';

/** Where the window calls of one extend or project are gathered. */
export type WindowCollector = WindowLayers | WindowSegments;

/** A collector for the dialect. */
export function windowCollector(ctx: CompileContext): WindowCollector {
  return ctx.dialect.capabilities.windowFunctions ? new WindowSegments() : new WindowLayers();
}

/**
 * `s` with the columns `compile` gives, when the calls `found` (by compiling them over `s`) need rows of their
 * own; undefined when they need none (the first compilation stands).
 */
export function withWindowRows(
  ctx: CompileContext,
  s: SelectState,
  found: WindowCollector,
  compile: (base: SelectState, windows: WindowCollector) => readonly Column[],
): SelectState | undefined {
  if (found.uses.length === 0) return undefined;
  if (found instanceof WindowLayers) {
    const base = plainRows(ctx, s);
    const again = new WindowLayers();
    return windowLayers(ctx, base, compile(base, again), again);
  }
  const index = ctx.alias('wn');
  const base = numberedRows(ctx, s, index);
  const again = new WindowSegments();
  return windowSegments(ctx, base, index, compile(base, again), again);
}
