import { readFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createNodeHtmlDom } from '../../../../main/cli/html-dom';
import { loadPdfInNode } from '../../../../main/cli/pdf-loader';
import { draftFromHtml } from '../../../../shared/importers/html';
import { draftFromClipboard, draftFromFile } from '../../../../shared/importers/source-document';

const FIXTURES = join(__dirname, '../../../fixtures/importers');
const dom = createNodeHtmlDom();
const environment = { html: dom, loadPdf: loadPdfInNode };
const fixture = (name: string): Uint8Array => readFileSync(join(FIXTURES, name));
const paragraphs = (text: string): string[] => text.split('\n\n');

describe('a saved web page', () => {
  it('keeps the article and leaves out navigation, related links and the footer', async () => {
    const draft = await draftFromFile({ name: 'tidewater-ferry.html', bytes: fixture('tidewater-ferry.html') }, environment);
    expect(paragraphs(draft.text)).toEqual([
      'Ferry Marisol runs aground off Port Avel',
      'All 212 passengers were brought ashore by lifeboat; three crew were treated for minor injuries.',
      // <br> inside a paragraph is a space; inline markup is its text.
      'The ferry Marisol struck a sandbar off Port Avel early on Saturday, the harbour master said. The vessel had left the mainland terminal at 6.40am with 212 passengers and 11 crew on board.',
      'Low tide and moved markers',
      'The coastguard said the tide had been unusually low and that two channel markers had been moved during dredging work last month. An inquiry will report in March.',
      'Services to Port Avel resume on Monday.',
      'Passengers can claim refunds at the terminal.',
      'Updated 3 November',
    ]);
    expect(draft.format).toBe('html');
  });

  it('takes title, author, outlet, date, address and language from Open Graph, meta tags and <html lang>', async () => {
    const draft = await draftFromFile({ name: 'tidewater-ferry.html', bytes: fixture('tidewater-ferry.html') }, environment);
    expect(draft).toMatchObject({
      title: 'Ferry Marisol runs aground off Port Avel',
      author: 'Ruth Amsel',
      outlet: 'Tidewater Courier',
      publishedAt: '2024-11-02T08:30:00+01:00',
      url: 'https://tidewater-courier.example/2024/11/02/ferry-marisol-aground',
      language: 'en-GB',
    });
  });

  it('falls back to JSON-LD, <time datetime> and the canonical link when Open Graph is missing', async () => {
    const page = `<!doctype html><html><head><title>Quarry blast rattles Elmsby</title>
      <link rel="canonical" href="https://valley-wire.example/quarry-blast">
      <script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@type":["NewsArticle"],"headline":"Quarry blast rattles Elmsby",
        "author":[{"@type":"Person","name":"Tomas Reyl"},{"@type":"Person","name":"Ana Poll"}],"publisher":{"@type":"Organization","name":"Valley Wire"}}]</script>
      <script type="application/ld+json">{ this is not json }</script></head>
      <body><article><h1>Quarry blast rattles Elmsby</h1><p><time datetime="2023-09-14T10:00:00Z">14 September</time></p>
      <p>Windows shook across Elmsby when the quarry set off a larger charge than usual on Thursday morning.</p></article></body></html>`;
    const draft = await draftFromHtml(page, 'quarry.html', dom);
    expect(draft).toMatchObject({
      title: 'Quarry blast rattles Elmsby',
      author: 'Tomas Reyl, Ana Poll',
      outlet: 'Valley Wire',
      publishedAt: '2023-09-14T10:00:00Z',
      url: 'https://valley-wire.example/quarry-blast',
      language: 'en',
    });
  });

  it('dates a page without metadata from a date line, and reads a declared windows-1252 charset', async () => {
    const page = '<html><head><meta charset="windows-1252"></head><body><h1>Caf\xe9 closes</h1><p>Date: 3 May 2022</p><p>The \x93Blue Door\x94 caf\xe9 closed after forty years, its owner said on Tuesday.</p></body></html>';
    const bytes = Uint8Array.from(page, (character) => character.charCodeAt(0));
    const draft = await draftFromFile({ name: 'cafe.htm', bytes }, environment);
    expect(draft.title).toBe('Café closes');
    expect(draft.publishedAt).toBe('2022-05-03');
    expect(draft.text).toContain('The “Blue Door” café closed');
  });

  it('turns tables into one paragraph per row and ignores addresses that are not web links', async () => {
    const page = `<html><head><meta property="og:url" content="javascript:alert(1)"></head><body><h1>Harbour fees</h1>
      <table><thead><tr><th>Vessel</th><th>Fee</th></tr></thead><tbody><tr><td>Under 12 m</td><td>£40</td></tr><tr><td>Over 12 m</td><td>£95</td></tr></tbody></table></body></html>`;
    const draft = await draftFromHtml(page, 'fees.html', dom);
    expect(paragraphs(draft.text)).toEqual(['Harbour fees', 'Vessel | Fee', 'Under 12 m | £40', 'Over 12 m | £95']);
    expect(draft.url).toBeUndefined();
  });

  // Found by fuzzing (test/unit/fuzz/html-import.test.ts): linkedom keeps a stray <tr> and the words in
  // it, and only its cells were read, so the words were lost ("has no text to import").
  it('keeps words that sit in a table row outside its cells', async () => {
    const draft = await draftFromClipboard({ html: '<p>Ferry times</p><tr>Boats leave at noon.</tr><table><tr><td>Mon</td> and <td>Tue</td></tr></table>' }, dom);
    expect(paragraphs(draft.text)).toEqual(['Ferry times', 'Boats leave at noon.', 'Mon | and | Tue']);
  });

  // Found by fuzzing: Readability reads a byline as the whole text of its element, form controls and frame
  // fallbacks included, so the author came out as "Ann Reyes Share Tweet".
  it('takes the author from a byline without the buttons, menus and frames inside it', async () => {
    const story = 'The ferry Marisol struck a sandbar off Port Avel early on Saturday, the harbour master said. '.repeat(4);
    const page = `<html><head><title>Ferry aground</title></head><body><article><h1>Ferry aground</h1>
      <p class="byline">By Ann Reyes <select><option>Share</option></select><button>Tweet</button><iframe>Comments</iframe></p>
      <p>${story}</p></article></body></html>`;
    const draft = await draftFromHtml(page, 'aground.html', dom);
    expect(draft.author).toBe('Ann Reyes');
  });
});

