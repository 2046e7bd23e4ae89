/** The schemas themselves: documented, closed, and strict enough to refuse an empty record. */
import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../scripts/lib/collections.ts';
import { createValidators, readSchemas, type Schema } from '../scripts/lib/schemas.ts';

const schemas = readSchemas();

/** Every subschema with its JSON pointer. */
function* nodes(node: unknown, pointer: string): Generator<[string, Schema]> {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) yield* nodes(node[i], `${pointer}/${i}`);
    return;
  }
  const s = node as Schema;
  yield [pointer, s];
  for (const key of ['properties', '$defs']) {
    const map = s[key] as Record<string, unknown> | undefined;
    if (map) for (const [k, v] of Object.entries(map)) yield* nodes(v, `${pointer}/${key}/${k}`);
  }
  for (const key of ['items', 'if', 'then', 'else', 'not']) if (s[key]) yield* nodes(s[key], `${pointer}/${key}`);
  if (Array.isArray(s.allOf)) yield* nodes(s.allOf, `${pointer}/allOf`);
}

describe('schemas', () => {
  for (const [file, schema] of schemas) {
    it(`${file}: every property has a description`, () => {
      const missing: string[] = [];
      for (const [pointer, node] of nodes(schema, '#')) {
        const props = node.properties as Record<string, Schema> | undefined;
        if (!props || /\/(if|then|else|not)(\/|$)/.test(pointer)) continue;
        for (const [name, prop] of Object.entries(props)) {
          // A bare $ref to a definition inherits the definition's description.
          const described = typeof prop.description === 'string' || (typeof prop.$ref === 'string' && Object.keys(prop).length === 1);
          if (!described) missing.push(`${pointer}/properties/${name}`);
        }
      }
      expect(missing).toEqual([]);
    });

    it(`${file}: every enum value has a description`, () => {
      for (const [pointer, node] of nodes(schema, '#')) {
        if (!Array.isArray(node.enum) || /\/(if|then|else|not)(\/|$)/.test(pointer)) continue;
        const described = node['x-enumDescriptions'] as Record<string, string> | undefined;
        expect(described, `${file}${pointer}`).toBeDefined();
        expect(Object.keys(described!).sort(), `${file}${pointer}`).toEqual([...(node.enum as string[])].sort());
      }
    });

    it(`${file}: every object refuses unknown fields`, () => {
      for (const [pointer, node] of nodes(schema, '#')) {
        if (node.type === 'object') expect(node.additionalProperties, `${file}${pointer}`).toBe(false);
      }
    });
  }

  it('refuse an empty record in every collection', () => {
    const validators = createValidators(schemas);
    for (const c of COLLECTIONS) {
      const { errors } = validators.validate(c, {});
      expect(
        errors.filter((e) => e.keyword === 'required').map((e) => e.params.missingProperty),
        c,
      ).toContain('id');
    }
  });
});
