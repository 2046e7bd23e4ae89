/**
 * Turn ajv's errors into problems a curator can act on: the field in dotted form, its line and
 * column in the YAML file, what is wrong in plain words and how to fix it.
 */
import type { ErrorObject } from 'ajv';
import { distance } from 'fastest-levenshtein';
import { locate, type LoadedRecord } from './load.ts';
import { fieldPath, type Problem } from './problems.ts';
import { pointerToPath, type Schema } from './schemas.ts';

const ID_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';

/** The closest candidate to a misspelt value, if it is close enough to be a likely typo. */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = distance(value.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(value.length / 3)) ? best : undefined;
}

/** A slug suggestion for a bad id or file name. */
function slugify(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'number') return Number.isInteger(v) ? 'a whole number' : 'a number';
  return `a ${typeof v}`;
}

function expected(t: string | string[]): string {
  const names: Record<string, string> = {
    string: 'text',
    integer: 'a whole number',
    number: 'a number',
    object: 'a mapping of field: value',
    array: 'a list',
    boolean: 'true or false',
    null: 'null',
  };
  return (Array.isArray(t) ? t : [t]).map((x) => names[x] ?? x).join(' or ');
}

function show(v: unknown): string {
  const s = typeof v === 'string' ? `"${v}"` : (JSON.stringify(v) ?? String(v));
  return s.length > 60 ? `${s.slice(0, 57)}..."` : s;
}

/** What a keyword's handler sees of one ajv error. */
interface ErrorView {
  e: ErrorObject;
  path: (string | number)[];
  parent: Schema;
  data: unknown;
}

/** What a handler says: the message, a hint, and (when the error is about a key) that key. */
interface Said {
  message?: string;
  hint?: string;
  /** The problem is about this key of the object at path (a missing or unknown field). */
  key?: string;
  /** Place the position on the key itself rather than on its value. */
  atKey?: boolean;
}

const RANGE_WORDS: Record<string, string> = {
  minimum: 'at least',
  exclusiveMinimum: 'more than',
  maximum: 'at most',
  exclusiveMaximum: 'less than',
};
const EMPTY: Said = { message: 'is empty or only white space', hint: 'write the text, or leave the field out' };
const params = <T>(e: ErrorObject) => e.params as T;
const described = (parent: Schema) => (parent.description ? String(parent.description) : undefined);

function rangeMessage({ e, data, parent }: ErrorView): Said {
  const { limit } = params<{ limit: number }>(e);
  return {
    message: `${show(data)} is out of range: it must be ${RANGE_WORDS[e.keyword]} ${limit}`,
    hint: e.keyword.includes('inimum') && limit === 0 ? 'counts and measures are never negative' : ((parent.description as string) ?? ''),
  };
}

function typeMessage({ e, data, parent }: ErrorView): Said {
  const want = params<{ type: string | string[] }>(e).type;
  const message = `must be ${expected(want)}, not ${typeName(data)}`;
  if (parent.edtf && typeof data === 'number') return { message, hint: `write the date in quotes: '${data}'` };
  if ((want === 'number' || want === 'integer') && typeof data === 'string') return { message, hint: 'write the number without quotes' };
  if (want === 'integer' && typeof data === 'number') return { message, hint: 'counts are whole numbers' };
  if (want === 'string' && data !== null && typeof data !== 'object')
    return { message, hint: `put the value in quotes: '${String(data)}'` };
  return { message, hint: described(parent) };
}

function patternMessage({ e, path, data, parent }: ErrorView): Said {
  const { pattern } = params<{ pattern: string }>(e);
  if (path.length === 1 && path[0] === 'id') {
    return {
      message: `the file name "${String(data)}.yaml" is not a valid id`,
      hint: `ids are lowercase words and digits joined by hyphens: rename the file to ${slugify(String(data)) || 'a-valid-id'}.yaml`,
    };
  }
  if (pattern === ID_PATTERN)
    return {
      message: `${show(data)} is not a valid id`,
      hint: `ids are lowercase words and digits joined by hyphens, such as ${slugify(String(data)) || 'kim-jong-un'}`,
    };
  if (parent.edtf) {
    return {
      message: `${show(data)} is not a date in the accepted form`,
      hint: 'write YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ? ~ or %, or a span A/B; never pad an unknown day with 01',
    };
  }
  if (pattern === '\\S') return EMPTY;
  if (pattern === '^https?://')
    return { message: `${show(data)} is not an http(s) address`, hint: 'cite a page by its http:// or https:// URL, exactly as found' };
  return {
    message: `${show(data)} does not have the required form`,
    hint: parent.description ? String(parent.description) : `it must match ${pattern}`,
  };
}

