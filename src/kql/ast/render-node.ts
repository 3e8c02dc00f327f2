/** `render timechart with (title=...)`: a visualisation hint, no effect on rows. */

/** Visualisation hint. */
export interface RenderNode {
  readonly kind: 'Render';
  readonly visualization: string;
  readonly props: Readonly<Record<string, unknown>>;
  readonly pos: number;
}
