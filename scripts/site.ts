/**
 * npm run site [-- --out <dir>]: validate the data, derive the release model and write the static
 * site (site/ by default) from it. SITE_URL sets the address the "cite this record" lines give.
 */
import { resolve } from 'node:path';
import { loadModel } from './lib/build.ts';
import { ROOT } from './lib/paths.ts';
import { formatProblem } from './lib/problems.ts';
import { siteFiles, writeSite } from './lib/site/index.ts';
import { checkLinks } from './lib/site/links.ts';

const at = process.argv.indexOf('--out');
const out = resolve(ROOT, at > 0 && process.argv[at + 1] ? process.argv[at + 1]! : 'site');
const { validation, model } = loadModel();
for (const p of validation.problems) console.error(formatProblem(p));
if (!model) {
  console.error(`site refused: ${validation.errors} error(s) in the data; nothing was written`);
  process.exitCode = 1;
} else {
  const files = siteFiles(model, process.env.SITE_URL ? { siteUrl: process.env.SITE_URL } : {});
  const { broken, checked } = checkLinks(files);
  for (const b of broken) console.error(`${b.page}: ${b.link}  ${b.reason}`);
  if (broken.length) {
    console.error(`site refused: ${broken.length} broken link(s); nothing was written`);
    process.exitCode = 1;
  } else {
    writeSite(out, files);
    const pages = [...files.keys()].filter((p) => p.endsWith('.html')).length;
    console.log(`wrote ${out}: ${files.size} files, ${pages} pages, ${checked} internal links checked`);
  }
}
