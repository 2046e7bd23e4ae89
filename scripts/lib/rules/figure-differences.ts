import { deriveFigures, prepareEvents } from '../derive.ts';
import type { Coverage, Event, Figure } from '../types.ts';
import { problem, type Rule } from './context.ts';

export const figureDifferences: Rule = {
  name: 'figure-differences',
  codes: ['figure/unexplained-inconsistency'],
  description:
    'A reading that the records contradict says why: a derivation whose verdict comes out inconsistent carries a `difference` naming the counting difference that explains it (or saying that none is known).',
  check({ index, valid }) {
    // Verdicts over a partly broken set of events would blame the figures for it: the rule runs
    // only when every event, figure and coverage record passed its schema.
    const of = (c: 'events' | 'figures' | 'coverage') => [...index.get(c)!.values()];
    if (![...of('events'), ...of('figures'), ...of('coverage')].every((r) => valid.has(r))) return [];
    const figures = of('figures');
    if (!figures.some((f) => Array.isArray(f.data.derivations))) return [];
    const events = of('events').map((r) => r.data as unknown as Event);
    const coverage = of('coverage').map((r) => r.data as unknown as Coverage);
    const derived = deriveFigures(
      figures.map((r) => r.data as unknown as Figure),
      prepareEvents(events),
      coverage,
    );
    return derived.figures.flatMap((f, i) =>
      (f.checks ?? []).flatMap((c, j) =>
        c.verdict === 'inconsistent' && !f.derivations?.[j]?.difference
          ? [
              problem(
                figures[i]!,
                ['derivations', j],
                'figure/unexplained-inconsistency',
                `the records contradict the reading "${c.reading}": ${c.reason}`,
                'add difference: the counting difference that explains it (cruise missiles, satellites, missiles vs occasions, dates), or that none is known',
              ),
            ]
          : [],
      ),
    );
  },
};
