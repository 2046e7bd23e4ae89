/**
 * TypeScript types for the releases, generated from the schemas with json-schema-to-typescript.
 * The schemas are merged into one document whose $defs hold every collection and shared
 * definition, so that shared shapes (Citation, Quantity...) become named types; validation-only
 * keywords (if/then/else, not, dependentRequired) and project keywords are dropped first.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cached } from '../cache.ts';
import { COLLECTIONS } from '../collections.ts';
import { dayBoundOf, SchemaSet, type Schema } from '../schemas.ts';

const DROP = new Set([
  '$schema',
  '$id',
  'if',
  'then',
  'else',
  'not',
  'allOf',
  'dependentRequired',
  'x-enumDescriptions',
  'refersTo',
  'edtf',
]);

export const TYPE_NAMES: Record<string, string> = {
  sources: 'Source',
  actors: 'Actor',
  places: 'Place',
  systems: 'System',
  events: 'Event',
  statements: 'Statement',
  figures: 'Figure',
  coverage: 'Coverage',
};

/** The name of the type of a collection's ids: EventId, SourceId... */
export const idTypeName = (collection: string) => `${TYPE_NAMES[collection]}Id`;

/** The record type json-schema-to-typescript generates for a collection whose type is a union built here. */
const BASE_SUFFIX = 'Fields';

const pascal = (s: string) => s.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase());

/** Shared definitions that become named types; the others (plain strings) are inlined. */
function isNamed(def: Schema): boolean {
  return def.type === 'object' || def.type === 'array' || Array.isArray(def.enum);
}

/** In the release types, a date's derived bounds (date_earliest) are required where the date is. */
function withBoundsRequired(node: Schema): Schema {
  const props = node.properties as Record<string, Schema> | undefined;
  const required = node.required as string[] | undefined;
  if (!props || !required) return node;
  const bounds = Object.keys(props).filter((k) => {
    const b = dayBoundOf(k, props);
    return b !== undefined && required.includes(b.base);
  });
  return bounds.length ? { ...node, required: [...required, ...bounds] } : node;
}

function rewrite(node: unknown, file: string, schemas: SchemaSet): unknown {
  if (Array.isArray(node)) return node.map((n) => rewrite(n, file, schemas));
  if (!node || typeof node !== 'object') return node;
  const src = node as Schema;
  if (typeof src.$ref === 'string') {
    const [target, pointer = ''] = src.$ref.split('#');
    const targetFile = target || file;
    if (targetFile === 'defs.schema.json' && pointer.startsWith('/$defs/')) {
      const def = (schemas.files.get('defs.schema.json')!.$defs as Record<string, Schema>)[pointer.slice(7)]!;
      // A named type is referred to by name, with the referring field's description (or its own);
      // a plain string definition is inlined with the referring field's description.
      // Named by tsType rather than $ref, so that the field keeps a description (JSDoc) of its own.
      if (isNamed(def)) return { tsType: pascal(pointer.slice(7)), description: src.description ?? def.description };
      const { $ref: _r, ...siblings } = src;
      return rewrite({ ...def, ...siblings }, 'defs.schema.json', schemas);
    }
    const collection = targetFile.replace('.schema.json', '');
    return { $ref: `#/$defs/${TYPE_NAMES[collection]}${pointer}` };
  }
  const out: Schema = {};
  for (const [k, v] of Object.entries(src)) {
    // A reference to another record is typed with that collection's ids (see idTypes).
    if (k === 'refersTo' && typeof v === 'string' && TYPE_NAMES[v]) out.tsType = idTypeName(v);
    if (DROP.has(k)) continue;
    out[k] = rewrite(v, file, schemas);
  }
  return withBoundsRequired(out);
}

function combinedSchema(schemas = new SchemaSet()): Schema {
  const defs: Schema = {};
  const shared = (schemas.files.get('defs.schema.json')!.$defs ?? {}) as Record<string, Schema>;
  for (const [name, def] of Object.entries(shared))
    if (isNamed(def)) defs[pascal(name)] = { ...(rewrite(def, 'defs.schema.json', schemas) as Schema), title: pascal(name) };
  for (const c of COLLECTIONS) {
    const def = rewrite(schemas.root(c), `${c}.schema.json`, schemas) as Schema;
    const props = def.properties as Record<string, Schema>;
    props.id = { ...props.id, tsType: idTypeName(c) };
    const union = typeRules(schemas.root(c)).length > 0;
    defs[TYPE_NAMES[c]!] = { ...def, title: `${TYPE_NAMES[c]}${union ? BASE_SUFFIX : ''}` };
  }
  return {
    title: 'DprkData',
    description: 'The whole dataset, as in dist/dprk-data.json.',
    type: 'object',
    additionalProperties: false,
    required: ['name', 'version', 'license', ...COLLECTIONS],
    properties: {
      name: { type: 'string', description: 'The package name.' },
      version: { type: 'string', description: 'The release version.' },
      license: { type: 'string', description: 'The data licence (SPDX).' },
      ...Object.fromEntries(
        COLLECTIONS.map((c) => [
          c,
          {
            type: 'array',
            description: `Every ${c} record, sorted by id.`,
            items: typeRules(schemas.root(c)).length > 0 ? { tsType: TYPE_NAMES[c] } : { $ref: `#/$defs/${TYPE_NAMES[c]}` },
          },
        ]),
      ),
    },
    $defs: defs,
  };
}

