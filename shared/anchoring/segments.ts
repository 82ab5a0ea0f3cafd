/**
 * The flat segment sweep: overlapping annotation spans become a run of non-overlapping segments, each with
 * the ids of every span covering it. The reader makes one text node per segment, marked when ids is non-empty.
 */

export interface Span {
  id: string;
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  /** Ids of the spans covering this segment, ordered as the spans were given. */
  ids: string[];
}

/**
 * Segments covering exactly [from, to). Spans are clipped to the range; empty spans are ignored.
 * Runs in O((n + b) log n + output) for n spans and b boundaries.
 */
export function sweepSegments(from: number, to: number, spans: readonly Span[]): Segment[] {
  if (to <= from) return [];
  type Edge = { at: number; open: boolean; order: number; id: string };
  const edges: Edge[] = [];
  spans.forEach((span, order) => {
    const start = Math.max(span.start, from);
    const end = Math.min(span.end, to);
    if (end <= start) return;
    edges.push({ at: start, open: true, order, id: span.id }, { at: end, open: false, order, id: span.id });
  });
  edges.sort((a, b) => a.at - b.at);

  const active = new Map<number, string>();
  const segments: Segment[] = [];
  let cursor = from;
  const emit = (until: number): void => {
    if (until <= cursor) return;
    const ids = [...active.entries()].sort((a, b) => a[0] - b[0]).map(([, id]) => id);
    segments.push({ start: cursor, end: until, ids });
    cursor = until;
  };

  for (let i = 0; i < edges.length; ) {
    const at = edges[i]!.at;
    emit(at);
    for (; i < edges.length && edges[i]!.at === at; i++) {
      const edge = edges[i]!;
      if (edge.open) active.set(edge.order, edge.id);
      else active.delete(edge.order);
    }
  }
  emit(to);
  return segments;
}
