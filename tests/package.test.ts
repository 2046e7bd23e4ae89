/**
 * The npm package as a user gets it: packed with npm pack, checked with publint and
 * are-the-types-wrong, its manifest read for dependencies and install scripts, then installed into
 * a fresh project and imported from ESM, from CommonJS and from type-checked TypeScript.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { publint } from 'publint';
import { beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../scripts/lib/collections.ts';
import { exportsMap, typesVersionsMap } from '../scripts/lib/release/entrypoints.ts';
import { ROOT } from '../scripts/lib/paths.ts';
import { tempDir } from './helpers.ts';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const bin = (name: string) => resolve(ROOT, 'node_modules', '.bin', name);
let work: string;
let tarball: string;
let unpacked: string;
let project: string;

function run(cmd: string, args: string[], cwd: string): string {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

beforeAll(() => {
  work = tempDir('dprk-data-pack-');
  const out = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], ROOT)) as { filename: string }[];
  tarball = join(work, out[0]!.filename);
  unpacked = join(work, 'unpacked');
  mkdirSync(unpacked);
  execFileSync('tar', ['-xzf', tarball, '-C', unpacked]);
  project = join(work, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  run('npm', ['install', tarball, '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline'], project);
}, 120_000);

describe('package.json', () => {
  it('declares the exports and typesVersions the build generates', () => {
    expect(pkg.exports).toEqual(exportsMap());
    expect(pkg.typesVersions).toEqual(typesVersionsMap());
  });
});

describe('the packed package', () => {
  it('has no runtime dependencies and no install scripts', () => {
    const manifest = JSON.parse(readFileSync(join(unpacked, 'package', 'package.json'), 'utf8'));
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies', 'bundleDependencies', 'bundledDependencies']) {
      expect(Object.keys(manifest[field] ?? {}), field).toEqual([]);
    }
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare', 'prepack', 'postpack'])
      expect(manifest.scripts?.[hook], hook).toBeUndefined();
  });

  it('holds only the allow-listed files', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
    const allowed = /^package\/(dist\/|README\.md$|LICENSE$|LICENSE-DATA\.md$|CITATION\.cff$|CHANGELOG\.md$|package\.json$)/;
    expect(files.filter((f) => !allowed.test(f))).toEqual([]);
    for (const c of COLLECTIONS) expect(files).toContain(`package/dist/json/${c}.json`);
  });

  it('is clean under publint', async () => {
    const { messages } = await publint({ pkgDir: join(unpacked, 'package'), level: 'suggestion' });
    expect(messages).toEqual([]);
  });

  it('is clean under are-the-types-wrong for every code entry point', () => {
    const entrypoints = ['.', ...COLLECTIONS.map((c) => `./${c}`)];
    const r = spawnSync(bin('attw'), [tarball, '--entrypoints', ...entrypoints, '--format', 'ascii', '--no-color'], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/💀|❌|⚠️/u);
  }, 60_000);

  it('has no known vulnerabilities in what it installs', () => {
    const r = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: ROOT, encoding: 'utf8' });
    const report = JSON.parse(r.stdout || '{}');
    expect(report.metadata?.vulnerabilities?.total, r.stderr).toBe(0);
  }, 60_000);
});

describe('installed in a fresh project', () => {
  it('imports from ESM: the whole set, one collection, and raw JSON', () => {
    const script = [
      "import { events, figures, version } from 'dprk-data';",
      "import onlyEvents from 'dprk-data/events';",
      "import raw from 'dprk-data/events.json' with { type: 'json' };",
      "import { createRequire } from 'node:module';",
      'const require = createRequire(import.meta.url);',
      "const csv = require.resolve('dprk-data/events.csv');",
      'console.log(JSON.stringify({ n: events.length, same: onlyEvents.length === raw.length && raw.length === events.length, version, checks: figures.filter((f) => f.checks).length, csv: csv.endsWith("events.csv") }));',
    ].join('\n');
    const result = JSON.parse(run('node', ['--input-type=module', '-e', script], project));
    expect(result).toMatchObject({ same: true, version: pkg.version, csv: true });
    expect(result.n).toBeGreaterThan(20);
    expect(result.checks).toBeGreaterThan(0);
  });

  it('requires from CommonJS', () => {
    const script = [
      "const d = require('dprk-data');",
      "const events = require('dprk-data/events');",
      "const raw = require('dprk-data/events.json');",
      'console.log(JSON.stringify({ n: d.events.length, same: events.length === raw.length && raw.length === d.events.length, sources: d.sources.length }));',
    ].join('\n');
    const result = JSON.parse(run('node', ['-e', script], project));
    expect(result.same).toBe(true);
    expect(result.n).toBeGreaterThan(20);
    expect(result.sources).toBeGreaterThan(20);
  });

  it('type-checks from TypeScript, ESM and CommonJS, and the types refuse unknown fields', () => {
    writeFileSync(
      join(project, 'check.ts'),
      [
        "import { events, type Event, type Figure } from 'dprk-data';",
        "import figures from 'dprk-data/figures';",
        'const first: Event = events[0]!;',
        "const kind: Event['type'] = first.type;",
        'const all: Figure[] = figures;',
        'const verdicts: string[] = all.flatMap((f) => (f.checks ?? []).map((c) => c.verdict));',
        '// @ts-expect-error: the types are closed like the schemas',
        'const wrong: Event = { ...first, unknown_field: 1 };',
        'export { kind, verdicts, wrong };',
      ].join('\n'),
    );
    writeFileSync(
      join(project, 'check-cjs.cts'),
      [
        "import data = require('dprk-data');",
        "import events = require('dprk-data/events');",
        'const n: number = data.events.length + events.length;',
        'export { n };',
      ].join('\n'),
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: false, types: [] },
        files: ['check.ts', 'check-cjs.cts'],
      }),
    );
    run(process.execPath, [resolve(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], project);
  }, 60_000);
});
