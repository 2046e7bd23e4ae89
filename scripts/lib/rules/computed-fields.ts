import type { Schema } from '../schemas.ts';
import { problem, type Rule } from './context.ts';

export const computedFields: Rule = {
  name: 'computed-fields',
  codes: ['field/computed'],
  description: "Fields the build computes (readOnly in the schema, such as a figure's checks) are never written by hand.",
  check: ({ records, schemas }) =>
    records.flatMap((rec) => {
      const props = (schemas.root(rec.collection).properties ?? {}) as Record<string, Schema>;
      return Object.keys(rec.data)
        .filter((key) => props[key]?.readOnly === true)
        .map((key) =>
          problem(
            rec,
            [key],
            'field/computed',
            `"${key}" is computed by the build and cannot be written in the data`,
            'remove it; write derivations instead and run npm run build',
          ),
        );
    }),
};
