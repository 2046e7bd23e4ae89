#!/usr/bin/env node
/**
 * node scripts/run.mjs <script> [args...]: run scripts/<script>.ts fast. The script and everything it
 * imports from scripts/ are bundled once with esbuild into node_modules/.cache/dprk-data/cli/,
 * keyed by a hash of the sources, and the bundle is run directly by node: no TypeScript loader
 * hooks and no module-by-module transpiling at start-up, which is most of a short command's time.
 * Any change to a file in scripts/ gives a new hash and a new bundle. Plain JavaScript on purpose.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [name, ...args] = process.argv.slice(2);
const entry = join(root, 'scripts', `${name}.ts`);
if (!name || !existsSync(entry)) {
  console.error(`usage: node scripts/run.mjs <script> [args]: no scripts/${name ?? ''}.ts`);
  process.exit(2);
}

// The hash covers every TypeScript source under scripts/ (any of them may be imported) and the
// lock file (the bundle leaves packages external, but their versions can change what is emitted).
const hash = createHash('sha256');
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\.(ts|mts|cts|json)$/.test(e.name)) hash.update(relative(root, p)).update(readFileSync(p));
  }
};
walk(join(root, 'scripts'));
if (existsSync(join(root, 'package-lock.json'))) hash.update(readFileSync(join(root, 'package-lock.json')));
const out = join(root, 'node_modules', '.cache', 'dprk-data', 'cli', `${name}-${hash.digest('hex').slice(0, 16)}.mjs`);

if (!existsSync(out)) {
  const { build } = await import('esbuild');
  mkdirSync(dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp.mjs`;
  await build({
    entryPoints: [entry],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  renameSync(tmp, out);
}

// The bundle lives outside scripts/: tell it where the repository is (unless the caller points it
// at another tree with the same layout, as the benchmark does).
process.env.DPRK_DATA_ROOT ??= root;
process.env.DPRK_CODE_ROOT = root;
process.argv = [process.argv[0], entry, ...args];
await import(pathToFileURL(out).href);
