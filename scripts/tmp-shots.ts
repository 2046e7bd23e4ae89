import puppeteer from 'puppeteer-core';
import { chromiumPath, launchOptions } from './lib/site/browser.ts';
import { serveStatic } from './lib/site/serve.ts';
const { server, url } = await serveStatic('/tmp/site1');
const browser = await puppeteer.launch(launchOptions(chromiumPath()!));
const page = await browser.newPage();
await page.setViewport({ width: 1100, height: 1000 });
for (const p of process.argv.slice(2)) {
  await page.goto(url + p, { waitUntil: 'networkidle0' });
  await page.screenshot({ path: `/tmp/shot-${p.replace(/\W+/g, '_')}.png` as `${string}.png`, fullPage: false });
}
await browser.close(); server.close();