export const TYPES_BANNER = '// Generated by npm run build from schemas/*.schema.json. Do not edit.';

/** A schema rule "when type is one of these, this field is required, else refused" (if/then/else). */
interface TypeRule {
  types: string[];
  field: string;
}

/** The if/then/else rules of a collection's schema that make a field depend on the record's type. */
function typeRules(root: Schema): TypeRule[] {
  const rules: TypeRule[] = [];
  for (const rule of (root.allOf ?? []) as Schema[]) {
    const cond = ((rule.if as Schema | undefined)?.properties as Record<string, Schema> | undefined)?.type;
    const required = (rule.then as Schema | undefined)?.required as string[] | undefined;
    const refused = ((rule.else as Schema | undefined)?.not as Schema | undefined)?.required as string[] | undefined;
    if (!cond || required?.length !== 1 || refused?.[0] !== required[0]) continue;
    const types = Array.isArray(cond.enum) ? (cond.enum as string[]) : [cond.const as string];
    rules.push({ types, field: required[0]! });
  }
  return rules;
}

const doc = (text: string, indent = '') => `${indent}/**\n${indent} * ${text.replace(/\*\//g, '*\\/')}\n${indent} */\n`;
const literals = (values: readonly string[]) => values.map((v) => JSON.stringify(v)).join(' | ');

/**
 * A collection whose schema makes fields depend on the type (events: launch, nuclear_test,
 * resolution) is typed as a union discriminated by type: one member per rule, with its field
 * required and the others refused, and one member for the remaining types with all of them refused.
 */
function discriminatedUnion(collection: string, root: Schema): string {
  const rules = typeRules(root);
  const name = TYPE_NAMES[collection]!;
  const base = `${name}${BASE_SUFFIX}`;
  const fields = rules.map((r) => r.field);
  const props = root.properties as Record<string, Schema>;
  const omit = literals(['type', ...fields]);
  const typeDoc = doc(String(props.type?.description ?? 'The type.'), '  ');
  const members: string[] = [];
  const parts: string[] = [];
  for (const r of rules) {
    const member = `${pascal(r.field)}${name}`;
    members.push(member);
    const others = fields.filter((f) => f !== r.field);
    parts.push(
      doc(`${root.description as string} This member: type ${r.types.join(' or ')}, with ${r.field}.`) +
        `export interface ${member} extends Omit<${base}, ${omit}> {\n${typeDoc}  type: ${literals(r.types)}\n` +
        doc(String(props[r.field]?.description ?? ''), '  ') +
        `  ${r.field}: NonNullable<${base}[${JSON.stringify(r.field)}]>\n` +
        others.map((f) => `  ${f}?: never\n`).join('') +
        '}\n',
    );
  }
  const ruled = rules.flatMap((r) => r.types);
  members.push(`Other${name}`);
  parts.push(
    doc(`${root.description as string} This member: any other type, with none of ${fields.join(', ')}.`) +
      `export interface Other${name} extends Omit<${base}, ${omit}> {\n${typeDoc}  type: Exclude<${base}["type"], ${literals(ruled)}>\n` +
      fields.map((f) => `  ${f}?: never\n`).join('') +
      '}\n',
  );
  parts.push(doc(`${root.description as string} A union discriminated by type.`) + `export type ${name} = ${members.join(' | ')}\n`);
  return parts.join('');
}

/** The ids of every collection as string-literal unions, from the records released. */
function idTypes(ids: Partial<Record<string, readonly string[]>>): string {
  return COLLECTIONS.map((c) => {
    const list = ids[c] ?? [];
    return (
      doc(`The id of a record in ${c} (one of the ${list.length} released); a reference to any other id does not compile.`) +
      `export type ${idTypeName(c)} =${list.length ? list.map((id) => `\n  | ${JSON.stringify(id)}`).join('') : ' never'}\n`
    );
  }).join('');
}

/**
 * The declarations: one interface per collection and per shared definition, the unions of
 * collections with type-dependent fields, and the id types (from ids, each collection's ids).
 */
export async function generateTypes(schemas = new SchemaSet(), ids: Partial<Record<string, readonly string[]>> = {}): Promise<string> {
  const schema = combinedSchema(schemas);
  const options = {
    bannerComment: TYPES_BANNER,
    additionalProperties: false,
    declareExternallyReferenced: true,
    unreachableDefinitions: true,
    format: false,
    strictIndexSignatures: true,
  };
  // json-schema-to-typescript is slow to load and to run; its output depends only on the combined
  // schema, the options and its own version, so it is cached under those.
  const version = (JSON.parse(readFileSync(require.resolve('json-schema-to-typescript/package.json'), 'utf8')) as { version: string })
    .version;
  const ts = await cached('types', { schema, options, version }, async () => {
    const { compile } = await import('json-schema-to-typescript');
    return compile(schema as never, 'DprkData', options);
  });
  const unions = COLLECTIONS.filter((c) => typeRules(schemas.root(c)).length > 0).map((c) => discriminatedUnion(c, schemas.root(c)));
  return `${ts.endsWith('\n') ? ts : `${ts}\n`}${unions.join('')}${idTypes(ids)}`;
}

const require = createRequire(import.meta.url);
