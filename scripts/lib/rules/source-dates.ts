import type { Problem } from '../problems.ts';
import { problem, quotedTexts, range, type Rule } from './context.ts';

export const sourceDates: Rule = {
  name: 'source-dates',
  codes: ['date/source-predates'],
  description:
    'A source cannot report an event or statement dated after its publication, unless the citation is marked prospective (an announcement).',
  check({ records, index }) {
    const out: Problem[] = [];
    const sources = index.get('sources')!;
    for (const rec of records) {
      if (rec.collection !== 'events' && rec.collection !== 'statements') continue;
      const own = range(rec.data.date);
      if (!own) continue;
      for (const q of quotedTexts(rec)) {
        const src = sources.get(q.source);
        const published = src ? range(src.data.published) : undefined;
        if (!src || !published || q.path[0] === 'variants' || q.prospective || published.latest >= own.earliest) continue;
        out.push(
          problem(
            rec,
            [...q.path, 'source'],
            'date/source-predates',
            `the source "${q.source}" was published ${String(src.data.published)}, before this ${rec.collection === 'events' ? 'event' : 'statement'} (${String(rec.data.date)}): it cannot report it`,
            'check the dates, cite a source published after it, or mark a citation that announces it in advance with prospective: true',
          ),
        );
      }
    }
    return out;
  },
};
