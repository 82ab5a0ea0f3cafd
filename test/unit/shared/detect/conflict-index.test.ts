import { describe, expect, it } from 'vitest';
import { ConflictIndex } from '../../../../shared/detect/conflict-index';
import { QUANTITY_RULES, type QuantityObservation } from '../../../../shared/detect/quantity-mismatches';

function figure(documentId: string, value: number): QuantityObservation {
  return { documentId, origin: 'suggested', start: 0, end: 2, quote: String(value), key: 'miner|trapped', value, approximation: 'exact' };
}

const story = new Set(['l:marrowcreek']);
const otherStory = new Set(['l:portaverly']);

describe('ConflictIndex', () => {
  it('compares documents of one story and reports the story’s findings as one component', () => {
    const index = new ConflictIndex(QUANTITY_RULES);
    index.setDocument('a', [figure('a', 14)], story);
    index.setDocument('b', [figure('b', 30)], story);
    index.setDocument('c', [figure('c', 30)], otherStory);
    const [key] = index.takeDirtyKeys();
    const { changed, removed } = index.refreshKey(key!);
    expect(removed).toEqual([]);
    expect(changed).toHaveLength(1);
    expect(changed[0]!.id).toBe('a');
    expect(changed[0]!.groups[0]!.observations.map((o) => o.documentId).sort()).toEqual(['a', 'b']);
  });

  it('re-examines only the changed story, and reports a finding gone when the figures agree again', () => {
    const index = new ConflictIndex(QUANTITY_RULES);
    index.setDocument('a', [figure('a', 14)], story);
    index.setDocument('b', [figure('b', 30)], story);
    index.setDocument('x', [figure('x', 5)], otherStory);
    index.setDocument('y', [figure('y', 50)], otherStory);
    index.refreshKey(index.takeDirtyKeys()[0]!);

    index.setDocument('b', [figure('b', 14)], story);
    const { changed, removed } = index.refreshKey(index.takeDirtyKeys()[0]!);
    expect(changed).toEqual([]);
    expect(removed).toEqual(['a']);
  });

  it('relates documents again when their topics change', () => {
    const index = new ConflictIndex(QUANTITY_RULES);
    index.setDocument('a', [figure('a', 14)], story);
    index.setDocument('b', [figure('b', 30)], otherStory);
    expect(index.refreshKey(index.takeDirtyKeys()[0]!).changed).toEqual([]);
    index.setTopics('b', story);
    expect(index.refreshKey(index.takeDirtyKeys()[0]!).changed).toHaveLength(1);
  });

  it('compares documents that name no entity with all others, when there are few', () => {
    const index = new ConflictIndex(QUANTITY_RULES);
    index.setDocument('a', [figure('a', 14)], new Set());
    index.setDocument('b', [figure('b', 30)], otherStory);
    expect(index.refreshKey(index.takeDirtyKeys()[0]!).changed).toHaveLength(1);
  });
});
