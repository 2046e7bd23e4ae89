import type { Problem } from '../problems.ts';
import { problem, quotedTexts, type Rule } from './context.ts';

/** Fold typographic quotes, dashes and spaces, to tell a curator that only such characters differ. */
function foldTypography(s: string): string {
  return s
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

export const seedQuotes: Rule = {
  name: 'seed-quotes',
  codes: ['seed/not-verbatim', 'seed/missing'],
  description:
    'A quotation from a source whose full text is kept in shared/seed stands there word for word (warned, not checked, when the text is not beside the repository).',
  check(ctx) {
    const out: Problem[] = [];
    const sources = ctx.index.get('sources')!;
    const missingReported = new Set<string>();
    for (const rec of ctx.records) {
      for (const q of quotedTexts(rec)) {
        const src = sources.get(q.source);
        const seedFile = src?.data.seed_file;
        if (!src || typeof seedFile !== 'string' || !/\S/.test(q.text)) continue;
        const seed = ctx.seeds().get(seedFile);
        if (seed === null || seed === undefined) {
          if (missingReported.has(seedFile)) continue;
          missingReported.add(seedFile);
          out.push(
            problem(
              src,
              ['seed_file'],
              'seed/missing',
              `the seed text ${seedFile} is not in ${ctx.seedDir}; quotations from it were not checked`,
              'check out shared/ beside the repository',
              'warning',
            ),
          );
        } else if (!seed.includes(q.text)) {
          const folded = foldTypography(seed).includes(foldTypography(q.text));
          const hint = folded
            ? 'only quote marks, dashes or spacing differ: copy those characters from the seed text too'
            : `copy the sentence character for character from shared/seed/${seedFile}`;
          out.push(
            problem(rec, [...q.path, q.field], 'seed/not-verbatim', `the quotation does not stand word for word in ${seedFile}`, hint),
          );
        }
      }
    }
    return out;
  },
};
