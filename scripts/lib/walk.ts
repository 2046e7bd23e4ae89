/**
 * Walks over record data that more than one stage needs. Plain recursion with a shared path stack
 * (copied only for what is returned): these run over every record, so they must not allocate per
 * node.
 */
import type { Json } from './load.ts';

export type Citation = { [k: string]: Json } & { source: string; quote: string };

const citationCache = new WeakMap<object, { path: (string | number)[]; citation: Citation }[]>();

/** Every citation object in a record ({source, quote}), with its path, in document order (memoised per record). */
export function citationObjects(data: Json): { path: (string | number)[]; citation: Citation }[] {
  if (data && typeof data === 'object') {
    const hit = citationCache.get(data);
    if (hit) return hit;
  }
  const out: { path: (string | number)[]; citation: Citation }[] = [];
  const path: (string | number)[] = [];
  const walk = (v: Json) => {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x = v[i]!;
        if (x && typeof x === 'object') {
          path.push(i);
          walk(x);
          path.pop();
        }
      }
    } else if (v && typeof v === 'object') {
      if (typeof v.source === 'string' && typeof v.quote === 'string') {
        out.push({ path: [...path], citation: v as Citation });
        return;
      }
      for (const k in v) {
        const x = v[k]!;
        if (x && typeof x === 'object') {
          path.push(k);
          walk(x);
          path.pop();
        }
      }
    }
  };
  walk(data);
  if (data && typeof data === 'object') citationCache.set(data, out);
  return out;
}

/** The paths of every string value in a record that matches a test. */
export function findStrings(data: Json, test: (s: string) => boolean): { path: (string | number)[]; value: string }[] {
  const out: { path: (string | number)[]; value: string }[] = [];
  const path: (string | number)[] = [];
  const walk = (v: Json) => {
    if (typeof v === 'string') {
      if (test(v)) out.push({ path: [...path], value: v });
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        walk(v[i]!);
        path.pop();
      }
    } else if (v && typeof v === 'object') {
      for (const k in v) {
        path.push(k);
        walk(v[k]!);
        path.pop();
      }
    }
  };
  walk(data);
  return out;
}

/** A path as a JSON pointer (RFC 6901). */
export function toPointer(path: readonly (string | number)[]): string {
  return path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
