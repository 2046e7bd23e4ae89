/**
 * Counting covered events by month: the one tally behind the README's coverage tables and the
 * timeline chart. It works on the prepared events the figure checks count (derive.ts), so a
 * month's numbers and a figure's reading always agree.
 */
import { dateRange } from './dates.ts';
import { inScope, type PreparedEvent } from './derive.ts';
import type { Coverage } from './types.ts';

/** A number, and whether it is only a lower bound (some part was "several", "at least" or "about"). */
export interface Tally {
  n: number;
  floor: boolean;
}

export interface MonthTally {
  /** YYYY-MM of the events' first possible day. */
  month: string;
  events: number;
  /** Distinct first possible days. */
  days: Set<string>;
  /** Some event is not dated to one day (a span, a month). */
  approx: boolean;
  /** Missiles, space launch vehicles left out (they are counted as satellite launches). */
  missiles: Tally;
  /** Missiles by class (space launch vehicles left out). */
  byClass: Map<string, Tally>;
  /** Missiles whose outcome a source reports as a failure. */
  failed: Tally;
  /** Satellite launch events. */
  satellites: number;
}

const add = (t: Tally, n: number, floor: boolean) => {
  t.n += n;
  t.floor ||= floor;
};

/** The events a coverage declaration holds: of its types, wholly inside its period, and in its scope. */
export function coveredEvents(
  prepared: readonly PreparedEvent[],
  coverage: Pick<Coverage, 'event_types' | 'period' | 'scope'>,
): PreparedEvent[] {
  const period = dateRange(coverage.period);
  const types: readonly string[] = coverage.event_types;
  return prepared.filter(
    (e) =>
      types.includes(e.type) &&
      e.earliest >= period.earliest &&
      e.latest <= period.latest &&
      (!coverage.scope || inScope(e, coverage.scope)),
  );
}

/**
 * Whether a declaration claims every launch over its period: it covers missile launches and has no
 * scope. A scoped one (ballistic missiles only) is no base for the launch tables, chart or year pages.
 */
export const coversAllLaunches = (c: Pick<Coverage, 'event_types' | 'scope'>) => !c.scope && c.event_types.includes('missile-launch');

/** Every month of a period, in order, as YYYY-MM. */
export function monthsOf(period: string): string[] {
  const r = dateRange(period);
  const first = Number(r.earliest.slice(0, 4)) * 12 + Number(r.earliest.slice(5, 7)) - 1;
  const last = Number(r.latest.slice(0, 4)) * 12 + Number(r.latest.slice(5, 7)) - 1;
  const out: string[] = [];
  for (let i = first; i <= last; i++) out.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  return out;
}

const emptyMonth = (month: string): MonthTally => ({
  month,
  events: 0,
  days: new Set(),
  approx: false,
  missiles: { n: 0, floor: false },
  byClass: new Map(),
  failed: { n: 0, floor: false },
  satellites: 0,
});

/** Launch events, launch days, missiles (in all, by class, failed) and satellite launches per period, each event counted on its first possible day. */
export function tallyBy(events: readonly PreparedEvent[], key: (e: PreparedEvent) => string): Map<string, MonthTally> {
  const periods = new Map<string, MonthTally>();
  for (const e of events) {
    const k = key(e);
    let m = periods.get(k);
    if (!m) periods.set(k, (m = emptyMonth(k)));
    m.events++;
    m.days.add(e.earliest);
    if (e.earliest !== e.latest) m.approx = true;
    if (e.type === 'satellite-launch') m.satellites++;
    for (const g of e.groups) {
      if (g.cls === 'slv') continue;
      const floor = g.qualifier !== 'exact';
      add(m.missiles, g.value, floor);
      if (g.outcome === 'failure') add(m.failed, g.value, floor);
      let c = m.byClass.get(g.cls);
      if (!c) m.byClass.set(g.cls, (c = { n: 0, floor: false }));
      add(c, g.value, floor);
    }
  }
  return periods;
}

/** The tallies per month (YYYY-MM). */
export const tallyByMonth = (events: readonly PreparedEvent[]) => tallyBy(events, (e) => e.earliest.slice(0, 7));

/** The tallies per year (YYYY). */
export const tallyByYear = (events: readonly PreparedEvent[]) => tallyBy(events, (e) => e.earliest.slice(0, 4));

/** The sum of several months' tallies. */
export function sumTallies(months: Iterable<MonthTally>): Omit<MonthTally, 'days' | 'month'> & { days: number } {
  const total = { ...emptyMonth(''), days: 0 };
  for (const m of months) {
    total.events += m.events;
    total.days += m.days.size;
    total.approx ||= m.approx;
    total.satellites += m.satellites;
    add(total.missiles, m.missiles.n, m.missiles.floor);
    add(total.failed, m.failed.n, m.failed.floor);
    for (const [cls, v] of m.byClass) {
      let t = total.byClass.get(cls);
      if (!t) total.byClass.set(cls, (t = { n: 0, floor: false }));
      add(t, v.n, v.floor);
    }
  }
  return total;
}
