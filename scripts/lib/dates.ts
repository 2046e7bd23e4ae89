/**
 * Dates: the EDTF level 0-1 subset the schemas allow (year, month, day, each optionally qualified
 * with ? ~ %, and spans of two of them), with the strict calendar check curated data needs and
 * messages a curator can act on. Bounds are computed directly: for this subset they are simple,
 * and the edtf library, which the tests use as the reference for them, costs about 90 microseconds
 * a parse and rolls 2023-02-29 over to March 1st. Results are memoised: the same few hundred date
 * strings recur across thousands of records.
 */
/** The syntax the schemas accept (the same regular expression as defs.schema.json#/$defs/date). */
const PART = /^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?([?~%])?$/;

export interface DateRange {
  /** First possible day, YYYY-MM-DD. */
  earliest: string;
  /** Last possible day, YYYY-MM-DD. */
  latest: string;
}

export type DateCheck = { ok: true; range: DateRange } | { ok: false; message: string; hint: string };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Check one side of a date (no slash): calendar validity. Returns an error or null. */
function checkPart(part: string): { message: string; hint: string } | null {
  const m = PART.exec(part);
  if (!m) {
    return {
      message: `"${part}" is not a date in the accepted form`,
      hint: 'write YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ? ~ or %, or a span A/B',
    };
  }
  const year = Number(m[1]);
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) {
      return { message: `"${part}" has month ${m[2]}, which does not exist`, hint: 'months run from 01 to 12' };
    }
    if (m[3] !== undefined) {
      const day = Number(m[3]);
      const max = daysInMonth(year, month);
      if (day < 1 || day > max) {
        return {
          message: `"${part}" is not a real calendar date`,
          hint: `${MONTHS[month - 1]} ${year} has ${max} days; if the day is unknown, write ${m[1]}-${m[2]}`,
        };
      }
    }
  }
  return null;
}

function bounds(part: string): DateRange {
  const m = PART.exec(part)!;
  const year = m[1]!;
  if (m[3] !== undefined) return { earliest: `${year}-${m[2]}-${m[3]}`, latest: `${year}-${m[2]}-${m[3]}` };
  if (m[2] !== undefined) {
    const last = String(daysInMonth(Number(year), Number(m[2]))).padStart(2, '0');
    return { earliest: `${year}-${m[2]}-01`, latest: `${year}-${m[2]}-${last}` };
  }
  return { earliest: `${year}-01-01`, latest: `${year}-12-31` };
}

const cache = new Map<string, DateCheck>();

/** Validate a date string and compute its earliest and latest possible day. */
export function checkDate(value: string): DateCheck {
  let result = cache.get(value);
  if (!result) {
    result = computeCheck(value);
    if (cache.size > 100_000) cache.clear();
    cache.set(value, result);
  }
  return result;
}

function computeCheck(value: string): DateCheck {
  const parts = value.split('/');
  if (parts.length > 2) {
    return { ok: false, message: `"${value}" has more than one /`, hint: 'a span is two dates joined by one /' };
  }
  for (const part of parts) {
    const problem = checkPart(part);
    if (problem) return { ok: false, ...problem };
  }
  const start = bounds(parts[0]!);
  const end = bounds(parts[parts.length - 1]!);
  // The end must begin after the start begins (as EDTF's reference implementation requires):
  // 2023/2023? or 2023-01/2023 are not spans.
  if (parts.length === 2 && end.earliest <= start.earliest) {
    return {
      ok: false,
      message: `the span "${value}" does not end after it starts`,
      hint: `write one date (${parts[0]}), or an end that comes after the start`,
    };
  }
  if (end.latest < start.earliest) {
    return { ok: false, message: `the span "${value}" ends before it starts`, hint: `put the earlier date first: ${parts[1]}/${parts[0]}` };
  }
  return { ok: true, range: { earliest: start.earliest, latest: end.latest } };
}

/** Earliest and latest day of a date already known to be valid. */
export function dateRange(value: string): DateRange {
  const r = checkDate(value);
  if (!r.ok) throw new Error(`invalid date ${value}: ${r.message}`);
  return r.range;
}
