import { COLLECTIONS } from '../collections.ts';
import type { Problem } from '../problems.ts';
import { closest } from '../schema-errors.ts';
import { pointerToPath } from '../schemas.ts';
import { get, problem, type Rule } from './context.ts';

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const references: Rule = {
  name: 'references',
  codes: ['ref/dangling', 'ref/retracted', 'ref/self'],
  description:
    'Every reference names a record of the right collection (with a did-you-mean); references to retracted records are warned; replaced_by resolves and is not the record itself.',
  check({ records, refs, index, unreadable }) {
    const out: Problem[] = [];
    for (const rec of records) {
      for (const ref of refs.get(rec) ?? []) {
        const target = index.get(ref.collection)!.get(ref.id);
        // An id of the wrong form, or of a file that failed to load, has been reported already.
        if (!target && (!ID.test(ref.id) || unreadable?.get(ref.collection)?.has(ref.id))) continue;
        if (!target) {
          const elsewhere = COLLECTIONS.filter((c) => c !== ref.collection && index.get(c)!.has(ref.id));
          const guess = closest(ref.id, index.get(ref.collection)!.keys());
          const hint = elsewhere.length
            ? `"${ref.id}" is a record of ${elsewhere.join(', ')}, but this field needs an id from ${ref.collection}`
            : guess
              ? `did you mean "${guess}"? Otherwise add data/${ref.collection}/${ref.id}.yaml`
              : `add data/${ref.collection}/${ref.id}.yaml, or correct the id`;
          out.push(problem(rec, pointerToPath(ref.pointer), 'ref/dangling', `no ${ref.collection} record has the id "${ref.id}"`, hint));
        } else if (target.data.retracted && !(rec.collection === ref.collection && rec.id === ref.id)) {
          const by = get(target.data, ['retracted', 'replaced_by']);
          const hint = typeof by === 'string' ? `refer to its replacement "${by}"` : 'refer to another record, or retract this one too';
          out.push(problem(rec, pointerToPath(ref.pointer), 'ref/retracted', `"${ref.id}" is retracted`, hint, 'warning'));
        }
      }
      const replacedBy = get(rec.data, ['retracted', 'replaced_by']);
      if (typeof replacedBy !== 'string') continue;
      if (replacedBy === rec.id)
        out.push(
          problem(
            rec,
            ['retracted', 'replaced_by'],
            'ref/self',
            'a record cannot replace itself',
            'name the record that replaces this one',
          ),
        );
      else if (!index.get(rec.collection)!.has(replacedBy)) {
        out.push(
          problem(
            rec,
            ['retracted', 'replaced_by'],
            'ref/dangling',
            `no ${rec.collection} record has the id "${replacedBy}"`,
            `the replacement must be a record of ${rec.collection}`,
          ),
        );
      }
    }
    return out;
  },
};
