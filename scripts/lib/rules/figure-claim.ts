import type { Problem } from '../problems.ts';
import { get, problem, quotedTexts, type Rule } from './context.ts';

export const figureClaim: Rule = {
  name: 'figure-claim',
  codes: ['figure/claim-not-quoted'],
  description: "A figure's claim text stands in one of its quotations.",
  check({ records }) {
    const out: Problem[] = [];
    for (const rec of records) {
      if (rec.collection !== 'figures') continue;
      const text = get(rec.data, ['claim', 'text']);
      if (typeof text === 'string' && !quotedTexts(rec).some((q) => q.text.includes(text))) {
        out.push(
          problem(
            rec,
            ['claim', 'text'],
            'figure/claim-not-quoted',
            `the claim text "${text}" does not stand in any of the figure's quotations`,
            'claim.text repeats the words of the claim as they stand in a cited quotation',
          ),
        );
      }
    }
    return out;
  },
};
