/**
 * npm run validate: check every record against its schema and the cross-record rules, and print
 * every problem as  file:line:col  field  message  (hint). Exits 1 when there is an error.
 * npm run validate -- <file>...: check only these files (with the records they refer to).
 */
import { relative } from 'node:path';
import { DATA_DIR, ROOT } from './lib/paths.ts';
import { formatProblem } from './lib/problems.ts';
import { validateData, validateFiles } from './lib/validate.ts';

const started = performance.now();
const files = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const result = files.length ? validateFiles(DATA_DIR, files) : validateData({ dataDir: DATA_DIR });
for (const p of result.problems) console.error(formatProblem(p));
const ms = Math.round(performance.now() - started);
const summary = `${files.length ? `${files.length} file${files.length === 1 ? '' : 's'} (with ${result.records.length} records they need)` : `${result.records.length} records in ${relative(ROOT, DATA_DIR)}/`}: ${result.errors} error${result.errors === 1 ? '' : 's'}, ${result.warnings} warning${result.warnings === 1 ? '' : 's'} (${ms} ms)`;
if (result.errors) {
  console.error(summary);
  process.exitCode = 1;
} else console.log(summary);
