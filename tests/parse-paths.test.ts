/**
 * The loader reads plain records with js-yaml (fast) and everything else with the yaml package
 * (slow, with positions). Wherever the fast path answers, both must give the same data.
 */
import './fuzz-seed.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { listTree } from '../scripts/lib/build.ts';
import { fastParse } from '../scripts/lib/load.ts';
import { DATA_DIR } from '../scripts/lib/paths.ts';
import { FIXTURE } from './helpers.ts';

const slow = (text: string) => parse(text, { version: '1.2', uniqueKeys: true, strict: true, logLevel: 'error' });

describe('fast and slow YAML paths', () => {
  it('agree on every real and fixture record the fast path takes', () => {
    let fast = 0;
    const files = [
      ...listTree(DATA_DIR).map((f) => join(DATA_DIR, f)),
      ...listTree(join(FIXTURE, 'data')).map((f) => join(FIXTURE, 'data', f)),
    ];
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const data = fastParse(text);
      if (data === undefined) continue;
      fast++;
      expect(data, f).toEqual(slow(text));
    }
    expect(fast).toBeGreaterThan(files.length / 2);
  });

  it('agree on random records written as YAML, and on hand-picked tricky scalars', () => {
    const scalar = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom(
        '0x1F',
        '0o17',
        '0b101',
        '012',
        '+12',
        '.inf',
        '-.inf',
        '.nan',
        'yes',
        'no',
        'on',
        'off',
        '~',
        'null',
        'True',
        '2023-12-31',
        '1e3',
        '1_000',
        '0.5',
        '-0',
        'a: b',
        '- x',
        '#c',
        "it's",
        '"q"',
        // Commas: in plain text they start nothing; in a flow collection they start a value.
        '2,000 km',
        'at 09:30, 0930 GMT',
        '[1, 0x1F]',
        '[a, 012, .inf]',
        '{a: 1, b: 0o17}',
        '[x,\n  012]',
      ),
    );
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        scalar,
        fc.array(tie('v'), { maxLength: 3 }),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), tie('v'), { maxKeys: 3 }),
      ),
    })).v;
    fc.assert(
      fc.property(
        fc.dictionary(fc.stringMatching(/^[a-z_]{1,10}$/), value, { minKeys: 1, maxKeys: 5 }),
        fc.boolean(),
        (record, asPlainText) => {
          // Written by the yaml package (quoting what needs quoting), or as hand-typed plain text.
          const text = asPlainText
            ? Object.entries(record)
                .map(([k, v]) => `${k}: ${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`)
                .join('\n')
            : stringify(record);
          let expected: unknown;
          try {
            expected = slow(text);
          } catch {
            expected = Symbol('error');
          }
          const data = fastParse(text);
          if (data !== undefined) expect(data).toEqual(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