describe('a hostile web page', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    delete (globalThis as { __hostileRan?: string }).__hostileRan;
  });

  it('imports as the visible article words only, and runs nothing and fetches nothing', async () => {
    const connect = vi.spyOn(net.Socket.prototype, 'connect');
    const fetchSpy = vi.fn(() => Promise.reject(new Error('no network in an import')));
    vi.stubGlobal('fetch', fetchSpy);

    const draft = await draftFromFile({ name: 'hostile-page.html', bytes: fixture('hostile-page.html') }, environment);

    expect(paragraphs(draft.text)).toEqual([
      'Water board approves new reservoir',
      'The Lowmoor water board voted 7 to 2 on Thursday to build a reservoir north of Carrow.',
      'Construction is expected to take four years and cost 38 million.',
      "Read the full decision on the board's site.",
      'Residents may object until 30 April.',
    ]);
    for (const leak of ['__hostileRan', 'alert', 'javascript', 'tracker', 'onerror', 'url(', 'svg words', 'noscript words', 'template words', 'Subscribe words', 'Iframe fallback', 'object words', 'video words', 'input words']) {
      expect(draft.text).not.toContain(leak);
    }
    expect(draft.url).toBeUndefined();
    expect((globalThis as { __hostileRan?: string }).__hostileRan).toBeUndefined();
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(connect).not.toHaveBeenCalled();
  });

  // Found by fuzzing (test/unit/fuzz/html-import.test.ts): Readability's time grows with the cube of the
  // nesting depth, so 600 nested <div>s took many seconds (2,000 took minutes). Such a page is read whole.
  it('imports a page nested hundreds of levels deep in moments, whole', async () => {
    const page = `<html><body><nav>Port Avel harbour</nav>${'<div>'.repeat(600)}The ferry ran aground at dawn.${'</div>'.repeat(600)}</body></html>`;
    const draft = await draftFromFile({ name: 'nested.html', bytes: new TextEncoder().encode(page) }, environment);
    expect(paragraphs(draft.text)).toEqual(['Port Avel harbour', 'The ferry ran aground at dawn.']);
  });

  // Found by fuzzing: the paragraph walk recursed once per level, and 5,000 levels overflowed the call stack.
  it('imports a page nested thousands of levels deep instead of overflowing the stack', async () => {
    const page = `<p>Tide tables</p>${'<span>'.repeat(5000)}Low water at 6.40am.${'</span>'.repeat(5000)}`;
    const draft = await draftFromClipboard({ html: page }, dom);
    expect(paragraphs(draft.text)).toEqual(['Tide tables', 'Low water at 6.40am.']);
  });

  it('refuses a page swallowed by an unclosed comment with a message, not a crash', async () => {
    const page = '<!--<!doctype html><html><head><meta charset="utf-8"></head><body><p>The ferry sailed.</p></body></html>';
    await expect(draftFromHtml(page, 'swallowed.html', dom)).rejects.toThrow(/swallowed\.html.*no text/i);
  });
});

