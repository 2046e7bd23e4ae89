/**
 * Emit: the release files, computed in memory from validated records. Nothing here touches the
 * disk; build.ts writes the result atomically. Output is deterministic: records sorted by id,
 * keys in schema order, no timestamps.
 */
import { stringify } from 'csv-stringify/sync';
import { COLLECTIONS, type CollectionName } from '../collections.ts';
import type { RecordData } from '../load.ts';
import { SCHEMA_FILES } from '../schemas.ts';
import type { ReleaseModel } from './model.ts';
import { buildRows, TableBuilder, type Cell, type Table } from './tables.ts';
import { entryPointFiles } from './entrypoints.ts';

const DATA_LICENSE = {
  name: 'CC-BY-4.0',
  path: 'https://creativecommons.org/licenses/by/4.0/',
  title: 'Creative Commons Attribution 4.0 International',
};

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

/** What the CSV tables hold, for the documents that describe them. */
export interface TableInfo {
  name: string;
  rows: number;
  columns: string[];
  description: string;
}

export interface Release {
  /** Relative path in dist/ -> content. */
  files: Map<string, string>;
  tables: TableInfo[];
}

export async function emitRelease(model: ReleaseModel): Promise<Release> {
  const { schemas, pkg, data } = model;
  const files = new Map<string, string>();
  const byCollection = new Map<CollectionName, RecordData[]>(COLLECTIONS.map((c) => [c, data[c] as unknown as RecordData[]]));

  // JSON: one file per collection and one combined file.
  for (const c of COLLECTIONS) files.set(`json/${c}.json`, json(byCollection.get(c)));
  files.set(
    'dprk-data.json',
    json({
      name: pkg.name,
      version: pkg.version,
      license: DATA_LICENSE.name,
      ...Object.fromEntries(COLLECTIONS.map((c) => [c, byCollection.get(c)])),
    }),
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
    files.set(`csv/${t.name}.csv`, stringify([columns, ...body], { record_delimiter: 'unix', quoted_match: /^\s|\s$/ }));
    tables.push({ name: t.name, rows: body.length, columns, description: t.description });
    resources.push({
      name: t.name,
      type: 'table',
      path: `csv/${t.name}.csv`,
      scheme: 'file',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      description: t.description,
      dialect: {
        $schema: 'https://datapackage.org/profiles/2.0/tabledialect.json',
        header: true,
        delimiter: ',',
        lineTerminator: '\n',
        quoteChar: '"',
        doubleQuote: true,
      },
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
  for (const [path, content] of await entryPointFiles(
    schemas,
    pkg.version,
    Object.fromEntries(COLLECTIONS.map((c) => [c, byCollection.get(c)!.map((r) => String(r.id))])),
  ))
    files.set(path, content);
  return { files, tables };
}
