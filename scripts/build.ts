/**
 * npm run build: validate, then write dist/ and the generated documents atomically.
 * npm run build -- --check: write nothing; exit 1 when any generated file differs from what the data gives.
 */
import { build } from './lib/build.ts';
import { formatProblem } from './lib/problems.ts';

const check = process.argv.includes('--check');
const result = await build({ check });
for (const p of result.validation.problems) console.error(formatProblem(p));
if (!result.files) {
  console.error(`build refused: ${result.validation.errors} error(s) in the data; nothing was written`);
  process.exitCode = 1;
} else if (result.stale) {
  const { changed, missing, extra } = result.stale;
  for (const f of changed) console.error(`${f}  differs from what the data gives`);
  for (const f of missing) console.error(`${f}  is missing`);
  for (const f of extra) console.error(`${f}  is not produced by the build`);
  if (changed.length + missing.length + extra.length) {
    console.error('generated files are stale: run npm run build and commit the result');
    process.exitCode = 1;
  } else console.log(`generated files are up to date (${result.files.length} files)`);
} else {
  const dist = result.files.filter((f) => f.path.startsWith('dist/')).length;
  console.log(
    `built dist/: ${dist} files; ${Object.entries(result.model!.counts)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}`,
  );
  for (const f of result.updated ?? []) console.log(`${f}: updated`);
}
