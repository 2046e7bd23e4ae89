/** The real data in data/: valid, and the committed dist/ is what it gives. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../scripts/lib/build.ts';
import { formatProblem } from '../scripts/lib/problems.ts';
import { validateData } from '../scripts/lib/validate.ts';
import { DATA_DIR, DIST_DIR, README, SEED_DIR } from '../scripts/lib/paths.ts';
import { roundTrip } from './roundtrip.ts';

describe('the dataset', () => {
  const seedPresent = existsSync(SEED_DIR);

  it('validates without errors or warnings (apart from the seed check, below)', () => {
    const result = validateData({ dataDir: DATA_DIR });
    expect(result.problems.filter((p) => p.code !== 'seed/missing').map(formatProblem)).toEqual([]);
    expect(result.records.length).toBeGreaterThan(0);
  });

  it.skipIf(!seedPresent)(
    `has the founding article's full text to check its quotations against${seedPresent ? '' : ' (skipped: ../shared/seed is not beside this clone)'}`,
    () => {
      const result = validateData({ dataDir: DATA_DIR });
      expect(result.problems.map(formatProblem)).toEqual([]);
    },
  );

  it('matches the committed dist/ byte for byte', async () => {
    const result = await build({ check: true });
    expect(result.stale).toEqual({ changed: [], missing: [], extra: [] });
    // The stale list covers README.md, CHANGELOG.md and docs/ too: all are generated files.
    expect(result.files!.map((f) => f.path)).toEqual(
      expect.arrayContaining(['README.md', 'CHANGELOG.md', 'docs/figures.md', 'docs/codebook.md', 'docs/timeline.svg']),
    );
  });

  it('loses nothing from JSON to CSV: every value of every released record parses back from the CSV files', () => {
    const { csvCells, jsonCells } = roundTrip(DIST_DIR);
    expect(csvCells).toEqual(jsonCells);
    expect(jsonCells.length).toBeGreaterThan(5000);
  });

  it('lists scoped launch declarations (ballistic missiles only) with the other series, never as rows of the launch table', () => {
    const coverage = JSON.parse(readFileSync(join(DIST_DIR, 'json', 'coverage.json'), 'utf8')) as {
      id: string;
      scope?: object;
      retracted?: object;
    }[];
    const scoped = coverage.filter((c) => c.scope && !c.retracted).map((c) => c.id);
    expect(scoped.length).toBeGreaterThan(0);
    const readme = readFileSync(README, 'utf8');
    const section = readme.slice(readme.indexOf('<!-- generated:coverage -->'), readme.indexOf('<!-- /generated:coverage -->'));
    const tableRows = section.split('\n').filter((l) => l.startsWith('| ['));
    const listed = section.split('\n').filter((l) => l.startsWith('- **'));
    for (const id of scoped) {
      expect(
        tableRows.some((l) => l.includes(`/${id}.yaml`)),
        id,
      ).toBe(false);
      expect(
        listed.some((l) => l.includes(`/${id}.yaml`) && l.includes('(only those')),
        id,
      ).toBe(true);
    }
  });
});
