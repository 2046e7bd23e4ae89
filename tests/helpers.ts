/** Test helpers: copy the valid fixture to a temporary folder, change files, validate or build. */
import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import type { Problem } from '../scripts/lib/problems.ts';
import { validateData, type ValidationResult } from '../scripts/lib/validate.ts';

export const FIXTURE = resolve(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'valid');
export const FIXTURE_SEED_DIR = FIXTURE;

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder (removed after the test file). */
export function tempDir(prefix = 'dprk-data-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/**
 * A copy of the valid fixture with some files replaced (string or Buffer content) or removed
 * (null). Paths are relative to the fixture root, such as data/events/x.yaml. Returns the root.
 */
export function fixture(changes: Record<string, string | Buffer | null> = {}): string {
  const root = tempDir();
  cpSync(join(FIXTURE, 'data'), join(root, 'data'), { recursive: true });
  for (const [path, content] of Object.entries(changes)) {
    const full = join(root, path);
    if (content === null) rmSync(full, { force: true });
    else {
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
    }
  }
  return root;
}

export function validateFixture(changes: Record<string, string | Buffer | null> = {}): ValidationResult {
  const root = fixture(changes);
  return validateData({ dataDir: join(root, 'data'), seedDir: FIXTURE_SEED_DIR });
}

export function errorsOf(result: ValidationResult): Problem[] {
  return result.problems.filter((p) => p.level === 'error');
}

/** Just the parts of a problem a test pins down. */
export function where(p: Problem): string {
  return `${p.file}:${p.line}:${p.col} ${p.field} [${p.code}]`;
}
