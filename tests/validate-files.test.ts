/** npm run validate -- <file>: one file, checked with the records it refers to, nothing else reported. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFiles } from '../scripts/lib/validate.ts';
import { FIXTURE_SEED_DIR, fixture, where } from './helpers.ts';

const EV = 'data/events/2023-12-31-meeting-a.yaml';
const ST = 'data/statements/2023-12-31-leader-a-warning.yaml';

describe('validating single files', () => {
  it('passes a valid file, loading what it refers to (transitively)', () => {
    const root = fixture();
    const r = validateFiles(join(root, 'data'), [join(root, ST)], { seedDir: FIXTURE_SEED_DIR });
    expect(r.problems).toEqual([]);
    // the statement, its speaker and targets, its occasion, the sources, and what they refer to
    expect(r.records.map((x) => x.id).sort()).toEqual(
      expect.arrayContaining(['2023-12-31-leader-a-warning', 'leader-a', 'state-a', '2023-12-31-meeting-a', 'seeded-article', 'agency-a']),
    );
  });

  it('reports the file’s own problems, including cross-record ones, and none of other files', () => {
    const root = fixture({
      [EV]: 'type: military-meeting\ntitle: T\ndate: 2024-01-05\nplace: nowhere\ncitations:\n  - source: seeded-article\n    quote: Leader A met the commanders on New Year’s Eve.\n',
      'data/actors/state-a.yaml': 'name: State A\nkind: stat\n',
    });
    const r = validateFiles(join(root, 'data'), [join(root, EV)], { seedDir: FIXTURE_SEED_DIR });
    expect(r.problems.map(where)).toEqual([
      `${EV}:3:7 date [date/id-mismatch]`,
      `${EV}:4:8 place [ref/dangling]`,
      `${EV}:6:13 citations[0].source [date/source-predates]`,
    ]);
  });

  it('finds a duplicate id in another folder', () => {
    const root = fixture({
      'data/events/2023/2023-12-31-meeting-a.yaml':
        'type: military-meeting\ntitle: T\ndate: 2023-12-31\ncitations:\n  - source: seeded-article\n    quote: Leader A met the commanders on New Year’s Eve.\n',
    });
    const r = validateFiles(join(root, 'data'), [join(root, EV)], { seedDir: FIXTURE_SEED_DIR });
    expect(r.problems.map(where)).toEqual([`${EV}:1:1 id [id/duplicate]`]);
  });

  it('refuses a file that is not a record', () => {
    const root = fixture({ 'data/notes.yaml': 'a: 1\n' });
    const r = validateFiles(join(root, 'data'), [join(root, 'data/notes.yaml')], { seedDir: FIXTURE_SEED_DIR });
    expect(r.problems.map(where)).toEqual(['data/notes.yaml:1:1  [file/not-a-record]']);
  });
});
