/**
 * The figure-check evaluator. Every expected value below is worked out by hand from the fixture
 * events listed here, in the comment beside it.
 */
import './fuzz-seed.ts';
import { describe, expect, it } from 'vitest';
import {
  claimRange,
  coveringDeclarations,
  deriveFigures,
  evaluate as evaluateOn,
  prepareEvents,
  verdict,
  type CoverageDecl,
  type Derivation,
} from '../scripts/lib/derive.ts';
import { coveredEvents } from '../scripts/lib/count.ts';
import type { Coverage, Event, Figure } from '../scripts/lib/types.ts';

const launch = (id: string, date: string, groups: object[], extra: object = {}, type = 'missile-launch'): Event =>
  ({ id, type, date, confirmation: 'confirmed', launch: { missile_count: { value: 0 }, missiles: groups }, ...extra }) as unknown as Event;

const events: Event[] = [
  launch('e1', '2023-01-01', [{ class: 'srbm', count: { value: 2 }, outcome: 'success' }]),
  launch('e2', '2023-01-01', [{ class: 'cruise', count: { value: 4 } }]),
  launch('e3', '2023-02-10', [{ class: 'icbm', count: { value: 1 }, outcome: 'failure' }], { confirmation: 'claimed' }),
  launch('e4', '2023-03', [{ class: 'srbm', count: { value: 2, qualifier: 'several' } }]),
  launch('e5', '2023-04-05', [{ class: 'slv', count: { value: 1 }, outcome: 'failure' }], {}, 'satellite-launch'),
  launch('e6', '2024-01-02', [{ class: 'srbm', count: { value: 3 } }]),
  launch('e7', '2023-05-01', [{ class: 'srbm', count: { value: 9 } }], { retracted: { date: '2026-11-25', reason: 'duplicate' } }),
  launch('e8', '2022-12-31/2023-01-01', [{ class: 'srbm', count: { value: 5 } }]),
  launch('e9', '2023-06-06', [{ class: 'srbm', count: { value: 3, qualifier: 'about' } }]),
  {
    id: 'm1',
    type: 'summit',
    date: '2023-07-07',
    participants: [
      { actor: 'a', role: 'host' },
      { actor: 'b', role: 'visitor' },
    ],
  } as unknown as Event,
  {
    id: 'm2',
    type: 'summit',
    date: '2023-08-08',
    participants: [
      { actor: 'a', role: 'host' },
      { actor: 'c', role: 'visitor' },
    ],
  } as unknown as Event,
];
const evaluate = (der: Derivation, evs: Event[]) => evaluateOn(der, prepareEvents(evs));
const d = (over: Partial<Derivation>): Derivation =>
  ({
    reading: 'r',
    unit: 'missiles',
    event_types: ['missile-launch'],
    period: '2023',
    ...over,
  }) as Derivation;

