/** npm run figures: print the figures report (each quoted figure, its readings and verdicts) without writing anything. */
import { build } from './lib/build.ts';
import { figuresReport } from './lib/docs/figures-report.ts';
import { formatProblem } from './lib/problems.ts';

const result = await build({ check: true });
if (!result.model) {
  for (const p of result.validation.problems) console.error(formatProblem(p));
  console.error('the data has errors; fix them first (npm run validate)');
  process.exitCode = 1;
} else process.stdout.write(figuresReport(result.model));
