/**
 * Build: validate, derive the release model, generate every file from it, then either compare
 * with what is on disk (check) or write everything atomically (see output.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { changelogText, contributingText, docsFiles, readmeText } from './docs/index.ts';
import { compareOutputs, writeOutputs, type GeneratedFile, type OwnedDir, type Staleness } from './output.ts';
import { CHANGELOG, DATA_DIR, DIST_DIR, DOCS_DIR, README, RELEASES_DIR, SEED_DIR } from './paths.ts';
import { emitRelease } from './release/emit.ts';
import { buildModel, type ReleaseModel } from './release/model.ts';
import { SchemaSet } from './schemas.ts';
import { validateData, type ValidationResult } from './validate.ts';

export { listTree } from './output.ts';

export interface BuildOptions {
  dataDir?: string;
  outDir?: string;
  seedDir?: string;
  /** Compare with what is on disk instead of writing. */
  check?: boolean;
  /** README.md whose generated sections follow the data; null to leave any README alone. */
  readme?: string | null;
  /** CHANGELOG.md whose unreleased section follows the data; null to leave it alone. */
  changelog?: string | null;
  /** Folder of the generated documents (figures.md, codebook.md, timeline.svg); null to skip them. */
  docsDir?: string | null;
  /** Called after everything is written and before anything is swapped in (tests use it to fail midway). */
  beforeSwap?: (tmpDir: string) => void;
}

export interface BuildResult {
  validation: ValidationResult;
  model?: ReleaseModel;
  /** Every generated file. */
  files?: GeneratedFile[];
  /** In check mode: files (as shown: dist/..., README.md) that differ, are missing, or are extra in dist/. */
  stale?: Staleness;
  /** After a write: the files outside dist/ that were updated. */
  updated?: string[];
  written?: boolean;
}

/** Everything the build generates, each with where it goes. */
export async function generateFiles(model: ReleaseModel, opts: BuildOptions = {}): Promise<GeneratedFile[]> {
  const outDir = opts.outDir ?? DIST_DIR;
  const release = await emitRelease(model);
  const files: GeneratedFile[] = [...release.files].map(([path, content]) => ({
    path: `dist/${path}`,
    target: join(outDir, path),
    content,
  }));
  const docsDir = opts.docsDir === undefined ? DOCS_DIR : opts.docsDir;
  if (docsDir) {
    for (const [name, content] of docsFiles(model)) files.push({ path: `docs/${name}`, target: join(docsDir, name), content });
    const guide = join(docsDir, 'contributing.md');
    if (existsSync(guide))
      files.push({ path: 'docs/contributing.md', target: guide, content: contributingText(readFileSync(guide, 'utf8')) });
  }
  const readme = opts.readme === undefined ? README : opts.readme;
  if (readme && existsSync(readme))
    files.push({ path: 'README.md', target: readme, content: readmeText(readFileSync(readme, 'utf8'), model, release.tables) });
  const changelog = opts.changelog === undefined ? CHANGELOG : opts.changelog;
  if (changelog && existsSync(changelog))
    files.push({ path: 'CHANGELOG.md', target: changelog, content: changelogText(readFileSync(changelog, 'utf8'), model, RELEASES_DIR) });
  return files;
}

/** Validate the data and, when it has no error, derive the release model (what build and the site start from). */
export function loadModel(opts: Pick<BuildOptions, 'dataDir' | 'seedDir'> = {}): { validation: ValidationResult; model?: ReleaseModel } {
  const schemas = new SchemaSet();
  const validation = validateData({ dataDir: opts.dataDir ?? DATA_DIR, seedDir: opts.seedDir ?? SEED_DIR, schemas });
  if (validation.errors > 0) return { validation };
  return { validation, model: buildModel(validation.records, schemas) };
}

export async function build(opts: BuildOptions = {}): Promise<BuildResult> {
  const { validation, model } = loadModel(opts);
  if (!model) return { validation };
  const files = await generateFiles(model, opts);
  const owned: OwnedDir[] = [{ path: 'dist', target: opts.outDir ?? DIST_DIR }];
  if (opts.check) return { validation, model, files, stale: compareOutputs(files, owned) };
  const updated = writeOutputs(files, owned, opts.beforeSwap);
  return { validation, model, files, updated, written: true };
}