describe('evaluate: one case per unit and filter', () => {
  it('missiles: sums group counts; "several" makes the sum a lower bound', () => {
    // e1 2 + e2 4 + e3 1 + e4 2 (several) + e9 3 (about); e5 is a satellite launch, e6 is in 2024,
    // e7 is retracted, e8 straddles the start of 2023 so it is not wholly inside the period.
    expect(evaluate(d({}), events)).toEqual({ value: 12, qualifier: 'at-least', events: ['e1', 'e2', 'e3', 'e4', 'e9'] });
  });
  it('missiles of one class', () => {
    // srbm: e1 2 + e4 2 + e9 3 = 7; e4 is "several", so at least.
    expect(evaluate(d({ classes: ['srbm'] }), events)).toMatchObject({ value: 7, qualifier: 'at-least', events: ['e1', 'e4', 'e9'] });
  });
  it('missiles with only approximate counts are "about"', () => {
    // only e9 falls in June: 3, qualifier about.
    expect(evaluate(d({ period: '2023-06' }), events)).toEqual({ value: 3, qualifier: 'about', events: ['e9'] });
  });
  it('missiles counted only when confirmed by others', () => {
    // e3 is only claimed: e1 2 + e2 4 + e4 2 + e9 3 = 11.
    expect(evaluate(d({ confirmation: ['confirmed'] }), events)).toMatchObject({ value: 11, events: ['e1', 'e2', 'e4', 'e9'] });
  });
  it('launch events across two types', () => {
    // e1 e2 e3 e4 e9 (missile) + e5 (satellite) = 6, each counted once.
    expect(evaluate(d({ unit: 'launch-events', event_types: ['missile-launch', 'satellite-launch'] }), events)).toEqual({
      value: 6,
      qualifier: 'exact',
      events: ['e1', 'e2', 'e3', 'e4', 'e5', 'e9'],
    });
  });
  it('launch events filtered by outcome', () => {
    // failures: e3 (icbm) and e5 (slv).
    expect(
      evaluate(d({ unit: 'launch-events', event_types: ['missile-launch', 'satellite-launch'], outcomes: ['failure'] }), events),
    ).toMatchObject({ value: 2, events: ['e3', 'e5'] });
  });
  it('launch days: two launches on one day count once; a month-only date makes it approximate', () => {
    // days: 2023-01-01 (e1, e2), 2023-02-10, 2023-03 (e4, month only), 2023-06-06 = 4, about.
    expect(evaluate(d({ unit: 'launch-days' }), events)).toMatchObject({ value: 4, qualifier: 'about' });
  });
  it('events of any type', () => {
    expect(evaluate(d({ unit: 'events', event_types: ['summit'] }), events)).toEqual({
      value: 2,
      qualifier: 'exact',
      events: ['m1', 'm2'],
    });
  });
  it('events with given participants', () => {
    // a and b meet only in m1.
    expect(
      evaluate(d({ unit: 'events', event_types: ['summit'], participants: ['a', 'b'] as string[] as Derivation['participants'] }), events),
    ).toEqual({
      value: 1,
      qualifier: 'exact',
      events: ['m1'],
    });
  });
});

describe('claim ranges', () => {
  it('reads each qualifier', () => {
    expect(claimRange(100, 'more-than')).toEqual([101, Infinity]);
    expect(claimRange(100, 'at-least')).toEqual([100, Infinity]);
    expect(claimRange(5, 'at-most')).toEqual([0, 5]);
    expect(claimRange(5, 'less-than')).toEqual([0, 4]);
    expect(claimRange(10, 'about')).toEqual([9, 11]);
    expect(claimRange(3, 'exact')).toEqual([3, 3]);
    expect(claimRange(undefined, 'many')).toBeNull();
  });
});

const complete: CoverageDecl = {
  id: 'launches-2023',
  event_types: ['missile-launch', 'satellite-launch'],
  period: '2023-01-01/2023-12-31',
  status: 'complete',
};
const claim = (value: number | undefined, qualifier: string) => ({ value, qualifier, text: 't' });

describe('coverage', () => {
  it('is found only when complete and holding every type and the whole period', () => {
    expect(coveringDeclarations(d({ period: '2023-03' }), [complete])?.map((c) => c.id)).toEqual(['launches-2023']);
    expect(coveringDeclarations(d({ period: '2022/2023' }), [complete])).toBeUndefined();
    expect(coveringDeclarations(d({ event_types: ['missile-launch', 'nuclear-test'] }), [complete])).toBeUndefined();
    expect(coveringDeclarations(d({}), [{ ...complete, status: 'partial' }])).toBeUndefined();
  });
  it('joins declarations that follow each other without a gap, and refuses a gap', () => {
    const y2022 = { ...complete, id: 'launches-2022' as CoverageDecl['id'], period: '2022-01-01/2022-12-31' };
    const h1of2021 = { ...complete, id: 'launches-2021-h1' as CoverageDecl['id'], period: '2021-01-01/2021-06-30' };
    // 2022 and 2023 together hold 2022-2023 and any part of it; the earlier one comes first.
    expect(coveringDeclarations(d({ period: '2022-06/2023-02' }), [complete, y2022])?.map((c) => c.id)).toEqual([
      'launches-2022',
      'launches-2023',
    ]);
    expect(coveringDeclarations(d({ period: '2022/2023' }), [complete, y2022])?.map((c) => c.id)).toEqual([
      'launches-2022',
      'launches-2023',
    ]);
    // One day more at either end, or a half year missing in the middle, and nothing holds it.
    expect(coveringDeclarations(d({ period: '2021-12-31/2023-12-31' }), [complete, y2022])).toBeUndefined();
    expect(coveringDeclarations(d({ period: '2021/2023' }), [complete, y2022, h1of2021])).toBeUndefined();
    // A declaration missing a type does not count towards the union.
    expect(coveringDeclarations(d({ period: '2022/2023' }), [complete, { ...y2022, event_types: ['satellite-launch'] }])).toBeUndefined();
  });
});

