/**
 * A small content-addressed cache in node_modules/.cache/dprk-data: the result of an expensive,
 * deterministic step (the types json-schema-to-typescript generates from the schemas) is kept under
 * a hash of everything it depends on, so the curator's loop does not pay for it when nothing it
 * reads has changed. The cache is an optimisation only: any failure to read or write it falls back
 * to computing the value, and the value is the same either way.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODE_ROOT } from './paths.ts';

const DIR = join(CODE_ROOT, 'node_modules', '.cache', 'dprk-data');

export async function cached(kind: string, key: unknown, compute: () => Promise<string>): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify(key)).digest('hex').slice(0, 32);
  const file = join(DIR, `${kind}-${hash}.txt`);
  try {
    return readFileSync(file, 'utf8');
  } catch {
    // not cached yet
  }
  const value = await compute();
  try {
    mkdirSync(DIR, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, value);
    renameSync(tmp, file);
  } catch {
    // a read-only or missing node_modules: nothing is kept
  }
  return value;
}
