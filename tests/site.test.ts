/**
 * The static site (npm run site), built from the real data into a temporary folder: deterministic,
 * escaped, every internal link resolves, the home page is light; then, in a real browser
 * (Debian's chromium driven by puppeteer-core), search, filters and the CSV download, an event
 * page's quotations, and axe-core's accessibility rules.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Server } from 'node:http';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../scripts/lib/build.ts';
import type { ReleaseModel } from '../scripts/lib/release/model.ts';
import { chromiumPath, launchOptions } from '../scripts/lib/site/browser.ts';
import { esc, html } from '../scripts/lib/site/html.ts';
import { siteFiles, writeSite } from '../scripts/lib/site/index.ts';
import { checkLinks } from '../scripts/lib/site/links.ts';
import { serveStatic } from '../scripts/lib/site/serve.ts';
import { fixture, FIXTURE_SEED_DIR, tempDir } from './helpers.ts';

const { model } = loadModel();
const files = siteFiles(model as ReleaseModel);
const LAUNCH = 'events/2023-07-12-hwasong-18-launch/index.html';
const FIGURE = `figures/${(model as ReleaseModel).data.figures.find((f) => f.checks?.length)!.id}/index.html`;

describe('the site, as files', () => {
  it('is built from the valid data, deterministically', () => {
    expect(model).toBeDefined();
    const again = siteFiles(model!);
    expect([...again.keys()]).toEqual([...files.keys()]);
    for (const [path, content] of again) if (files.get(path) !== content) expect.fail(`${path} differs between two builds`);
  });

  it('has a page and a JSON twin for every record, at an address built from its id', () => {
    for (const [collection, list] of Object.entries(model!.data)) {
      for (const r of list as { id: string }[]) {
        expect(files.has(`${collection}/${r.id}/index.html`), `${collection}/${r.id}`).toBe(true);
        expect(JSON.parse(files.get(`${collection}/${r.id}.json`)!)).toEqual(r);
      }
    }
  });

  it('resolves every internal link of every page, and the checker does catch broken ones', () => {
    const { broken, checked } = checkLinks(files);
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
    const bad = new Map([
      [
        'a/index.html',
        '<a href="../b/index.html">x</a><a href="/abs.html">y</a><a href="#nope">z</a><a href="https://example.org/">ok</a>',
      ],
    ]);
    expect(checkLinks(bad).broken.map((b) => b.link)).toEqual(['../b/index.html', '/abs.html', '#nope']);
  });

  it('keeps the home page under 200 KB with its scripts and styles, and requests nothing from elsewhere', () => {
    const home = files.get('index.html')!;
    const assets = [...home.matchAll(/(?:href|src)="(?:\.\/)?(assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets).toEqual(expect.arrayContaining(['assets/site.css', 'assets/search.js']));
    // search.js imports MiniSearch on first use: count it anyway.
    const bytes = [home, ...assets.map((a) => files.get(a)!), files.get('assets/minisearch.js')!].reduce(
      (n, s) => n + Buffer.byteLength(s),
      0,
    );
    expect(bytes).toBeLessThan(200 * 1024);
    for (const [path, content] of files) {
      if (!/\.(html|css|js)$/.test(path)) continue;
      expect(content, path).not.toMatch(/<(?:script|link|img)[^>]+(?:src|href)="(?:https?:)?\/\//);
      expect(content, path).not.toMatch(/@import|url\(\s*['"]?https?:/);
    }
  });

  it('escapes record text: a title with <script> shows as text', () => {
    expect(esc('<script>"&\'')).toBe('&lt;script&gt;&quot;&amp;&#39;');
    expect(html`<p>${'<b>'}</p>`.value).toBe('<p>&lt;b&gt;</p>');
    const root = fixture();
    const file = join(root, 'data/events/2023-12-31-meeting-a.yaml');
    const yaml = readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: "Meeting <script>alert(1)</script> & co"');
    const changed = fixture({ 'data/events/2023-12-31-meeting-a.yaml': yaml });
    const { model: m, validation } = loadModel({ dataDir: join(changed, 'data'), seedDir: FIXTURE_SEED_DIR });
    expect(validation.errors).toBe(0);
    const site = siteFiles(m!);
    const page = site.get('events/2023-12-31-meeting-a/index.html')!;
    expect(page).toContain('Meeting &lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(page).not.toContain('<script>alert(1)');
    expect(site.get('assets/search-index.json')).toContain('Meeting <script>alert(1)</script> & co'); // JSON, never markup
  });
});

// The browser tests: chromium is required in CI and skipped, with the reason, elsewhere.
const chromium = chromiumPath();
const inCI = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';
const NO_CHROMIUM = 'chromium is not installed (apt-get install -y chromium, or set CHROMIUM_PATH)';

if (!chromium && inCI) {
  describe('the site, in a browser', () => {
    it('needs chromium in CI', () => {
      throw new Error(`${NO_CHROMIUM}: the browser tests cannot run`);
    });
  });
}

describe.skipIf(!chromium)(`the site, in a browser${chromium ? '' : ` (skipped: ${NO_CHROMIUM})`}`, () => {
  let browser: Browser;
  let server: Server;
  let base: string;
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

  beforeAll(async () => {
    const dir = tempDir('dprk-site-');
    writeSite(dir, files);
    ({ server, url: base } = await serveStatic(dir));
    browser = await puppeteer.launch(launchOptions(chromium!));
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  /** Open a page, collecting console errors, page errors and any request that leaves the site. */
  async function open(path: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:')) errors.push(`external request: ${r.url()}`);
    });
    await page.goto(base + path, { waitUntil: 'networkidle0' });
    return { page, errors };
  }

  /** Type a query into the search box and wait for its results (browser code as strings: the tests are type-checked without the DOM library). */
  async function search(page: Page, query: string): Promise<string[]> {
    await page.evaluate(`document.querySelector('#q').value = ''`);
    await page.type('#q', query);
    const q = JSON.stringify(query);
    await page.waitForFunction(`document.querySelector('[data-search-results]').dataset.query === ${q}`);
    return (await page.evaluate(
      `[...document.querySelectorAll('[data-search-results] a')].map((a) => new URL(a.href).pathname)`,
    )) as string[];
  }

  it('loads the home page with no console error', async () => {
    const { page, errors } = await open('index.html');
    expect(await page.title()).toContain('dprk-data');
    expect(await page.$('svg.chart')).not.toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds an event by system name and by a word of a quotation', async () => {
    const { page, errors } = await open('index.html');
    const byName = await search(page, 'Hwasong-18');
    expect(byName).toContain('/events/2023-07-12-hwasong-18-launch/index.html');
    const byQuote = await search(page, 'annihilate');
    expect(byQuote.some((p) => p.startsWith('/events/'))).toBe(true);
    expect(byQuote).toContain('/statements/2023-12-31-kim-annihilate-if-provoked/index.html');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('narrows the launch list with a filter, and the CSV download holds exactly the shown rows', async () => {
    const { page, errors } = await open('launches/index.html');
    const visible = async () =>
      (await page.evaluate(
        `[...document.querySelectorAll('#launches tbody tr')].filter((r) => !r.hidden).map((r) => r.dataset.id)`,
      )) as string[];
    const all = await visible();
    await page.select('#launches-year', '2023');
    await page.select('#launches-class', 'icbm');
    const shown = await visible();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(all.length);
    const hrefValue = await page.$eval('a[data-csv]', (a) => a.getAttribute('href')!);
    const csv = decodeURIComponent(hrefValue.replace(/^data:text\/csv;charset=utf-8,/, ''));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,date,event,class,system,missiles,outcome,confirmation,place');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(shown);
    expect(lines.slice(1).every((l) => l.includes(',icbm,'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows an event page with its quotations and links to its sources', async () => {
    const { page, errors } = await open(LAUNCH);
    const quotes = await page.$$eval(
      '#citations ~ figure.citation blockquote, section[aria-labelledby=citations] blockquote',
      (b) => b.length,
    );
    expect(quotes).toBeGreaterThan(0);
    const sources = await page.$$eval('figure.citation figcaption a', (as) => as.map((a) => a.getAttribute('href')!));
    expect(sources.some((h) => h.startsWith('../../sources/'))).toBe(true);
    expect(sources.some((h) => /^https?:\/\//.test(h))).toBe(true);
    expect(await page.$eval('.cite', (p) => p.textContent)).toContain('2023-07-12-hwasong-18-launch');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is readable without JavaScript: every row listed, the filters (which need it) hidden', async () => {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.goto(`${base}launches/index.html`, { waitUntil: 'load' });
    const state = (await page.evaluate(
      `({ rows: document.querySelectorAll('#launches tbody tr').length, hidden: [...document.querySelectorAll('#launches tbody tr')].filter((r) => r.hidden).length, form: document.querySelector('form.filters').hidden })`,
    )) as { rows: number; hidden: number; form: boolean };
    expect(state.rows).toBeGreaterThan(100);
    expect(state.hidden).toBe(0);
    expect(state.form).toBe(true);
    await page.goto(base + LAUNCH, { waitUntil: 'load' });
    expect(await page.$$eval('figure.citation', (f) => f.length)).toBeGreaterThan(0);
    await page.close();
  });

  it.each(['index.html', LAUNCH, 'launches/index.html', FIGURE])('has no axe violation on %s', async (path) => {
    const { page } = await open(path);
    await page.addScriptTag({ content: axeSource });
    const result = (await page.evaluate(
      `axe.run().then((r) => ({ passes: r.passes.length, violations: r.violations.map((v) => v.id + ': ' + v.help + ' at ' + v.nodes.map((n) => n.target.join(' ')).join(', ')) }))`,
    )) as { passes: number; violations: string[] };
    expect(result.violations).toEqual([]);
    expect(result.passes).toBeGreaterThan(10); // axe did run its rules
    await page.close();
  });
});