describe('scoped coverage and part_of', () => {
  // s1 and s2 are summits; g1 is an agreement signed at s1 by a and b, g2 an agreement of a and b
  // signed elsewhere, g3 an agreement signed at s2 by a and c.
  const agreement = (id: string, date: string, actors: string[], partOf?: string): Event =>
    ({
      id,
      type: 'agreement',
      date,
      participants: actors.map((actor) => ({ actor, role: 'participant' })),
      ...(partOf ? { related: [{ event: partOf, relation: 'part-of' }] } : {}),
    }) as unknown as Event;
  const summit = (id: string, date: string): Event => ({ id, type: 'summit', date }) as unknown as Event;
  const evs = [
    summit('s1', '2018-04-27'),
    summit('s2', '2019-02-27'),
    agreement('g1', '2018-04-27', ['a', 'b'], 's1'),
    agreement('g2', '2018-06-01', ['a', 'b']),
    agreement('g3', '2019-02-28', ['a', 'c'], 's2'),
    agreement('g4', '2019-03-01', ['a', 'c'], 'g3'),
  ];
  const q = (over: Partial<Derivation>) => d({ unit: 'events', event_types: ['agreement'], period: '2018/2019', ...over });
  it('part_of counts only events that are part of an event of those types', () => {
    expect(evaluate(q({}), evs).events).toEqual(['g1', 'g2', 'g3', 'g4']);
    expect(evaluate(q({ part_of: ['summit'] }), evs).events).toEqual(['g1', 'g3']);
    // g4 is part of an agreement, not of a summit.
    expect(evaluate(q({ part_of: ['agreement'] }), evs).events).toEqual(['g4']);
    expect(evaluate(q({ part_of: ['summit'], participants: ['b'] as string[] as Derivation['participants'] }), evs).events).toEqual(['g1']);
  });
  it('a scoped declaration holds only counts at least as narrow as its scope', () => {
    const atSummits = {
      id: 'agreements-at-summits',
      event_types: ['agreement'],
      period: '2018-01-01/2019-12-31',
      status: 'complete',
      scope: { part_of: ['summit'], participants: ['a'] },
    } as unknown as CoverageDecl;
    const ids = (over: Partial<Derivation>) => coveringDeclarations(q(over), [atSummits])?.map((c) => c.id);
    // Every agreement: the declaration says nothing about those signed elsewhere.
    expect(ids({})).toBeUndefined();
    expect(ids({ part_of: ['summit'] })).toBeUndefined();
    expect(ids({ participants: ['a'] as string[] as Derivation['participants'] })).toBeUndefined();
    expect(ids({ part_of: ['summit', 'agreement'], participants: ['a'] as string[] as Derivation['participants'] })).toBeUndefined();
    expect(ids({ part_of: ['summit'], participants: ['a'] as string[] as Derivation['participants'] })).toEqual(['agreements-at-summits']);
    expect(ids({ part_of: ['summit'], participants: ['a', 'c'] as string[] as Derivation['participants'] })).toEqual([
      'agreements-at-summits',
    ]);
  });
  it('a declaration scoped to classes holds only counts of those classes, and the launches with such missiles', () => {
    // e1 srbm 2, e2 cruise 4, e3 icbm 1, e4 srbm several, e5 slv, e9 srbm about 3 (2023).
    const ballistic = {
      id: 'ballistic-2023',
      event_types: ['missile-launch', 'satellite-launch'],
      period: '2023-01-01/2023-12-31',
      status: 'complete',
      scope: { classes: ['srbm', 'icbm', 'slv'] },
    } as unknown as CoverageDecl;
    const ids = (over: Partial<Derivation>) => coveringDeclarations(d(over), [ballistic])?.map((c) => c.id);
    expect(ids({})).toBeUndefined();
    expect(ids({ classes: ['srbm', 'cruise'] })).toBeUndefined();
    expect(ids({ classes: ['srbm'] })).toEqual(['ballistic-2023']);
    expect(ids({ classes: ['srbm', 'icbm'], unit: 'launch-events' })).toEqual(['ballistic-2023']);
    expect(coveredEvents(prepareEvents(events), ballistic as unknown as Coverage).map((e) => e.id)).toEqual(['e1', 'e3', 'e4', 'e5', 'e9']);
  });
  it('the events a scoped declaration holds are those in its scope', () => {
    const decl = { event_types: ['agreement'], period: '2018-01-01/2019-12-31', scope: { part_of: ['summit'] } } as unknown as Coverage;
    expect(coveredEvents(prepareEvents(evs), decl).map((e) => e.id)).toEqual(['g1', 'g3']);
    expect(coveredEvents(prepareEvents(evs), { ...decl, scope: undefined }).map((e) => e.id)).toEqual(['g1', 'g2', 'g3', 'g4']);
  });
});

