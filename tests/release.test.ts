/**
 * The release: CSV parses back to the JSON values, keys hold, builds are byte-identical, and a
 * failed build leaves dist/ as it was.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, listTree } from '../scripts/lib/build.ts';
import { COLLECTIONS } from '../scripts/lib/collections.ts';
import { FIXTURE_SEED_DIR, fixture, tempDir } from './helpers.ts';
import { readCsv, roundTrip } from './roundtrip.ts';

/** Build a fixture tree into outDir, dist/ only (no README, docs or changelog). */
function buildRoot(root: string, outDir: string, check = false) {
  return build({ dataDir: join(root, 'data'), outDir, seedDir: FIXTURE_SEED_DIR, check, readme: null, docsDir: null, changelog: null });
}

async function buildFixture(changes: Record<string, string | null> = {}, outDir = join(tempDir(), 'dist')) {
  const root = fixture(changes);
  const result = await buildRoot(root, outDir);
  return { root, outDir, result };
}

function snapshot(dir: string): Map<string, string> {
  return new Map(listTree(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

describe('a release built from the fixture', () => {
  let outDir: string;
  let pkg: {
    resources: {
      name: string;
      path: string;
      schema: {
        fields: { name: string; type: string; constraints?: { required?: boolean; enum?: string[] } }[];
        primaryKey: string[];
        foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
      };
    }[];
  };
  beforeAll(async () => {
    const built = await buildFixture();
    expect(built.result.validation.errors).toBe(0);
    outDir = built.outDir;
    pkg = JSON.parse(readFileSync(join(outDir, 'datapackage.json'), 'utf8'));
  });

  it('has JSON per collection, a combined file, the schemas and datapackage.json', () => {
    for (const c of COLLECTIONS) expect(existsSync(join(outDir, 'json', `${c}.json`))).toBe(true);
    const combined = JSON.parse(readFileSync(join(outDir, 'dprk-data.json'), 'utf8'));
    for (const c of COLLECTIONS) expect(combined[c]).toEqual(JSON.parse(readFileSync(join(outDir, 'json', `${c}.json`), 'utf8')));
    expect(readdirSync(join(outDir, 'schemas')).sort()).toEqual([...COLLECTIONS.map((c) => `${c}.schema.json`), 'defs.schema.json'].sort());
  });

  it('describes every CSV file in datapackage.json, with its header in field order', () => {
    const csvs = readdirSync(join(outDir, 'csv')).sort();
    expect(pkg.resources.map((r) => r.path.replace('csv/', '')).sort()).toEqual(csvs);
    for (const r of pkg.resources) {
      const { header } = readCsv(outDir, r.name);
      expect(header).toEqual(r.schema.fields.map((f) => f.name));
    }
  });

  it('gives back every JSON value from the parsed CSV, and nothing else', () => {
    const { csvCells, jsonCells } = roundTrip(outDir);
    expect(csvCells).toEqual(jsonCells);
    expect(jsonCells.length).toBeGreaterThan(100);
  });

  it('attaches computed figure checks, in JSON and in their own CSV table', () => {
    const figures = JSON.parse(readFileSync(join(outDir, 'json', 'figures.json'), 'utf8'));
    // The fixture's only launch in December 2023 has 2 missiles; "more than one" holds.
    expect(figures[0].checks).toEqual([
      expect.objectContaining({
        computed_value: 2,
        computed_qualifier: 'exact',
        coverage: ['launches-2023'],
        verdict: 'consistent',
        events_matched: 1,
      }),
    ]);
    expect(readCsv(outDir, 'figures_checks').rows[0]).toMatchObject({
      figure_id: 'launches-2023-example',
      index: '1',
      computed_value: '2',
      verdict: 'consistent',
    });
  });

  it('gives the earliest and latest day of every partial date', () => {
    const { rows } = readCsv(outDir, 'figures');
    expect(rows[0]).toMatchObject({ scope_period: '2023-12', scope_period_earliest: '2023-12-01', scope_period_latest: '2023-12-31' });
    const events = readCsv(outDir, 'events').rows;
    expect(events.find((e) => e.id === '2023-12-30-launch-a')).toMatchObject({
      date: '2023-12-30',
      date_earliest: '2023-12-30',
      date_latest: '2023-12-30',
    });
  });

  it('holds its primary and foreign keys', () => {
    const tables = new Map(pkg.resources.map((r) => [r.name, readCsv(outDir, r.name).rows]));
    let checked = 0;
    for (const r of pkg.resources) {
      const rows = tables.get(r.name)!;
      const keys = rows.map((row) => r.schema.primaryKey.map((k) => row[k]).join('|'));
      expect(new Set(keys).size, `primary key of ${r.name}`).toBe(keys.length);
      for (const fk of r.schema.foreignKeys ?? []) {
        const target = tables.get(fk.reference.resource)!;
        const targetKeys = new Set(target.map((row) => fk.reference.fields.map((k) => row[k]).join('|')));
        for (const row of rows) {
          const values = fk.fields.map((f) => row[f]);
          if (values.every((v) => v === '')) continue;
          expect(
            targetKeys.has(values.join('|')),
            `${r.name}.${fk.fields.join(',')} = ${values.join('|')} -> ${fk.reference.resource}`,
          ).toBe(true);
          checked++;
        }
      }
      for (const f of r.schema.fields) {
        for (const row of rows) {
          if (f.constraints?.required) expect(row[f.name], `${r.name}.${f.name} is required`).not.toBe('');
          if (f.constraints?.enum && row[f.name] !== '') expect(f.constraints.enum).toContain(row[f.name]);
          if (f.type === 'date' && row[f.name] !== '') expect(row[f.name]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          if (f.type === 'datetime' && row[f.name] !== '') expect(row[f.name]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
          if (f.type === 'integer' && row[f.name] !== '') expect(row[f.name]).toMatch(/^-?\d+$/);
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('keeps quotes, commas, newlines and Korean text intact in CSV', async () => {
    const { outDir: dir, result } = await buildFixture({
      'data/actors/agency-a.yaml':
        'name: "Agency \\"A\\", the, agency"\nkind: state-media\ncountry: KP\ndescription: "line one\\nline two"\naliases:\n  - name: 조선중앙통신\n    language: ko\n',
    });
    expect(result.validation.errors).toBe(0);
    const row = readCsv(dir, 'actors').rows.find((r) => r.id === 'agency-a')!;
    expect(row.name).toBe('Agency "A", the, agency');
    expect(row.description).toBe('line one\nline two');
    expect(readCsv(dir, 'actors_aliases').rows[0]).toMatchObject({
      actor_id: 'agency-a',
      index: '1',
      name: '조선중앙통신',
      language: 'ko',
    });
  });
});

describe('determinism and safety', () => {
  it('gives byte-identical files from two builds', async () => {
    const a = await buildFixture();
    const b = await buildFixture();
    const sa = snapshot(a.outDir);
    expect(sa.size).toBeGreaterThan(10);
    expect(snapshot(b.outDir)).toEqual(sa);
  });

  it('leaves the previous dist/ untouched when the data has an error', async () => {
    const { outDir } = await buildFixture();
    const before = snapshot(outDir);
    const root = fixture({ 'data/events/2023-12-31-meeting-a.yaml': 'type: nonsense\n' });
    const result = await buildRoot(root, outDir);
    expect(result.validation.errors).toBeGreaterThan(0);
    expect(result.written).toBeUndefined();
    expect(snapshot(outDir)).toEqual(before);
  });

  it('leaves the previous dist/ untouched when writing fails midway', async () => {
    const { outDir } = await buildFixture();
    const before = snapshot(outDir);
    const root = fixture({ 'data/actors/state-a.yaml': 'name: State A renamed\nkind: state\ncountry: KP\n' });
    await expect(
      build({
        dataDir: join(root, 'data'),
        outDir,
        seedDir: FIXTURE_SEED_DIR,
        readme: null,
        docsDir: null,
        changelog: null,
        beforeSwap: (tmp) => {
          expect(existsSync(join(tmp, 'csv', 'actors.csv'))).toBe(true);
          throw new Error('simulated crash');
        },
      }),
    ).rejects.toThrow('simulated crash');
    expect(snapshot(outDir)).toEqual(before);
    expect(readdirSync(join(outDir, '..')).filter((n) => n.startsWith('dist.'))).toEqual([]);
  });

  it('check mode finds changed, missing and extra files, and writes nothing', async () => {
    const root = fixture();
    const outDir = join(tempDir(), 'dist');
    await buildRoot(root, outDir);
    const clean = await buildRoot(root, outDir, true);
    expect(clean.stale).toEqual({ changed: [], missing: [], extra: [] });
    writeFileSync(join(outDir, 'csv', 'actors.csv'), 'tampered');
    writeFileSync(join(outDir, 'stray.txt'), 'x');
    writeFileSync(join(root, 'data', 'actors', 'state-b.yaml'), 'name: State B\nkind: state\n');
    const stale = await buildRoot(root, outDir, true);
    expect(stale.stale!.changed).toEqual(expect.arrayContaining(['dist/csv/actors.csv', 'dist/json/actors.json', 'dist/dprk-data.json']));
    expect(stale.stale!.extra).toEqual(['dist/stray.txt']);
    expect(readFileSync(join(outDir, 'csv', 'actors.csv'), 'utf8')).toBe('tampered');
  });
});

describe('the timeline chart', () => {
  it('draws the covered months with bars summing to the missiles, events above, summits and statements on the strip', async () => {
    const { timelineSvg } = await import('../scripts/lib/docs/timeline.ts');
    const { result } = await buildFixture();
    const svg = timelineSvg(result.model!);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    // 12 month labels for the fixture's 2023 coverage, December holding its one launch of 2 missiles.
    for (const m of ['Jan 2023', 'Feb', 'Jun', 'Dec']) expect(svg).toContain(`>${m}</text>`);
    const bars = [...svg.matchAll(/<rect [^>]*><title>([\w-]+) (\w+): (\d+)<\/title><\/rect>/g)].map((x) => [x[1], x[2], Number(x[3])]);
    expect(bars).toEqual([['2023-12', 'srbm', 2]]);
    // The statement of 31 December is on the strip; the fixture has no summit, nuclear test or resolution.
    expect((svg.match(/<circle /g) ?? []).length).toBe(1);
    expect(svg).not.toMatch(/NaN|undefined/);
  });

  it('switches to one bar a year over a long span, and shades periods not declared complete', async () => {
    const { timelineSvg } = await import('../scripts/lib/docs/timeline.ts');
    const partial =
      "title: Launches 2010-2022\nevent_types: [missile-launch, satellite-launch]\nperiod: 2010-01-01/2022-12-31\nstatus: partial\nas_of: '2022-12-31'\ncounting_rules: As for 2023.\nreviewed: '2026-11-25'\n";
    const { result } = await buildFixture({ 'data/coverage/launches-2010-2022.yaml': partial });
    const svg = timelineSvg(result.model!);
    expect(svg).toContain('missiles per year by class');
    for (const y of ['2010', '2015', '2020']) expect(svg).toContain(`>${y}</text>`);
    expect(svg).toContain('<title>2012: partial coverage</title>');
    expect(svg).not.toContain('<title>2023: partial coverage</title>');
    expect([...svg.matchAll(/<title>2023 srbm: 2<\/title>/g)]).toHaveLength(1);
  });
});
