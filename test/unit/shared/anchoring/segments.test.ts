import { describe, expect, it } from 'vitest';
import { sweepSegments } from '../../../../shared/anchoring/segments';

describe('sweepSegments', () => {
  it('covers the range with plain segments when there are no spans', () => {
    expect(sweepSegments(0, 10, [])).toEqual([{ start: 0, end: 10, ids: [] }]);
  });

  it('splits overlapping spans into flat segments carrying every covering id', () => {
    // text: "The envoy said talks collapsed"   claim [0,30), entity [4,9), quantity... overlap [15,30) and [4,20)
    const segments = sweepSegments(0, 30, [
      { id: 'claim', start: 0, end: 30 },
      { id: 'entity', start: 4, end: 20 },
      { id: 'fact', start: 15, end: 25 },
    ]);
    expect(segments).toEqual([
      { start: 0, end: 4, ids: ['claim'] },
      { start: 4, end: 15, ids: ['claim', 'entity'] },
      { start: 15, end: 20, ids: ['claim', 'entity', 'fact'] },
      { start: 20, end: 25, ids: ['claim', 'fact'] },
      { start: 25, end: 30, ids: ['claim'] },
    ]);
  });

  it('clips spans to the paragraph range and drops empty ones', () => {
    expect(
      sweepSegments(10, 20, [
        { id: 'a', start: 5, end: 12 },
        { id: 'b', start: 18, end: 40 },
        { id: 'empty', start: 14, end: 14 },
        { id: 'outside', start: 30, end: 35 },
      ]),
    ).toEqual([
      { start: 10, end: 12, ids: ['a'] },
      { start: 12, end: 18, ids: [] },
      { start: 18, end: 20, ids: ['b'] },
    ]);
  });

  it('keeps identical spans as one segment with both ids', () => {
    expect(sweepSegments(0, 5, [{ id: 'x', start: 0, end: 5 }, { id: 'y', start: 0, end: 5 }])).toEqual([
      { start: 0, end: 5, ids: ['x', 'y'] },
    ]);
  });

  it('segments always tile the range without gaps', () => {
    const spans = Array.from({ length: 200 }, (_, i) => ({ id: String(i), start: (i * 37) % 500, end: ((i * 37) % 500) + (i % 23) + 1 }));
    const segments = sweepSegments(0, 520, spans);
    expect(segments[0]!.start).toBe(0);
    expect(segments.at(-1)!.end).toBe(520);
    for (let i = 1; i < segments.length; i++) expect(segments[i]!.start).toBe(segments[i - 1]!.end);
    for (const segment of segments) {
      const expected = spans.filter((s) => s.start <= segment.start && s.end >= segment.end).map((s) => s.id);
      expect(segment.ids).toEqual(expected);
    }
  });
});
