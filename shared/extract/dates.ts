/**
 * Dates in a document's text (chrono-node), resolved against the document's own date so that "on Monday"
 * means the Monday before publication, and the document's own date: publication metadata, a "date
 * 2024-03-28" header line, a leading "Wed 05 Apr 2017" line or a dateline "CITY, March 5 (Outlet) —".
 */
import { casual, type ParsedResult } from 'chrono-node/en';

export interface DateMention {
  start: number;
  end: number;
  quote: string;
  /** ISO day, YYYY-MM-DD. */
  date: string;
  /** `day` when the text names the day ("March 3"); `weekday` when only the weekday ("on Tuesday"). */
  precision: 'day' | 'weekday';
}

export type DocumentDateSource = 'metadata' | 'header' | 'dateline';

export interface DocumentDate {
  date: string;
  source: DocumentDateSource;
  /** Where the text states it, when it does. */
  start?: number;
  end?: number;
}

function isoDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function referenceInstant(referenceDate: string | undefined, now: Date | undefined): Date {
  if (referenceDate && /^\d{4}-\d{2}-\d{2}/.test(referenceDate)) return new Date(`${referenceDate.slice(0, 10)}T12:00:00Z`);
  return now ?? new Date();
}

function dayOf(result: ParsedResult): string | undefined {
  const year = result.start.get('year');
  const month = result.start.get('month');
  const day = result.start.get('day');
  if (year === null || month === null || day === null) return undefined;
  return isoDay(year, month, day);
}

// "four days after" on its own is relative to an event the parser cannot see, not to the document's date.
const DANGLING_RELATIVE = /\b(?:after|before|later|earlier|since|prior)$/i;
// "for six days", "two weeks": a duration, not a date ("two days ago" keeps its "ago" and stays a date).
const BARE_DURATION = /^(?:for\s+|within\s+|over\s+)?(?:the\s+)?(?:past\s+|last\s+|next\s+)?(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few)?\s*(?:day|week|month|year|hour|minute)s?$/i;

/**
 * Day-precise dates in `text`, resolved against `referenceDate` (the document's date, ISO). Month-only
 * and time-only expressions ("in February", "night") are left out: they cannot date an event to a day.
 */
export function findDates(text: string, referenceDate?: string, now?: Date): DateMention[] {
  const instant = referenceInstant(referenceDate, now);
  const mentions: DateMention[] = [];
  for (const result of casual.parse(text, { instant, timezone: 0 })) {
    const certainDay = result.start.isCertain('day');
    const weekday = result.start.isCertain('weekday');
    if (!certainDay && !weekday) continue;
    const raw = result.text;
    const trimmed = raw.replace(/[\s,.;:]+$/, '');
    if (/^(?:now|right now|just now)$/i.test(trimmed) || DANGLING_RELATIVE.test(trimmed) || BARE_DURATION.test(trimmed)) continue;
    const date = dayOf(result);
    if (!date) continue;
    const leading = /^(?:on|by|from|as of)\s+/i.exec(trimmed)?.[0].length ?? 0;
    const start = result.index + leading;
    const end = result.index + trimmed.length;
    mentions.push({ start, end, quote: text.slice(start, end), date, precision: certainDay ? 'day' : 'weekday' });
  }
  return mentions;
}

