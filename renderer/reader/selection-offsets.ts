/** Maps the browser's selection in the reader back to offsets in the canonical text. */
import { $getNearestNodeFromDOMNode, $isTextNode, type LexicalEditor } from 'lexical';
import type { OffsetMap } from './document-tree';

/** The canonical offset of a DOM point, or null when it is not inside a text node of the reader. */
function $offsetOfDomPoint(offsets: OffsetMap, node: Node, offset: number): number | null {
  if (node.nodeType !== Node.TEXT_NODE) {
    // A point between children: use the start of the child after it, or the end of the child before it.
    const children = node.childNodes;
    if (offset < children.length) {
      const after = firstTextNode(children[offset]!);
      return after ? $offsetOfDomPoint(offsets, after, 0) : null;
    }
    const before = lastTextNode(node);
    return before ? $offsetOfDomPoint(offsets, before, before.textContent?.length ?? 0) : null;
  }
  const lexicalNode = $getNearestNodeFromDOMNode(node);
  if (!$isTextNode(lexicalNode)) return null;
  const start = offsets.get(lexicalNode.getKey());
  return start === undefined ? null : start + Math.min(offset, lexicalNode.getTextContentSize());
}

function firstTextNode(node: Node): Text | null {
  if (node.nodeType === Node.TEXT_NODE) return node as Text;
  for (const child of node.childNodes) {
    const found = firstTextNode(child);
    if (found) return found;
  }
  return null;
}

function lastTextNode(node: Node): Text | null {
  if (node.nodeType === Node.TEXT_NODE) return node as Text;
  for (let i = node.childNodes.length - 1; i >= 0; i--) {
    const found = lastTextNode(node.childNodes[i]!);
    if (found) return found;
  }
  return null;
}

/** The selected range in canonical offsets, or null when nothing in the reader is selected. */
export function readSelectionOffsets(editor: LexicalEditor, offsets: OffsetMap, container: HTMLElement): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  return editor.read(() => {
    const start = $offsetOfDomPoint(offsets, range.startContainer, range.startOffset);
    const end = $offsetOfDomPoint(offsets, range.endContainer, range.endOffset);
    if (start === null || end === null || start === end) return null;
    return { start: Math.min(start, end), end: Math.max(start, end) };
  });
}
