/**
 * npm run build: validate, then write dist/ (JSON, CSV, datapackage.json, schemas) atomically.
 * npm run build -- --check: write nothing; exit 1 when dist/ differs from what the data gives.
 */
import { relative } from 'node:path';
import { build } from './lib/build.ts';
import { DIST_DIR, ROOT } from './lib/paths.ts';
import { formatProblem } from './lib/problems.ts';

const check = process.argv.includes('--check');
const result = await build({ check });
for (const p of result.validation.problems) console.error(formatProblem(p));
const dist = relative(ROOT, DIST_DIR);
if (!result.release) {
  console.error(`build refused: ${result.validation.errors} error(s) in the data; ${dist}/ was left as it was`);
  process.exitCode = 1;
} else if (check) {
  const { changed, missing, extra } = result.stale!;
  if (result.readmeStale) console.error('README.md  its generated sections differ from what the data gives');
  for (const d of result.staleDocs ?? []) console.error(`docs/${d}  differs from what the data and schemas give`);
  if (result.changelogStale) console.error('CHANGELOG.md  its unreleased section differs from what the data gives');
  if (changed.length + missing.length + extra.length || result.readmeStale || result.changelogStale || result.staleDocs?.length) {
    for (const f of changed) console.error(`${dist}/${f}  differs from what the data gives`);
    for (const f of missing) console.error(`${dist}/${f}  is missing`);
    for (const f of extra) console.error(`${dist}/${f}  is not produced by the build`);
    console.error(`generated files are stale: run npm run build and commit the result`);
    process.exitCode = 1;
  } else console.log(`${dist}/ is up to date (${result.release.files.size} files)`);
} else {
  const c = result.release.counts;
  console.log(`built ${dist}/: ${result.release.files.size} files; ${Object.entries(c).map(([k, v]) => `${v} ${k}`).join(', ')}`);
  if (result.readmeStale) console.log('README.md: generated sections updated');
  for (const d of result.staleDocs ?? []) console.log(`docs/${d}: updated`);
  if (result.changelogStale) console.log('CHANGELOG.md: unreleased section updated');
}
