/**
 * The contradiction report as Markdown, for pasting into a newsroom wiki or a ticket. Article text is
 * escaped so that a quote can never turn into a link, an image, HTML or a heading.
 */
import { decisionSentence, type ContradictionReport, type ReportItem } from './contradiction-report';

/**
 * Escapes what Markdown would read as markup inside a line (emphasis, code, links and images, HTML and
 * entities, table cells, strike-through); newlines become spaces, so text never starts a block of its own.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>|~&]/g, (character) => `\\${character}`);
}

function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}

function evidenceLine(item: ReportItem['evidence'][number]): string {
  const source = [item.outlet, item.publishedAt?.slice(0, 10)].filter(Boolean).join(', ');
  const title = `**${escapeMarkdown(item.documentTitle)}**${source ? ` (${escapeMarkdown(source)})` : ''}`;
  const context = `${item.before ? `${item.moreBefore ? '…' : ''}${escapeMarkdown(item.before)}` : ''}**${escapeMarkdown(item.quote)}**${item.after ? `${escapeMarkdown(item.after)}${item.moreAfter ? '…' : ''}` : ''}`;
  return `- ${title}: ${context}`;
}

function itemMarkdown(item: ReportItem, index: number): string {
  const lines = [`## ${index + 1}. ${escapeMarkdown(item.kindLabel)}: ${escapeMarkdown(item.explanation)}`, ''];
  lines.push(`Likelihood: ${percent(item.score)} · Id: \`${item.id.replace(/`/g, '')}\``, '');
  lines.push('Evidence:', '', ...item.evidence.map(evidenceLine), '');
  if (item.values.length > 0) {
    lines.push('| Source | Figure |', '| --- | ---: |');
    for (const value of item.values) {
      const figure = value.upper !== undefined ? `${value.value}–${value.upper}` : String(value.value);
      lines.push(`| ${escapeMarkdown(value.label)} | ${figure} |`);
    }
    lines.push('');
  }
  lines.push(`Decision: ${item.decision ? escapeMarkdown(decisionSentence(item.decision)) : 'not reviewed yet'}`);
  for (const earlier of item.history) lines.push(`- earlier: ${escapeMarkdown(decisionSentence(earlier))}`);
  lines.push('');
  return lines.join('\n');
}

export function contradictionReportMarkdown(report: ContradictionReport): string {
  const count = report.items.length;
  const head = [
    `# ${escapeMarkdown(report.title)}`,
    '',
    `${count} ${count === 1 ? 'contradiction' : 'contradictions'} across ${report.documentCount} ${report.documentCount === 1 ? 'document' : 'documents'}, generated ${report.generatedAt.slice(0, 16).replace('T', ' ')} UTC by Crosscheck.`,
    '',
  ];
  return `${[...head, ...report.items.map(itemMarkdown)].join('\n').trimEnd()}\n`;
}
