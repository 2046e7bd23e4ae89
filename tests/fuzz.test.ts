/**
 * Property-based tests (fast-check): random mutations of the valid fixture records, written back
 * to YAML and run through the loader and validator. No mutation may crash the pipeline; every
 * problem it reports must carry a file, a position and a message; and every mutation that makes a
 * record invalid by construction must be refused.
 */
import './fuzz-seed.ts';
import { readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS, type CollectionName } from '../scripts/lib/collections.ts';
import { parseRecord, type Json, type LoadedRecord } from '../scripts/lib/load.ts';
import { createValidators, SchemaSet, type Schema } from '../scripts/lib/schemas.ts';
import { validateRecords } from '../scripts/lib/validate.ts';
import { listTree } from '../scripts/lib/build.ts';
import { FIXTURE, FIXTURE_SEED_DIR } from './helpers.ts';

const schemas = new SchemaSet();
const validators = createValidators(schemas.files);
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

const files = listTree(join(FIXTURE, 'data')).map((f) => join(FIXTURE, 'data', f));
const originals: LoadedRecord[] = files.map((full) => {
  const collection = relative(join(FIXTURE, 'data'), full).split('/')[0] as CollectionName;
  return parseRecord(collection, relative(FIXTURE, full), readFileSync(full), basename(full, '.yaml')).record!;
});
expect(originals.every(Boolean)).toBe(true);

type Path = (string | number)[];

/** Every path in a value, with the value there. */
function paths(v: Json, path: Path = []): { path: Path; value: Json }[] {
  const out = [{ path, value: v }];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...path, i])));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...path, k]));
  return out;
}

function setAt(root: Json, path: Path, value: Json | undefined): Json {
  const copy = structuredClone(root);
  if (path.length === 0) return value as Json;
  let cur = copy as Record<string | number, Json>;
  for (const seg of path.slice(0, -1)) cur = cur[seg] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(cur)) cur.splice(last as number, 1);
    else delete cur[last];
  } else cur[last] = value;
  return copy;
}

/** The schema node for a path in a record (following $ref, items and properties). */
function schemaAt(collection: CollectionName, path: Path): Schema | undefined {
  let file = `${collection}.schema.json`;
  let node: Schema = schemas.root(collection);
  for (const seg of path) {
    ({ node, file } = schemas.deref(node, file));
    if (typeof seg === 'number') node = (node.items ?? {}) as Schema;
    else {
      const props = node.properties as Record<string, Schema> | undefined;
      if (!props?.[seg]) return undefined;
      node = props[seg]!;
    }
  }
  return schemas.deref(node, file).node;
}

/** Validate the fixture with one record replaced by the given data, written out as YAML. */
function validateWith(index: number, data: Json) {
  const orig = originals[index]!;
  const isMap = data !== null && typeof data === 'object' && !Array.isArray(data);
  const text = isMap ? stringify(Object.fromEntries(Object.entries(data).filter(([k]) => k !== 'id'))) : stringify(data);
  const parsed = parseRecord(orig.collection, orig.file, Buffer.from(text), orig.id);
  const records = originals.map((r, i) => (i === index ? parsed.record : r)).filter((r): r is LoadedRecord => Boolean(r));
  const unreadable = new Map(COLLECTIONS.map((c) => [c, new Set<string>()]));
  if (!parsed.record) unreadable.get(orig.collection)!.add(orig.id);
  return validateRecords(records, parsed.problems, { seedDir: FIXTURE_SEED_DIR, schemas, validators, unreadable });
}

const record = fc.integer({ min: 0, max: originals.length - 1 });

function expectWellFormed(result: ReturnType<typeof validateWith>) {
  for (const p of result.problems) {
    expect(p.file).toMatch(/^data\//);
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.col).toBeGreaterThanOrEqual(1);
    expect(p.message.length).toBeGreaterThan(0);
  }
}

describe('fuzzing the validator', () => {
  it('the unmutated fixture is valid', () => {
    expect(validateWith(0, originals[0]!.data).problems).toEqual([]);
  });

  it('never crashes on arbitrary values anywhere, and reports problems with positions', () => {
    fc.assert(
      fc.property(record, fc.nat(), fc.jsonValue({ maxDepth: 3 }), (i, pick, value) => {
        const all = paths(originals[i]!.data).filter((p) => p.path[0] !== 'id');
        const target = all[pick % all.length]!;
        expectWellFormed(validateWith(i, setAt(originals[i]!.data, target.path, value as Json)));
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses a record that lost a required field', () => {
    fc.assert(
      fc.property(record, fc.nat(), (i, pick) => {
        const rec = originals[i]!;
        const required = ((schemas.root(rec.collection).required ?? []) as string[]).filter((k) => k !== 'id' && k in rec.data);
        fc.pre(required.length > 0);
        const result = validateWith(i, setAt(rec.data, [required[pick % required.length]!], undefined));
        expect(result.errors).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses an unknown field in any object', () => {
    fc.assert(
      fc.property(record, fc.nat(), fc.stringMatching(/^[a-z][a-z_]{0,15}$/), (i, pick, key) => {
        const rec = originals[i]!;
        const objects = paths(rec.data).filter((p) => p.value && typeof p.value === 'object' && !Array.isArray(p.value));
        const target = objects[pick % objects.length]!;
        const schema = schemaAt(rec.collection, target.path);
        fc.pre(Boolean(schema?.properties) && !(key in (schema!.properties as object)));
        const result = validateWith(i, setAt(rec.data, [...target.path, key], 'x'));
        expect(result.errors).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses a value of the wrong type in any field', () => {
    fc.assert(
      fc.property(record, fc.nat(), (i, pick) => {
        const rec = originals[i]!;
        // Leaves whose schema allows one type only (a variant's value may be text or a number).
        const leaves = paths(rec.data).filter(
          (p) =>
            p.path[0] !== 'id' &&
            (typeof p.value === 'string' || typeof p.value === 'number' || typeof p.value === 'boolean') &&
            !Array.isArray(schemaAt(rec.collection, p.path)?.type),
        );
        const target = leaves[pick % leaves.length]!;
        const wrong: Json = typeof target.value === 'string' ? 12345 : 'not a number';
        expect(validateWith(i, setAt(rec.data, target.path, wrong)).errors).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses a value outside a vocabulary, a dangling reference and an impossible date', () => {
    fc.assert(
      fc.property(record, fc.nat(), fc.stringMatching(/^[a-z]{3,12}$/), fc.integer({ min: 13, max: 99 }), (i, pick, word, month) => {
        const rec = originals[i]!;
        const candidates = paths(rec.data).filter((p) => {
          if (typeof p.value !== 'string' || p.path[0] === 'id') return false;
          const s = schemaAt(rec.collection, p.path);
          return Boolean(s && (s.enum || s.refersTo || s.edtf));
        });
        fc.pre(candidates.length > 0);
        const target = candidates[pick % candidates.length]!;
        const s = schemaAt(rec.collection, target.path)!;
        let value: string;
        if (s.enum) value = `${word}-not-in-vocabulary`;
        else if (s.refersTo) value = `zz-${word}-nowhere`;
        else value = `2023-${month}-01`;
        fc.pre(!(s.enum as string[] | undefined)?.includes(value));
        expect(validateWith(i, setAt(rec.data, target.path, value)).errors).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  });
});
