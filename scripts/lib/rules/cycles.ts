import type { CollectionName } from '../collections.ts';
import type { LoadedRecord } from '../load.ts';
import type { Problem } from '../problems.ts';
import { listOf, problem, type Rule } from './context.ts';

interface ParentLink {
  collection: CollectionName;
  what: string;
  parents: (rec: LoadedRecord) => { id: string; path: (string | number)[] }[];
}

const LINKS: ParentLink[] = [
  {
    collection: 'places',
    what: 'part_of',
    parents: (r) => (typeof r.data.part_of === 'string' ? [{ id: r.data.part_of, path: ['part_of'] }] : []),
  },
  {
    collection: 'actors',
    what: 'member_of',
    parents: (r) => (typeof r.data.member_of === 'string' ? [{ id: r.data.member_of, path: ['member_of'] }] : []),
  },
  {
    collection: 'events',
    what: 'related part-of',
    parents: (r) =>
      listOf(r.data.related).flatMap((x, i) =>
        x && typeof x === 'object' && !Array.isArray(x) && x.relation === 'part-of' && typeof x.event === 'string'
          ? [{ id: x.event, path: ['related', i, 'event'] }]
          : [],
      ),
  },
];

/** Does following the links up from `start` come back to `self`? */
function reaches(link: ParentLink, byId: Map<string, LoadedRecord>, self: string, start: string): boolean {
  const seen = new Set([self]);
  let frontier = [start];
  while (frontier.length) {
    const next: string[] = [];
    for (const id of frontier) {
      if (seen.has(id)) {
        if (id === self) return true;
        continue;
      }
      seen.add(id);
      const parent = byId.get(id);
      if (parent) next.push(...link.parents(parent).map((p) => p.id));
    }
    frontier = next;
    if (frontier.includes(self)) return true;
  }
  return false;
}

export const cycles: Rule = {
  name: 'cycles',
  codes: ['ref/cycle'],
  description: 'No place is part of itself, no actor a member of itself, no event part of itself, directly or through others.',
  check({ records, index }) {
    const out: Problem[] = [];
    for (const link of LINKS) {
      const byId = index.get(link.collection)!;
      for (const rec of records) {
        if (rec.collection !== link.collection) continue;
        for (const first of link.parents(rec)) {
          if (first.id === rec.id || reaches(link, byId, rec.id, first.id)) {
            out.push(
              problem(
                rec,
                first.path,
                'ref/cycle',
                `"${rec.id}" ends up ${link.what} itself`,
                `follow the ${link.what} links from here and break the loop`,
              ),
            );
          }
        }
      }
    }
    return out;
  },
};
