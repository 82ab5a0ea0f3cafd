/**
 * The figures of a quantity mismatch by the date they refer to, in plain SVG. Exact figures are filled dots;
 * hedged ones are hollow, with what the hedge allows drawn out: an error bar for "about", an arrow for
 * "at least" / "up to", a bar for a range. Dates are evenly spaced columns (a handful of days in practice),
 * so close dates stay readable. The chart carries a text alternative listing every point.
 */
import { useId, type JSX } from 'react';
import type { QuantityMismatchDetails } from '../../shared/detect/contradiction';
import { spokenDate, spokenFigure } from '../../shared/detect/plain-words';
import type { ReviewDocument } from '../../shared/review/review-items';
import { quantityPoints, type QuantityPoint } from '../../shared/review/quantity-points';
import { shortDate } from './review-labels';

const WIDTH = 460;
const HEIGHT = 230;
const MARGIN = { left: 52, right: 24, top: 18, bottom: 52 };
const ARROW = 26;

/** A round upper bound and tick step for values up to `max`. */
function niceScale(max: number): { top: number; step: number } {
  const rough = Math.max(1, max) / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  return { top: Math.ceil(max / step) * step || step, step };
}

/** How high a point's drawing reaches, so the scale leaves room for it. */
function reach(point: QuantityPoint): number {
  const high = point.upper ?? point.value;
  if (point.approximation === 'about') return high + Math.max(1, high * 0.1);
  if (point.approximation === 'at-least' || point.approximation === 'more-than') return high * 1.25;
  return high;
}

function documentsPhrase(point: QuantityPoint, documents: ReadonlyMap<string, ReviewDocument>): string {
  const titles = point.documentIds.map((id) => `“${documents.get(id)?.title ?? 'removed document'}”`);
  return titles.length <= 2 ? titles.join(' and ') : `${titles.length} documents`;
}

export function QuantityChart({ details, documents }: { details: QuantityMismatchDetails; documents: ReadonlyMap<string, ReviewDocument> }): JSX.Element {
  const id = useId();
  const points = quantityPoints(details, (documentId) => documents.get(documentId)?.publishedAt);
  const columns = [...new Set(points.map((point) => point.date ?? 'undated'))];
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const { top, step } = niceScale(Math.max(...points.map(reach)) * 1.08);
  const y = (value: number): number => MARGIN.top + plotHeight - (Math.min(value, top) / top) * plotHeight;
  const columnX = (index: number): number => MARGIN.left + ((index + 0.5) * plotWidth) / columns.length;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  const summary = points
    .map((point) => `${spokenFigure(point.value, point.approximation, point.upper)} ${point.date ? `as of ${spokenDate(point.date)}` : 'undated'} in ${documentsPhrase(point, documents)}`)
    .join('; ');

  return (
    <figure className="quantity-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} width="100%">
        <title id={`${id}-title`}>{`Figures for ${details.description} by date`}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {ticks.map((tick) => (
          <g key={tick} className="chart-tick">
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} className="chart-grid" />
            <text x={MARGIN.left - 6} y={y(tick) + 4} textAnchor="end">
              {tick}
            </text>
          </g>
        ))}
        <line x1={MARGIN.left} x2={MARGIN.left} y1={MARGIN.top} y2={MARGIN.top + plotHeight} className="chart-axis" />
        <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={MARGIN.top + plotHeight} y2={MARGIN.top + plotHeight} className="chart-axis" />
        {columns.map((column, index) => (
          <text key={column} x={columnX(index)} y={MARGIN.top + plotHeight + 16} textAnchor="middle" className="chart-label">
            {column === 'undated' ? 'undated' : shortDate(column)}
          </text>
        ))}
        <text x={MARGIN.left + plotWidth / 2} y={HEIGHT - 8} textAnchor="middle" className="chart-axis-title">
          Date the figure refers to
        </text>
        <text transform={`translate(14 ${MARGIN.top + plotHeight / 2}) rotate(-90)`} textAnchor="middle" className="chart-axis-title">
          {details.description}
        </text>
        {points.map((point, index) => {
          const column = columns.indexOf(point.date ?? 'undated');
          const sameColumn = points.filter((other) => (other.date ?? 'undated') === (point.date ?? 'undated'));
          const offset = (sameColumn.indexOf(point) - (sameColumn.length - 1) / 2) * 18;
          const x = columnX(column) + offset;
          const cy = y(point.value);
          const exact = point.approximation === 'exact' && point.upper === undefined;
          const label = spokenFigure(point.value, point.approximation, point.upper);
          return (
            <g key={index} className={`chart-point ${exact ? 'exact' : 'approximate'}`}>
              <title>{`${label}, ${point.date ? `as of ${spokenDate(point.date)}` : 'undated'}: ${documentsPhrase(point, documents)}`}</title>
              {point.upper !== undefined && (
                <path d={`M${x - 5},${y(point.value)}h10M${x},${y(point.value)}V${y(point.upper)}M${x - 5},${y(point.upper)}h10`} className="chart-range" />
              )}
              {point.approximation === 'about' && point.upper === undefined && (
                <path
                  d={`M${x - 4},${y(point.value - Math.max(1, point.value * 0.1))}h8M${x},${y(point.value - Math.max(1, point.value * 0.1))}V${y(point.value + Math.max(1, point.value * 0.1))}M${x - 4},${y(point.value + Math.max(1, point.value * 0.1))}h8`}
                  className="chart-range"
                />
              )}
              {(point.approximation === 'at-least' || point.approximation === 'more-than') && (
                <path d={`M${x},${cy - 5}V${cy - ARROW}M${x - 4},${cy - ARROW + 6}L${x},${cy - ARROW}L${x + 4},${cy - ARROW + 6}`} className="chart-range" />
              )}
              {(point.approximation === 'at-most' || point.approximation === 'less-than') && (
                <path d={`M${x},${cy + 5}V${cy + ARROW}M${x - 4},${cy + ARROW - 6}L${x},${cy + ARROW}L${x + 4},${cy + ARROW - 6}`} className="chart-range" />
              )}
              <circle cx={x} cy={point.upper !== undefined ? y((point.value + point.upper) / 2) : cy} r={5} />
              <text x={x + 9} y={cy + 4} className="chart-value">
                {point.documentIds.length > 1 ? `${label} (${point.documentIds.length} docs)` : label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="chart-legend">
        <span className="legend-exact">●</span> exact figure <span className="legend-approximate">○</span> hedged figure: bar for “about” or a range, arrow
        for “at least” / “up to”.
      </figcaption>
    </figure>
  );
}

