import type { Json } from '../load.ts';
import type { Problem } from '../problems.ts';
import { get, listOf, problem, type Rule } from './context.ts';

const exact = (c: Json | undefined) =>
  !!c &&
  typeof c === 'object' &&
  !Array.isArray(c) &&
  Number.isInteger(c.value) &&
  (c.value as number) >= 0 &&
  (c.qualifier === undefined || c.qualifier === 'exact');

export const launchCounts: Rule = {
  name: 'launch-counts',
  codes: ['launch/count-mismatch'],
  description: "A launch's missile groups add up to its missile count when all are exact.",
  check({ index }) {
    const out: Problem[] = [];
    for (const rec of index.get('events')!.values()) {
      const launch = rec.data.launch;
      if (!launch || typeof launch !== 'object' || Array.isArray(launch)) continue;
      const total = get(launch, ['missile_count']);
      const groups = listOf(launch.missiles);
      if (!exact(total) || !groups.length || !groups.every((g) => exact(get(g, ['count'])))) continue;
      const sum = groups.reduce<number>((acc, g) => acc + (get(g, ['count', 'value']) as number), 0);
      const value = get(total, ['value']) as number;
      if (sum !== value) {
        out.push(
          problem(
            rec,
            ['launch', 'missile_count', 'value'],
            'launch/count-mismatch',
            `missile_count is ${value} but the missile groups add up to ${sum}`,
            'make the group counts add up, or qualify the count (at-least, about) if sources do not allow an exact figure',
          ),
        );
      }
    }
    return out;
  },
};
