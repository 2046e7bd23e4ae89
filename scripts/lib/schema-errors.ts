/**
 * Turn ajv's errors into problems a curator can act on: the field in dotted form, its line and
 * column in the YAML file, what is wrong in plain words and how to fix it.
 */
import type { ErrorObject } from 'ajv';
import { locate, type LoadedRecord } from './load.ts';
import { fieldPath, type Problem } from './problems.ts';
import { pointerToPath, type Schema } from './schemas.ts';

const ID_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';

/** Levenshtein distance, for "did you mean" hints. */
export function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

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
export function slugify(value: string): string {
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
  const names: Record<string, string> = { string: 'text', integer: 'a whole number', number: 'a number', object: 'a mapping of field: value', array: 'a list', boolean: 'true or false', null: 'null' };
  return (Array.isArray(t) ? t : [t]).map((x) => names[x] ?? x).join(' or ');
}

function show(v: unknown): string {
  const s = typeof v === 'string' ? `"${v}"` : (JSON.stringify(v) ?? String(v));
  return s.length > 60 ? `${s.slice(0, 57)}..."` : s;
}

export function schemaProblems(rec: LoadedRecord, errors: ErrorObject[]): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'if') continue; // the failing then/else branch reports the real cause
    const path = pointerToPath(e.instancePath);
    const parent = (e.parentSchema ?? {}) as Schema;
    let field = fieldPath(path);
    let atKey = false;
    let message = e.message ?? 'is invalid';
    let hint: string | undefined;
    const data = e.data;
    switch (e.keyword) {
      case 'required': {
        const missing = (e.params as { missingProperty: string }).missingProperty;
        field = fieldPath([...path, missing]);
        message = `missing required field "${missing}"`;
        const props = (parent.properties ?? {}) as Record<string, Schema>;
        const desc = props[missing]?.description as string | undefined;
        hint = desc ? `add ${missing}: ${desc}` : `add the field ${missing}`;
        if (e.schemaPath.includes('/then/')) hint = `${(data as Record<string, unknown>)?.type ?? 'this'} records need ${missing}; ${hint}`;
        break;
      }
      case 'additionalProperties': {
        const extra = (e.params as { additionalProperty: string }).additionalProperty;
        field = fieldPath([...path, extra]);
        atKey = true;
        message = `unknown field "${extra}"`;
        const allowed = Object.keys((parent.properties ?? {}) as object);
        const guess = closest(extra, allowed);
        hint = guess ? `did you mean "${guess}"?` : `allowed fields here: ${allowed.join(', ')}`;
        break;
      }
      case 'enum': {
        const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
        message = `${show(data)} is not an allowed value`;
        const guess = typeof data === 'string' ? closest(data, allowed) : undefined;
        hint = `${guess ? `did you mean "${guess}"? ` : ''}use one of: ${allowed.join(', ')}`;
        break;
      }
      case 'const':
        message = `${show(data)} is not allowed here`;
        hint = `the value must be ${show((e.params as { allowedValue: unknown }).allowedValue)}`;
        break;
      case 'type': {
        const want = (e.params as { type: string | string[] }).type;
        message = `must be ${expected(want)}, not ${typeName(data)}`;
        if (parent.edtf && typeof data === 'number') hint = `write the date in quotes: '${data}'`;
        else if ((want === 'number' || want === 'integer') && typeof data === 'string') hint = 'write the number without quotes';
        else if (want === 'integer' && typeof data === 'number') hint = 'counts are whole numbers';
        else if (want === 'string' && data !== null && typeof data !== 'object') hint = `put the value in quotes: '${String(data)}'`;
        else if (parent.description) hint = String(parent.description);
        break;
      }
      case 'pattern': {
        const pattern = (e.params as { pattern: string }).pattern;
        if (path.length === 1 && path[0] === 'id') {
          message = `the file name "${String(data)}.yaml" is not a valid id`;
          hint = `ids are lowercase words and digits joined by hyphens: rename the file to ${slugify(String(data)) || 'a-valid-id'}.yaml`;
        } else if (pattern === ID_PATTERN) {
          message = `${show(data)} is not a valid id`;
          hint = `ids are lowercase words and digits joined by hyphens, such as ${slugify(String(data)) || 'kim-jong-un'}`;
        } else if (parent.edtf) {
          message = `${show(data)} is not a date in the accepted form`;
          hint = 'write YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ? ~ or %, or a span A/B; never pad an unknown day with 01';
        } else if (pattern === '\\S') {
          message = 'is empty or only white space';
          hint = 'write the text, or leave the field out';
        } else if (pattern === '^https?://') {
          message = `${show(data)} is not an http(s) address`;
          hint = 'cite a page by its http:// or https:// URL, exactly as found';
        } else {
          message = `${show(data)} does not have the required form`;
          hint = parent.description ? String(parent.description) : `it must match ${pattern}`;
        }
        break;
      }
      case 'format': {
        const format = (e.params as { format: string }).format;
        if (format === 'date') {
          message = `${show(data)} is not a real day in the form YYYY-MM-DD`;
          hint = 'write a calendar day such as 2026-11-25';
        } else {
          message = `${show(data)} is not a valid ${format === 'iri' ? 'URL' : format}`;
          hint = 'write the full address, such as https://www.example.org/page';
        }
        break;
      }
      case 'minLength':
        message = 'is empty or only white space';
        hint = 'write the text, or leave the field out';
        break;
      case 'maxLength': {
        const limit = (e.params as { limit: number }).limit;
        message = `is ${String(data).length} characters long, more than ${limit}`;
        hint = 'quotations are a sentence or two; shorten it';
        break;
      }
      case 'minimum':
      case 'exclusiveMinimum':
      case 'maximum':
      case 'exclusiveMaximum': {
        const limit = (e.params as { limit: number }).limit;
        const words: Record<string, string> = { minimum: 'at least', exclusiveMinimum: 'more than', maximum: 'at most', exclusiveMaximum: 'less than' };
        message = `${show(data)} is out of range: it must be ${words[e.keyword]} ${limit}`;
        hint = e.keyword.includes('inimum') && limit === 0 ? 'counts and measures are never negative' : (parent.description as string) ?? '';
        break;
      }
      case 'minItems': {
        const limit = (e.params as { limit: number }).limit;
        message = `must have at least ${limit} item${limit === 1 ? '' : 's'}`;
        hint = parent.description ? String(parent.description) : undefined;
        break;
      }
      case 'uniqueItems': {
        const { i, j } = e.params as { i: number; j: number };
        message = `items ${j} and ${i} are the same`;
        hint = 'list each value once';
        break;
      }
      case 'not': {
        const req = ((e.schema as Schema)?.required as string[] | undefined)?.[0];
        if (req) {
          field = fieldPath([...path, req]);
          atKey = true;
          const obj = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
          const by = 'type' in obj ? 'type' : 'qualifier' in obj ? 'qualifier' : undefined;
          message = by ? `field "${req}" is not allowed when ${by} is ${show(obj[by])}` : `field "${req}" is not allowed here`;
          hint = by ? `remove ${req}, or change the ${by}` : `remove ${req}`;
        }
        break;
      }
      case 'dependentRequired': {
        const { property, missingProperty } = e.params as { property: string; missingProperty: string };
        field = fieldPath([...path, missingProperty]);
        message = `"${property}" needs "${missingProperty}" too`;
        hint = `add ${missingProperty}`;
        break;
      }
      case 'edtf':
        hint = (e.params as { hint?: string }).hint;
        break;
      default:
        break;
    }
    const pos = locate(rec, field === fieldPath(path) ? path : [...path, ...(atKey ? [field.split('.').pop()!] : [])], atKey);
    const key = `${field}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ level: 'error', file: rec.file, line: pos.line, col: pos.col, field, code: `schema/${e.keyword}`, message, ...(hint ? { hint } : {}) });
  }
  return out;
}
