/** The real data in data/: valid, and the committed dist/ is what it gives. */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { build } from '../scripts/lib/build.ts';
import { formatProblem } from '../scripts/lib/problems.ts';
import { validateData } from '../scripts/lib/validate.ts';
import { DATA_DIR, DIST_DIR, SEED_DIR } from '../scripts/lib/paths.ts';
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
});
