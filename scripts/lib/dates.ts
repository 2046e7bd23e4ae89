/**
 * Dates: the EDTF level 0-1 subset the schemas allow (year, month, day, each optionally qualified
 * with ? ~ %, and spans of two of them). Parsing and bounds come from the edtf library; this module
 * adds what it lacks for curated data: a strict calendar check (edtf rolls 2023-02-29 over to
 * March 1st) and messages a curator can act on.
 */
import edtf from 'edtf';

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

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Validate a date string and compute its earliest and latest possible day. */
export function checkDate(value: string): DateCheck {
  const parts = value.split('/');
  if (parts.length > 2) {
    return { ok: false, message: `"${value}" has more than one /`, hint: 'a span is two dates joined by one /' };
  }
  for (const part of parts) {
    const problem = checkPart(part);
    if (problem) return { ok: false, ...problem };
  }
  let parsed: { min: number; max: number };
  try {
    parsed = edtf(value);
  } catch {
    // The parts are valid calendar dates, so the library refuses only an inverted span.
    return {
      ok: false,
      message: `the span "${value}" ends before it starts`,
      hint: `put the earlier date first: ${parts[1]}/${parts[0]}`,
    };
  }
  const range = { earliest: isoDay(parsed.min), latest: isoDay(parsed.max) };
  if (parts.length === 2) {
    const start = checkDate(parts[0]!);
    const end = checkDate(parts[1]!);
    if (start.ok && end.ok && end.range.latest < start.range.earliest) {
      return {
        ok: false,
        message: `the span "${value}" ends before it starts`,
        hint: `put the earlier date first: ${parts[1]}/${parts[0]}`,
      };
    }
  }
  return { ok: true, range };
}

/** Earliest and latest day of a date already known to be valid. */
export function dateRange(value: string): DateRange {
  const r = checkDate(value);
  if (!r.ok) throw new Error(`invalid date ${value}: ${r.message}`);
  return r.range;
}
