/**
 * JSON -> CSV -> parsed CSV: an independent flattening of every released JSON record into the
 * cells the CSV tables must hold (nested objects join keys with _, lists become link tables keyed
 * by position, citations go to citations.csv under their JSON pointer), compared with the cells
 * csv-parse reads back from the CSV files. Both ways: nothing lost, nothing added. The derived day
 * bounds of dates (date_earliest, date_latest) are in both, so they are compared too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { COLLECTIONS } from '../scripts/lib/collections.ts';

type Row = Record<string, string>;
type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue };

export function readCsv(dir: string, name: string): { header: string[]; rows: Row[] } {
  const text = readFileSync(join(dir, 'csv', `${name}.csv`), 'utf8');
  const records = parse(text, { bom: false, relax_column_count: false }) as string[][];
  const [header, ...body] = records;
  return { header: header!, rows: body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!]))) };
}

function expectedCells(collection: string, record: { [k: string]: JsonValue }) {
  const cells: { table: string; key: string; column: string; value: string }[] = [];
  const id = String(record.id);
  const walk = (value: JsonValue, table: string, key: string, prefix: string[], pointer: string) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      if (typeof value.source === 'string' && typeof value.quote === 'string') {
        const ckey = `${collection}|${id}|${pointer}`;
        for (const [k, v] of Object.entries(value)) walk(v, 'citations', ckey, [k], `${pointer}/${k}`);
        return;
      }
      for (const [k, v] of Object.entries(value)) walk(v, table, key, [...prefix, k], `${pointer}/${k}`);
    } else if (Array.isArray(value)) {
      const child = `${table}_${prefix.join('_')}`;
      value.forEach((item, i) => {
        const ckey = `${key}|${i + 1}`;
        if (item && typeof item === 'object') walk(item, child, ckey, [], `${pointer}/${i}`);
        else cells.push({ table: child, key: ckey, column: 'value', value: String(item) });
      });
    } else if (value !== null) {
      cells.push({ table, key, column: prefix.join('_'), value: String(value) });
    }
  };
  walk(record, collection, id, [], '');
  return cells;
}

export function roundTrip(outDir: string): { csvCells: string[]; jsonCells: string[] } {
  const pkg = JSON.parse(readFileSync(join(outDir, 'datapackage.json'), 'utf8')) as {
    resources: { name: string; schema: { fields: { name: string }[]; primaryKey: string[] } }[];
  };
  const csvCells = new Set<string>();
  for (const r of pkg.resources) {
    for (const row of readCsv(outDir, r.name).rows) {
      const key = r.schema.primaryKey.map((k) => row[k]).join('|');
      for (const [col, value] of Object.entries(row)) {
        if (value === '' || r.schema.primaryKey.includes(col)) continue;
        csvCells.add(`${r.name}|${key}|${col}=${value}`);
      }
    }
  }
  const jsonCells = new Set<string>();
  for (const c of COLLECTIONS) {
    const records = JSON.parse(readFileSync(join(outDir, 'json', `${c}.json`), 'utf8')) as { [k: string]: JsonValue }[];
    for (const rec of records) {
      for (const cell of expectedCells(c, rec)) {
        if (cell.column === 'id' && cell.table === c) continue;
        jsonCells.add(`${cell.table}|${cell.key}|${cell.column}=${cell.value}`);
      }
    }
  }
  return { csvCells: [...csvCells].sort(), jsonCells: [...jsonCells].sort() };
}