describe('verdicts', () => {
  const exact5 = { value: 5, qualifier: 'exact' as const, events: [] };
  const atLeast9 = { value: 9, qualifier: 'at-least' as const, events: [] };
  it('consistent when the count lies inside what the claim allows', () => {
    expect(verdict(claim(5, 'exact'), d({}), exact5, [complete]).verdict).toBe('consistent');
    expect(verdict(claim(6, 'less-than'), d({}), exact5, [complete]).verdict).toBe('consistent');
    expect(verdict(claim(8, 'at-least'), d({}), atLeast9, [complete]).verdict).toBe('consistent');
  });
  it('inconsistent when the count lies outside it, with the reason', () => {
    const v = verdict(claim(5, 'more-than'), d({}), exact5, [complete]);
    expect(v.verdict).toBe('inconsistent');
    expect(v.reason).toContain('6 or more');
    expect(verdict(claim(3, 'at-most'), d({}), exact5, [complete]).verdict).toBe('inconsistent');
  });
  it('not comparable when our lower bound straddles the claim', () => {
    // about 10 allows 9 to 11; "at least 9" could be 12.
    expect(verdict(claim(10, 'about'), d({}), atLeast9, [complete]).verdict).toBe('not-comparable');
  });
  it('not comparable without complete coverage, or without a number', () => {
    expect(verdict(claim(5, 'exact'), d({}), exact5, undefined)).toMatchObject({
      verdict: 'not-comparable',
      reason: expect.stringContaining('not declared complete'),
    });
    expect(verdict(claim(undefined, 'record'), d({}), exact5, [complete]).verdict).toBe('not-comparable');
  });
  it('inconsistent without complete coverage when the records already exceed the claim', () => {
    // Incomplete records are a lower bound: 9 held contradicts "exactly 5" and "at most 8", not "at least 5" or "about 10".
    expect(verdict(claim(5, 'exact'), d({}), atLeast9, undefined)).toMatchObject({
      verdict: 'inconsistent',
      reason: expect.stringContaining('already exceed'),
    });
    expect(verdict(claim(8, 'at-most'), d({}), exact5, undefined).verdict).toBe('not-comparable');
    expect(verdict(claim(4, 'at-most'), d({}), exact5, undefined).verdict).toBe('inconsistent');
    expect(verdict(claim(5, 'at-least'), d({}), atLeast9, undefined).verdict).toBe('not-comparable');
    expect(verdict(claim(10, 'about'), d({}), atLeast9, undefined).verdict).toBe('not-comparable');
  });
});

