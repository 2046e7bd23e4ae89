/**
 * The npm package's code at run time: deep freezing of the records and the helpers (get, resolve,
 * citationsOf, count). The build bundles this file with esbuild into dist/esm/runtime.js and
 * dist/cjs/runtime.cjs, together with the parts of derive.ts and dates.ts it uses, so that count()
 * runs the very code that computes the figure checks. Nothing here runs at import: the generated
 * entry points pass loaders, and every index is built on first use. Each helper takes only the
 * collections it needs, so that a bundler keeps only those (count: events and coverage).
 */
import { countReading, liveDeclarations, prepareEvents, type PreparedEvent, type Question } from '../derive.ts';
import type { CollectionName } from '../collections.ts';
import type { Citation, Coverage, Event } from '../types.ts';

type Rec = Record<string, unknown>;

/** Freeze a value and everything it holds, so that no importer can change what another reads. */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || Object.isFrozen(v)) continue;
    Object.freeze(v);
    for (const key of Object.keys(v)) stack.push((v as Rec)[key]);
  }
  return value;
}

/** The result of count(). */
export interface CountResult {
  value: number;
  qualifier: 'exact' | 'at-least' | 'about';
  lowerBound: boolean;
  coverage: string[] | null;
  complete: boolean;
  events: string[];
}

export type Loaders = Record<CollectionName, () => readonly Rec[]>;

const UNITS = new Set(['missiles', 'launch-events', 'launch-days', 'events']);

function checkQuestion(q: Question): void {
  if (!q || typeof q !== 'object') throw new TypeError('count() takes a query object: { unit, event_types, period, ... }');
  if (!UNITS.has(q.unit)) throw new TypeError(`count(): unit must be one of ${[...UNITS].join(', ')}, not ${String(q.unit)}`);
  if (!Array.isArray(q.event_types) || q.event_types.length === 0)
    throw new TypeError('count(): event_types must be a non-empty array of event types');
  if (typeof q.period !== 'string') throw new TypeError('count(): period must be a date (2023, 2023-03, 2022/2023)');
}

/** Citations anywhere below a value (variants, estimates), in document order. */
function nestedCitations(value: unknown, out: Citation[]): void {
  if (Array.isArray(value)) {
    for (const v of value) nestedCitations(v, out);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const obj = value as Rec;
  if (typeof obj.source === 'string' && typeof obj.quote === 'string') {
    out.push(obj as unknown as Citation);
    return;
  }
  for (const key of Object.keys(obj)) nestedCitations(obj[key], out);
}

/** get(collection, id) over the collections the loaders return; each collection is loaded and indexed on first use. */
export function createIndex(load: Loaders) {
  const indexes = new Map<CollectionName, Map<string, Rec>>();
  return (collection: CollectionName, id: string): Rec | undefined => {
    let ix = indexes.get(collection);
    if (!ix) {
      const loader = Object.hasOwn(load, collection) ? load[collection] : undefined;
      if (!loader) throw new TypeError(`no collection named ${String(collection)}`);
      ix = new Map(loader().map((r) => [r.id as string, r]));
      indexes.set(collection, ix);
    }
    return ix.get(id);
  };
}

type Get = ReturnType<typeof createIndex>;

/**
 * The record a reference field holds (or one for each id of a list). refers maps each reference
 * field name (speaker, place, system, source...) to the collection it refers to, as the schemas declare.
 */
export function resolveIn(get: Get, refers: Readonly<Record<string, CollectionName>>, record: Rec, field: string) {
  const target = Object.hasOwn(refers, field) ? refers[field] : undefined;
  if (!target) throw new TypeError(`${field} is not a reference field (one of ${Object.keys(refers).join(', ')})`);
  const value = record[field];
  if (Array.isArray(value)) return value.map((id) => (typeof id === 'string' ? get(target, id) : undefined));
  return typeof value === 'string' ? get(target, value) : undefined;
}

/** Every citation of a record with its source: its citations first, then those nested in it, in document order. */
export function citationsIn(source: (id: string) => Rec | undefined, record: Rec): { citation: Citation; source: Rec | undefined }[] {
  const found: Citation[] = [];
  nestedCitations(record.citations, found);
  for (const key of Object.keys(record)) if (key !== 'citations') nestedCitations(record[key], found);
  return found.map((citation) => ({ citation, source: source(citation.source) }));
}

/** count(query) over the events and coverage declarations the loaders return, prepared on first use. */
export function createCounter(loadEvents: () => readonly Rec[], loadCoverage: () => readonly Rec[]) {
  let prepared: PreparedEvent[] | undefined;
  let declarations: Coverage[] | undefined;
  return (query: Question): CountResult => {
    checkQuestion(query);
    prepared ??= prepareEvents(loadEvents() as unknown as Event[]);
    declarations ??= liveDeclarations(loadCoverage() as unknown as Coverage[]);
    const r = countReading(query, prepared, declarations);
    const complete = r.coverage !== undefined;
    return {
      value: r.value,
      qualifier: r.qualifier,
      lowerBound: r.qualifier === 'at-least' || !complete,
      coverage: r.coverage ? r.coverage.map((c) => c.id) : null,
      complete,
      events: r.events,
    };
  };
}
