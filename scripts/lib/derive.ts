/**
 * Derive: what the build computes from the records rather than reads from them. Today that is the
 * figure checks: every derivation of a figure is evaluated against the event records, and the
 * result (computed count, coverage, verdict and why) is attached to the figure as `checks`.
 * Declarative in, plain data out: no figure carries code, and no verdict is typed by hand.
 */
import { dateRange, type DateRange } from './dates.ts';
import type { Confirmation, Coverage, Event, Figure, MissileClass, Outcome } from './types.ts';

export type Derivation = NonNullable<Figure['derivations']>[number];
export type Check = NonNullable<Figure['checks']>[number];
/** What a derivation asks of the events, without its wording. */
export type Question = Omit<Derivation, Wording>;
/** A derivation's fields that do not change what is counted: its wording and the bounds derived from its period. */
type Wording = 'reading' | 'difference' | 'period_earliest' | 'period_latest';

export type Qualifier = 'exact' | 'at-least' | 'about';

export interface Computed {
  value: number;
  qualifier: Qualifier;
  events: string[];
}

/** Combine qualifiers of summed parts: any approximation makes the sum approximate, any bound a bound. */
function combine(a: Qualifier, b: Qualifier): Qualifier {
  if (a === 'at-least' || b === 'at-least') return 'at-least';
  if (a === 'about' || b === 'about') return 'about';
  return 'exact';
}

/** How a stored count's qualifier reads when summed. */
function countQualifier(q: string | undefined): Qualifier {
  if (q === undefined || q === 'exact') return 'exact';
  if (q === 'about') return 'about';
  return 'at-least'; // at-least, more-than, several, unknown: the value is a floor
}

/** An event reduced to what derivations look at, computed once per build. */
export interface PreparedEvent {
  id: string;
  type: Event['type'];
  confirmation: Confirmation;
  earliest: string;
  latest: string;
  groups: { cls: MissileClass; outcome: Outcome; value: number; qualifier: Qualifier }[];
  participants: Set<string>;
  /** The types of the events this one is part of (related, relation part-of): an agreement signed at a summit has summit. */
  partOf: Set<string>;
  /** The measures of a resolution or vetoed draft (empty for other events). */
  measures: Set<string>;
}

/** Prepare events once (dates resolved, groups flattened), sorted by earliest day; retracted records are left out. */
export function prepareEvents(events: readonly Event[]): PreparedEvent[] {
  const typeOf = new Map(events.map((e) => [e.id, e.type]));
  return events
    .filter((e) => !e.retracted)
    .map((e) => {
      const r = dateRange(e.date);
      return {
        id: e.id,
        type: e.type,
        confirmation: e.confirmation ?? 'confirmed',
        earliest: r.earliest,
        latest: r.latest,
        groups: (e.launch?.missiles ?? []).map((g) => ({
          cls: g.class,
          outcome: g.outcome ?? 'unknown',
          value: g.count.value,
          qualifier: countQualifier(g.count.qualifier),
        })),
        participants: new Set((e.participants ?? []).map((p) => p.actor)),
        partOf: new Set((e.related ?? []).flatMap((r) => (r.relation === 'part-of' && typeOf.has(r.event) ? [typeOf.get(r.event)!] : []))),
        measures: new Set((e.resolution?.measures ?? []).map((m) => m.measure)),
      };
    })
    .sort((a, b) => (a.earliest < b.earliest ? -1 : a.earliest > b.earliest ? 1 : a.id < b.id ? -1 : 1));
}

