/**
 * One measurement, run in its own process by scripts/bench.ts so that peak memory is its own:
 *   floor <dir>     read every YAML file and parse it with the yaml package, nothing else
 *   floor-fast <dir> the same with js-yaml (core schema), the parser the loader uses for plain records
 *   validate <dir>  load + schema + cross-record checks (what npm run validate does)
 *   build <dir>     validate + derive + emit + write a dist/ (what npm run build does)
 * Prints one JSON line: { ms, records, maxRssMb }.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { parse } from 'yaml';
import { build } from '../lib/build.ts';
import { validateData } from '../lib/validate.ts';

const [mode, dir] = process.argv.slice(2);
if (!mode || !dir) throw new Error('usage: run.ts floor|validate|build <dir>');

function files(d: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(d)) {
    const full = join(d, name);
    if (statSync(full).isDirectory()) out.push(...files(full));
    else if (name.endsWith('.yaml')) out.push(full);
  }
  return out;
}

const t0 = performance.now();
let records = 0;
if (mode === 'floor') {
  for (const f of files(join(dir, 'data'))) {
    parse(readFileSync(f, 'utf8'));
    records++;
  }
} else if (mode === 'floor-fast') {
  for (const f of files(join(dir, 'data'))) {
    load(readFileSync(f, 'utf8'), { schema: CORE_SCHEMA });
    records++;
  }
} else if (mode === 'validate') {
  const r = validateData({ dataDir: join(dir, 'data'), seedDir: dir });
  if (r.errors) throw new Error(`synthetic data has ${r.errors} errors, first: ${JSON.stringify(r.problems[0])}`);
  records = r.records.length;
} else if (mode === 'build') {
  const r = await build({
    dataDir: join(dir, 'data'),
    outDir: join(dir, 'dist'),
    seedDir: dir,
    readme: null,
    docsDir: null,
    changelog: null,
  });
  if (!r.files) throw new Error('build failed');
  records = r.validation.records.length;
}
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms: Math.round(ms), records, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
