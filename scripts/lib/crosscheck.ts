/**
 * Cross-record checks: what one record's schema cannot see. Every check reports all it finds.
 * - ids unique within a collection (across sub-folders);
 * - every reference resolves to a record of the right collection; replaced_by too;
 * - no record is part of itself (part_of, member_of, part-of relations: no cycles);
 * - a source cannot report an event or statement dated after its publication;
 * - quotations from a source kept in shared/seed/ stand there word for word;
 * - a figure's claim text stands in one of its quotations;
 * - launch missile groups add up to the event's missile count;
 * - variant and supports paths name fields that exist;
 * - a statement falls within the dates of its occasion.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS, type CollectionName } from './collections.ts';
import { checkDate, type DateRange } from './dates.ts';
import { locate, type Json, type LoadedRecord } from './load.ts';
import { fieldPath, type Problem } from './problems.ts';
import { closest } from './schema-errors.ts';
import { pointerToPath, SchemaSet, type Reference, type Schema } from './schemas.ts';
import { citationObjects, findStrings } from './walk.ts';

export interface CheckInput {
  records: LoadedRecord[];
  refs: Map<LoadedRecord, Reference[]>;
  seedDir: string;
  schemas: SchemaSet;
  /** Ids whose files exist but could not be read: the loader reported them already. */
  unreadable?: Map<CollectionName, Set<string>>;
}

type Index = Map<CollectionName, Map<string, LoadedRecord>>;
const FORMULA = /^[=+\-@\t\r]/;
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function problem(rec: LoadedRecord, path: (string | number)[], code: string, message: string, hint?: string, level: Problem['level'] = 'error'): Problem {
  const pos = locate(rec, path);
  return { level, file: rec.file, line: pos.line, col: pos.col, field: fieldPath(path), code, message, ...(hint ? { hint } : {}) };
}

function range(value: Json | undefined): DateRange | undefined {
  if (typeof value !== 'string') return undefined;
  const r = checkDate(value);
  return r.ok ? r.range : undefined;
}

function get(data: Json | undefined, path: (string | number)[]): Json | undefined {
  let cur: Json | undefined = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, Json>)[seg];
  }
  return cur;
}

/** Does a dotted path name a field that the schema allows? Numeric segments index lists. */
export function schemaHasPath(schemas: SchemaSet, collection: CollectionName, dotted: string): boolean {
  let file = `${collection}.schema.json`;
  let node: Schema = schemas.root(collection);
  for (const seg of dotted.split('.')) {
    ({ node, file } = schemas.deref(node, file));
    if (/^[0-9]+$/.test(seg)) {
      if (!node.items) return false;
      node = node.items as Schema;
      continue;
    }
    if (node.items) ({ node, file } = schemas.deref(node.items as Schema, file));
    const props = node.properties as Record<string, Schema> | undefined;
    if (!props || !props[seg]) return false;
    node = props[seg]!;
  }
  return true;
}

function loadSeeds(seedDir: string, files: Set<string>): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const f of files) {
    // Only a plain file name in the seed folder: a record under validation may hold anything here.
    const p = join(seedDir, f);
    const ok = /^[A-Za-z0-9._-]+\.txt$/.test(f) && existsSync(p) && statSync(p).isFile();
    out.set(f, ok ? readFileSync(p, 'utf8') : null);
  }
  return out;
}