/** Index of the first prepared event whose earliest day is on or after the given day. */
function firstFrom(prepared: PreparedEvent[], day: string): number {
  let lo = 0;
  let hi = prepared.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (prepared[mid]!.earliest < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The event filters a coverage declaration can be scoped by, and a count can ask for. */
export interface Scope {
  participants?: readonly string[];
  part_of?: readonly string[];
  classes?: readonly string[];
}

/** Whether an event passes a scope's filters: every actor of participants takes part, it is part of an event of one of part_of's types, and it has a missile group of one of classes. */
export function inScope(e: PreparedEvent, scope: Scope): boolean {
  if (scope.participants && !scope.participants.every((a) => e.participants.has(a))) return false;
  if (scope.part_of && !scope.part_of.some((t) => e.partOf.has(t))) return false;
  if (scope.classes && !e.groups.some((g) => scope.classes!.includes(g.cls))) return false;
  return true;
}

/** A scope in words, for the documents: "only those part of a summit event, with kim-jong-il taking part"; empty without one. */
export function describeScope(scope: Scope | undefined): string {
  if (!scope) return '';
  const parts = [
    scope.part_of ? `part of a ${scope.part_of.join(' or ')} event` : '',
    scope.participants ? `with ${scope.participants.join(' and ')} taking part` : '',
    scope.classes ? `with ${scope.classes.join(', ')} missiles` : '',
  ].filter(Boolean);
  return parts.length ? ` (only those ${parts.join(', ')})` : '';
}

/** Whether every event a question's filters let through is in the scope: the question is at least as narrow. */
export function narrowerThan(q: Scope, scope: Scope | undefined): boolean {
  if (!scope) return true;
  if (scope.participants && !scope.participants.every((a) => q.participants?.includes(a))) return false;
  if (scope.part_of && !(q.part_of && q.part_of.every((t) => scope.part_of!.includes(t)))) return false;
  if (scope.classes && !(q.classes && q.classes.every((c) => scope.classes!.includes(c)))) return false;
  return true;
}

/** Evaluate one derivation over prepared events (see prepareEvents). */
export function evaluate(d: Question, prepared: PreparedEvent[]): Computed {
  const period = dateRange(d.period);
  const filtered = Boolean(d.classes || d.outcomes);
  let value = 0;
  let qualifier: Qualifier = 'exact';
  const counted: string[] = [];
  const days = new Set<string>();
  // Events are sorted by earliest day: start at the period's first day, stop after its last.
  for (let i = firstFrom(prepared, period.earliest); i < prepared.length; i++) {
    const e = prepared[i]!;
    if (e.earliest > period.latest) break;
    if (!d.event_types.includes(e.type) || e.latest > period.latest) continue;
    if (d.confirmation && !d.confirmation.includes(e.confirmation)) continue;
    if (!inScope(e, d)) continue;
    if (d.measures && !d.measures.some((m) => e.measures.has(m))) continue;
    const matching = filtered
      ? e.groups.filter((g) => (!d.classes || d.classes.includes(g.cls)) && (!d.outcomes || d.outcomes.includes(g.outcome)))
      : e.groups;
    if (filtered && matching.length === 0) continue;
    counted.push(e.id);
    if (d.unit === 'missiles') {
      for (const g of matching) {
        value += g.value;
        qualifier = combine(qualifier, g.qualifier);
      }
    } else if (d.unit === 'launch-days') {
      // A launch spanning midnight or dated only to a month cannot be pinned to one day.
      if (e.earliest !== e.latest) qualifier = combine(qualifier, 'about');
      days.add(e.earliest);
    } else value += 1;
  }
  if (d.unit === 'launch-days') value = days.size;
  return { value, qualifier, events: counted };
}

/** The range of counts a claim allows; null when it has no number (record, many). */
export function claimRange(value: number | undefined, qualifier: string): [number, number] | null {
  if (value === undefined) return null;
  switch (qualifier) {
    case 'exact':
      return [value, value];
    case 'more-than':
      return [Math.floor(value) + 1, Infinity];
    case 'at-least':
      return [value, Infinity];
    case 'at-most':
      return [0, value];
    case 'less-than':
      return [0, Math.ceil(value) - 1];
    case 'about':
      // "About N" is read as within 10% of N, rounded outwards.
      return [Math.floor(value * 0.9), Math.ceil(value * 1.1)];
    default:
      return null;
  }
}

function computedRange(c: Computed): [number, number] {
  if (c.qualifier === 'at-least') return [c.value, Infinity];
  if (c.qualifier === 'about') return [Math.floor(c.value * 0.9), Math.ceil(c.value * 1.1)];
  return [c.value, c.value];
}

const describeRange = ([lo, hi]: [number, number]) => (hi === Infinity ? `${lo} or more` : lo === hi ? `exactly ${lo}` : `${lo} to ${hi}`);
const QUAL_WORDS: Record<Qualifier, string> = { exact: '', 'at-least': 'at least ', about: 'about ' };
const UNIT_WORDS: Record<Derivation['unit'], string> = {
  missiles: 'missiles',
  'launch-events': 'launch events',
  'launch-days': 'launch days',
  events: 'events',
};

export type CoverageDecl = Pick<Coverage, 'id' | 'event_types' | 'period' | 'status' | 'scope'>;

const nextDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The complete coverage declarations that together hold the whole derivation (every event type,
 * and the period without a gap: one declaration per year is enough for a two-year reading), in
 * date order; undefined when they do not. A scoped declaration holds only a derivation whose
 * filters are at least as narrow as its scope.
 */
export function coveringDeclarations(d: Question, coverage: readonly CoverageDecl[]): CoverageDecl[] | undefined {
  const period = dateRange(d.period);
  const usable = coverage
    .filter(
      (c) => c.status === 'complete' && d.event_types.every((t) => (c.event_types as string[]).includes(t)) && narrowerThan(d, c.scope),
    )
    .map((c) => ({ c, r: dateRange(c.period) }))
    .sort((a, b) => (a.r.earliest < b.r.earliest ? -1 : a.r.earliest > b.r.earliest ? 1 : 0));
  const used: CoverageDecl[] = [];
  let from = period.earliest;
  while (from <= period.latest) {
    // Of the declarations that start on or before the first uncovered day, the one reaching furthest.
    let best: { c: CoverageDecl; r: DateRange } | undefined;
    for (const u of usable) if (u.r.earliest <= from && u.r.latest >= from && (!best || u.r.latest > best.r.latest)) best = u;
    if (!best) return undefined;
    used.push(best.c);
    from = nextDay(best.r.latest);
  }
  return used;
}

export function verdict(
  claim: { value?: number; qualifier: string; text: string },
  d: Derivation,
  computed: Computed,
  coverage: readonly CoverageDecl[] | undefined,
): Pick<Check, 'verdict' | 'reason'> {
  const counted = `${QUAL_WORDS[computed.qualifier]}${computed.value} ${UNIT_WORDS[d.unit]}`;
  const found = `our records give ${counted} over ${d.period}`;
  const claimed = claimRange(claim.value, claim.qualifier);
  const have = computedRange(computed);
  if (!coverage) {
    // An incomplete count is a lower bound: it can still contradict a claim it already exceeds.
    if (claimed && have[0] > claimed[1])
      return {
        verdict: 'inconsistent',
        reason: `the dataset is not declared complete for ${d.event_types.join(' and ')} events over ${d.period}, yet the ${counted} it holds there already exceed what "${claim.text}" allows (${describeRange(claimed)})`,
      };
    return {
      verdict: 'not-comparable',
      reason: `the dataset is not declared complete for ${d.event_types.join(' and ')} events over ${d.period}, so the ${counted} it holds there are not a full count`,
    };
  }
  if (!claimed) return { verdict: 'not-comparable', reason: `the claim "${claim.text}" gives no number to compare; ${found}` };
  const allowed = describeRange(claimed);
  if (have[0] >= claimed[0] && have[1] <= claimed[1])
    return { verdict: 'consistent', reason: `${found}; "${claim.text}" allows ${allowed}` };
  if (have[1] < claimed[0] || have[0] > claimed[1])
    return { verdict: 'inconsistent', reason: `${found}, but "${claim.text}" allows ${allowed}` };
  return {
    verdict: 'not-comparable',
    reason: `${found}; that range (${describeRange(have)}) is too uncertain to decide against ${allowed}`,
  };
}

/** What a reading gives: the computed count and the complete declarations that cover it (undefined when none do). */
export interface Reading extends Computed {
  coverage: CoverageDecl[] | undefined;
}

/** The coverage declarations a reading may rely on: retracted ones are left out. */
export function liveDeclarations<C extends CoverageDecl & { retracted?: unknown }>(coverage: readonly C[]): C[] {
  return coverage.filter((c) => !c.retracted);
}

/**
 * Count one reading: evaluate it over the prepared events and find the declarations that cover it.
 * The one implementation behind the figure checks and the npm package's count() (which is bundled
 * from this file), so a figure's computed value and count() always agree.
 */
export function countReading(
  d: Question,
  prepared: PreparedEvent[],
  declarations: readonly CoverageDecl[],
  computed: Computed = evaluate(d, prepared),
): Reading {
  return { ...computed, coverage: coveringDeclarations(d, declarations) };
}

export interface Derived {
  /** The figures, each with derivations given its computed checks. */
  figures: Figure[];
  /** For each figure with derivations, the ids of the events each derivation counted, in order. */
  counted: Map<string, string[][]>;
}

/** Compute the checks of every figure with derivations; other figures pass through unchanged. */
export function deriveFigures(figures: readonly Figure[], prepared: PreparedEvent[], coverage: readonly Coverage[]): Derived {
  const decls = liveDeclarations(coverage);
  // Many figures ask the same question of the events (missiles in 2023): evaluate each once.
  const memo = new Map<string, Computed>();
  const evaluateOnce = (d: Derivation) => {
    const { reading: _reading, difference: _difference, ...question } = d;
    const key = JSON.stringify(question);
    let c = memo.get(key);
    if (!c) memo.set(key, (c = evaluate(d, prepared)));
    return c;
  };
  const counted = new Map<string, string[][]>();
  const out = figures.map((f) => {
    const derivations = f.derivations ?? [];
    if (derivations.length === 0) return f;
    const results = derivations.map(evaluateOnce);
    counted.set(
      f.id,
      results.map((r) => r.events),
    );
    const checks: Check[] = derivations.map((d, i) => {
      const { coverage: cov, ...computed } = countReading(d, prepared, decls, results[i]!);
      const v = verdict(f.claim, d, computed, cov);
      return {
        reading: d.reading,
        computed_value: computed.value,
        computed_qualifier: computed.qualifier,
        ...(cov ? { coverage: cov.map((c) => c.id) as [CoverageDecl['id'], ...CoverageDecl['id'][]] } : {}),
        ...v,
        ...(v.verdict === 'inconsistent' && d.difference ? { difference: d.difference } : {}),
        events_matched: computed.events.length,
      };
    });
    return { ...f, checks };
  });
  return { figures: out, counted };
}
