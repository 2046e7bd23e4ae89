/** Validation: schema per record, then the cross-record checks. All problems at once. */
import type { LoadedRecord } from './load.ts';
import { crossCheck } from './rules/index.ts';
import { dirname, relative, resolve } from 'node:path';
import { indexFiles, loadData, loadFile, type LoadResult } from './load.ts';
import { SEED_DIR } from './paths.ts';
import { sortProblems, type Problem } from './problems.ts';
import { schemaProblems } from './schema-errors.ts';
import { createValidators, SchemaSet, type Reference, type Validators } from './schemas.ts';

export interface ValidationResult {
  records: LoadedRecord[];
  problems: Problem[];
  errors: number;
  warnings: number;
}

export interface ValidateOptions {
  dataDir: string;
  seedDir?: string;
  schemas?: SchemaSet;
}

export function validateRecords(
  records: LoadedRecord[],
  loadProblems: Problem[],
  opts: { seedDir?: string; schemas?: SchemaSet; validators?: Validators; unreadable?: LoadResult['unreadable'] } = {},
): ValidationResult {
  const schemas = opts.schemas ?? new SchemaSet();
  const validators = opts.validators ?? createValidators(schemas.files);
  const problems = [...loadProblems];
  const refs = new Map<LoadedRecord, Reference[]>();
  const valid = new Set<LoadedRecord>();
  for (const rec of records) {
    const result = validators.validate(rec.collection, rec.data);
    problems.push(...schemaProblems(rec, result.errors));
    refs.set(rec, result.refs);
    if (result.errors.length === 0) valid.add(rec);
  }
  problems.push(...crossCheck({ records, refs, valid, seedDir: opts.seedDir ?? SEED_DIR, schemas, unreadable: opts.unreadable }));
  const sorted = sortProblems(problems);
  const errors = sorted.filter((p) => p.level === 'error').length;
  return { records, problems: sorted, errors, warnings: sorted.length - errors };
}

export function validateData(opts: ValidateOptions): ValidationResult {
  const { records, problems, unreadable } = loadData(opts.dataDir);
  return validateRecords(records, problems, { ...opts, unreadable });
}

/**
 * Validate some files only, for editors: each file is checked with the records it refers to
 * (loaded transitively, so references, dates and cycles are checked as in a full run), and only
 * the problems of the given files are reported. Ids are checked for duplicates against the names
 * of all files, which costs a directory listing, not a parse.
 */
export function validateFiles(dataDir: string, files: string[], opts: { seedDir?: string; schemas?: SchemaSet } = {}): ValidationResult {
  const schemas = opts.schemas ?? new SchemaSet();
  const validators = createValidators(schemas.files);
  const index = indexFiles(dataDir);
  const wanted = new Set(files.map((f) => resolve(f)));
  const loaded = new Map<string, LoadedRecord>();
  const problems: Problem[] = [];
  const queue = [...wanted];
  while (queue.length) {
    const full = queue.shift()!;
    if (loaded.has(full)) continue;
    const r = loadFile(dataDir, full);
    if (wanted.has(full)) problems.push(...r.problems);
    if (!r.record) continue;
    loaded.set(full, r.record);
    for (const ref of validators.validate(r.record.collection, r.record.data).refs) {
      for (const path of index.get(ref.collection)?.get(ref.id) ?? []) if (!loaded.has(path)) queue.push(path);
    }
  }
  // Other files with the same id as a wanted one (in another sub-folder) are loaded too, so that
  // the duplicate check sees them.
  for (const full of wanted) {
    const rec = loaded.get(full);
    for (const other of rec ? (index.get(rec.collection)?.get(rec.id) ?? []) : []) {
      if (!loaded.has(other)) {
        const r = loadFile(dataDir, other);
        if (r.record) loaded.set(other, r.record);
      }
    }
  }
  const result = validateRecords([...loaded.values()], [], { ...opts, schemas, validators });
  const wantedFiles = new Set([...wanted].map((f) => relative(dirname(dataDir), f)));
  const mine = sortProblems([...problems, ...result.problems.filter((p) => wantedFiles.has(p.file))]);
  const errors = mine.filter((p) => p.level === 'error').length;
  return { records: [...loaded.values()], problems: mine, errors, warnings: mine.length - errors };
}
