import { beforeAll, describe, expect, it } from 'vitest';
import type { BundleContents } from '../../../../shared/bundles/bundle-format';
import { buildContradictionReport, type ContradictionReport } from '../../../../shared/exports/contradiction-report';
import { contradictionReportHtml } from '../../../../shared/exports/report-html';
import { contradictionReportMarkdown } from '../../../../shared/exports/report-markdown';
import { draftFromPlainText } from '../../../../shared/importers/source-document';
import { ferryStrikeContradictions, ferryStrikeLibrary, IDS } from '../../../fixtures/bundles/ferry-strike';

const HOSTILE = 'Harbour notice\n\nThe notice read <script>alert("x")</script> and [click here](javascript:alert(1)) ![img](http://tracker.example/p.gif) & more.';

let library: BundleContents;
let report: ContradictionReport;
beforeAll(async () => {
  library = await ferryStrikeLibrary();
  const notice = { ...(await draftFromPlainText(HOSTILE, 'notice.txt')), id: 'doc-notice', importedAt: '2025-03-06T08:00:00.000Z', title: 'Notice <b>bold</b>' };
  library.documents.push(notice);
  const start = HOSTILE.indexOf('<script>');
  const end = HOSTILE.indexOf(' & more');
  const contradictions = [
    ...ferryStrikeContradictions(library),
    {
      id: 'claim-conflict:notice',
      kind: 'claim-conflict',
      score: 0.4,
      explanation: 'The notice <i>says</i> otherwise.',
      evidence: [{ documentId: 'doc-notice', start, end, quote: HOSTILE.slice(start, end) }],
    },
  ];
  report = buildContradictionReport(library, contradictions, { title: 'Ferry strike: what the reports disagree on', generatedAt: '2025-03-07T12:00:00.000Z' });
});

describe('buildContradictionReport', () => {
  it('orders contradictions by likelihood and carries evidence, decisions and the figures to chart', () => {
    expect(report.items.map((item) => item.id)).toEqual([IDS.ferryCount, IDS.talks, 'claim-conflict:notice']);
    const figures = report.items[0]!;
    expect(figures.kindLabel).toBe('Figures differ');
    expect(figures.values).toEqual([
      { label: 'Coastal Ledger', value: 40 },
      { label: 'Harbour Wire', value: 28 },
      { label: 'Skarra Gazette', value: 40 },
    ]);
    expect(figures.decision?.status).toBe('confirmed');
    expect(figures.history.map((entry) => entry.reviewer)).toEqual(['Tom']);
    expect(figures.evidence[0]).toMatchObject({ documentTitle: 'Ferry crews walk out at Port Veyra', quote: 'Forty ferries sat idle', publishedAt: '2025-03-04' });
  });

  it('reads figures from the engine’s readings or the quote when no annotation has them', () => {
    const [contradiction] = ferryStrikeContradictions(library);
    const bare = contradiction!.evidence.map(({ annotationId: _id, ...rest }) => rest);
    const withoutAnnotations = { ...library, annotations: [] };
    const fromQuotes = buildContradictionReport(withoutAnnotations, [{ ...contradiction!, evidence: bare }]);
    // "Forty ferries sat idle" has no digits: only the two written figures are charted.
    expect(fromQuotes.items[0]!.values.map((value) => value.value)).toEqual([28, 40]);
    const fromReadings = buildContradictionReport(withoutAnnotations, [
      { ...contradiction!, evidence: bare, details: { readings: [{ value: 40, documentIds: [IDS.ledger, IDS.gazette] }, { value: 28, upper: 30, documentIds: [IDS.wire] }] } },
    ]);
    expect(fromReadings.items[0]!.values).toEqual([
      { label: 'Coastal Ledger', value: 40 },
      { label: 'Harbour Wire', value: 28, upper: 30 },
      { label: 'Skarra Gazette', value: 40 },
    ]);
  });
});

describe('contradictionReportMarkdown', () => {
  it('shows each contradiction with its evidence, figures and decisions', () => {
    const markdown = contradictionReportMarkdown(report);
    expect(markdown).toMatch(/^# Ferry strike: what the reports disagree on\n/);
    expect(markdown).toContain('3 contradictions across 4 documents');
    expect(markdown).toContain('## 1. Figures differ: The reports give 40 and 28 idle ferries for the same Tuesday.');
    expect(markdown).toContain('**Forty ferries sat idle**');
    expect(markdown).toContain('| Harbour Wire | 28 |');
    expect(markdown).toContain('Decision: confirmed by Ines on 2025-03-06: The company and the union give different counts for the same day.');
    expect(markdown).toContain('- earlier: needs-follow-up by Tom on 2025-03-06: Waiting for the port authority.');
    expect(markdown).toContain('Decision: not reviewed yet');
  });

  it('escapes article text so it cannot become HTML, a link or an image', () => {
    const markdown = contradictionReportMarkdown(report);
    expect(markdown).not.toContain('<script>');
    expect(markdown).not.toContain('[click here](');
    expect(markdown).not.toContain('![img]');
    expect(markdown).toContain('\\<script\\>');
    expect(markdown).toContain('\\[click here\\](javascript:alert(1))');
  });
});

describe('contradictionReportHtml', () => {
  let html: string;
  beforeAll(() => {
    html = contradictionReportHtml(report);
  });

  it('is one page with no script and no external resource', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|@import|url\(|\son\w+=/i);
    expect(html).not.toMatch(/\ssrc=/i);
    // The only addresses are links to the articles themselves.
    expect(new Set(html.match(/href="[^"]*"/g))).toEqual(new Set(['href="https://ledger.example/2025/03/04/ferry-strike"']));
  });

  it('escapes everything taken from articles and records', () => {
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Notice &lt;b&gt;bold&lt;/b&gt;');
    expect(html).toContain('The notice &lt;i&gt;says&lt;/i&gt; otherwise.');
    expect(html).toContain('&amp; more');
  });

  it('draws the figures of a quantity conflict as an inline SVG bar chart', () => {
    const charts = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(charts).toHaveLength(1);
    const chart = charts[0]!;
    expect(chart).toContain('role="img"');
    expect(chart.match(/<rect /g)).toHaveLength(3);
    for (const text of ['Coastal Ledger', 'Harbour Wire', 'Skarra Gazette', '>40<', '>28<']) expect(chart).toContain(text);
    const widths = [...chart.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((match) => Number(match[1]));
    expect(widths[1]! / widths[0]!).toBeCloseTo(28 / 40, 2);
  });

  it('shows decisions and the history', () => {
    expect(html).toContain('Decision: confirmed by Ines on 2025-03-06');
    expect(html).toContain('Earlier: needs-follow-up by Tom on 2025-03-06');
  });
});
