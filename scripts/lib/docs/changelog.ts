/**
 * The changelog's data section, computed by comparing the records with the snapshot of the
 * previous release (docs/releases/<version>.json: a hash of every record and of the schemas).
 * npm run build keeps the "unreleased" section of CHANGELOG.md in step with the data (and the
 * check fails when it is stale); npm run release -- <version> freezes it and writes the snapshot.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { COLLECTIONS } from '../collections.ts';
import type { ReleaseModel } from '../release/model.ts';
import { SCHEMA_FILES } from '../schemas.ts';

export interface Snapshot {
  version: string;
  schemas: string;
  records: Record<string, Record<string, string>>;
}

const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);

/** A snapshot of a release: one hash per record (its released JSON) and one for all schemas. */
export function snapshotOf(model: ReleaseModel, version: string): Snapshot {
  const records: Snapshot['records'] = {};
  for (const c of COLLECTIONS) records[c] = Object.fromEntries(model.data[c].map((r) => [r.id, hash(JSON.stringify(r))]));
  const schemas = [...SCHEMA_FILES]
    .sort()
    .map((name) => `${JSON.stringify(model.schemas.files.get(name), null, 2)}\n`)
    .join('\n');
  return { version, schemas: hash(schemas), records };
}

/** The newest snapshot in the releases folder, if any. */
export function latestSnapshot(dir: string): Snapshot | undefined {
  if (!existsSync(dir)) return undefined;
  const versions = readdirSync(dir)
    .filter((f) => /^\d+\.\d+\.\d+\.json$/.test(f))
    .map((f) => f.slice(0, -'.json'.length))
    .sort(semver.compare);
  const last = versions.pop();
  return last ? (JSON.parse(readFileSync(join(dir, `${last}.json`), 'utf8')) as Snapshot) : undefined;
}

export interface Diff {
  added: Record<string, string[]>;
  changed: Record<string, string[]>;
  removed: Record<string, string[]>;
  schemasChanged: boolean;
}

export function diffSnapshots(prev: Snapshot | undefined, cur: Snapshot): Diff {
  const d: Diff = { added: {}, changed: {}, removed: {}, schemasChanged: prev ? prev.schemas !== cur.schemas : false };
  for (const c of COLLECTIONS) {
    const before = prev?.records[c] ?? {};
    const after = cur.records[c] ?? {};
    const add = Object.keys(after).filter((id) => !(id in before)).sort();
    const chg = Object.keys(after).filter((id) => id in before && before[id] !== after[id]).sort();
    const rem = Object.keys(before).filter((id) => !(id in after)).sort();
    if (add.length) d.added[c] = add;
    if (chg.length) d.changed[c] = chg;
    if (rem.length) d.removed[c] = rem;
  }
  return d;
}

/** The kind of version bump the versioning policy asks for. */
export function requiredBump(d: Diff, first: boolean): 'major' | 'minor' | 'patch' | 'none' {
  if (first) return 'minor';
  if (d.schemasChanged || Object.keys(d.removed).length) return 'major';
  if (Object.keys(d.added).length) return 'minor';
  if (Object.keys(d.changed).length) return 'patch';
  return 'none';
}

const count = (m: Record<string, string[]>) => Object.values(m).reduce((n, l) => n + l.length, 0);

/** Ids are listed where there are few; a long list (a whole new series) is summed up by its count. */
const MAX_IDS = 12;

function list(title: string, m: Record<string, string[]>): string[] {
  if (!count(m)) return [];
  const out = [`#### ${title} (${count(m)})`, '', '| collection | records | ids |', '| --- | --- | --- |'];
  for (const [c, ids] of Object.entries(m)) {
    const shown = ids.length <= MAX_IDS ? ids.map((id) => `\`${id}\``).join(', ') : `${ids.length} ids, listed in the release snapshot`;
    out.push(`| ${c} | ${ids.length} | ${shown} |`);
  }
  out.push('');
  return out;
}

export function renderUnreleased(prev: Snapshot | undefined, cur: Snapshot): string {
  const d = diffSnapshots(prev, cur);
  const bump = requiredBump(d, !prev);
  return [
    `### Unreleased (package version ${cur.version}), compared with ${prev ? `release ${prev.version}` : 'nothing: no release yet'}`,
    '',
    `Version bump this requires under the [versioning policy](docs/versioning.md): **${bump}**.${d.schemasChanged ? ' The schemas changed.' : ''}`,
    '',
    ...list('Added', d.added),
    ...list('Changed', d.changed),
    ...list('Removed', d.removed),
  ]
    .join('\n')
    .trimEnd();
}
