/** Where things are. Every path the pipeline touches is resolved here, from the repository root. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository whose code runs: scripts/, node_modules/ (and the caches in it). Beside this
 * module, or where scripts/run.mjs says when it runs a bundle from the cache.
 */
export const CODE_ROOT = process.env.DPRK_CODE_ROOT ?? resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The tree the data and everything generated from it live in: the same repository, unless DPRK_DATA_ROOT points at another tree of the same layout (as the benchmark does). */
export const ROOT = process.env.DPRK_DATA_ROOT ?? CODE_ROOT;
export const DATA_DIR = resolve(ROOT, 'data');
export const SCHEMA_DIR = resolve(ROOT, 'schemas');
export const DIST_DIR = resolve(ROOT, 'dist');
/** The founding article and other full texts, kept outside the repository in ../shared/seed. */
export const SEED_DIR = resolve(ROOT, '..', 'shared', 'seed');
export const README = resolve(ROOT, 'README.md');
export const DOCS_DIR = resolve(ROOT, 'docs');
export const CHANGELOG = resolve(ROOT, 'CHANGELOG.md');
export const RELEASES_DIR = resolve(ROOT, 'docs', 'releases');
