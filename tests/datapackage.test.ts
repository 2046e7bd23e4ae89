/**
 * The released Data Package descriptor, checked by a Frictionless implementation from npm
 * (datapackage-js): the descriptor is valid, and every foreign key holds across the CSV files
 * (a relations check reading every row). datapackage-js implements the v1 profiles, so the v2
 * descriptor is read through the v1 profile names; the v2-only keys it does not know ($schema,
 * type, scheme) are set aside for it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST_DIR } from '../scripts/lib/paths.ts';

type Descriptor = {
  resources: { name: string; schema: { foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[] } }[];
} & Record<string, unknown>;
interface Resource {
  name: string;
  read(opts: { relations: boolean; keyed: boolean }): Promise<unknown[]>;
}

const released = (): Descriptor => JSON.parse(readFileSync(join(DIST_DIR, 'datapackage.json'), 'utf8')) as Descriptor;

/** The descriptor as datapackage-js (v1) reads it, with absolute paths into dist/. */
function asV1(d: Descriptor) {
  const strip = <T extends Record<string, unknown>>(o: T, ...keys: string[]) =>
    Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
  return {
    ...strip(d, '$schema'),
    profile: 'tabular-data-package',
    resources: d.resources.map((r) => {
      const res = r as unknown as Record<string, unknown> & { schema: Record<string, unknown>; dialect: Record<string, unknown> };
      return {
        ...strip(res, '$schema', 'type', 'scheme'),
        profile: 'tabular-data-resource',
        schema: strip(res.schema, '$schema'),
        dialect: strip(res.dialect, '$schema'),
      };
    }),
  };
}

/** Load with datapackage-js and read every resource with its relations; returns the problems. */
async function check(d: Descriptor): Promise<{ valid: boolean; errors: string[]; failures: string[]; rows: number }> {
  const { Package } = (await import('datapackage')) as unknown as {
    Package: { load(d: unknown, o: { basePath: string }): Promise<{ valid: boolean; errors: Error[]; resources: Resource[] }> };
  };
  const pkg = await Package.load(asV1(d), { basePath: DIST_DIR });
  const failures: string[] = [];
  let rows = 0;
  for (const r of pkg.resources) {
    try {
      rows += (await r.read({ relations: true, keyed: true })).length;
    } catch (err) {
      failures.push(`${r.name}: ${String(err)}`);
    }
  }
  return { valid: pkg.valid, errors: pkg.errors.map(String), failures, rows };
}

describe('datapackage.json, read by a Frictionless implementation', () => {
  it('is valid and every foreign key holds across the CSV files', async () => {
    const result = await check(released());
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.failures).toEqual([]);
    expect(result.rows).toBeGreaterThan(5000);
  });

  it('declares each foreign key once', () => {
    for (const r of released().resources) {
      const keys = (r.schema.foreignKeys ?? []).map((k) => JSON.stringify(k));
      expect(new Set(keys).size, r.name).toBe(keys.length);
    }
  });

  it('fails the relations check when a foreign key is declared twice or points at the wrong table', async () => {
    const doubled = released();
    doubled.resources
      .find((r) => r.name === 'citations')!
      .schema.foreignKeys!.push({ fields: ['source'], reference: { resource: 'sources', fields: ['id'] } });
    expect((await check(doubled)).failures).toEqual([expect.stringContaining('citations')]);
    const wrong = released();
    wrong.resources.find((r) => r.name === 'events_participants')!.schema.foreignKeys![0]!.reference.resource = 'places';
    expect((await check(wrong)).failures).toEqual([expect.stringContaining('events_participants')]);
  });
});