const HEADER_LINE = /^(?:date|dated|published|posted|updated|last updated)\s*[:\-–—]?\s*(.{6,60})$/i;
const DATELINE = /^([\p{Lu}][\p{L} .'’-]{1,40}),\s+((?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?)|(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?))\s*(?:\([^)]{1,60}\))?\s*[—–-]/u;

function wholeLineDate(line: string, instant: Date): ParsedResult | undefined {
  const results = casual.parse(line, { instant, timezone: 0 });
  const first = results[0];
  if (!first || !first.start.isCertain('day') || !first.start.isCertain('month')) return undefined;
  return first.text.trim().length >= line.trim().length * 0.7 ? first : undefined;
}

/**
 * The document's own date: its metadata (`publishedAt`) first, else what its opening lines state.
 * `now` resolves a dateline without a year (defaults to today).
 */
export function findDocumentDate(document: { text: string; publishedAt?: string }, now?: Date): DocumentDate | undefined {
  const stated = statedDocumentDate(document.text, now);
  if (document.publishedAt && /^\d{4}-\d{2}-\d{2}/.test(document.publishedAt)) {
    const date: DocumentDate = { date: document.publishedAt.slice(0, 10), source: 'metadata' };
    // Keep the span of a dateline that agrees, so extraction does not read it as an event's date.
    if (stated) {
      date.start = stated.start;
      date.end = stated.end;
    }
    return date;
  }
  return stated;
}

/**
 * Spans of the opening lines that describe the document rather than tell its story: date lines, "date …"
 * headers, a dateline "CITY, March 5 (Outlet) —", and an outlet's name on its own line next to a date line.
 * Extraction leaves them out, so an outlet or a dateline city does not count as part of the story.
 */
export function openingMetadataSpans(text: string, now?: Date): Array<[number, number]> {
  const instant = now ?? new Date();
  const lines: Array<{ start: number; end: number; line: string; date: boolean }> = [];
  let offset = 0;
  for (let index = 0; index < 6 && offset < text.length; index++) {
    const next = text.indexOf('\n', offset);
    const end = next === -1 ? text.length : next;
    const line = text.slice(offset, end);
    const header = HEADER_LINE.exec(line.trim());
    const date = Boolean((header && wholeLineDate(header[1]!, instant)) || (line.length <= 40 && wholeLineDate(line, instant)?.start.isCertain('year')));
    lines.push({ start: offset, end, line, date });
    offset = end + 1;
    while (text[offset] === '\n') offset++;
  }
  const spans: Array<[number, number]> = [];
  lines.forEach((entry, index) => {
    const dateline = DATELINE.exec(entry.line);
    if (entry.date) spans.push([entry.start, entry.end]);
    else if (dateline) spans.push([entry.start, entry.start + dateline[0].length]);
    else if (index > 0 && (lines[index - 1]?.date || lines[index + 1]?.date) && isOutletLine(entry.line)) spans.push([entry.start, entry.end]);
  });
  return spans;
}

/** "Northern Ledger", "The Coastal Herald": a few capitalised words and nothing else. */
function isOutletLine(line: string): boolean {
  const words = line.trim().split(/\s+/);
  return line.length <= 40 && words.length <= 5 && words.every((word) => /^(?:\p{Lu}[\p{L}'’.&-]*|of|the|and|&)$/u.test(word));
}

/** The date the opening lines of a text give for the document itself, with its span. */
export function statedDocumentDate(text: string, now?: Date): DocumentDate | undefined {
  const instant = now ?? new Date();
  let offset = 0;
  // The first few paragraphs: title, outlet line, date line, first paragraph with its dateline.
  for (let index = 0; index < 5 && offset < text.length; index++) {
    const next = text.indexOf('\n', offset);
    const end = next === -1 ? text.length : next;
    const line = text.slice(offset, end);
    const header = HEADER_LINE.exec(line.trim());
    if (header) {
      const parsed = wholeLineDate(header[1]!, instant);
      const day = parsed && dayOf(parsed);
      if (day) return { date: day, source: 'header', start: offset, end };
    }
    if (line.length > 0 && line.length <= 40) {
      const parsed = wholeLineDate(line, instant);
      const day = parsed && parsed.start.isCertain('year') ? dayOf(parsed) : undefined;
      if (day) return { date: day, source: 'header', start: offset, end };
    }
    const dateline = DATELINE.exec(line);
    if (dateline) {
      const parsed = casual.parse(dateline[2]!, { instant, timezone: 0 })[0];
      const day = parsed && dayOf(parsed);
      if (day) return { date: day, source: 'dateline', start: offset, end: offset + dateline[0].length };
    }
    offset = end + 1;
    while (text[offset] === '\n') offset++;
  }
  return undefined;
}
