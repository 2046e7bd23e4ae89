/**
 * The npm package as a user gets it: packed with npm pack, checked with publint and
 * are-the-types-wrong, its manifest read for dependencies and install scripts, then installed into
 * a fresh project and imported from ESM, from CommonJS and from type-checked TypeScript.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { publint } from 'publint';
import { beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../scripts/lib/collections.ts';
import { exportsMap, typesVersionsMap } from '../scripts/lib/release/entrypoints.ts';
import { ROOT } from '../scripts/lib/paths.ts';
import { tempDir } from './helpers.ts';

/**
 * The helpers' types, as a user writes them: each @ts-expect-error is a mistake the types must
 * catch (tsc fails on an expected error that does not come).
 */
const HELPERS_TS = `import { events, figures, get, resolve, citationsOf, count, type CountResult, type EventId } from 'dprk-data';
import { get as getFromQuery } from 'dprk-data/query';
declare const someId: string;
const e = get('events', '2023-11-21-malligyong-1-launch');
const title: string = e.title;
const day: string = e.date_earliest;
// @ts-expect-error: no such event
get('events', 'no-such-id');
// @ts-expect-error: no such collection
get('launches', '2023-11-21-malligyong-1-launch');
const maybe = getFromQuery('statements', someId);
// @ts-expect-error: an id known only at run time may match nothing
maybe.speaker;
if (maybe) {
  const speakerName: string = resolve(maybe, 'speaker').name;
  const targets = resolve(maybe, 'targets')?.map((a) => a.kind);
  console.log(speakerName, targets);
}
// @ts-expect-error: place is optional, so it may resolve to nothing
resolve(e, 'place').name;
// @ts-expect-error: title is not a reference
resolve(e, 'title');
for (const ev of events) {
  if (ev.type === 'missile-launch' || ev.type === 'satellite-launch') {
    for (const g of ev.launch.missiles) console.log(resolve(g, 'system')?.name ?? g.class, g.system && get('systems', g.system).name);
  } else if (ev.type === 'nuclear-test') console.log(ev.nuclear_test.sequence);
  else if (ev.type === 'un-resolution') console.log(ev.resolution.body);
  else {
    // @ts-expect-error: only launches have launch
    console.log(ev.launch.missiles);
  }
}
const r: CountResult = count({ unit: 'missiles', event_types: ['missile-launch'], period: '2023', classes: ['icbm'] });
const first: EventId | undefined = r.events[0];
const computed: number[] = figures.flatMap((f) => f.derivations ?? []).map((d) => count(d).value);
// @ts-expect-error: not an actor's id
count({ unit: 'events', event_types: ['summit'], period: '2023', participants: ['nobody-at-all'] });
// @ts-expect-error: not a unit
count({ unit: 'rockets', event_types: ['missile-launch'], period: '2023' });
const quotes: string[] = citationsOf(e).map(({ citation, source }) => citation.quote + source.publisher);
// @ts-expect-error: the collections are frozen
events.push(e);
export { title, day, first, computed, quotes };
`;

