/**
 * npm run screenshots: build the site into a temporary folder, serve it, and take PNG screenshots
 * of the home page and of one launch page with puppeteer-core and chromium, into docs/screenshots/.
 * Not part of the build check: run it when the look of the site changes, and commit the PNGs.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { loadModel } from './lib/build.ts';
import { DOCS_DIR } from './lib/paths.ts';
import { chromiumPath, launchOptions } from './lib/site/browser.ts';
import { siteFiles, writeSite } from './lib/site/index.ts';
import { serveStatic } from './lib/site/serve.ts';

/** The launch page shown: a well-cited launch with variants. */
const LAUNCH = '2023-07-12-hwasong-18-launch';

const executable = chromiumPath();
if (!executable) throw new Error('chromium not found: apt-get install -y chromium (or set CHROMIUM_PATH)');
const { model } = loadModel();
if (!model) throw new Error('the data has errors: run npm run validate');
const dir = mkdtempSync(join(tmpdir(), 'dprk-site-shots-'));
const out = join(DOCS_DIR, 'screenshots');
mkdirSync(out, { recursive: true });
writeSite(dir, siteFiles(model));
const { server, url } = await serveStatic(dir);
const browser = await puppeteer.launch(launchOptions(executable));
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 1400 });
  const shots: [string, string][] = [
    ['home.png', 'index.html'],
    ['launch.png', `events/${LAUNCH}/index.html`],
  ];
  for (const [name, path] of shots) {
    await page.goto(url + path, { waitUntil: 'networkidle0' });
    await page.screenshot({ path: join(out, name) as `${string}.png` });
    console.log(`docs/screenshots/${name}: ${path}`);
  }
} finally {
  await browser.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
