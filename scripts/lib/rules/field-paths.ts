import type { CollectionName } from '../collections.ts';
import type { Problem } from '../problems.ts';
import type { Schema, SchemaSet } from '../schemas.ts';
import { citationObjects } from '../walk.ts';
import { get, listOf, problem, type Rule } from './context.ts';

/** Does a dotted path name a field that the schema allows? Numeric segments index lists. */
function schemaHasPath(schemas: SchemaSet, collection: CollectionName, dotted: string): boolean {
  let file = `${collection}.schema.json`;
  let node: Schema = schemas.root(collection);
  for (const seg of dotted.split('.')) {
    ({ node, file } = schemas.deref(node, file));
    if (/^[0-9]+$/.test(seg)) {
      if (!node.items) return false;
      node = node.items as Schema;
      continue;
    }
    if (node.items) ({ node, file } = schemas.deref(node.items as Schema, file));
    const props = node.properties as Record<string, Schema> | undefined;
    if (!props || !props[seg]) return false;
    node = props[seg]!;
  }
  return true;
}

export const fieldPaths: Rule = {
  name: 'field-paths',
  codes: ['variant/unknown-field', 'citation/unknown-field'],
  description: "A variant's field and a citation's supports name fields that the record's schema has.",
  check({ records, schemas }) {
    const out: Problem[] = [];
    for (const rec of records) {
      listOf(rec.data.variants).forEach((v, i) => {
        const f = get(v, ['field']);
        if (typeof f === 'string' && !schemaHasPath(schemas, rec.collection, f)) {
          out.push(
            problem(
              rec,
              ['variants', i, 'field'],
              'variant/unknown-field',
              `"${f}" is not a field of ${rec.collection} records`,
              'name the field with dots: date, launch.missile_count, launch.missiles.0.apogee_km',
            ),
          );
        }
      });
      for (const c of citationObjects(rec.data)) {
        listOf(get(rec.data, [...c.path, 'supports'])).forEach((s, i) => {
          if (typeof s === 'string' && !schemaHasPath(schemas, rec.collection, s)) {
            out.push(
              problem(
                rec,
                [...c.path, 'supports', i],
                'citation/unknown-field',
                `"${s}" is not a field of ${rec.collection} records`,
                'name a field of this record with dots, such as date or launch.missile_count',
              ),
            );
          }
        });
      }
    }
    return out;
  },
};
