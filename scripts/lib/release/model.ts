/**
 * The release model: the validated records, canonical (keys in schema order, sorted by id) and
 * typed, with what the build derives from them (figure checks, the prepared events the counts
 * run over). Every emitter and document generator reads this; none re-reads what another wrote.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS, type CollectionName } from '../collections.ts';
import { deriveFigures, prepareEvents, type PreparedEvent } from '../derive.ts';
import type { Json, LoadedRecord } from '../load.ts';
import { ROOT } from '../paths.ts';
import { dayBoundOf, type Schema, type SchemaSet } from '../schemas.ts';
import { dateRange } from '../dates.ts';
import type { Dataset, MissileClass } from '../types.ts';

export interface PackageInfo {
  name: string;
  version: string;
  description?: string;
}

export function readPackageInfo(): PackageInfo {
  return JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageInfo;
}

export interface ReleaseModel {
  data: Dataset;
  counts: Record<CollectionName, number>;
  /** Events reduced to what counts look at, sorted by first possible day (retracted left out). */
  prepared: PreparedEvent[];
  /** For each figure with derivations, the events each derivation counted. */
  counted: Map<string, string[][]>;
  /** The missile classes in the schema's order. */
  classOrder: MissileClass[];
  pkg: PackageInfo;
  schemas: SchemaSet;
}

/** A date's derived first or last day (date_earliest, date_latest), set when the date is present. */
function addDayBound(out: Record<string, Json>, value: { [k: string]: Json }, key: string, props: Record<string, Schema>): void {
  const b = dayBoundOf(key, props);
  const date = b ? value[b.base] : undefined;
  if (b && typeof date === 'string') out[key] = dateRange(date)[b.bound];
}

/** Re-order an object's keys as its schema lists them, recursively; add the derived day bounds of dates. */
function canonical(value: Json, plan: { node: Schema; file: string }, schemas: SchemaSet): Json {
  const { node, file } = schemas.deref(plan.node, plan.file);
  if (Array.isArray(value)) {
    const items = (node.items ?? {}) as Schema;
    return value.map((v) => canonical(v, { node: items, file }, schemas));
  }
  if (value && typeof value === 'object') {
    const props = (node.properties ?? {}) as Record<string, Schema>;
    const out: Record<string, Json> = {};
    const order = [
      ...Object.keys(props),
      ...Object.keys(value)
        .filter((k) => !(k in props))
        .sort(),
    ];
    for (const k of order) {
      if (k in value) out[k] = canonical(value[k]!, { node: props[k] ?? {}, file }, schemas);
      else addDayBound(out, value, k, props);
    }
    return out;
  }
  return value;
}

/** Build the model from validated records (they conform to the schemas, so the types hold). */
export function buildModel(records: readonly LoadedRecord[], schemas: SchemaSet, pkg = readPackageInfo()): ReleaseModel {
  const lists = new Map<CollectionName, Json[]>(COLLECTIONS.map((c) => [c, []]));
  const sorted = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const rec of sorted)
    lists
      .get(rec.collection)!
      .push(canonical(rec.data, { node: schemas.root(rec.collection), file: `${rec.collection}.schema.json` }, schemas));
  const data = Object.fromEntries(lists) as unknown as Dataset; // validated against the schemas the types are generated from
  const prepared = prepareEvents(data.events);
  const derived = deriveFigures(data.figures, prepared, data.coverage);
  data.figures = derived.figures.map((f) =>
    canonical(f as unknown as Json, { node: schemas.root('figures'), file: 'figures.schema.json' }, schemas),
  ) as unknown as Dataset['figures'];
  const defs = schemas.files.get('defs.schema.json')!.$defs as Record<string, Schema>;
  return {
    data,
    counts: Object.fromEntries(COLLECTIONS.map((c) => [c, data[c].length])) as Record<CollectionName, number>,
    prepared,
    counted: derived.counted,
    classOrder: (defs.missile_class?.enum as MissileClass[] | undefined) ?? [],
    pkg,
    schemas,
  };
}
