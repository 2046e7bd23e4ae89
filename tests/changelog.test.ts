/** The changelog's comparison with the previous release, and the bump the policy requires. */
import { describe, expect, it } from 'vitest';
import { diffSnapshots, renderUnreleased, requiredBump, type Snapshot } from '../scripts/lib/docs/changelog.ts';

const snap = (records: Record<string, Record<string, string>>, schemas = 's1'): Snapshot => ({ version: '1.0.0', schemas, records });

describe('changelog', () => {
  const prev = snap({ events: { a: 'h1', b: 'h2' }, actors: { x: 'h3' } });
  it('finds added, changed and removed ids per collection', () => {
    const d = diffSnapshots(prev, snap({ events: { a: 'h1', b: 'CHANGED', c: 'h4' }, actors: {} }));
    expect(d).toEqual({ added: { events: ['c'] }, changed: { events: ['b'] }, removed: { actors: ['x'] }, schemasChanged: false });
  });
  it('asks for major when an id is removed or the schemas change, minor for additions, patch for corrections', () => {
    expect(requiredBump(diffSnapshots(prev, snap({ events: { a: 'h1' }, actors: { x: 'h3' } })), false)).toBe('major');
    expect(requiredBump(diffSnapshots(prev, snap(prev.records, 's2')), false)).toBe('major');
    expect(requiredBump(diffSnapshots(prev, snap({ ...prev.records, events: { ...prev.records.events, z: 'h9' } })), false)).toBe('minor');
    expect(requiredBump(diffSnapshots(prev, snap({ ...prev.records, actors: { x: 'h3b' } })), false)).toBe('patch');
    expect(requiredBump(diffSnapshots(prev, prev), false)).toBe('none');
    expect(requiredBump(diffSnapshots(undefined, prev), true)).toBe('minor');
  });

  it('sums up long lists by collection and names the ids of short ones', () => {
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`e${i}`, 'h']));
    const text = renderUnreleased(prev, snap({ events: { ...prev.records.events, ...many }, actors: { x: 'h3b' } }));
    expect(text).toContain('| events | 30 | 30 ids, listed in the release snapshot |');
    expect(text).toContain('| actors | 1 | `x` |');
    expect(text).not.toContain('`e29`');
  });
});
