/** Walks over record data that more than one stage needs. */
import type { Json } from './load.ts';

/** Every citation object in a record ({source, quote}), with its path, in document order. */
export function* citationObjects(data: Json, path: (string | number)[] = []): Generator<{ path: (string | number)[]; citation: { [k: string]: Json } & { source: string; quote: string } }> {
  if (Array.isArray(data)) {
    for (let i = 0; i < data.length; i++) yield* citationObjects(data[i]!, [...path, i]);
  } else if (data && typeof data === 'object') {
    if (typeof data.source === 'string' && typeof data.quote === 'string') {
      yield { path, citation: data as { [k: string]: Json } & { source: string; quote: string } };
      return;
    }
    for (const [k, v] of Object.entries(data)) if (v && typeof v === 'object') yield* citationObjects(v, [...path, k]);
  }
}

/** A path as a JSON pointer (RFC 6901). */
export function toPointer(path: readonly (string | number)[]): string {
  return path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Every string value in a record, with its path. */
export function* stringValues(data: Json, path: (string | number)[] = []): Generator<{ path: (string | number)[]; value: string }> {
  if (typeof data === 'string') yield { path, value: data };
  else if (Array.isArray(data)) for (let i = 0; i < data.length; i++) yield* stringValues(data[i]!, [...path, i]);
  else if (data && typeof data === 'object') for (const [k, v] of Object.entries(data)) yield* stringValues(v, [...path, k]);
}
