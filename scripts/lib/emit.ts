/**
 * Emit: the release files, computed in memory from validated records. Nothing here touches the
 * disk; build.ts writes the result atomically. Output is deterministic: records sorted by id,
 * keys in schema order, no timestamps.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { COLLECTIONS, type CollectionName } from './collections.ts';
import type { Json, LoadedRecord, RecordData } from './load.ts';
import { ROOT } from './paths.ts';
import { SchemaSet, SCHEMA_FILES, type Schema } from './schemas.ts';
import { buildRows, TableBuilder, type Cell, type Table } from './tables.ts';
import { entryPointFiles } from './entrypoints.ts';

export interface PackageInfo {
  name: string;
  version: string;
  description?: string;
}

export function readPackageInfo(): PackageInfo {
  return JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageInfo;
}

export const DATA_LICENSE = { name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0 International' };

/** Re-order an object's keys as its schema lists them, recursively. */
function canonical(value: Json, plan: { node: Schema; file: string }, schemas: SchemaSet): Json {
  const { node, file } = schemas.deref(plan.node, plan.file);
  if (Array.isArray(value)) {
    const items = (node.items ?? {}) as Schema;
    return value.map((v) => canonical(v, { node: items, file }, schemas));
  }
  if (value && typeof value === 'object') {
    const props = (node.properties ?? {}) as Record<string, Schema>;
    const out: Record<string, Json> = {};
    const order = [...Object.keys(props), ...Object.keys(value).filter((k) => !(k in props)).sort()];
    for (const k of order) if (k in value) out[k] = canonical(value[k]!, { node: props[k] ?? {}, file }, schemas);
    return out;
  }
  return value;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function csvCell(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return String(v);
}

function tableSchema(t: Table) {
  const fields = [...t.keys, ...t.columns].map((c) => {
    const constraints: Record<string, unknown> = {};
    if (c.required) constraints.required = true;
    if (c.enum) constraints.enum = c.enum;
    return { name: c.name, type: c.type, description: c.description, ...(Object.keys(constraints).length ? { constraints } : {}) };
  });
  return {
    $schema: 'https://datapackage.org/profiles/2.0/tableschema.json',
    fields,
    primaryKey: t.primaryKey,
    ...(t.foreignKeys.length ? { foreignKeys: t.foreignKeys } : {}),
    missingValues: [''],
  };
}

export interface Release {
  /** Relative path in dist/ -> content. */
  files: Map<string, string>;
  counts: Record<CollectionName, number>;
  tables: { name: string; rows: number; columns: string[] }[];
}

export async function emitRelease(records: LoadedRecord[], schemas = new SchemaSet(), pkg = readPackageInfo()): Promise<Release> {
  const files = new Map<string, string>();
  const byCollection = new Map<CollectionName, RecordData[]>(COLLECTIONS.map((c) => [c, []]));
  const sorted = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const rec of sorted) {
    const root = schemas.root(rec.collection);
    byCollection.get(rec.collection)!.push(canonical(rec.data, { node: root, file: `${rec.collection}.schema.json` }, schemas) as RecordData);
  }
  const counts = Object.fromEntries(COLLECTIONS.map((c) => [c, byCollection.get(c)!.length])) as Record<CollectionName, number>;

  // JSON: one file per collection and one combined file.
  for (const c of COLLECTIONS) files.set(`json/${c}.json`, json(byCollection.get(c)));
  files.set(
    'dprk-data.json',
    json({ name: pkg.name, version: pkg.version, license: DATA_LICENSE.name, ...Object.fromEntries(COLLECTIONS.map((c) => [c, byCollection.get(c)])) }),
  );

  // CSV: tables derived from the schemas.
  const builder = new TableBuilder(schemas);
  const rows = buildRows(
    builder,
    COLLECTIONS.flatMap((c) => byCollection.get(c)!.map((data) => ({ collection: c, data }))),
  );
  const tables: Release['tables'] = [];
  const resources = [];
  for (const t of builder.ordered()) {
    const columns = [...t.keys, ...t.columns].map((c) => c.name);
    const body = rows.get(t.name)!.map((r) => columns.map((c) => csvCell(r[c] ?? null)));
    files.set(`csv/${t.name}.csv`, stringify([columns, ...body], { record_delimiter: 'windows', quoted_match: /^\s|\s$/ }));
    tables.push({ name: t.name, rows: body.length, columns });
    resources.push({
      name: t.name,
      type: 'table',
      path: `csv/${t.name}.csv`,
      scheme: 'file',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      description: t.description,
      dialect: { $schema: 'https://datapackage.org/profiles/2.0/tabledialect.json', header: true, delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true },
      schema: tableSchema(t),
    });
  }

  // The Data Package descriptor.
  const sources = byCollection.get('sources')!.map((s) => ({ title: `${String(s.publisher)}: ${String(s.title)}`, path: String(s.url) }));
  files.set(
    'datapackage.json',
    json({
      $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
      name: pkg.name,
      title: 'dprk-data: North Korea weapons tests, diplomacy, statements and figures, source-checked',
      description: pkg.description ?? '',
      version: pkg.version,
      licenses: [DATA_LICENSE],
      sources,
      resources,
    }),
  );

  // The schemas the releases conform to, as they are.
  for (const name of SCHEMA_FILES) files.set(`schemas/${name}`, json(schemas.files.get(name)));

  // The npm entry points and their types.
  for (const [path, content] of await entryPointFiles(schemas, pkg.version)) files.set(path, content);
  return { files, counts, tables };
}
