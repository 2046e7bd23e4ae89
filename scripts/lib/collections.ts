/** The collections, in the order they are emitted: the seven of the data model, then coverage declarations. */
export const COLLECTIONS = ['sources', 'actors', 'places', 'systems', 'events', 'statements', 'figures', 'coverage'] as const;
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
  coverage: 'coverage',
};
