/**
 * Builds the reader's Lexical tree from (text, annotation spans): one paragraph per canonical paragraph, one
 * text node per flat segment, wrapped in a MarkNode carrying the covering annotation ids. The text nodes'
 * starting offsets are recorded as the tree is made, so selections map back to canonical offsets.
 */
import { $createMarkNode } from '@lexical/mark';
import { $createParagraphNode, $createTextNode, $getRoot, type NodeKey } from 'lexical';
import { paragraphRanges } from '../../shared/text/canonical-text';
import { sweepSegments, type Span } from '../../shared/anchoring/segments';

/** Text node key -> offset of its first character in the canonical text. */
export type OffsetMap = Map<NodeKey, number>;

/** Replaces the editor's content; call inside editor.update. */
export function $renderDocumentTree(text: string, spans: readonly Span[]): OffsetMap {
  const offsets: OffsetMap = new Map();
  const root = $getRoot();
  root.clear();
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  let first = 0;
  for (const paragraph of paragraphRanges(text)) {
    const block = $createParagraphNode();
    // Spans are sorted by start, so those starting before this paragraph's end form a growing prefix.
    while (first < sorted.length && sorted[first]!.end <= paragraph.start && sorted[first]!.start < paragraph.start) first++;
    const touching: Span[] = [];
    for (let i = first; i < sorted.length && sorted[i]!.start < paragraph.end; i++) {
      if (sorted[i]!.end > paragraph.start) touching.push(sorted[i]!);
    }
    for (const segment of sweepSegments(paragraph.start, paragraph.end, touching)) {
      const textNode = $createTextNode(text.slice(segment.start, segment.end));
      offsets.set(textNode.getKey(), segment.start);
      if (segment.ids.length === 0) {
        block.append(textNode);
      } else {
        block.append($createMarkNode(segment.ids).append(textNode));
      }
    }
    root.append(block);
  }
  return offsets;
}
