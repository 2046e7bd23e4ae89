import type { Json } from '../load.ts';
import type { Schema, SchemaSet } from '../schemas.ts';
import { problem, type Rule } from './context.ts';

/** The paths of every field in a value that its schema marks readOnly, at any depth. */
function readOnlyPaths(value: Json, node: Schema, file: string, schemas: SchemaSet, path: (string | number)[], out: (string | number)[][]) {
  const { node: n, file: f } = schemas.deref(node, file);
  if (Array.isArray(value)) {
    const items = (n.items ?? {}) as Schema;
    value.forEach((v, i) => readOnlyPaths(v, items, f, schemas, [...path, i], out));
  } else if (value && typeof value === 'object') {
    const props = (n.properties ?? {}) as Record<string, Schema>;
    for (const [key, v] of Object.entries(value)) {
      const prop = props[key];
      if (!prop) continue;
      if (prop.readOnly === true) out.push([...path, key]);
      else readOnlyPaths(v, prop, f, schemas, [...path, key], out);
    }
  }
}

export const computedFields: Rule = {
  name: 'computed-fields',
  codes: ['field/computed'],
  description:
    "Fields the build computes (readOnly in the schema: a figure's checks, the first and last day of a date) are never written by hand.",
  check: ({ records, schemas }) =>
    records.flatMap((rec) => {
      const paths: (string | number)[][] = [];
      readOnlyPaths(rec.data, schemas.root(rec.collection), `${rec.collection}.schema.json`, schemas, [], paths);
      return paths.map((path) => {
        const key = String(path[path.length - 1]);
        const bound = /_(earliest|latest)$/.test(key);
        return problem(
          rec,
          path,
          'field/computed',
          `"${key}" is computed by the build and cannot be written in the data`,
          bound
            ? `remove it; the build derives it from ${key.replace(/_(earliest|latest)$/, '')}`
            : 'remove it; write derivations instead and run npm run build',
        );
      });
    }),
};
