import type { Problem } from '../problems.ts';
import { problem, range, type Rule } from './context.ts';

export const statementOccasion: Rule = {
  name: 'statement-occasion',
  codes: ['date/outside-occasion'],
  description: "A statement's date falls within the dates of its occasion.",
  check({ index }) {
    const out: Problem[] = [];
    const events = index.get('events')!;
    for (const rec of index.get('statements')!.values()) {
      const occ = typeof rec.data.occasion === 'string' ? events.get(rec.data.occasion) : undefined;
      const own = range(rec.data.date);
      const theirs = occ ? range(occ.data.date) : undefined;
      if (own && theirs && (own.latest < theirs.earliest || own.earliest > theirs.latest)) {
        out.push(
          problem(
            rec,
            ['date'],
            'date/outside-occasion',
            `the statement's date ${String(rec.data.date)} lies outside its occasion ${occ!.id} (${String(occ!.data.date)})`,
            'correct the date or the occasion',
          ),
        );
      }
    }
    return out;
  },
};
