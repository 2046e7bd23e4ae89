/**
 * The schemas are the one source of truth. This module loads them, gives one ajv validator per
 * collection, and offers a resolved view of them (references followed) for everything that derives
 * from them: CSV columns, the Table Schema in datapackage.json, the codebook and the types.
 *
 * Project keywords (registered with ajv so that strict mode accepts them; ajv only carries them):
 * - refersTo: "<collection>"  the string is the id of a record of that collection;
 * - edtf: true                the string is a date in the EDTF subset (see dates.ts);
 * - x-enumDescriptions        the meaning of each enum value, for the codebook.
 * References and dates are checked by a walk over each record guided by the schema (annotate),
 * which keeps ajv's part to standard keywords: its compiled validators can then be cached as
 * standalone code, so a run does not recompile the schemas (or even load ajv) when they have not
 * changed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as Ajv from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { COLLECTIONS, type CollectionName } from './collections.ts';
import { checkDate } from './dates.ts';
import { CODE_ROOT, SCHEMA_DIR } from './paths.ts';

export type Schema = { [key: string]: unknown };

export const SCHEMA_FILES = ['defs.schema.json', ...COLLECTIONS.map((c) => `${c}.schema.json`)];

export function readSchemas(dir = SCHEMA_DIR): Map<string, Schema> {
  const map = new Map<string, Schema>();
  for (const name of SCHEMA_FILES) map.set(name, JSON.parse(readFileSync(join(dir, name), 'utf8')) as Schema);
  return map;
}

/** A reference found while validating: the value at pointer must be an id in collection. */
export interface Reference {
  /** JSON pointer of the value; pointerToPath(pointer) gives the path when a problem needs one. */
  pointer: string;
  collection: CollectionName;
  id: string;
}

export function pointerToPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

export interface Validators {
  validate(collection: CollectionName, data: unknown): { errors: ErrorObject[]; refs: Reference[] };
}

/**
 * When a property is the derived first or last day of a date beside it (date_earliest and
 * date_latest beside date: readOnly, present only in the release files), the date's name.
 */
export function dayBoundOf(name: string, props: Record<string, Schema>): { base: string; bound: 'earliest' | 'latest' } | undefined {
  const m = /^(.+)_(earliest|latest)$/.exec(name);
  if (!m || props[name]?.readOnly !== true || !props[m[1]!]) return undefined;
  return { base: m[1]!, bound: m[2] as 'earliest' | 'latest' };
}

const requireHere = createRequire(join(CODE_ROOT, 'scripts', 'lib', 'schemas.ts'));
const FORMATS = join(CODE_ROOT, 'scripts', 'lib', 'formats.cjs');
const CACHE = join(CODE_ROOT, 'node_modules', '.cache', 'dprk-data');
const EDTF_SHAPE = /^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?[?~%]?(\/[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?[?~%]?)?$/;
type Compiled = Record<CollectionName, ValidateFunction>;

/** Compile the schemas with ajv and return the standalone CommonJS module of the validators. */
function standaloneSource(schemas: Map<string, Schema>): string {
  const { Ajv2020, _ } = requireHere('ajv/dist/2020.js') as typeof Ajv;
  const standaloneCode = (
    requireHere('ajv/dist/standalone/index.js') as { default: (ajv: Ajv.Ajv2020, refs: Record<string, string>) => string }
  ).default;
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    verbose: true,
    code: { source: true, formats: _`require(${FORMATS})` },
  });
  for (const [name, format] of Object.entries(requireHere(FORMATS) as Record<string, never>)) ajv.addFormat(name, format);
  for (const keyword of ['x-enumDescriptions', 'refersTo', 'edtf']) ajv.addKeyword({ keyword });
  for (const [name, schema] of schemas) ajv.addSchema(schema, name);
  return standaloneCode(ajv, Object.fromEntries(COLLECTIONS.map((c) => [c, `${c}.schema.json`])));
}

/** The validators: the cached standalone module for these schemas, compiled and cached when there is none. */
function compiledValidators(schemas: Map<string, Schema>): Compiled {
  const ajvVersion = (JSON.parse(readFileSync(requireHere.resolve('ajv/package.json'), 'utf8')) as { version: string }).version;
  const key = createHash('sha256')
    .update(JSON.stringify({ schemas: [...schemas], ajvVersion, formats: readFileSync(FORMATS, 'utf8'), root: CODE_ROOT }))
    .digest('hex')
    .slice(0, 32);
  const file = join(CACHE, `validators-${key}.cjs`);
  try {
    return requireHere(file) as Compiled;
  } catch {
    // not cached yet (or the cache is unreadable): compile
  }
  const source = standaloneSource(schemas);
  try {
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(`${file}.${process.pid}.tmp`, source);
    renameSync(`${file}.${process.pid}.tmp`, file);
    return requireHere(file) as Compiled;
  } catch {
    // no writable cache: load the module from its source text
    const m = { exports: {} as Compiled };
    new Function('module', 'exports', 'require', source)(m, m.exports, requireHere);
    return m.exports;
  }
}

