/**
 * The schemas are the one source of truth. This module loads them, compiles one ajv validator per
 * collection, and offers a resolved view of them (references followed) for everything that derives
 * from them: CSV columns, the Table Schema in datapackage.json, the codebook and the types.
 *
 * Project keywords (registered with ajv so that strict mode accepts them):
 * - refersTo: "<collection>"  the string is the id of a record of that collection;
 * - edtf: true                the string is a date in the EDTF subset (see dates.ts);
 * - x-enumDescriptions        the meaning of each enum value, for the codebook.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { COLLECTIONS, type CollectionName } from './collections.ts';
import { checkDate } from './dates.ts';
import { SCHEMA_DIR } from './paths.ts';

// ajv-formats is CommonJS; its default export arrives as .default under some loaders.
type AddFormats = typeof addFormatsModule.default;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as AddFormats;

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

/** Collected while a record is validated (ajv keywords run synchronously). */
let currentRefs: Reference[] = [];

/**
 * When a property is the derived first or last day of a date beside it (date_earliest and
 * date_latest beside date: readOnly, present only in the release files), the date's name.
 */
export function dayBoundOf(name: string, props: Record<string, Schema>): { base: string; bound: 'earliest' | 'latest' } | undefined {
  const m = /^(.+)_(earliest|latest)$/.exec(name);
  if (!m || props[name]?.readOnly !== true || !props[m[1]!]) return undefined;
  return { base: m[1]!, bound: m[2] as 'earliest' | 'latest' };
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

export function createValidators(schemas = readSchemas()): Validators {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, verbose: true });
  addFormats(ajv, ['date', 'date-time']);
  // The standard "iri" format (a URL that may hold non-ASCII characters, as found pages often do),
  // checked with the WHATWG URL parser that browsers use.
  ajv.addFormat('iri', (value: string) => {
    try {
      // Which schemes are allowed is the schema's pattern's business; this checks the form.
      return new URL(value).hostname.includes('.');
    } catch {
      return false;
    }
  });
  ajv.addKeyword({ keyword: 'x-enumDescriptions', schemaType: 'object' });
  ajv.addKeyword({
    keyword: 'refersTo',
    schemaType: 'string',
    errors: false,
    validate(collection: string, data: unknown, _parent?: unknown, cxt?: { instancePath: string }) {
      if (typeof data === 'string' && cxt) {
        currentRefs.push({ pointer: cxt.instancePath, collection: collection as CollectionName, id: data });
      }
      return true;
    },
  });
  const edtfValidate = function edtf(this: unknown, _flag: boolean, data: unknown): boolean {
    if (typeof data !== 'string') return true;
    // Only strings of the right shape are checked here; the pattern keyword reports the others.
    if (!/^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?[?~%]?(\/[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?[?~%]?)?$/.test(data)) return true;
    const r = checkDate(data);
    if (r.ok) return true;
    edtfValidate.errors = [{ keyword: 'edtf', message: r.message, params: { hint: r.hint } }];
    return false;
  } as ((flag: boolean, data: unknown) => boolean) & { errors?: Partial<ErrorObject>[] };
  ajv.addKeyword({ keyword: 'edtf', schemaType: 'boolean', errors: true, validate: edtfValidate });
  for (const [name, schema] of schemas) ajv.addSchema(schema, name);
  const compiled = new Map<CollectionName, ValidateFunction>();
  for (const c of COLLECTIONS) compiled.set(c, ajv.getSchema(`${c}.schema.json`)!);
  return {
    validate(collection, data) {
      currentRefs = [];
      const fn = compiled.get(collection)!;
      fn(data);
      const refs = currentRefs;
      currentRefs = [];
      return { errors: fn.errors ? [...fn.errors] : [], refs };
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
