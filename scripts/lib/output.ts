/**
 * Generated files: one list of {path, content} for everything the build makes (dist/, the
 * documents, the README and CHANGELOG sections), one comparison with what is on disk (for
 * --check), and one write that changes nothing unless everything could be written.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export interface GeneratedFile {
  /** The path as shown to people, relative to the repository root (dist/csv/events.csv, README.md). */
  path: string;
  /** Where it is written. */
  target: string;
  content: string;
}

/** A folder the build owns entirely: files in it that the build does not make are stale too. */
export interface OwnedDir {
  /** As shown (dist). */
  path: string;
  target: string;
}

export interface Staleness {
  changed: string[];
  missing: string[];
  extra: string[];
}

/** Every file below a folder, as sorted relative paths with forward slashes. */
export function listTree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split('\\').join('/'))
    .sort();
}

const inside = (dir: OwnedDir, f: GeneratedFile) => f.path.startsWith(`${dir.path}/`);

export function compareOutputs(files: readonly GeneratedFile[], owned: readonly OwnedDir[]): Staleness {
  const changed: string[] = [];
  const missing: string[] = [];
  for (const f of files) {
    if (!existsSync(f.target)) missing.push(f.path);
    else if (!readFileSync(f.target).equals(Buffer.from(f.content, 'utf8'))) changed.push(f.path);
  }
  const extra = owned.flatMap((dir) => {
    const made = new Set(files.filter((f) => inside(dir, f)).map((f) => f.path));
    return listTree(dir.target)
      .map((p) => `${dir.path}/${p}`)
      .filter((p) => !made.has(p));
  });
  return { changed, missing, extra };
}

function writeFile(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

/**
 * Write every file: owned folders are written whole beside themselves and swapped in; other files
 * that changed are written beside themselves and renamed over. Nothing is renamed until everything
 * is written, so a failure (or a throwing beforeSwap) leaves every file as it was. Returns the paths
 * (as shown) of the files outside owned folders that changed.
 */
export function writeOutputs(files: readonly GeneratedFile[], owned: readonly OwnedDir[], beforeSwap?: (tmpDir: string) => void): string[] {
  const suffix = `.tmp-${process.pid}`;
  const temps: string[] = [];
  const loose = files.filter(
    (f) => !owned.some((d) => inside(d, f)) && (!existsSync(f.target) || readFileSync(f.target, 'utf8') !== f.content),
  );
  try {
    for (const dir of owned) {
      const tmp = `${dir.target}${suffix}`;
      rmSync(tmp, { recursive: true, force: true });
      temps.push(tmp);
      for (const f of [...files].filter((x) => inside(dir, x)).sort((a, b) => (a.path < b.path ? -1 : 1)))
        writeFile(join(tmp, f.path.slice(dir.path.length + 1)), f.content);
    }
    for (const f of loose) {
      temps.push(`${f.target}${suffix}`);
      writeFile(`${f.target}${suffix}`, f.content);
    }
    for (const dir of owned) beforeSwap?.(`${dir.target}${suffix}`);
    for (const dir of owned) swapIn(`${dir.target}${suffix}`, dir.target);
    for (const f of loose) renameSync(`${f.target}${suffix}`, f.target);
  } finally {
    for (const t of temps) rmSync(t, { recursive: true, force: true });
  }
  return loose.map((f) => f.path);
}

function swapIn(tmp: string, target: string): void {
  const old = `${target}.old-${process.pid}`;
  const hadOld = existsSync(target);
  if (hadOld) renameSync(target, old);
  try {
    renameSync(tmp, target);
  } catch (err) {
    if (hadOld) renameSync(old, target);
    throw err;
  }
  rmSync(old, { recursive: true, force: true });
}