/**
 * The references and EDTF date errors of a record, found by walking it along its schema (properties,
 * items, $ref): what the refersTo and edtf keywords mark.
 */
function annotate(set: SchemaSet, collection: CollectionName, data: unknown): { refs: Reference[]; errors: ErrorObject[] } {
  const refs: Reference[] = [];
  const errors: ErrorObject[] = [];
  const walk = (raw: Schema, file: string, value: unknown, pointer: string, schemaPath: string): void => {
    const { node, file: f } = set.deref(raw, file);
    if (typeof value === 'string') {
      const to = (raw.refersTo ?? node.refersTo) as CollectionName | undefined;
      if (to) refs.push({ pointer, collection: to, id: value });
      if ((raw.edtf ?? node.edtf) === true && EDTF_SHAPE.test(value)) {
        const r = checkDate(value);
        if (!r.ok)
          errors.push({
            keyword: 'edtf',
            instancePath: pointer,
            schemaPath: `${schemaPath}/edtf`,
            params: { hint: r.hint },
            message: r.message,
            data: value,
            parentSchema: node,
          });
      }
    } else if (Array.isArray(value)) {
      if (node.items) value.forEach((v, i) => walk(node.items as Schema, f, v, `${pointer}/${i}`, `${schemaPath}/items`));
    } else if (value && typeof value === 'object' && node.properties) {
      const props = node.properties as Record<string, Schema>;
      for (const [k, v] of Object.entries(value)) {
        if (props[k]) walk(props[k]!, f, v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, `${schemaPath}/properties/${k}`);
      }
    }
  };
  walk(set.root(collection), `${collection}.schema.json`, data, '', '#');
  return { refs, errors };
}

export function createValidators(schemas = readSchemas()): Validators {
  const compiled = compiledValidators(schemas);
  const set = new SchemaSet(schemas);
  return {
    validate(collection, data) {
      const fn = compiled[collection];
      fn(data);
      const found = annotate(set, collection, data);
      return { errors: [...(fn.errors ?? []), ...found.errors], refs: found.refs };
    },
  };
}

/**
 * A resolved view of a schema node: $ref followed (with the referring node's description winning),
 * so that walkers see plain type/properties/items/enum.
 */
export class SchemaSet {
  constructor(readonly files: Map<string, Schema> = readSchemas()) {}

  private derefCache = new WeakMap<Schema, Map<string, { node: Schema; file: string }>>();

  /** Resolve a $ref relative to the file it appears in. Returns the target and its file (memoised). */
  deref(node: Schema, file: string): { node: Schema; file: string } {
    let byFile = this.derefCache.get(node);
    const hit = byFile?.get(file);
    if (hit) return hit;
    const result = this.resolve(node, file);
    if (!byFile) this.derefCache.set(node, (byFile = new Map()));
    byFile.set(file, result);
    return result;
  }

  private resolve(node: Schema, file: string): { node: Schema; file: string } {
    let cur = node;
    let curFile = file;
    const seen = new Set<string>();
    while (typeof cur.$ref === 'string') {
      const [target, pointer = ''] = (cur.$ref as string).split('#');
      const targetFile = target || curFile;
      const key = `${targetFile}#${pointer}`;
      if (seen.has(key)) throw new Error(`circular $ref ${key}`);
      seen.add(key);
      let resolved: unknown = this.files.get(targetFile);
      if (!resolved) throw new Error(`unknown schema file in $ref: ${targetFile}`);
      for (const seg of pointerToPath(pointer)) resolved = (resolved as Record<string | number, unknown>)[seg];
      if (!resolved) throw new Error(`unresolvable $ref ${cur.$ref} in ${curFile}`);
      const { $ref: _drop, ...siblings } = cur;
      cur = { ...(resolved as Schema), ...siblings };
      curFile = targetFile;
    }
    return { node: cur, file: curFile };
  }

  root(collection: CollectionName): Schema {
    return this.files.get(`${collection}.schema.json`)!;
  }

  /** Is this (unresolved) node a reference to the shared citation definition? */
  static isCitation(node: Schema): boolean {
    return typeof node.$ref === 'string' && /#\/\$defs\/citation$/.test(node.$ref as string);
  }
}
