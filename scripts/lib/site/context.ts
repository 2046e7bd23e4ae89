/**
 * What every page of the site needs to know about the release: records by id, their labels and
 * addresses, and the links between them in both directions (a source knows what cites it, an
 * actor what they said). Computed once from the release model, by walking every record along
 * its schema and following each field that refers to another collection (refersTo).
 */
import { COLLECTIONS, SINGULAR, type CollectionName } from '../collections.ts';
import type { Json } from '../load.ts';
import type { ReleaseModel } from '../release/model.ts';
import type { Schema, SchemaSet } from '../schemas.ts';
import type { AnyRecord } from '../types.ts';

export type Obj = { [k: string]: Json };

/** A record that points at another one, through a field. */
export interface Backlink {
  collection: CollectionName;
  id: string;
  /** The field path, list positions dropped (launch.missiles.system); citations anywhere are "citation". */
  field: string;
}

export interface SiteContext {
  model: ReleaseModel;
  /** The site's public address, ending with /, used in the "cite this record" lines. */
  siteUrl: string;
  records: Map<CollectionName, Map<string, AnyRecord>>;
  /** Backlinks by target key (collection/id), in record order. */
  backlinks: Map<string, Backlink[]>;
}

/** The site path of a record's page. */
export const recordPath = (collection: string, id: string) => `${collection}/${id}/index.html`;

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

/** A record's name in a list or a link: its title or name, or for statements who said what. */
export function labelOf(ctx: SiteContext, collection: CollectionName, id: string): string {
  const r = ctx.records.get(collection)?.get(id) as Obj | undefined;
  if (!r) return id;
  if (typeof r.title === 'string') return r.title;
  if (typeof r.name === 'string') return r.name;
  if (collection === 'statements') {
    const speaker = labelOf(ctx, 'actors', String(r.speaker));
    return `${speaker}, ${String(r.date)}: ${cut(String(r.summary), 90)}`;
  }
  if (collection === 'figures') {
    const claim = r.claim as Obj;
    return `“${String(claim.text)}” (${id})`;
  }
  return id;
}

/** Walk a value along its schema, calling visit for every string that refers to another collection. */
function walkRefs(
  schemas: SchemaSet,
  value: Json,
  raw: Schema,
  file: string,
  path: string[],
  visit: (target: CollectionName, id: string, path: string[]) => void,
): void {
  const { node, file: f } = schemas.deref(raw, file);
  const refersTo = (raw.refersTo ?? node.refersTo) as CollectionName | undefined;
  if (typeof value === 'string') {
    if (refersTo) visit(refersTo, value, path);
  } else if (Array.isArray(value)) {
    const items = (node.items ?? {}) as Schema;
    for (const v of value) walkRefs(schemas, v, items, f, path, visit);
  } else if (value && typeof value === 'object') {
    const props = (node.properties ?? {}) as Record<string, Schema>;
    for (const [k, v] of Object.entries(value)) if (props[k]) walkRefs(schemas, v, props[k], f, [...path, k], visit);
  }
}

/** The backlink field name: citations (wherever they stand) are grouped as "citation". */
function linkField(target: CollectionName, path: string[]): string {
  if (target === 'sources' && path[path.length - 1] === 'source') return 'citation';
  if (target === 'sources' && path[path.length - 1] === 'relays_source') return 'citation';
  return path.join('.');
}

export function siteContext(model: ReleaseModel, siteUrl: string): SiteContext {
  const records = new Map<CollectionName, Map<string, AnyRecord>>();
  for (const c of COLLECTIONS) records.set(c, new Map((model.data[c] as AnyRecord[]).map((r) => [r.id, r])));
  const backlinks = new Map<string, Backlink[]>();
  for (const c of COLLECTIONS) {
    const root = model.schemas.root(c);
    for (const r of model.data[c] as AnyRecord[]) {
      const seen = new Set<string>();
      walkRefs(model.schemas, r as unknown as Json, root, `${c}.schema.json`, [], (target, id, path) => {
        const key = `${target}/${id}`;
        const field = linkField(target, path);
        const once = `${key} ${field}`;
        if (seen.has(once) || (target === c && id === r.id)) return;
        seen.add(once);
        let list = backlinks.get(key);
        if (!list) backlinks.set(key, (list = []));
        list.push({ collection: c, id: r.id, field });
      });
    }
  }
  return { model, siteUrl: siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`, records, backlinks };
}

/** Headings for the usual backlinks, in plain words; others are named after their field. */
const BACKLINK_WORDS: Record<string, string> = {
  'events citation': 'Events that cite this source',
  'statements citation': 'Statements that cite this source',
  'figures citation': 'Figures that cite this source',
  'actors citation': 'Actors whose record cites this source',
  'places citation': 'Places whose record cites this source',
  'systems citation': 'Systems whose record cites this source',
  'coverage citation': 'Coverage declarations that cite this source',
  'sources citation': 'Sources that relay this one',
  'statements speaker': 'What they said',
  'statements targets': 'Statements aimed at or about them',
  'events participants.actor': 'Events they took part in',
  'figures claimed_by': 'Figures they gave',
  'events launch.missiles.system': 'Launches of this system',
  'events place': 'Events here',
  'events launch.missiles.impact_place': 'Launches that came down here',
  'statements occasion': 'Statements made at this event',
  'events related.event': 'Events linked to this one',
};

export function backlinkHeading(b: Backlink): string {
  return BACKLINK_WORDS[`${b.collection} ${b.field}`] ?? `${b.collection} (field ${b.field.replace(/_/g, ' ')})`;
}

export const singular = (c: CollectionName) => SINGULAR[c];
