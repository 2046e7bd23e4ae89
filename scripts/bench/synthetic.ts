/**
 * Synthetic but schema-valid datasets for the benchmark: records of every collection in realistic
 * proportions and sizes (a launch event carries several citations, missile groups and variants, as
 * the real ones do), all references resolving. Deterministic for a given size.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

/** A small deterministic pseudo-random generator (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  'north korea fired missile launch ballistic cruise sea east military joint chiefs staff said state media reported test flight altitude distance kilometers minutes leader guided drill nuclear satellite orbit rocket'.split(
    ' ',
  );

export const SHARE = { sources: 0.4, actors: 0.06, places: 0.04, systems: 0.02, events: 0.3, statements: 0.12, figures: 0.06 } as const;

interface Gen {
  r: () => number;
  pick: <T>(xs: readonly T[]) => T;
  int: (lo: number, hi: number) => number;
  sentence: (n: number) => string;
  day: () => string;
  cite: () => object;
  write: (collection: string, id: string, data: object) => void;
  ids: Record<'sources' | 'actors' | 'places' | 'systems' | 'events', string[]>;
}

function generator(dir: string, seed: number, counts: Record<string, number>): Gen {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const sentence = (n: number) => {
    const w = Array.from({ length: n }, () => pick(WORDS));
    return `${w[0]![0]!.toUpperCase()}${w.join(' ').slice(1)}.`;
  };
  const day = () => `2023-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
  const ids = {
    sources: idList('source', counts.sources!),
    actors: idList('actor', counts.actors!),
    places: idList('place', counts.places!),
    systems: idList('system', counts.systems!),
    events: idList('event', counts.events!),
  };
  const write = (collection: string, id: string, data: object) => {
    // Spread records over sub-folders like a real tree (data/events/2023/...).
    const sub = join(dir, 'data', collection, String(Math.floor(Number(id.split('-').pop()) / 1000)));
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `${id}.yaml`), stringify(data, { lineWidth: 0 }));
  };
  const cite = () => ({ source: pick(ids.sources), quote: sentence(int(12, 30)), ...(r() < 0.5 ? { relays: pick(ids.actors) } : {}) });
  return { r, pick, int, sentence, day, cite, write, ids };
}

const idList = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);

/** Sources, actors, places and systems: the records the others refer to. */
function writeReferenced(g: Gen): void {
  const { r, pick, int, sentence, cite, write, ids } = g;
  ids.sources.forEach((id) =>
    write('sources', id, {
      title: sentence(8),
      publisher: `Publisher ${int(1, 50)}`,
      published: `2024-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`,
      url: `https://news${int(1, 50)}.example.org/${id}/${pick(WORDS)}`,
      language: pick(['en', 'ko', 'ja']),
      kind: pick(['news', 'state-media', 'government']),
      accessed: '2026-11-25',
      ...(r() < 0.5 ? { relays: [pick(ids.actors)] } : {}),
    }),
  );
  ids.actors.forEach((id) =>
    write('actors', id, {
      name: `Actor ${id}`,
      kind: pick(['person', 'state', 'government-body', 'media']),
      country: pick(['KP', 'KR', 'US', 'JP']),
      description: sentence(10),
    }),
  );
  ids.places.forEach((id) =>
    write('places', id, { name: `Place ${id}`, kind: pick(['launch-site', 'city', 'district']), country: 'KP', description: sentence(8) }),
  );
  ids.systems.forEach((id) =>
    write('systems', id, {
      name: `System ${id}`,
      class: pick(['srbm', 'icbm', 'cruise']),
      designations: [
        { name: `S-${id}`, by: 'dprk' },
        { name: `KN-${id}`, by: 'us', citation: cite() },
      ],
      description: sentence(10),
    }),
  );
}

/** Launch events, statements and figures. */
function writeEvidence(g: Gen, counts: Record<string, number>): void {
  const { pick, int, sentence, day, cite, write, ids } = g;
  const { sources, actors, places, systems } = ids;
  ids.events.forEach((id) => {
    const groups = Array.from({ length: int(1, 2) }, () => ({
      system: pick(systems),
      class: pick(['srbm', 'icbm', 'cruise']),
      count: { value: int(1, 3) },
      outcome: pick(['success', 'failure', 'unknown']),
      apogee_km: { value: int(20, 6000), qualifier: 'about' },
      distance_km: { value: int(100, 1500) },
    }));
    // Drawn in this order so that the records stay what they were for a given seed.
    const title = sentence(6);
    const summary = sentence(30);
    const date = day();
    write('events', id, {
      type: 'missile-launch',
      title,
      summary,
      date,
      // 10:02 in Korea on the same day (UTC+9).
      time_utc: `${date}T01:02:00Z`,
      time_utc_precision: 'minute',
      place: pick(places),
      confirmation: 'confirmed',
      participants: [{ actor: pick(actors), role: 'conductor' }],
      launch: { missile_count: { value: groups.reduce((s, g) => s + g.count.value, 0) }, counted_by: pick(actors), missiles: groups },
      citations: Array.from({ length: int(2, 5) }, cite),
      variants: [{ field: 'launch.missile_count', value: int(1, 6), by: pick(actors), citation: cite(), note: sentence(12) }],
      notes: sentence(25),
    });
  });
  idList('statement', counts.statements!).forEach((id) =>
    write('statements', id, {
      speaker: pick(actors),
      date: day(),
      medium: 'speech',
      kinds: ['warning'],
      targets: [pick(actors)],
      summary: sentence(25),
      quotations: [
        { text: sentence(25), language: 'en', original_language: 'ko', translated_by: pick(actors), source: pick(sources) },
        { text: sentence(25), language: 'en', source: pick(sources) },
      ],
      citations: [cite()],
    }),
  );
  idList('figure', counts.figures!).forEach((id) => {
    const quote = `There were more than ${int(5, 100)} launches ${sentence(10)}`;
    write('figures', id, {
      claim: { value: int(5, 100), qualifier: 'more-than', text: 'more than' },
      unit: 'launch-events',
      scope: { description: sentence(15), period: '2023', as_of: '2024-01-01' },
      modality: 'reported',
      claimed_by: pick(actors),
      derivations: [
        { reading: 'launch events', unit: 'launch-events', event_types: ['missile-launch'], period: '2023' },
        { reading: 'missiles', unit: 'missiles', event_types: ['missile-launch'], period: `2023-${String(int(1, 12)).padStart(2, '0')}` },
      ],
      citations: [{ source: pick(sources), quote }],
    });
  });
}

export function generate(dir: string, total: number, seed = 1): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [c, share] of Object.entries(SHARE)) counts[c] = Math.max(1, Math.round(total * share));
  const g = generator(dir, seed, counts);
  writeReferenced(g);
  writeEvidence(g, counts);
  return counts;
}
