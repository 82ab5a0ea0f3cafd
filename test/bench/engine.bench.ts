/**
 * Engine benchmarks: full scan of 1,000 and 10,000 generated articles over pre-extracted annotations, how
 * that scales, the time to bring the engine up to date after one added annotation in the large corpus, and
 * the tagger's extraction speed per article (measured apart, on a sample, because it dominates).
 */
import { ContradictionEngine } from '../../shared/detect/contradiction-engine';
import { extractDocument } from '../../shared/extract/extract-document';
import type { Annotation } from '../../shared/model';
import type { BenchRow } from './bench-row';
import { annotationCount, generateCorpus, seededRandom, type GeneratedArticle } from './corpus-generator';

function scan(articles: readonly GeneratedArticle[]): { engine: ContradictionEngine; milliseconds: number; found: number } {
  const engine = new ContradictionEngine();
  const started = performance.now();
  engine.load({ documents: articles.map((a) => a.document), extractions: articles.map((a) => a.extraction) });
  const found = engine.contradictions().length;
  return { engine, milliseconds: performance.now() - started, found };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/** One user annotation over a random name or figure of a random article, as the store would send it. */
function userAnnotation(articles: readonly GeneratedArticle[], random: () => number, n: number): Annotation {
  const article = articles[Math.floor(random() * articles.length)]!;
  const entity = n % 2 === 0;
  const quantity = article.extraction.quantities[0]!;
  const target = entity ? article.extraction.entities[article.extraction.entities.length - 1]! : quantity;
  const quote = article.document.text.slice(target.start, target.end);
  return {
    id: `bench-user-${n}`,
    documentId: article.document.id,
    kind: entity ? 'entity' : 'quantity',
    start: target.start,
    end: target.end,
    quote,
    prefix: '',
    suffix: '',
    origin: 'user',
    status: 'unverified',
    author: 'bench',
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    ...(entity ? { entityId: `bench-entity-${n}` } : { quantity: { value: 1 + n, key: quantity.key } }),
  };
}

/** Runs the engine benchmarks and returns their rows. */
export async function engineBench(log: (line: string) => void): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];

  log('engine: generating corpora…');
  const large = generateCorpus(10_000, { seed: 7 });
  const small = large.slice(0, 1_000);
  // Warm the JIT on a different corpus so neither measured scan pays for it.
  scan(generateCorpus(500, { seed: 99 }));

  log('engine: full scan of 1,000 articles…');
  const first = scan(small);
  rows.push({ name: 'engine: full scan, 1,000 articles', value: first.milliseconds, unit: 'ms', target: null, baseline: null, ratio: null, met: null });

  log('engine: full scan of 10,000 articles…');
  const second = scan(large);
  rows.push({ name: 'engine: full scan, 10,000 articles', value: second.milliseconds, unit: 'ms', target: 60_000, baseline: first.milliseconds, ratio: second.milliseconds / first.milliseconds, met: second.milliseconds < 60_000 });
  const scaling = second.milliseconds / first.milliseconds;
  rows.push({ name: 'engine: scan time ratio 10,000 / 1,000 (10 is linear)', value: scaling, unit: 'x', target: 12, baseline: 10, ratio: scaling / 10, met: scaling <= 12 });
  log(`engine: ${first.found} and ${second.found} contradictions found`);

  const annotations = annotationCount(large);
  log(`engine: one added annotation at ${annotations.toLocaleString('en-US')} annotations…`);
  const random = seededRandom(3);
  const timings: number[] = [];
  for (let n = 0; n < 40; n++) {
    const annotation = userAnnotation(large, random, n);
    const started = performance.now();
    if (annotation.entityId) second.engine.upsertEntity({ id: annotation.entityId, name: annotation.quote, type: 'person', aliases: [] });
    second.engine.upsertAnnotation(annotation);
    second.engine.refresh();
    timings.push(performance.now() - started);
  }
  const typical = median(timings);
  rows.push({ name: `engine: update after one added annotation at ${annotations.toLocaleString('en-US')} annotations (median of 40)`, value: typical, unit: 'ms', target: 20, baseline: null, ratio: null, met: typical < 20 });
  rows.push({ name: 'engine: update after one added annotation (95th percentile)', value: percentile(timings, 0.95), unit: 'ms', target: null, baseline: null, ratio: null, met: null });

  log('engine: extraction speed on 200 articles…');
  const sample = large.slice(0, 200).map((a) => a.document);
  extractDocument(sample[0]!);
  const started = performance.now();
  for (const document of sample) extractDocument(document);
  const perArticle = (performance.now() - started) / sample.length;
  rows.push({ name: 'extract: time per article (tagger, entities, figures, dates, statements)', value: perArticle, unit: 'ms', target: null, baseline: null, ratio: null, met: null });
  return rows;
}
