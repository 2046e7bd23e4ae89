/**
 * npm run validate: check every record against its schema and the cross-record rules, and print
 * every problem as  file:line:col  field  message  (hint). Exits 1 when there is an error.
 */
import { relative } from 'node:path';
import { DATA_DIR, ROOT } from './lib/paths.ts';
import { formatProblem } from './lib/problems.ts';
import { validateData } from './lib/validate.ts';

const started = performance.now();
const result = validateData({ dataDir: DATA_DIR });
for (const p of result.problems) console.error(formatProblem(p));
const ms = Math.round(performance.now() - started);
const summary = `${result.records.length} records in ${relative(ROOT, DATA_DIR)}/: ${result.errors} error${result.errors === 1 ? '' : 's'}, ${result.warnings} warning${result.warnings === 1 ? '' : 's'} (${ms} ms)`;
if (result.errors) {
  console.error(summary);
  process.exitCode = 1;
} else console.log(summary);
