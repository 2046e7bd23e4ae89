/** The seven collections, in the order they are emitted (referenced collections first). */
export const COLLECTIONS = ['sources', 'actors', 'places', 'systems', 'events', 'statements', 'figures'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

/** Singular names, used for the key column that joins a link table to its record (event_id). */
export const SINGULAR: Record<CollectionName, string> = {
  sources: 'source',
  actors: 'actor',
  places: 'place',
  systems: 'system',
  events: 'event',
  statements: 'statement',
  figures: 'figure',
};

export function isCollection(name: string): name is CollectionName {
  return (COLLECTIONS as readonly string[]).includes(name);
}
