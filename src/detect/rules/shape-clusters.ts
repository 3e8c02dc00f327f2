/** Groups subject shapes into near-duplicate clusters by token similarity (an inverted index keeps it fast). */
import { shapeTokens, tokenSimilarity } from '../subject-shape.js';

/** A cluster: its representative shape and every member shape. */
export interface ShapeCluster {
  id: number;
  representative: string;
  tokens: string[];
  shapes: string[];
}

/** Clusters shapes (most frequent first) whose token sets are at least `similarity` alike (Jaccard). */
export class ShapeClusters {
  readonly clusters: ShapeCluster[] = [];
  private readonly byShape = new Map<string, ShapeCluster>();
  private readonly byToken = new Map<string, number[]>();

  constructor(private readonly similarity: number) {}

  /** The cluster of a shape, joining the most similar existing cluster or starting one. */
  add(shape: string): ShapeCluster {
    const known = this.match(shape);
    if (known) return known;
    const tokens = shapeTokens(shape);
    const c: ShapeCluster = { id: this.clusters.length, representative: shape, tokens, shapes: [shape] };
    this.clusters.push(c);
    this.byShape.set(shape, c);
    for (const t of new Set(tokens)) {
      if (t === '#') continue;
      const list = this.byToken.get(t);
      // Very common tokens ("re", "the", "お知らせ") would make every lookup scan everything.
      if (list && list.length >= 200) continue;
      if (list) list.push(c.id);
      else this.byToken.set(t, [c.id]);
    }
    return c;
  }

  /** The cluster a shape belongs to (joining it when similar enough), or undefined; never starts a cluster. */
  match(shape: string): ShapeCluster | undefined {
    const known = this.byShape.get(shape);
    if (known) return known;
    const tokens = shapeTokens(shape);
    let best: ShapeCluster | undefined;
    let bestScore = 0;
    const tried = new Set<number>();
    for (const t of new Set(tokens)) {
      if (t === '#') continue;
      for (const id of this.byToken.get(t) ?? []) {
        if (tried.has(id)) continue;
        tried.add(id);
        const c = this.clusters[id]!;
        const score = tokenSimilarity(tokens, c.tokens);
        if (score > bestScore) {
          bestScore = score;
          best = c;
        }
      }
    }
    if (!best || bestScore < this.similarity) return undefined;
    best.shapes.push(shape);
    this.byShape.set(shape, best);
    return best;
  }
}
