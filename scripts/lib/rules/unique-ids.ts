import { problem, type Rule } from './context.ts';

const HINT = 'ids are unique within a collection, whatever the folder: rename one file';

export const uniqueIds: Rule = {
  name: 'unique-ids',
  codes: ['id/duplicate'],
  description: 'Ids are unique within a collection, across sub-folders.',
  check: ({ duplicates }) =>
    duplicates.flatMap(([rec, first]) => [
      problem(rec, ['id'], 'id/duplicate', `the id "${rec.id}" is used twice in ${rec.collection}: also ${first.file}`, HINT),
      problem(first, ['id'], 'id/duplicate', `the id "${rec.id}" is used twice in ${rec.collection}: also ${rec.file}`, HINT),
    ]),
};
