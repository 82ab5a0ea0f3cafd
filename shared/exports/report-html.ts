/**
 * The contradiction report as one self-contained HTML page: inline style, inline SVG charts, no script and
 * no external resource, every piece of article text escaped. It can be mailed, archived or opened offline.
 */
import { decisionSentence, type ContradictionReport, type ReportItem } from './contradiction-report';
import { escapeHtml } from './html-text';
import { quantityChartSvg } from './quantity-chart';

const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2933;max-width:52rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem}h2{font-size:1.15rem;margin-top:2rem;border-top:1px solid #d9e2ec;padding-top:1rem}
.meta{color:#52606d;font-size:.9rem}blockquote{margin:.4rem 0 .8rem;padding:.2rem .8rem;border-left:3px solid #9fb3c8;background:#f5f7fa}
mark{background:#ffe8a3}.decision{font-weight:600}.history{color:#52606d;font-size:.9rem}figure{margin:1rem 0}
`;

function evidenceHtml(item: ReportItem['evidence'][number]): string {
  const source = [item.outlet, item.publishedAt?.slice(0, 10)].filter(Boolean).join(', ');
  // A link is only written for web addresses; anything else in `url` is shown as text.
  const title = item.url && /^https?:\/\//i.test(item.url) ? `<a href="${escapeHtml(item.url)}">${escapeHtml(item.documentTitle)}</a>` : escapeHtml(item.documentTitle);
  return [
    `<li><strong>${title}</strong>${source ? ` <span class="meta">(${escapeHtml(source)})</span>` : ''}`,
    `<blockquote>${item.before ? `${item.moreBefore ? '…' : ''}${escapeHtml(item.before)}` : ''}<mark>${escapeHtml(item.quote)}</mark>${item.after ? `${escapeHtml(item.after)}${item.moreAfter ? '…' : ''}` : ''}</blockquote></li>`,
  ].join('');
}

function itemHtml(item: ReportItem, index: number): string {
  const parts = [
    `<section id="contradiction-${index + 1}">`,
    `<h2>${index + 1}. ${escapeHtml(item.kindLabel)}: ${escapeHtml(item.explanation)}</h2>`,
    `<p class="meta">Likelihood ${Math.round(item.score * 100)}% · <code>${escapeHtml(item.id)}</code></p>`,
    `<ul>${item.evidence.map(evidenceHtml).join('')}</ul>`,
  ];
  if (item.values.length > 0) {
    parts.push(`<figure>${quantityChartSvg(item.values, `Figures reported: ${item.explanation}`, `chart-${index + 1}`)}</figure>`);
  }
  parts.push(`<p class="decision">Decision: ${item.decision ? escapeHtml(decisionSentence(item.decision)) : 'not reviewed yet'}</p>`);
  if (item.history.length > 0) {
    parts.push(`<ul class="history">${item.history.map((entry) => `<li>Earlier: ${escapeHtml(decisionSentence(entry))}</li>`).join('')}</ul>`);
  }
  parts.push('</section>');
  return parts.join('\n');
}

export function contradictionReportHtml(report: ContradictionReport): string {
  const count = report.items.length;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(report.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(report.title)}</h1>`,
    `<p class="meta">${count} ${count === 1 ? 'contradiction' : 'contradictions'} across ${report.documentCount} ${report.documentCount === 1 ? 'document' : 'documents'}, generated ${escapeHtml(report.generatedAt.slice(0, 16).replace('T', ' '))} UTC by Crosscheck.</p>`,
    ...report.items.map(itemHtml),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
