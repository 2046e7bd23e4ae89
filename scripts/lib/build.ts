/**
 * Build: validate, emit in memory, then either compare with dist/ (check) or write dist/
 * atomically: the new tree is written beside dist/ and swapped in only when complete, so a failed
 * build leaves the previous dist/ as it was.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { deriveRecords } from './derive.ts';
import { emitRelease, readPackageInfo, type Release } from './emit.ts';
import { CHANGELOG, DATA_DIR, DIST_DIR, DOCS_DIR, README, RELEASES_DIR, SEED_DIR } from './paths.ts';
import { latestSnapshot, renderUnreleased, snapshotOf } from './changelog.ts';
import { codebook } from './codebook.ts';
import { timelineSvg } from './chart.ts';
import { figuresReport } from './report.ts';
import { readmeSections, renderReadme } from './readme.ts';
import { SchemaSet } from './schemas.ts';
import { validateData, type ValidationResult } from './validate.ts';

export interface BuildOptions {
  dataDir?: string;
  outDir?: string;
  seedDir?: string;
  /** Compare with outDir instead of writing it. */
  check?: boolean;
  /** README.md whose generated sections follow the data; null to leave any README alone. */
  readme?: string | null;
  /** CHANGELOG.md whose unreleased section follows the data; null to leave it alone. */
  changelog?: string | null;
  /** Folder of the generated documents (figures.md, codebook.md); null to skip them. */
  docsDir?: string | null;
  /** Called after the new tree is written and before it is swapped in (tests use it to fail midway). */
  beforeSwap?: (tmpDir: string) => void;
}

export interface BuildResult {
  validation: ValidationResult;
  release?: Release;
  /** In check mode: files that differ, are missing from or are extra in outDir. */
  stale?: { changed: string[]; missing: string[]; extra: string[] };
  /** The README's generated sections differ from what the data gives (check mode) or were rewritten. */
  readmeStale?: boolean;
  /** CHANGELOG.md's unreleased section differs from what the data gives, or was rewritten. */
  changelogStale?: boolean;
  /** Generated documents that differ from what the data gives (check mode) or were rewritten. */
  staleDocs?: string[];
  written?: boolean;
}

export function listTree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split('\\').join('/'));
    }
  };
  walk(dir);
  return out;
}

function compare(release: Release, outDir: string): NonNullable<BuildResult['stale']> {
  const existing = new Set(listTree(outDir));
  const changed: string[] = [];
  const missing: string[] = [];
  for (const [path, content] of release.files) {
    if (!existing.has(path)) missing.push(path);
    else if (!readFileSync(join(outDir, path)).equals(Buffer.from(content, 'utf8'))) changed.push(path);
    existing.delete(path);
  }
  return { changed, missing, extra: [...existing] };
}

export function writeTreeAtomically(files: Map<string, string>, outDir: string, beforeSwap?: (tmp: string) => void): void {
  const tmp = `${outDir}.tmp-${process.pid}`;
  const old = `${outDir}.old-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    for (const [path, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const full = join(tmp, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
    }
    beforeSwap?.(tmp);
    const hadOld = existsSync(outDir);
    if (hadOld) renameSync(outDir, old);
    try {
      renameSync(tmp, outDir);
    } catch (err) {
      if (hadOld) renameSync(old, outDir);
      throw err;
    }
    rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export async function build(opts: BuildOptions = {}): Promise<BuildResult> {
  const schemas = new SchemaSet();
  const validation = validateData({ dataDir: opts.dataDir ?? DATA_DIR, seedDir: opts.seedDir ?? SEED_DIR, schemas });
  if (validation.errors > 0) return { validation };
  const release = await emitRelease(deriveRecords(validation.records), schemas);
  const outDir = opts.outDir ?? DIST_DIR;
  const readmePath = opts.readme === undefined ? README : opts.readme;
  const readme = readmePath && existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : undefined;
  const rendered = readme === undefined ? undefined : renderReadme(readme, readmeSections(release));
  const readmeStale = readme !== rendered;
  const changelogPath = opts.changelog === undefined ? CHANGELOG : opts.changelog;
  const changelog = changelogPath && existsSync(changelogPath) ? readFileSync(changelogPath, 'utf8') : undefined;
  const snapshot = snapshotOf(release, readPackageInfo().version);
  const changelogRendered = changelog === undefined ? undefined : renderReadme(changelog, new Map([['unreleased', renderUnreleased(latestSnapshot(RELEASES_DIR), snapshot)]]));
  const changelogStale = changelog !== changelogRendered;
  const docsDir = opts.docsDir === undefined ? DOCS_DIR : opts.docsDir;
  const docs = docsDir ? generatedDocs(release, schemas) : new Map<string, string>();
  const staleDocs = [...docs].filter(([name, content]) => !existsSync(join(docsDir!, name)) || readFileSync(join(docsDir!, name), 'utf8') !== content).map(([name]) => name);
  if (opts.check) return { validation, release, stale: compare(release, outDir), readmeStale, changelogStale, staleDocs };
  writeTreeAtomically(release.files, outDir, opts.beforeSwap);
  if (readmePath && rendered !== undefined && readmeStale) writeFileSync(readmePath, rendered);
  if (changelogPath && changelogRendered !== undefined && changelogStale) writeFileSync(changelogPath, changelogRendered);
  for (const name of staleDocs) {
    mkdirSync(docsDir!, { recursive: true });
    writeFileSync(join(docsDir!, name), docs.get(name)!);
  }
  return { validation, release, written: true, readmeStale, changelogStale, staleDocs };
}

/** Documents generated in full from the release and the schemas, by file name in docs/. */
export function generatedDocs(release: Release, schemas: SchemaSet): Map<string, string> {
  return new Map([
    ['figures.md', figuresReport(release)],
    ['codebook.md', codebook(schemas)],
    ['timeline.svg', timelineSvg(release)],
  ]);
}
