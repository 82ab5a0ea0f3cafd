/**
 * A small bar chart of the figures in a quantity conflict, as inline SVG (no script, no external font or
 * style): one bar per source, ranges drawn as a lighter extension, values written at the end of the bars.
 */
import type { ChartValue } from './contradiction-report';
import { escapeHtml } from './html-text';

const LABEL_WIDTH = 170;
const BAR_SPACE = 280;
const VALUE_SPACE = 70;
const ROW = 26;
const BAR = 18;
const LABEL_CHARACTERS = 26;

function shortLabel(label: string): string {
  return label.length > LABEL_CHARACTERS ? `${label.slice(0, LABEL_CHARACTERS - 1)}…` : label;
}

function formatValue(value: ChartValue): string {
  const number = (n: number): string => n.toLocaleString('en-US');
  return value.upper !== undefined ? `${number(value.value)}–${number(value.upper)}` : number(value.value);
}

/** The chart as an `<svg>` element; `id` keeps its title unique on a page with several charts. */
export function quantityChartSvg(values: readonly ChartValue[], title: string, id: string): string {
  const max = Math.max(1, ...values.map((value) => Math.abs(value.upper ?? value.value)));
  const width = LABEL_WIDTH + BAR_SPACE + VALUE_SPACE;
  const height = values.length * ROW + 8;
  const titleId = `${id}-title`;
  const rows = values.map((value, index) => {
    const y = 4 + index * ROW;
    const bar = Math.max(2, (Math.abs(value.value) / max) * BAR_SPACE);
    const range = value.upper !== undefined ? Math.max(0, (Math.abs(value.upper) / max) * BAR_SPACE - bar) : 0;
    return [
      `<text x="0" y="${y + 13}">${escapeHtml(shortLabel(value.label))}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y}" width="${bar.toFixed(1)}" height="${BAR}" fill="#3b6ea5"/>`,
      range > 0 ? `<rect x="${(LABEL_WIDTH + bar).toFixed(1)}" y="${y}" width="${range.toFixed(1)}" height="${BAR}" fill="#a9c3de"/>` : '',
      `<text x="${(LABEL_WIDTH + bar + range + 6).toFixed(1)}" y="${y + 13}">${escapeHtml(formatValue(value))}</text>`,
    ].join('');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${escapeHtml(titleId)}" font-family="sans-serif" font-size="12" fill="#1f2933">`,
    `<title id="${escapeHtml(titleId)}">${escapeHtml(title)}</title>`,
    ...rows,
    '</svg>',
  ].join('');
}
