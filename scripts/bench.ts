/**
 * npm run bench [-- 1000 10000 100000]: how fast validation and the build are, at any size.
 *
 * For each size, a synthetic schema-valid dataset is generated in a temporary folder, then each
 * stage runs in a fresh process (so peak memory is its own): the floor (read and parse every YAML
 * file, nothing else), validate, the full build, and ajv-cli validating the same YAML files against
 * the same schemas. Then the real data, and the consumer side: a cold import of dprk-data/events
 * against a bare JSON.parse of the same bytes, and the packed tarball's size.
 * Prints a Markdown table and writes it to docs/bench.md. A benchmark, not a test: it asserts
 * nothing, it reports.
 */
import { spawnSync } from 'node:child_process';
import { cpus, tmpdir, totalmem } from 'node:os';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generate } from './bench/synthetic.ts';
import { COLLECTIONS } from './lib/collections.ts';
import { DATA_DIR, ROOT, SEED_DIR, SCHEMA_DIR } from './lib/paths.ts';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
if (!sizes.length) sizes.push(1000, 10000, 100000);
const TSX = resolve(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const AJV = resolve(ROOT, 'node_modules', 'ajv-cli', 'dist', 'index.js');

interface Measure {
  ms: number;
  records: number;
  maxRssMb: number;
}

function measure(mode: string, dir: string): Measure & { wallMs: number } {
  const t = performance.now();
  const r = spawnSync(
    process.execPath,
    ['--max-old-space-size=16384', '--max-semi-space-size=64', TSX, join(ROOT, 'scripts', 'bench', 'run.ts'), mode, dir],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  const wallMs = Math.round(performance.now() - t);
  if (r.status !== 0) throw new Error(`${mode} failed: ${r.stderr.slice(-2000)}`);
  const line = r.stdout.trim().split('\n').pop()!;
  return { ...(JSON.parse(line) as Measure), wallMs };
}

/** ajv-cli over the same files, one invocation per collection (as a user would run it). */
function ajvCli(dir: string): { wallMs: number } {
  const t = performance.now();
  for (const c of COLLECTIONS) {
    const args = [
      AJV,
      'validate',
      '--spec=draft2020',
      '--strict=false',
      '--all-errors',
      '--errors=no',
      '-c',
      join(ROOT, 'scripts', 'bench', 'ajv-keywords.cjs'),
      '-s',
      join(SCHEMA_DIR, `${c}.schema.json`),
      ...COLLECTIONS.filter((x) => x !== c).flatMap((x) => ['-r', join(SCHEMA_DIR, `${x}.schema.json`)]),
      '-r',
      join(SCHEMA_DIR, 'defs.schema.json'),
      '-d',
      join(dir, 'data', c, '**', '*.yaml'),
    ];
    // ajv-cli exits 1 when a file is invalid: every synthetic file lacks the id that our loader
    // takes from the file name, and js-yaml reads unquoted dates as Date objects. It still parses
    // and validates every file, which is the work timed here.
    spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 256 << 20 });
  }
  return { wallMs: Math.round(performance.now() - t) };
}

const RUN = resolve(ROOT, 'scripts', 'run.mjs');

/**
 * The curator's commands as a curator runs them (npm run validate, npm run check: node + the
 * bundled script), over a copy of the repository's layout whose data/ is the given folder; the
 * median wall time of several runs, after one run that fills the bundle cache.
 */
