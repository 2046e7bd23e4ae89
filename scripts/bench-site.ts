/**
 * npm run bench:site: how heavy the site's home page is and how fast its search answers.
 *
 * Builds the site in memory from the real data, then prints: the home page's weight with its
 * scripts and styles (MiniSearch included, though it loads on first use), the search index's
 * size, the time to load the index, and the time each query takes over all records, in node and,
 * when chromium is installed, in the browser (the page's own search, timed with performance.now).
 * A benchmark, not a test: it asserts nothing (the goal is under 50 ms a query), it reports.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import MiniSearch from 'minisearch';
import puppeteer from 'puppeteer-core';
import { loadModel } from './lib/build.ts';
import { chromiumPath, launchOptions } from './lib/site/browser.ts';
import { siteFiles, writeSite } from './lib/site/index.ts';
import { serveStatic } from './lib/site/serve.ts';

const QUERIES = [
  'Hwasong-18',
  'annihilate',
  'Sohae',
  'kim jong un',
  'satellite launch',
  'hwas',
  'anihilate',
  'ICBM Pyongyang',
  'KCNA',
  '2023-11-21',
];
const RUNS = 40;

const { model } = loadModel();
if (!model) throw new Error('the data has errors: run npm run validate');
const files = siteFiles(model);
const size = (p: string) => Buffer.byteLength(files.get(p)!);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const home = ['index.html', 'assets/site.css', 'assets/search.js', 'assets/minisearch.js'];
const homeBytes = home.reduce((n, p) => n + size(p), 0);
const index = files.get('assets/search-index.json')!;
const records = Object.values(model.counts).reduce((a, b) => a + b, 0);

console.log(`site: ${files.size} files, ${[...files.keys()].filter((p) => p.endsWith('.html')).length} pages, ${records} records`);
console.log(`home page with its scripts and styles (${home.join(', ')}): ${homeBytes} bytes (${kb(homeBytes)})`);
console.log(`search index: ${kb(index.length)} (${kb(gzipSync(index).length)} gzipped), loaded on first use`);

/** Median and worst of a list of times. */
const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, p95: s[Math.floor(s.length * 0.95)]!, max: s[s.length - 1]! };
};

function inNode(): number {
  let t = performance.now();
  const data = JSON.parse(index) as { index: object; options: ConstructorParameters<typeof MiniSearch>[0] };
  const ms = MiniSearch.loadJS(data.index as never, data.options);
  console.log(`node: index parsed and loaded in ${(performance.now() - t).toFixed(1)} ms`);
  let worst = 0;
  for (const q of QUERIES) {
    const times: number[] = [];
    let hits = 0;
    for (let i = 0; i < RUNS; i++) {
      t = performance.now();
      hits = ms.search(q).length;
      times.push(performance.now() - t);
    }
    const { median, p95, max } = stats(times);
    worst = Math.max(worst, max);
    console.log(
      `  node  ${q.padEnd(18)} ${String(hits).padStart(4)} hits  median ${median.toFixed(2)} ms  p95 ${p95.toFixed(2)} ms  max ${max.toFixed(2)} ms`,
    );
  }
  return worst;
}

async function inBrowser(executable: string): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'dprk-site-bench-'));
  writeSite(dir, files);
  const { server, url } = await serveStatic(dir);
  const browser = await puppeteer.launch(launchOptions(executable));
  try {
    const page = await browser.newPage();
    await page.goto(`${url}search/index.html`, { waitUntil: 'networkidle0' });
    const script = `(async () => {
      const t0 = performance.now();
      const [mod, data] = await Promise.all([import('./../assets/minisearch.js'), fetch('../assets/search-index.json').then((r) => r.json())]);
      const ms = mod.default.loadJS(data.index, data.options);
      const load = performance.now() - t0;
      const out = {};
      for (const q of ${JSON.stringify(QUERIES)}) {
        const times = [];
        let hits = 0;
        for (let i = 0; i < ${RUNS}; i++) { const t = performance.now(); hits = ms.search(q).length; times.push(performance.now() - t); }
        times.sort((a, b) => a - b);
        out[q] = { hits, median: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)], max: times[times.length - 1] };
      }
      return { load, out };
    })()`;
    const r = (await page.evaluate(script)) as {
      load: number;
      out: Record<string, { hits: number; median: number; p95: number; max: number }>;
    };
    console.log(`chromium: index fetched and loaded in ${r.load.toFixed(1)} ms`);
    let worst = 0;
    for (const [q, s] of Object.entries(r.out)) {
      worst = Math.max(worst, s.max);
      console.log(
        `  chromium  ${q.padEnd(18)} ${String(s.hits).padStart(4)} hits  median ${s.median.toFixed(2)} ms  p95 ${s.p95.toFixed(2)} ms  max ${s.max.toFixed(2)} ms`,
      );
    }
    return worst;
  } finally {
    await browser.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const worstNode = inNode();
console.log(
  `search over all ${records} records, slowest single run (max, first cold run included) in node: ${worstNode.toFixed(2)} ms (goal: under 50 ms)`,
);
const executable = chromiumPath();
if (executable) {
  const worst = await inBrowser(executable);
  console.log(
    `search over all ${records} records, slowest single run (max, first cold run included) in chromium: ${worst.toFixed(2)} ms (goal: under 50 ms)`,
  );
} else console.log('chromium not found: the browser measurement is skipped (apt-get install -y chromium)');