/** The released figures, as the installed package holds them. */
const pkgFigures = () => JSON.parse(readFileSync(join(ROOT, 'dist', 'json', 'figures.json'), 'utf8')) as { derivations?: unknown[] }[];

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
    const entrypoints = ['.', './query', ...COLLECTIONS.map((c) => `./${c}`)];
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

  it('has the helpers in ESM, from the root and from dprk-data/query, and freezes the records', () => {
    const script = [
      "import { events, get, resolve, citationsOf, count } from 'dprk-data';",
      "import * as query from 'dprk-data/query';",
      "const e = get('events', '2023-11-21-malligyong-1-launch');",
      'const frozen = [];',
      'for (const change of [() => events.push(e), () => { e.title = "x"; }, () => { e.citations[0].quote = "x"; }, () => { e.launch.missiles[0].count.value = 0; }])',
      '  try { change(); frozen.push(false); } catch (err) { frozen.push(err instanceof TypeError); }',
      'console.log(JSON.stringify({',
      '  same: query.get === get || query.get("events", e.id) === e,',
      '  title: e.title, date: [e.date_earliest, e.date_latest], place: resolve(e, "place")?.id, missing: get("events", "no-such-id") ?? null,',
      '  citations: citationsOf(e).map((c) => c.source.id === c.citation.source),',
      '  count: count({ unit: "launch-events", event_types: ["satellite-launch"], period: "2023" }),',
      '  frozen, deep: Object.isFrozen(e.launch.missiles[0].count),',
      '}));',
    ].join('\n');
    const r = JSON.parse(run('node', ['--input-type=module', '-e', script], project));
    expect(r).toMatchObject({
      same: true,
      date: ['2023-11-21', '2023-11-21'],
      missing: null,
      frozen: [true, true, true, true],
      deep: true,
    });
    expect(r.place).toBeTruthy();
    expect(r.citations.length).toBeGreaterThan(0);
    expect(r.citations.every(Boolean)).toBe(true);
    expect(r.count).toMatchObject({ value: 3, qualifier: 'exact', complete: true, lowerBound: false });
    expect(r.count.events).toContain('2023-11-21-malligyong-1-launch');
  });

  it('has the helpers in CommonJS, and the records are frozen under strict mode', () => {
    const script = [
      "'use strict';",
      "const d = require('dprk-data');",
      "const q = require('dprk-data/query');",
      "const speaker = d.resolve(d.statements[0], 'speaker');",
      'let pushed = true;',
      'try { d.events.push({}); } catch (err) { pushed = !(err instanceof TypeError); }',
      'console.log(JSON.stringify({ speaker: speaker.id === d.statements[0].speaker, same: q.get("actors", speaker.id) === speaker, pushed, nested: Object.isFrozen(d.figures[0].citations), n: q.count({ unit: "missiles", event_types: ["missile-launch"], period: "2023" }).value }));',
    ].join('\n');
    const r = JSON.parse(run('node', ['-e', script], project));
    expect(r).toMatchObject({ speaker: true, same: true, pushed: false, nested: true });
    expect(r.n).toBeGreaterThan(20);
  });

  it("count() reproduces every figure reading's computed value, from ESM and from CommonJS", () => {
    const loop = [
      'const out = [];',
      'for (const f of figures) (f.derivations ?? []).forEach((d, i) => {',
      '  const r = count(d), c = f.checks[i];',
      '  out.push({ id: f.id, i, value: [r.value, c.computed_value], qualifier: [r.qualifier, c.computed_qualifier], coverage: [r.coverage, c.coverage ?? null], complete: [r.complete, c.coverage !== undefined], events: [r.events.length, c.events_matched] });',
      '});',
      'console.log(JSON.stringify(out));',
    ].join('\n');
    const esm = `import figures from 'dprk-data/figures.json' with { type: 'json' };\nimport { count } from 'dprk-data/query';\n${loop}`;
    const cjs = `const figures = require('dprk-data/figures.json');\nconst { count } = require('dprk-data');\n${loop}`;
    const derivations = pkgFigures().flatMap((f) => f.derivations ?? []).length;
    expect(derivations).toBeGreaterThan(10);
    for (const results of [run('node', ['--input-type=module', '-e', esm], project), run('node', ['-e', cjs], project)]) {
      const rows = JSON.parse(results) as Record<string, unknown[]>[];
      expect(rows).toHaveLength(derivations);
      for (const row of rows)
        for (const key of ['value', 'qualifier', 'coverage', 'complete', 'events'])
          expect(row[key]![0], `${String(row.id)} ${key}`).toEqual(row[key]![1]);
    }
  });

  it('is tree-shakeable: a bundle keeps only the collections the imports read', async () => {
    const bundle = async (code: string) => {
      const r = await build({
        stdin: { contents: code, resolveDir: project, sourcefile: 'entry.mjs' },
        bundle: true,
        write: false,
        format: 'esm',
        platform: 'node',
        logLevel: 'silent',
      });
      return r.outputFiles[0]!.text;
    };
    expect((await bundle("import { version } from 'dprk-data'; console.log(version);")).length).toBeLessThan(1000);
    const counting = await bundle("import { count } from 'dprk-data'; console.log(count);");
    expect(counting).toContain('2023-11-21-malligyong-1-launch'); // events
    expect(counting).not.toContain('https://'); // only sources have URLs
    expect(counting).not.toContain('2023-12-31-kim-annihilate-if-provoked'); // a statement
    const citing = await bundle("import { citationsOf } from 'dprk-data/query'; console.log(citationsOf);");
    expect(citing).toContain('https://');
    expect(citing).not.toContain('2023-11-21-malligyong-1-launch');
  }, 60_000);

  it('type-checks from TypeScript, ESM and CommonJS, and the types refuse unknown fields', () => {
    writeFileSync(
      join(project, 'check.ts'),
      [
        "import { events, type Event, type Figure } from 'dprk-data';",
        "import figures from 'dprk-data/figures';",
        'const first: Event = events[0]!;',
        "const kind: Event['type'] = first.type;",
        'const all: readonly Figure[] = figures;',
        'const verdicts: string[] = all.flatMap((f) => (f.checks ?? []).map((c) => c.verdict));',
        '// @ts-expect-error: the types are closed like the schemas',
        'const wrong: Event = { ...first, unknown_field: 1 };',
        'export { kind, verdicts, wrong };',
      ].join('\n'),
    );
    writeFileSync(join(project, 'helpers.ts'), HELPERS_TS);
    writeFileSync(
      join(project, 'check-cjs.cts'),
      [
        "import data = require('dprk-data');",
        "import events = require('dprk-data/events');",
        "import query = require('dprk-data/query');",
        'const n: number = data.events.length + events.length;',
        "const name: string = data.get('actors', 'kim-jong-un').name;",
        "const r: query.CountResult = query.count({ unit: 'launch-events', event_types: ['missile-launch'], period: '2022' });",
        "// @ts-expect-error: not an actor's id",
        "query.get('actors', 'no-such-actor');",
        'export { n, name, r };',
      ].join('\n'),
    );
    const compilerOptions = { strict: true, noEmit: true, skipLibCheck: false, target: 'es2022', types: [] };
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { ...compilerOptions, module: 'nodenext', moduleResolution: 'nodenext' },
        files: ['check.ts', 'helpers.ts', 'check-cjs.cts'],
      }),
    );
    writeFileSync(
      join(project, 'tsconfig.bundler.json'),
      JSON.stringify({
        compilerOptions: { ...compilerOptions, module: 'esnext', moduleResolution: 'bundler' },
        files: ['check.ts', 'helpers.ts'],
      }),
    );
    const tsc = resolve(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    run(process.execPath, [tsc, '-p', project], project);
    run(process.execPath, [tsc, '-p', join(project, 'tsconfig.bundler.json')], project);
  }, 120_000);
});
