/**
 * What every cross-record rule is given: the records, an index of them by collection and id, the
 * references the schemas found, the seed texts, and helpers to report a problem at a field.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS, type CollectionName } from '../collections.ts';
import { checkDate, type DateRange } from '../dates.ts';
import { locate, type Json, type LoadedRecord } from '../load.ts';
import { fieldPath, type Problem } from '../problems.ts';
import type { Reference, SchemaSet } from '../schemas.ts';
import { citationObjects } from '../walk.ts';

export interface CheckInput {
  records: LoadedRecord[];
  refs: Map<LoadedRecord, Reference[]>;
  seedDir: string;
  schemas: SchemaSet;
  /** Ids whose files exist but could not be read: the loader reported them already. */
  unreadable?: Map<CollectionName, Set<string>>;
  /** The records that passed their schema (rules that need typed records look only at these). */
  valid?: Set<LoadedRecord>;
}

export interface RuleContext extends Omit<CheckInput, 'valid'> {
  valid: Set<LoadedRecord>;
  /** The first record of each id, by collection. */
  index: Map<CollectionName, Map<string, LoadedRecord>>;
  /** Records whose id was already taken by an earlier one (reported by the unique-ids rule). */
  duplicates: [LoadedRecord, LoadedRecord][];
  /** The full text of each seed file named by a source (null when it cannot be read), read once. */
  seeds(): Map<string, string | null>;
}

/** One cross-record rule: a file under scripts/lib/rules/, listed in the registry (index.ts). */
export interface Rule {
  /** Short name, also the file name. */
  name: string;
  /** The problem codes it reports. */
  codes: string[];
  /** One line saying what it checks, for the contributing guide. */
  description: string;
  check(ctx: RuleContext): Problem[];
}

export function problem(
  rec: LoadedRecord,
  path: (string | number)[],
  code: string,
  message: string,
  hint?: string,
  level: Problem['level'] = 'error',
): Problem {
  const pos = locate(rec, path);
  return { level, file: rec.file, line: pos.line, col: pos.col, field: fieldPath(path), code, message, ...(hint ? { hint } : {}) };
}

/** The day bounds of a date field, when it is a valid date. */
export function range(value: Json | undefined): DateRange | undefined {
  if (typeof value !== 'string') return undefined;
  const r = checkDate(value);
  return r.ok ? r.range : undefined;
}

export function get(data: Json | undefined, path: (string | number)[]): Json | undefined {
  let cur: Json | undefined = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, Json>)[seg];
  }
  return cur;
}

export function listOf(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
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

export function createContext(input: CheckInput): RuleContext {
  const index: RuleContext['index'] = new Map(COLLECTIONS.map((c) => [c, new Map()]));
  const duplicates: [LoadedRecord, LoadedRecord][] = [];
  for (const rec of input.records) {
    const byId = index.get(rec.collection)!;
    const first = byId.get(rec.id);
    if (first) duplicates.push([rec, first]);
    else byId.set(rec.id, rec);
  }
  let seeds: Map<string, string | null> | undefined;
  return {
    ...input,
    valid: input.valid ?? new Set(input.records),
    index,
    duplicates,
    seeds() {
      if (!seeds) {
        const files = new Set<string>();
        for (const s of index.get('sources')!.values()) if (typeof s.data.seed_file === 'string') files.add(s.data.seed_file);
        seeds = loadSeeds(input.seedDir, files);
      }
      return seeds;
    },
  };
}

export interface Quoted {
  path: (string | number)[];
  source: string;
  text: string;
  field: 'quote' | 'text';
  prospective?: boolean;
}

/** Every quoted text of a record: its citations' quotes and a statement's quotations. */
export function quotedTexts(rec: LoadedRecord): Quoted[] {
  const quoted: Quoted[] = [];
  for (const c of citationObjects(rec.data)) {
    quoted.push({
      path: c.path,
      source: c.citation.source,
      text: c.citation.quote,
      field: 'quote',
      prospective: c.citation.prospective === true,
    });
  }
  listOf(rec.data.quotations).forEach((q, i) => {
    if (q && typeof q === 'object' && !Array.isArray(q) && typeof q.source === 'string' && typeof q.text === 'string') {
      quoted.push({ path: ['quotations', i], source: q.source, text: q.text, field: 'text' });
    }
  });
  return quoted;
}
