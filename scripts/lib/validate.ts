/** Validation: schema per record, then the cross-record checks. All problems at once. */
import type { LoadedRecord } from './load.ts';
import { crossCheck } from './crosscheck.ts';
import { loadData, type LoadResult } from './load.ts';
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
  for (const rec of records) {
    const result = validators.validate(rec.collection, rec.data);
    problems.push(...schemaProblems(rec, result.errors));
    refs.set(rec, result.refs);
  }
  problems.push(...crossCheck({ records, refs, seedDir: opts.seedDir ?? SEED_DIR, schemas, unreadable: opts.unreadable }));
  const sorted = sortProblems(problems);
  const errors = sorted.filter((p) => p.level === 'error').length;
  return { records, problems: sorted, errors, warnings: sorted.length - errors };
}

export function validateData(opts: ValidateOptions): ValidationResult {
  const { records, problems, unreadable } = loadData(opts.dataDir);
  return validateRecords(records, problems, { ...opts, unreadable });
}
