/**
 * DuckDB (from npm) reads every released CSV without options and types its columns as the
 * descriptor says: date columns as DATE, UTC timestamps as TIMESTAMP WITH TIME ZONE, whole
 * numbers as integers. What an analyst gets from `SELECT * FROM 'dist/csv/events.csv'`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { DIST_DIR } from '../scripts/lib/paths.ts';

interface Field {
  name: string;
  type: string;
}
const descriptor = JSON.parse(readFileSync(join(DIST_DIR, 'datapackage.json'), 'utf8')) as {
  resources: { name: string; path: string; schema: { fields: Field[] } }[];
};

describe('the CSV files, read by DuckDB', () => {
  it('types every date, timestamp and whole-number column that holds a value', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    const checked = { date: 0, datetime: 0, integer: 0 };
    for (const r of descriptor.resources) {
      const path = join(DIST_DIR, r.path).replace(/'/g, "''");
      const described = (await con.runAndReadAll(`DESCRIBE SELECT * FROM '${path}'`)).getRowObjects();
      const types = new Map(described.map((c) => [String(c.column_name), String(c.column_type)]));
      for (const f of r.schema.fields) {
        if (!(f.type in checked)) continue;
        const filled = (await con.runAndReadAll(`SELECT count("${f.name}") AS n FROM '${path}'`)).getRowObjects()[0]!.n;
        if (Number(filled) === 0) continue; // an empty column carries no type
        const want =
          f.type === 'date' ? 'DATE' : f.type === 'datetime' ? 'TIMESTAMP WITH TIME ZONE' : /^(BIGINT|INTEGER|SMALLINT|TINYINT)$/;
        expect(types.get(f.name), `${r.name}.${f.name}`).toMatch(want);
        checked[f.type as keyof typeof checked]++;
      }
    }
    expect(checked.date).toBeGreaterThan(10);
    expect(checked.datetime).toBeGreaterThan(0);
    expect(checked.integer).toBeGreaterThan(10);
  });
});
