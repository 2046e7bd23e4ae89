/**
 * The package's helpers as code (scripts/lib/release/runtime.ts, which the build bundles into
 * dist/esm/runtime.js and dist/cjs/runtime.cjs): lazy indexes, references, citations, count's
 * checks of its query, deep freezing. The installed package is tested in package.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS, type CollectionName } from '../scripts/lib/collections.ts';
import type { Question } from '../scripts/lib/derive.ts';
import { referenceFields } from '../scripts/lib/release/entrypoints.ts';
import { citationsIn, createCounter, createIndex, deepFreeze, resolveIn, type Loaders } from '../scripts/lib/release/runtime.ts';
import { ROOT } from '../scripts/lib/paths.ts';
import { SchemaSet } from '../scripts/lib/schemas.ts';
import { generateTypes } from '../scripts/lib/release/typegen.ts';

type Rec = Record<string, unknown>;

const released = (c: CollectionName) => JSON.parse(readFileSync(join(ROOT, 'dist', 'json', `${c}.json`), 'utf8')) as Rec[];

function helpers() {
  const loads: string[] = [];
  const loaders = Object.fromEntries(
    COLLECTIONS.map((c) => [
      c,
      () => {
        loads.push(c);
        return released(c);
      },
    ]),
  ) as unknown as Loaders;
  const get = createIndex(loaders);
  const refers = referenceFields(new SchemaSet());
  return {
    loads,
    get,
    resolve: (record: Rec, field: string) => resolveIn(get, refers, record, field),
    citationsOf: (record: Rec) => citationsIn((id) => get('sources', id), record),
    count: createCounter(loaders.events, loaders.coverage),
  };
}

describe('the helpers', () => {
  it('load and index a collection only when first asked, once', () => {
    const h = helpers();
    expect(h.loads).toEqual([]);
    const e = h.get('events', '2023-11-21-malligyong-1-launch');
    expect(e?.type).toBe('satellite-launch');
    expect(h.get('events', 'no-such-id')).toBeUndefined();
    expect(h.loads).toEqual(['events']);
    h.resolve(e!, 'place');
    expect(h.loads).toEqual(['events', 'places']);
  });

  it('resolve references by the schemas: one id, or a list of ids', () => {
    const h = helpers();
    const statement = released('statements').find((s) => Array.isArray(s.targets))!;
    expect((h.resolve(statement, 'speaker') as Rec).id).toBe(statement.speaker);
    expect((h.resolve(statement, 'targets') as Rec[]).map((a) => a.id)).toEqual(statement.targets);
    expect(h.resolve({}, 'place')).toBeUndefined();
    expect(() => h.resolve(statement, 'summary')).toThrow(/not a reference field/);
  });

  it('give every citation of a record with its source, the record’s own first', () => {
    const h = helpers();
    const test = released('events').find((e) => e.type === 'nuclear-test' && (e.nuclear_test as Rec).estimates)!;
    const all = h.citationsOf(test);
    const own = test.citations as Rec[];
    expect(all.slice(0, own.length).map((c) => c.citation)).toEqual(own);
    expect(all.length).toBeGreaterThan(own.length); // the estimates' citations follow
    for (const { citation, source } of all) expect(source?.id).toBe(citation.source);
  });

  it('refuse a query count cannot read', () => {
    const h = helpers();
    expect(() => h.count({ unit: 'rockets', event_types: ['missile-launch'], period: '2023' } as unknown as Question)).toThrow(/unit/);
    expect(() => h.count({ unit: 'missiles', event_types: [], period: '2023' } as unknown as Question)).toThrow(/event_types/);
    expect(() => h.count({ unit: 'missiles', event_types: ['missile-launch'], period: '2023-13' })).toThrow(/invalid date/);
  });

  it('say when a count is only a lower bound', () => {
    const h = helpers();
    const partial = h.count({ unit: 'launch-events', event_types: ['missile-launch'], period: '1984/2013' });
    expect(partial).toMatchObject({ complete: false, coverage: null, lowerBound: true });
    const full = h.count({ unit: 'launch-events', event_types: ['missile-launch'], period: '2023' });
    expect(full).toMatchObject({ complete: true, coverage: ['launches-2023'], qualifier: 'exact', lowerBound: false });
    expect(full.value).toBe(full.events.length);
  });
});

describe('deepFreeze', () => {
  it('freezes every object and array below the value', () => {
    const v = deepFreeze({ a: [{ b: { c: 1 } }], d: 'x' });
    expect(Object.isFrozen(v.a[0]!.b)).toBe(true);
    expect(() => (v.a as unknown[]).push(1)).toThrow(TypeError);
  });
});

describe('the generated types', () => {
  it('type events as a union discriminated by type, from the schema’s if/then rules, and ids from the data', async () => {
    const types = await generateTypes(new SchemaSet(), { events: ['e-1', 'e-2'] });
    expect(types).toContain('export type Event = LaunchEvent | NuclearTestEvent | ResolutionEvent | OtherEvent');
    expect(types).toMatch(
      /export interface LaunchEvent extends Omit<EventFields, [^>]+> \{[^}]*type: "missile-launch" \| "satellite-launch"[^}]*\n {2}launch: /,
    );
    expect(types).toContain('export type EventId =\n  | "e-1"\n  | "e-2"\n');
    expect(types).toContain('export type SourceId = never');
    // A reference is typed with its collection's ids; a required date brings required bounds.
    expect(types).toMatch(/\nspeaker: ActorId\n/);
    expect(types).toMatch(/\ndate_earliest: string\n/);
    expect(types).toMatch(/\nfrom_earliest\?: string\n/);
  });
});