/** One entry per ajv keyword: how its error reads to a curator. Keywords not listed keep ajv's message. */
const MESSAGES: Record<string, (v: ErrorView) => Said> = {
  required({ e, parent, data }) {
    const missing = params<{ missingProperty: string }>(e).missingProperty;
    const desc = ((parent.properties ?? {}) as Record<string, Schema>)[missing]?.description as string | undefined;
    let hint = desc ? `add ${missing}: ${desc}` : `add the field ${missing}`;
    const type = (data as Record<string, unknown> | undefined)?.type;
    if (e.schemaPath.includes('/then/'))
      hint = `${typeof type === 'string' ? `${type} records need` : 'records of this type need'} ${missing}; ${hint}`;
    return { key: missing, message: `missing required field "${missing}"`, hint };
  },
  additionalProperties({ e, parent }) {
    const extra = params<{ additionalProperty: string }>(e).additionalProperty;
    const allowed = Object.keys((parent.properties ?? {}) as object);
    const guess = closest(extra, allowed);
    return {
      key: extra,
      atKey: true,
      message: `unknown field "${extra}"`,
      hint: guess ? `did you mean "${guess}"?` : `allowed fields here: ${allowed.join(', ')}`,
    };
  },
  enum({ e, data }) {
    const allowed = params<{ allowedValues: unknown[] }>(e).allowedValues.map(String);
    const guess = typeof data === 'string' ? closest(data, allowed) : undefined;
    return {
      message: `${show(data)} is not an allowed value`,
      hint: `${guess ? `did you mean "${guess}"? ` : ''}use one of: ${allowed.join(', ')}`,
    };
  },
  const: ({ e, data }) => ({
    message: `${show(data)} is not allowed here`,
    hint: `the value must be ${show(params<{ allowedValue: unknown }>(e).allowedValue)}`,
  }),
  type: typeMessage,
  pattern: patternMessage,
  format({ e, data }) {
    const { format } = params<{ format: string }>(e);
    if (format === 'date')
      return { message: `${show(data)} is not a real day in the form YYYY-MM-DD`, hint: 'write a calendar day such as 2026-11-25' };
    return {
      message: `${show(data)} is not a valid ${format === 'iri' ? 'URL' : format}`,
      hint: 'write the full address, such as https://www.example.org/page',
    };
  },
  minLength: () => EMPTY,
  maxLength: ({ e, data }) => ({
    message: `is ${String(data).length} characters long, more than ${params<{ limit: number }>(e).limit}`,
    hint: 'quotations are a sentence or two; shorten it',
  }),
  minimum: rangeMessage,
  exclusiveMinimum: rangeMessage,
  maximum: rangeMessage,
  exclusiveMaximum: rangeMessage,
  minItems({ e, parent }) {
    const { limit } = params<{ limit: number }>(e);
    return { message: `must have at least ${limit} item${limit === 1 ? '' : 's'}`, hint: described(parent) };
  },
  uniqueItems({ e }) {
    const { i, j } = params<{ i: number; j: number }>(e);
    return { message: `items ${j} and ${i} are the same`, hint: 'list each value once' };
  },
  not({ e, data }) {
    const req = ((e.schema as Schema)?.required as string[] | undefined)?.[0];
    if (!req) return {};
    const obj = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
    const by = 'type' in obj ? 'type' : 'qualifier' in obj ? 'qualifier' : undefined;
    return {
      key: req,
      atKey: true,
      message: by ? `field "${req}" is not allowed when ${by} is ${show(obj[by])}` : `field "${req}" is not allowed here`,
      hint: by ? `remove ${req}, or change the ${by}` : `remove ${req}`,
    };
  },
  dependentRequired({ e }) {
    const { property, missingProperty } = params<{ property: string; missingProperty: string }>(e);
    return { key: missingProperty, message: `"${property}" needs "${missingProperty}" too`, hint: `add ${missingProperty}` };
  },
  edtf: ({ e }) => ({ hint: params<{ hint?: string }>(e).hint }),
};

/** The record's discriminating field (type) is missing or not an allowed value. */
const typeIsBroken = (errors: ErrorObject[]) =>
  errors.some(
    (e) =>
      (e.instancePath === '/type' && !e.schemaPath.includes('/allOf/')) ||
      (e.instancePath === '' && e.keyword === 'required' && (e.params as { missingProperty?: string }).missingProperty === 'type'),
  );

/** Errors from the rules keyed on type (allOf if/then/else at the root): consequences of a broken type. */
const dependsOnType = (e: ErrorObject) => /^#\/allOf\/[0-9]+\/(then|else|if)\//.test(e.schemaPath) || e.keyword === 'if';

export function schemaProblems(rec: LoadedRecord, errors: ErrorObject[]): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  // When the type itself is wrong, the type's problem (with its did-you-mean) is the one to fix;
  // what the type's rules then require or refuse would be wrong advice.
  if (typeIsBroken(errors)) errors = errors.filter((e) => !dependsOnType(e));
  // A value of the wrong shape also fails its format: the shape's message says enough.
  const badShape = new Set(errors.filter((e) => e.keyword === 'pattern').map((e) => e.instancePath));
  errors = errors.filter((e) => !(e.keyword === 'format' && badShape.has(e.instancePath)));
  for (const e of errors) {
    if (e.keyword === 'if') continue; // the failing then/else branch reports the real cause
    const path = pointerToPath(e.instancePath);
    const said = MESSAGES[e.keyword]?.({ e, path, parent: (e.parentSchema ?? {}) as Schema, data: e.data }) ?? {};
    const field = fieldPath(said.key === undefined ? path : [...path, said.key]);
    const message = said.message ?? e.message ?? 'is invalid';
    const key = `${field}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const pos = locate(rec, said.key === undefined ? path : [...path, ...(said.atKey ? [said.key] : [])], !!said.atKey);
    out.push({
      level: 'error',
      file: rec.file,
      line: pos.line,
      col: pos.col,
      field,
      code: `schema/${e.keyword}`,
      message,
      ...(said.hint ? { hint: said.hint } : {}),
    });
  }
  return out;
}
