/**
 * Builds the reader's Lexical tree from (text, annotation spans): one paragraph per canonical paragraph, one
 * text node per flat segment, wrapped in a MarkNode carrying the covering annotation ids. The text nodes'
 * starting offsets are recorded as the tree is made, so selections map back to canonical offsets.
 *
 * Long documents stay fast because marks are built only for paragraphs the reader asks for (those near the
 * viewport): the others hold their text as one plain node. Every paragraph's text is always in the DOM, so
 * selection and the browser's find work everywhere; a paragraph is rebuilt only when its marks change.
 * Paragraphs sit in sections of SECTION_SIZE, so that a change makes Lexical walk one section, not all.
 */
import { $createMarkNode } from '@lexical/mark';
import { $createParagraphNode, $createTextNode, $getNodeByKey, $getRoot, $isElementNode, type NodeKey } from 'lexical';
import { paragraphRanges, type ParagraphRange } from '../../shared/text/canonical-text';
import { sweepSegments, type Span } from '../../shared/anchoring/segments';
import { $createReaderSectionNode, type ReaderSectionNode } from './reader-section-node';

/** Paragraphs per section: small enough that showing one is a short layout, few enough that Lexical walks few. */
export const SECTION_SIZE = 16;

/** Text node key -> offset of its first character in the canonical text. */
export type OffsetMap = Map<NodeKey, number>;

/** Spans grouped by the paragraphs they touch; a span across paragraphs is listed in each. */
export function spansByParagraph(paragraphs: readonly ParagraphRange[], spans: readonly Span[]): Span[][] {
  const groups: Span[][] = paragraphs.map(() => []);
  for (const span of spans) {
    if (span.end <= span.start) continue;
    // First paragraph ending after the span starts, by binary search.
    let low = 0;
    let high = paragraphs.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (paragraphs[mid]!.end <= span.start) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < paragraphs.length && paragraphs[i]!.start < span.end; i++) groups[i]!.push(span);
  }
  return groups;
}

/** The reader's tree for one document, kept in step with the spans paragraph by paragraph. */
export class DocumentTree {
  readonly paragraphs: ParagraphRange[];
  readonly offsets: OffsetMap = new Map();
  private readonly keys: NodeKey[] = [];
  private readonly sectionKeys: NodeKey[] = [];
  /** What each paragraph currently shows: '' for plain text, else its marks' signature. */
  private readonly shown: string[] = [];
  private readonly textKeys: NodeKey[][] = [];

  constructor(readonly text: string) {
    this.paragraphs = paragraphRanges(text);
  }

  /** Creates every paragraph as plain text; call inside editor.update. */
  $build(): void {
    const root = $getRoot();
    root.clear();
    this.offsets.clear();
    let section: ReaderSectionNode | undefined;
    this.paragraphs.forEach((paragraph, index) => {
      if (!section || index % SECTION_SIZE === 0) {
        section = $createReaderSectionNode();
        root.append(section);
        this.sectionKeys.push(section.getKey());
      }
      const block = $createParagraphNode();
      const textNode = $createTextNode(this.text.slice(paragraph.start, paragraph.end));
      block.append(textNode);
      section.append(block);
      this.keys[index] = block.getKey();
      this.textKeys[index] = [textNode.getKey()];
      this.offsets.set(textNode.getKey(), paragraph.start);
      this.shown[index] = '';
    });
  }

  /** The sections' node keys, in order; section i holds paragraphs [i * SECTION_SIZE, (i + 1) * SECTION_SIZE). */
  get sections(): readonly NodeKey[] {
    return this.sectionKeys;
  }

  paragraphKey(index: number): NodeKey | undefined {
    return this.keys[index];
  }

  /** Index of the paragraph holding `offset`, or -1. */
  paragraphAt(offset: number): number {
    let low = 0;
    let high = this.paragraphs.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const paragraph = this.paragraphs[mid]!;
      if (offset < paragraph.start) high = mid - 1;
      else if (offset >= paragraph.end) low = mid + 1;
      else return mid;
    }
    return -1;
  }

  /** The text node holding canonical `offset` and the offset inside it (the end of a paragraph included). */
  locate(offset: number): { key: NodeKey; offset: number } | null {
    let index = this.paragraphAt(offset);
    if (index < 0) index = this.paragraphs.findIndex((p) => p.end === offset);
    if (index < 0) return null;
    let found: { key: NodeKey; offset: number } | null = null;
    for (const key of this.textKeys[index] ?? []) {
      const start = this.offsets.get(key);
      if (start !== undefined && start <= offset) found = { key, offset: offset - start };
    }
    return found;
  }

  /**
   * Shows the marks of paragraph `index` given its spans and a signature that changes whenever their look
   * would. Does nothing when the paragraph already shows that. Call inside editor.update.
   */
  $showMarks(index: number, spans: readonly Span[], signature: string): boolean {
    if (this.shown[index] === signature) return false;
    const block = $getNodeByKey(this.keys[index]!);
    const paragraph = this.paragraphs[index]!;
    if (!$isElementNode(block)) return false;
    for (const key of this.textKeys[index]!) this.offsets.delete(key);
    block.clear();
    const textKeys: NodeKey[] = [];
    for (const segment of sweepSegments(paragraph.start, paragraph.end, spans)) {
      const textNode = $createTextNode(this.text.slice(segment.start, segment.end));
      textKeys.push(textNode.getKey());
      this.offsets.set(textNode.getKey(), segment.start);
      block.append(segment.ids.length === 0 ? textNode : $createMarkNode(segment.ids).append(textNode));
    }
    this.textKeys[index] = textKeys;
    this.shown[index] = signature;
    return true;
  }
}
