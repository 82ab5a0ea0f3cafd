/**
 * A run of paragraphs in the reader. Lexical reconciles the children of every element on the path to a
 * change, so a 1 MB document with 2,500 paragraphs directly under the root would cost a walk over all of
 * them for each mark shown; grouped in sections of a few dozen, a change walks one section and the list of
 * sections instead.
 */
import { $applyNodeReplacement, ElementNode, type LexicalNode, type SerializedElementNode } from 'lexical';

export class ReaderSectionNode extends ElementNode {
  static override getType(): string {
    return 'reader-section';
  }

  static override clone(node: ReaderSectionNode): ReaderSectionNode {
    return new ReaderSectionNode(node.__key);
  }

  static override importJSON(): ReaderSectionNode {
    return $createReaderSectionNode();
  }

  override createDOM(): HTMLElement {
    const element = document.createElement('div');
    element.className = 'reader-section';
    return element;
  }

  override updateDOM(): boolean {
    return false;
  }

  /** Its paragraphs behave as the root's would (their own text direction, selection at block level). */
  override isShadowRoot(): boolean {
    return true;
  }

  override exportJSON(): SerializedElementNode {
    return { ...super.exportJSON(), type: 'reader-section', version: 1 };
  }
}

export function $createReaderSectionNode(): ReaderSectionNode {
  return $applyNodeReplacement(new ReaderSectionNode());
}

export function $isReaderSectionNode(node: LexicalNode | null | undefined): node is ReaderSectionNode {
  return node instanceof ReaderSectionNode;
}
