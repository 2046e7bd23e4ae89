import { dateRange } from '../dates.ts';
import type { Problem } from '../problems.ts';
import { problem, range, type Rule } from './context.ts';

/** Events on the Korean peninsula, dated by the South Korean local date (UTC+9). */
const KOREAN_CLOCK = new Set(['missile-launch', 'satellite-launch', 'nuclear-test', 'weapons-test']);
const ID_DATE = /^([0-9]{4})(?:-([0-9]{2}))?(?:-([0-9]{2}))?-/;

/** The Korean local day (UTC+9) of a UTC instant. */
function koreanDay(instant: string): string {
  return new Date(Date.parse(instant) + 9 * 3_600_000).toISOString().slice(0, 10);
}

/** The date an id starts with (2023-11-21-..., 2023-11-..., 2017-...), as an EDTF string. */
function idDate(id: string): string | undefined {
  const m = ID_DATE.exec(id);
  if (!m) return undefined;
  const parts = [m[1], m[2], m[3]].filter(Boolean).join('-');
  try {
    dateRange(parts);
    return parts;
  } catch {
    return undefined;
  }
}

export const dateConsistency: Rule = {
  name: 'date-consistency',
  codes: ['date/time-utc-mismatch', 'date/id-mismatch'],
  description:
    "A launch's or test's date is the Korean local day (UTC+9) of its time_utc, and the date a record's id starts with overlaps the record's date.",
  check({ records, valid }) {
    const out: Problem[] = [];
    for (const rec of records) {
      if (!valid.has(rec) || (rec.collection !== 'events' && rec.collection !== 'statements')) continue;
      const own = range(rec.data.date);
      if (!own) continue;
      const t = rec.data.time_utc;
      if (rec.collection === 'events' && typeof t === 'string' && KOREAN_CLOCK.has(String(rec.data.type))) {
        const day = koreanDay(t);
        if (day < own.earliest || day > own.latest) {
          out.push(
            problem(
              rec,
              ['time_utc'],
              'date/time-utc-mismatch',
              `time_utc ${t} falls on ${day} in Korea (UTC+9), outside the date ${String(rec.data.date)}`,
              'the date is the South Korean local day: correct the date, or time_utc if the conversion from Korean time (minus 9 hours) was wrong',
            ),
          );
        }
      }
      const fromId = idDate(rec.id);
      const idRange = fromId ? dateRange(fromId) : undefined;
      if (idRange && (idRange.latest < own.earliest || idRange.earliest > own.latest)) {
        out.push(
          problem(
            rec,
            ['date'],
            'date/id-mismatch',
            `the id begins with ${fromId}, but the date is ${String(rec.data.date)}`,
            'ids are permanent: if the date is right, keep the id and say in notes why they differ (or retract the record with replaced_by a correctly named one); if the id is right, correct the date',
            'warning',
          ),
        );
      }
    }
    return out;
  },
};
