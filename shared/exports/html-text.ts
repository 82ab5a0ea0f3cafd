/**
 * Text into HTML and SVG: every character that could open markup or end an attribute is escaped, so that
 * quotes from articles (which may contain anything) stay text.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character]!);
}