describe('pasted content', () => {
  it('keeps every paragraph of a pasted selection, with headings and list items as paragraphs', async () => {
    const html =
      '<meta charset="utf-8"><!--StartFragment--><h2>Bridge reopens</h2><p>Traffic resumed on the <em>Old Mill</em> bridge on Friday.</p>' +
      '<p>Advertisement</p><ul><li>Lorries over 7.5 t are still barred.</li><li>Cyclists use the east lane.</li></ul><!--EndFragment-->';
    const draft = await draftFromClipboard({ html, text: 'Bridge reopens Traffic resumed…' }, dom);
    // A selection is what the user chose: nothing is scored away, not even a short line.
    expect(paragraphs(draft.text)).toEqual([
      'Bridge reopens',
      'Traffic resumed on the Old Mill bridge on Friday.',
      'Advertisement',
      'Lorries over 7.5 t are still barred.',
      'Cyclists use the east lane.',
    ]);
    expect(draft).toMatchObject({ title: 'Bridge reopens', format: 'html' });
  });

  it('uses the title the user typed, and the plain text when the clipboard has no HTML text', async () => {
    const titled = await draftFromClipboard({ html: '<p>Tolls rise by 5 percent in June, the operator said.</p>', text: 'x' }, dom, 'Toll rise');
    expect(titled.title).toBe('Toll rise');
    const imageOnly = await draftFromClipboard({ html: '<img src="https://tracker.invalid/a.png">', text: 'Tolls rise in June.\nThe operator said so.' }, dom);
    expect(imageOnly).toMatchObject({ format: 'text', text: 'Tolls rise in June.\n\nThe operator said so.' });
    const plain = await draftFromClipboard({ text: 'Tolls rise in June.' }, dom);
    expect(plain.format).toBe('text');
  });

  it('treats a pasted whole page (long, with navigation) like a saved page', async () => {
    const page = new TextDecoder().decode(fixture('tidewater-ferry.html')).replace('</article>', `${'<p>The harbour master repeated that the channel was safe for smaller boats throughout the weekend.</p>'.repeat(20)}</article>`);
    const draft = await draftFromClipboard({ html: page }, dom);
    expect(draft.text).not.toContain('Most read');
    expect(draft.text).not.toContain('Weather');
    expect(draft.text.startsWith('Ferry Marisol runs aground off Port Avel\n\nAll 212 passengers')).toBe(true);
  });
});