/** Fold typographic quotes, dashes and spaces, to tell a curator that only such characters differ. */
export function foldTypography(s: string): string {
  return s
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

export function crossCheck({ records, refs, seedDir, schemas, unreadable }: CheckInput): Problem[] {
  const out: Problem[] = [];
  const index: Index = new Map(COLLECTIONS.map((c) => [c, new Map()]));

  // Unique ids within each collection.
  for (const rec of records) {
    const byId = index.get(rec.collection)!;
    const first = byId.get(rec.id);
    if (first) {
      out.push(problem(rec, ['id'], 'id/duplicate', `the id "${rec.id}" is used twice in ${rec.collection}: also ${first.file}`, 'ids are unique within a collection, whatever the folder: rename one file'));
      out.push(problem(first, ['id'], 'id/duplicate', `the id "${rec.id}" is used twice in ${rec.collection}: also ${rec.file}`, 'ids are unique within a collection, whatever the folder: rename one file'));
    } else byId.set(rec.id, rec);
  }

  // References resolve, to the right collection; retracted targets are flagged.
  for (const rec of records) {
    for (const ref of refs.get(rec) ?? []) {
      const target = index.get(ref.collection)!.get(ref.id);
      // An id of the wrong form, or of a file that failed to load, has been reported already.
      if (!target && (!ID.test(ref.id) || unreadable?.get(ref.collection)?.has(ref.id))) continue;
      if (!target) {
        const elsewhere = COLLECTIONS.filter((c) => c !== ref.collection && index.get(c)!.has(ref.id));
        const guess = closest(ref.id, index.get(ref.collection)!.keys());
        const hint = elsewhere.length
          ? `"${ref.id}" is a record of ${elsewhere.join(', ')}, but this field needs an id from ${ref.collection}`
          : guess
            ? `did you mean "${guess}"? Otherwise add data/${ref.collection}/${ref.id}.yaml`
            : `add data/${ref.collection}/${ref.id}.yaml, or correct the id`;
        out.push(problem(rec, pointerToPath(ref.pointer), 'ref/dangling', `no ${ref.collection} record has the id "${ref.id}"`, hint));
      } else if (target.data.retracted && !(rec.collection === ref.collection && rec.id === ref.id)) {
        const by = get(target.data, ['retracted', 'replaced_by']);
        out.push(
          problem(rec, pointerToPath(ref.pointer), 'ref/retracted', `"${ref.id}" is retracted`, typeof by === 'string' ? `refer to its replacement "${by}"` : 'refer to another record, or retract this one too', 'warning'),
        );
      }
    }
    const replacedBy = get(rec.data, ['retracted', 'replaced_by']);
    if (typeof replacedBy === 'string') {
      if (replacedBy === rec.id) out.push(problem(rec, ['retracted', 'replaced_by'], 'ref/self', 'a record cannot replace itself', 'name the record that replaces this one'));
      else if (!index.get(rec.collection)!.has(replacedBy)) {
        out.push(problem(rec, ['retracted', 'replaced_by'], 'ref/dangling', `no ${rec.collection} record has the id "${replacedBy}"`, `the replacement must be a record of ${rec.collection}`));
      }
    }
  }

  // No cycles in part-of style links.
  const parentLinks: { collection: CollectionName; parents: (rec: LoadedRecord) => { id: string; path: (string | number)[] }[]; what: string }[] = [
    { collection: 'places', what: 'part_of', parents: (r) => (typeof r.data.part_of === 'string' ? [{ id: r.data.part_of, path: ['part_of'] }] : []) },
    { collection: 'actors', what: 'member_of', parents: (r) => (typeof r.data.member_of === 'string' ? [{ id: r.data.member_of, path: ['member_of'] }] : []) },
    {
      collection: 'events',
      what: 'related part-of',
      parents: (r) =>
        (Array.isArray(r.data.related) ? r.data.related : []).flatMap((x, i) =>
          x && typeof x === 'object' && !Array.isArray(x) && x.relation === 'part-of' && typeof x.event === 'string' ? [{ id: x.event, path: ['related', i, 'event'] }] : [],
        ),
    },
  ];
  for (const link of parentLinks) {
    const byId = index.get(link.collection)!;
    for (const rec of records.filter((r) => r.collection === link.collection)) {
      for (const first of link.parents(rec)) {
        const seen = new Set([rec.id]);
        let frontier = [first.id];
        let cycle = false;
        while (frontier.length && !cycle) {
          const next: string[] = [];
          for (const id of frontier) {
            if (seen.has(id)) {
              cycle = id === rec.id;
              continue;
            }
            seen.add(id);
            const parent = byId.get(id);
            if (parent) next.push(...link.parents(parent).map((p) => p.id));
          }
          frontier = next;
          if (frontier.includes(rec.id)) cycle = true;
        }
        if (first.id === rec.id || cycle) {
          out.push(problem(rec, first.path, 'ref/cycle', `"${rec.id}" ends up ${link.what} itself`, `follow the ${link.what} links from here and break the loop`));
        }
      }
    }
  }

  // Sources and dates; seed quotations; figure claim text.
  const sources = index.get('sources')!;
  const seedFiles = new Set<string>();
  for (const s of sources.values()) if (typeof s.data.seed_file === 'string') seedFiles.add(s.data.seed_file);
  const seeds = loadSeeds(seedDir, seedFiles);
  const missingSeedReported = new Set<string>();
  for (const rec of records) {
    const own = rec.collection === 'events' || rec.collection === 'statements' ? range(rec.data.date) : undefined;
    const quoted: { path: (string | number)[]; source: string; text: string; field: 'quote' | 'text'; prospective?: boolean }[] = [];
    for (const c of citationObjects(rec.data)) {
      quoted.push({ path: c.path, source: c.citation.source, text: c.citation.quote, field: 'quote', prospective: c.citation.prospective === true });
    }
    const quotations = Array.isArray(rec.data.quotations) ? rec.data.quotations : [];
    quotations.forEach((q, i) => {
      if (q && typeof q === 'object' && !Array.isArray(q) && typeof q.source === 'string' && typeof q.text === 'string') {
        quoted.push({ path: ['quotations', i], source: q.source, text: q.text, field: 'text' });
      }
    });
    for (const q of quoted) {
      const src = sources.get(q.source);
      if (!src) continue; // reported as a dangling reference
      const published = range(src.data.published);
      const isVariant = q.path[0] === 'variants';
      if (own && published && !isVariant && !q.prospective && published.latest < own.earliest) {
        out.push(
          problem(
            rec,
            [...q.path, 'source'],
            'date/source-predates',
            `the source "${q.source}" was published ${String(src.data.published)}, before this ${rec.collection === 'events' ? 'event' : 'statement'} (${String(rec.data.date)}): it cannot report it`,
            'check the dates, cite a source published after it, or mark a citation that announces it in advance with prospective: true',
          ),
        );
      }
      const seedFile = src.data.seed_file;
      if (typeof seedFile === 'string' && /\S/.test(q.text)) {
        const seed = seeds.get(seedFile);
        if (seed === null || seed === undefined) {
          if (!missingSeedReported.has(seedFile)) {
            missingSeedReported.add(seedFile);
            out.push(problem(src, ['seed_file'], 'seed/missing', `the seed text ${seedFile} is not in ${seedDir}; quotations from it were not checked`, 'check out shared/ beside the repository', 'warning'));
          }
        } else if (!seed.includes(q.text)) {
          const folded = foldTypography(seed).includes(foldTypography(q.text));
          out.push(
            problem(
              rec,
              [...q.path, q.field],
              'seed/not-verbatim',
              `the quotation does not stand word for word in ${seedFile}`,
              folded ? 'only quote marks, dashes or spacing differ: copy those characters from the seed text too' : `copy the sentence character for character from shared/seed/${seedFile}`,
            ),
          );
        }
      }
    }
    if (rec.collection === 'figures') {
      const text = get(rec.data, ['claim', 'text']);
      if (typeof text === 'string' && !quoted.some((q) => q.text.includes(text))) {
        out.push(problem(rec, ['claim', 'text'], 'figure/claim-not-quoted', `the claim text "${text}" does not stand in any of the figure's quotations`, 'claim.text repeats the words of the claim as they stand in a cited quotation'));
      }
    }
  }

  // Launch counts add up.
  for (const rec of index.get('events')!.values()) {
    const launch = rec.data.launch;
    if (!launch || typeof launch !== 'object' || Array.isArray(launch)) continue;
    const total = get(launch, ['missile_count']);
    const groups = Array.isArray(launch.missiles) ? launch.missiles : [];
    const exact = (c: Json | undefined) => c && typeof c === 'object' && !Array.isArray(c) && Number.isInteger(c.value) && (c.value as number) >= 0 && (c.qualifier === undefined || c.qualifier === 'exact');
    if (exact(total) && groups.length && groups.every((g) => exact(get(g, ['count'])))) {
      const sum = groups.reduce<number>((acc, g) => acc + (get(g, ['count', 'value']) as number), 0);
      const value = get(total, ['value']) as number;
      if (sum !== value) {
        out.push(problem(rec, ['launch', 'missile_count', 'value'], 'launch/count-mismatch', `missile_count is ${value} but the missile groups add up to ${sum}`, 'make the group counts add up, or qualify the count (at-least, about) if sources do not allow an exact figure'));
      }
    }
  }

  // No text that a spreadsheet would run as a formula: the CSV files keep every value as it is,
  // so such a value is refused here rather than altered there.
  for (const rec of records) {
    for (const { path, value } of findStrings(rec.data, (v) => FORMULA.test(v))) {
      {
        out.push(problem(rec, path, 'text/formula', `the text starts with "${JSON.stringify(value[0]).slice(1, -1)}", which a spreadsheet could run as a formula`, 'reword it so that it starts with a letter, digit or quotation mark'));
      }
    }
  }

  // Fields the build computes are never written by hand.
  for (const rec of records) {
    const props = (schemas.root(rec.collection).properties ?? {}) as Record<string, Schema>;
    for (const key of Object.keys(rec.data)) {
      if (props[key]?.readOnly === true) {
        out.push(problem(rec, [key], 'field/computed', `"${key}" is computed by the build and cannot be written in the data`, 'remove it; write derivations instead and run npm run build'));
      }
    }
  }

  // Variant and supports paths exist in the schema.
  for (const rec of records) {
    const variants = Array.isArray(rec.data.variants) ? rec.data.variants : [];
    variants.forEach((v, i) => {
      const f = get(v, ['field']);
      if (typeof f === 'string' && !schemaHasPath(schemas, rec.collection, f)) {
        out.push(problem(rec, ['variants', i, 'field'], 'variant/unknown-field', `"${f}" is not a field of ${rec.collection} records`, 'name the field with dots: date, launch.missile_count, launch.missiles.0.apogee_km'));
      }
    });
    for (const c of citationObjects(rec.data)) {
      const supports = get(rec.data, [...c.path, 'supports']);
      if (!Array.isArray(supports)) continue;
      supports.forEach((s, i) => {
        if (typeof s === 'string' && !schemaHasPath(schemas, rec.collection, s)) {
          out.push(problem(rec, [...c.path, 'supports', i], 'citation/unknown-field', `"${s}" is not a field of ${rec.collection} records`, 'name a field of this record with dots, such as date or launch.missile_count'));
        }
      });
    }
  }

  // Statements fall within their occasion.
  const events = index.get('events')!;
  for (const rec of index.get('statements')!.values()) {
    const occ = typeof rec.data.occasion === 'string' ? events.get(rec.data.occasion) : undefined;
    const own = range(rec.data.date);
    const theirs = occ ? range(occ.data.date) : undefined;
    if (own && theirs && (own.latest < theirs.earliest || own.earliest > theirs.latest)) {
      out.push(problem(rec, ['date'], 'date/outside-occasion', `the statement's date ${String(rec.data.date)} lies outside its occasion ${occ!.id} (${String(occ!.data.date)})`, 'correct the date or the occasion'));
    }
  }
  return out;
}
