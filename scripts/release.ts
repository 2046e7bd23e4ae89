/**
 * npm run release -- <version>: cut a data release. Refuses a version whose bump is smaller than
 * the versioning policy requires for the changes since the previous release; otherwise writes
 * docs/releases/<version>.json (the snapshot the next changelog is computed against), sets the
 * version in package.json and CITATION.cff, freezes the unreleased changelog section under the
 * version, and rebuilds. Commit the result and tag it v<version>.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from './lib/build.ts';
import semver from 'semver';
import { diffSnapshots, latestSnapshot, requiredBump, snapshotOf } from './lib/docs/changelog.ts';
import { CHANGELOG, RELEASES_DIR, ROOT } from './lib/paths.ts';

const version = process.argv[2];
if (!version || !/^\d+\.\d+\.\d+$/.test(version)) {
  console.error('usage: npm run release -- <major.minor.patch>');
  process.exit(2);
}
const result = await build({ check: true });
if (!result.model) {
  console.error('the data has errors; fix them first (npm run validate)');
  process.exit(1);
}
const prev = latestSnapshot(RELEASES_DIR);
const snap = snapshotOf(result.model, version);
const bump = requiredBump(diffSnapshots(prev, snap), !prev);
const from = prev?.version ?? '0.0.0';
const actual = semver.gt(version, from) ? (semver.diff(from, version) as 'major' | 'minor' | 'patch') : 'none';
const rank = { none: 0, patch: 1, minor: 2, major: 3 } as const;
if (rank[actual] < rank[bump] || actual === 'none') {
  console.error(`${version} is a ${actual} step from ${prev?.version ?? 'nothing'}, but the changes need a ${bump} release`);
  process.exit(1);
}
mkdirSync(RELEASES_DIR, { recursive: true });
writeFileSync(join(RELEASES_DIR, `${version}.json`), `${JSON.stringify(snap, null, 2)}\n`);
const pkgPath = join(ROOT, 'package.json');
const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
pkg.version = version;
writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);
const cffPath = join(ROOT, 'CITATION.cff');
writeFileSync(cffPath, readFileSync(cffPath, 'utf8').replace(/^version: .*$/m, `version: "${version}"`));
const log = readFileSync(CHANGELOG, 'utf8');
const section = /<!-- generated:unreleased -->\n([\s\S]*?)\n<!-- \/generated:unreleased -->/.exec(log)?.[1] ?? '';
const frozen = section.replace(/^### Unreleased \(package version [^)]*\), compared with/, `## ${version}: compared with`);
writeFileSync(CHANGELOG, log.replace(/(<!-- \/generated:unreleased -->\n)/, `$1\n${frozen}\n`));
await build();
console.log(`released ${version} (${bump} changes); commit, then tag v${version}`);