describe('deriveFigures', () => {
  it('attaches one check per derivation and leaves figures without derivations alone', () => {
    const fig = {
      id: 'f',
      claim: { value: 5, qualifier: 'more-than', text: 'more than 5' },
      derivations: [
        { reading: 'missiles in 2023', unit: 'missiles', event_types: ['missile-launch'], period: '2023' },
        { reading: 'launch events in 2023', unit: 'launch-events', event_types: ['missile-launch'], period: '2023' },
      ],
    } as unknown as Figure;
    const plain = { id: 'g', claim: { value: 1, qualifier: 'exact', text: 'one' } } as unknown as Figure;
    const coverage = [
      {
        id: 'launches-2023',
        event_types: ['missile-launch', 'satellite-launch'],
        period: '2023-01-01/2023-12-31',
        status: 'complete',
      } as unknown as Coverage,
    ];
    const {
      figures: [f, g],
      counted,
    } = deriveFigures([fig, plain], prepareEvents(events), coverage);
    expect(counted.get('f')![1]).toEqual(['e1', 'e2', 'e3', 'e4', 'e9']);
    expect(counted.has('g')).toBe(false);
    // missiles: at least 12 (see above), more than 5 -> consistent; launch events: 5 (e1 e2 e3 e4 e9) -> not more than 5.
    expect(f!.checks).toEqual([
      expect.objectContaining({
        reading: 'missiles in 2023',
        computed_value: 12,
        computed_qualifier: 'at-least',
        coverage: ['launches-2023'],
        verdict: 'consistent',
      }),
      expect.objectContaining({
        reading: 'launch events in 2023',
        computed_value: 5,
        computed_qualifier: 'exact',
        verdict: 'inconsistent',
        events_matched: 5,
      }),
    ]);
    expect(g).toBe(plain);
  });

  it("carries a derivation's difference into an inconsistent check only", () => {
    const coverage = [{ id: 'launches-2023', event_types: ['missile-launch'], period: '2023', status: 'complete' } as unknown as Coverage];
    const fig = {
      id: 'f',
      claim: { value: 5, qualifier: 'more-than', text: 'more than 5' },
      derivations: [
        { reading: 'events', unit: 'launch-events', event_types: ['missile-launch'], period: '2023', difference: 'counts missiles' },
        { reading: 'missiles', unit: 'missiles', event_types: ['missile-launch'], period: '2023', difference: 'not needed' },
      ],
    } as unknown as Figure;
    const [checked] = deriveFigures([fig], prepareEvents(events), coverage).figures;
    // 5 launch events (inconsistent with "more than 5"): the difference is kept; at least 12 missiles (consistent): it is not.
    expect(checked!.checks![0]).toMatchObject({ verdict: 'inconsistent', difference: 'counts missiles' });
    expect(checked!.checks![1]!.verdict).toBe('consistent');
    expect(checked!.checks![1]).not.toHaveProperty('difference');
  });
});

describe('date bounds', () => {
  it('agree with the edtf library on every valid date form', async () => {
    const { default: edtf } = await import('edtf');
    const { checkDate } = await import('../scripts/lib/dates.ts');
    const fc = (await import('fast-check')).default;
    const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const part = fc
      .tuple(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 28 }),
        fc.constantFrom('', '?', '~', '%'),
      )
      .map(([y, m, d, q]) => `${y}${m ? `-${String(m).padStart(2, '0')}${d ? `-${String(d).padStart(2, '0')}` : ''}` : ''}${q}`);
    fc.assert(
      fc.property(part, fc.option(part, { nil: undefined }), (a, b) => {
        const value = b === undefined ? a : `${a}/${b}`;
        const ours = checkDate(value);
        let theirs: { min: number; max: number } | undefined;
        try {
          theirs = edtf(value);
        } catch {
          theirs = undefined;
        }
        if (!theirs) expect(ours.ok).toBe(false);
        else if (ours.ok) expect(ours.range).toEqual({ earliest: iso(theirs.min), latest: iso(theirs.max) });
      }),
      { numRuns: 2000 },
    );
  });
});