function commandTimes(dataDir: string): { validate: number; check: number } {
  const tree = mkdtempSync(join(tmpdir(), 'dprk-bench-tree-'));
  for (const f of ['package.json', 'README.md', 'CHANGELOG.md']) spawnSync('cp', [join(ROOT, f), tree]);
  for (const d of ['schemas', 'docs', 'dist']) spawnSync('cp', ['-r', join(ROOT, d), tree]);
  spawnSync('cp', ['-r', dataDir, join(tree, 'data')]);
  const env = { ...process.env, DPRK_DATA_ROOT: tree };
  const time = (args: string[]) => {
    const t = performance.now();
    const r = spawnSync(process.execPath, ['--max-semi-space-size=64', RUN, ...args], { env, encoding: 'utf8', maxBuffer: 64 << 20 });
    const ms = performance.now() - t;
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed in ${tree}: ${r.stderr.slice(-2000)}`);
    return ms;
  };
  const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!);
  time(['build']); // fills the bundle and type caches and writes the tree's dist/
  const result = {
    validate: median(Array.from({ length: 5 }, () => time(['validate']))),
    check: median(Array.from({ length: 5 }, () => time(['build', '--check']))),
  };
  rmSync(tree, { recursive: true, force: true });
  return result;
}

const fmt = (n: number) => n.toLocaleString('en-US');
const rows: string[] = [];
const work = mkdtempSync(join(tmpdir(), 'dprk-bench-'));
try {
  for (const size of sizes) {
    const dir = join(work, String(size));
    mkdirSync(dir, { recursive: true });
    const g0 = performance.now();
    generate(dir, size);
    const genMs = Math.round(performance.now() - g0);
    const floor = measure('floor', dir);
    const floorFast = measure('floor-fast', dir);
    const validate = measure('validate', dir);
    const build = measure('build', dir);
    const ajv = ajvCli(dir);
    rows.push(
      `| ${fmt(floor.records)} | ${fmt(floor.ms)} | ${fmt(floorFast.ms)} | ${fmt(validate.ms)} | ${fmt(build.ms)} | ${fmt(Math.round(floor.records / (build.ms / 1000)))} | ${validate.maxRssMb} / ${build.maxRssMb} | ${(build.ms / floor.ms).toFixed(2)} / ${(build.ms / floorFast.ms).toFixed(2)} | ${fmt(validate.wallMs)} | ${fmt(ajv.wallMs)} |`,
    );
    console.error(`${size}: generated in ${genMs} ms; ${rows[rows.length - 1]}`);
    rmSync(dir, { recursive: true, force: true });
  }

  // The real data, through the same runner (its seed folder is ../shared/seed).
  const realDir = mkdtempSync(join(work, 'real-'));
  spawnSync('cp', ['-r', DATA_DIR, join(realDir, 'data')]);
  spawnSync('cp', ['-r', `${SEED_DIR}/.`, realDir]);
  const realValidate = measure('validate', realDir);
  const realBuild = measure('build', realDir);
  const realCommands = commandTimes(DATA_DIR);
  // Five times the records of the dataset's first release (346), as the curator's loop must stay fast as the data grows.
  const fiveDir = join(work, 'five');
  generate(fiveDir, 5 * 346);
  const fiveCommands = commandTimes(join(fiveDir, 'data'));

  // The consumer side, from the packed package installed in a fresh project.
  const pack = JSON.parse(spawnSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' }).stdout) as {
    filename: string;
    size: number;
    unpackedSize: number;
  }[];
  const project = join(work, 'consumer');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), '{"name":"consumer","private":true,"type":"module"}');
  spawnSync('npm', ['install', join(work, pack[0]!.filename), '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: project,
    encoding: 'utf8',
  });
  const events = join(project, 'node_modules', 'dprk-data', 'dist', 'json', 'events.json');
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const inProcess = (code: string) =>
    Number(spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: project, encoding: 'utf8' }).stdout.trim());
  const importMs: number[] = [];
  const parseMs: number[] = [];
  const importWall: number[] = [];
  const parseWall: number[] = [];
  for (let i = 0; i < 15; i++) {
    importMs.push(inProcess("const t = performance.now(); await import('dprk-data/events'); console.log(performance.now() - t);"));
    parseMs.push(
      inProcess(
        `import { readFileSync } from 'node:fs'; const t = performance.now(); JSON.parse(readFileSync(${JSON.stringify(events)}, 'utf8')); console.log(performance.now() - t);`,
      ),
    );
    let t = performance.now();
    spawnSync(process.execPath, ['-e', "import('dprk-data/events')"], { cwd: project });
    importWall.push(performance.now() - t);
    t = performance.now();
    spawnSync(process.execPath, ['-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(events)}, 'utf8'))`], { cwd: project });
    parseWall.push(performance.now() - t);
  }

  const table = [
    '# Benchmark',
    '',
    `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}. Produced by \`npm run bench\`; figures vary from run to run by about 10%.`,
    '',
    'Synthetic datasets (mixed collections in the real proportions, every record schema-valid, all references resolving). Times in milliseconds, measured inside the process (startup excluded) except the last two columns, which are wall-clock times of the command-line tools, startup included.',
    '',
    '| records | floor: read + parse (yaml) | floor: read + parse (js-yaml) | validate | full build | records/s (build) | peak MB (validate / build) | build / floor (yaml / js-yaml) | `npm run validate` wall | ajv-cli wall |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `Real data (${fmt(realValidate.records)} records): validate ${fmt(realValidate.ms)} ms (${fmt(realValidate.wallMs)} ms as a command), full build ${fmt(realBuild.ms)} ms (${fmt(realBuild.wallMs)} ms as a command).`,
    '',
    `The curator's commands as run (\`npm run validate\`, \`npm run check\`: node and the bundled script, startup included; median of 5): real data ${fmt(realCommands.validate)} ms and ${fmt(realCommands.check)} ms; ${fmt(5 * 346)} synthetic records (five times the first release's 346) ${fmt(fiveCommands.validate)} ms and ${fmt(fiveCommands.check)} ms.`,
    '',
    `Consumer side (median of 15): \`await import('dprk-data/events')\` ${median(importMs).toFixed(2)} ms in process vs \`JSON.parse\` of the same file ${median(parseMs).toFixed(2)} ms (ratio ${(median(importMs) / median(parseMs)).toFixed(2)}); a cold \`node -e "import('dprk-data/events')"\` ${median(importWall).toFixed(0)} ms vs a cold \`node -e\` JSON.parse ${median(parseWall).toFixed(0)} ms (ratio ${(median(importWall) / median(parseWall)).toFixed(2)}). Packed tarball: ${fmt(pack[0]!.size)} bytes (${fmt(pack[0]!.unpackedSize)} unpacked).`,
    '',
  ].join('\n');
  writeFileSync(join(ROOT, 'docs', 'bench.md'), table);
  console.log(table);
} finally {
  rmSync(work, { recursive: true, force: true });
}
