/**
 * The reader in Chromium, with the real app and real IndexedDB: a 1 MB document with 10,000 annotations
 * opened until its first marks are painted, against the same text without annotations (the baseline of the
 * same run); the time from a tag key to its painted mark; and long tasks while scrolling end to end.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { BenchRow } from './bench-row';
import { serveDirectory } from './static-server';
import { CHROMIUM_ARGS, chromiumExecutable } from '../browser-executable';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ANNOTATIONS = 10_000;
const RUNS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function row(name: string, value: number, unit: string, target: number | null, baseline: number | null = null): BenchRow {
  const ratio = baseline ? value / baseline : null;
  return { name, value, unit, target, baseline, ratio, met: target === null ? null : value <= target };
}

/** Runs in the page: writes one document of about 1 MB and `count` annotations with raw IndexedDB. */
async function seed(count: number): Promise<void> {
  const words = ['the', 'council', 'said', 'rescue', 'teams', 'reached', 'miners', 'after', 'talks', 'collapsed', 'envoy', 'on', 'Monday', 'hospital'];
  const paragraphs: string[] = [];
  for (let i = 0, total = 0; total < 1_000_000; i++) {
    const paragraph = `${Array.from({ length: 60 + (i % 50) }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ')}.`;
    paragraphs.push(paragraph);
    total += paragraph.length + 2;
  }
  const text = paragraphs.join('\n\n');
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('crosscheck');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const tx = db.transaction(['documents', 'annotations'], 'readwrite');
  tx.objectStore('documents').put({ id: 'bench', title: 'Bench document', text, format: 'text', sha256: 'b'.repeat(64), language: 'en', importedAt: new Date().toISOString() });
  const kinds = ['claim', 'fact', 'entity', 'quantity', 'demand'];
  const step = Math.floor(text.length / Math.max(1, count));
  for (let k = 0; k < count; k++) {
    const start = k * step;
    const end = Math.min(text.length, start + 5 + (k % 40));
    tx.objectStore('annotations').put({
      id: `bench-${k}`, documentId: 'bench', kind: kinds[k % 5], start, end, quote: text.slice(start, end), prefix: '', suffix: '',
      origin: 'user', status: 'unverified', author: 'bench', createdAt: '', updatedAt: '',
    });
  }
  await new Promise((resolve) => (tx.oncomplete = resolve));
  db.close();
  localStorage.setItem('crosscheck.lastDocument', 'bench');
  localStorage.setItem('crosscheck.view', 'read');
}

/** Runs the reader benchmarks and returns their rows. */
export async function readerBench(log: (line: string) => void): Promise<BenchRow[]> {
  const executablePath = chromiumExecutable();
  if (!executablePath) {
    log('reader: no Chromium found (set CROSSCHECK_CHROMIUM); skipping');
    return [];
  }
  const outDir = join(ROOT, 'node_modules/.tmp/reader-bench');
  log('reader: building the web app…');
  process.env.WEB_OUT_DIR = 'node_modules/.tmp/reader-bench';
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'vite.web.config.ts'), logLevel: 'error' });
  const { chromium } = await import('@playwright/test');
  const { server, url } = await serveDirectory(outDir);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const open = async (count: number): Promise<{ page: Page; ms: number }> => {
      const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
      await page.goto(url);
      await page.getByRole('button', { name: 'Open sample corpus' }).waitFor();
      await page.evaluate(seed, count);
      const started = Date.now();
      await page.reload();
      if (count === 0) await page.waitForFunction(() => document.querySelectorAll('.reader-content p').length > 1000, undefined, { timeout: 120_000, polling: 'raf' });
      else await page.waitForFunction(() => document.querySelectorAll('.reader-content mark').length >= 10, undefined, { timeout: 120_000, polling: 'raf' });
      return { page, ms: Date.now() - started };
    };

    const plain: number[] = [];
    const marked: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      log(`reader: opening the 1 MB document, run ${run + 1} of ${RUNS}…`);
      const a = await open(0);
      plain.push(a.ms);
      await a.page.context().close();
      const b = await open(ANNOTATIONS);
      marked.push(b.ms);
      if (run < RUNS - 1) await b.page.context().close();
      else {
        log('reader: tagging and scrolling…');
        const { page } = b;
        // No named inner functions in evaluated code: tsx would wrap them in a helper the page lacks.
        const tagTimes = await page.evaluate(async () => {
          const times: number[] = [];
          for (let i = 0; i < 5; i++) {
            const paragraphs = document.querySelectorAll('.reader-content p');
            const target = paragraphs[2 + i]!;
            const text = [...target.querySelectorAll('span')].find((span) => (span.textContent ?? '').length > 20)?.firstChild;
            if (!text) continue;
            const range = document.createRange();
            range.setStart(text, 0);
            range.setEnd(text, 10);
            getSelection()!.removeAllRanges();
            getSelection()!.addRange(range);
            const before = document.querySelectorAll('.reader-content mark').length;
            const started = performance.now();
            document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'c', bubbles: true }));
            while (document.querySelectorAll('.reader-content mark').length <= before && performance.now() - started < 5000) await new Promise((resolve) => requestAnimationFrame(resolve));
            await new Promise((resolve) => requestAnimationFrame(resolve));
            times.push(performance.now() - started);
          }
          return times;
        });
        const longest = await page.evaluate(async () => {
          const tasks: number[] = [];
          const observer = new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) tasks.push(entry.duration);
          });
          observer.observe({ type: 'longtask', buffered: false });
          const scroller = document.querySelector('.reader')!;
          while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 2) {
            scroller.scrollTop += 600;
            await new Promise((resolve) => requestAnimationFrame(resolve));
          }
          await new Promise((resolve) => requestAnimationFrame(resolve));
          observer.disconnect();
          return { max: tasks.length ? Math.max(...tasks) : 0, count: tasks.length };
        });
        await page.context().close();
        const plainMs = median(plain);
        const markedMs = median(marked);
        return [
          row('reader: open 1 MB text without annotations until painted (median of 3)', plainMs, 'ms', null),
          row('reader: open 1 MB text with 10,000 annotations until its marks are painted', markedMs, 'ms', 1500, plainMs),
          row('reader: marked / plain open time', markedMs / plainMs, 'x', 3),
          row('reader: key to painted mark when tagging (median of 5)', median(tagTimes), 'ms', 50),
          row(`reader: longest task while scrolling end to end (${longest.count} tasks over 50 ms)`, longest.max, 'ms', 50),
        ];
      }
    }
    return [];
  } finally {
    await browser.close();
    server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}
