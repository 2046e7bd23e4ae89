/**
 * The declarations of the package's helpers (dist/types/query.d.ts and .d.cts). The code they
 * describe is runtime.ts, bundled; these types add what plain JavaScript cannot say: ids checked
 * against each collection's ids, and the record type a reference resolves to.
 */
import { COLLECTIONS } from '../collections.ts';
import { idTypeName, TYPE_NAMES } from './typegen.ts';

/** The declarations that do not depend on the collections. */
const HELPER_DECLARATIONS = `/** The fields of a record (or of any object in it: a missile group, a citation) that hold ids of other records. */
export type ReferenceField<R> = Exclude<
  { [K in keyof R]-?: [NonNullable<R[K]>] extends [AnyId | readonly AnyId[]] ? K : never }[keyof R],
  'id'
>;

/** What resolve() gives for a reference field's value: the record, or one record for each id of a list. */
export type Resolved<V> = [NonNullable<V>] extends [readonly (infer E)[]]
  ? RecordOfId<E>[] | (undefined extends V ? undefined : never)
  : RecordOfId<NonNullable<V>> | (undefined extends V ? undefined : never);

/** A derivation of a figure: a declarative reading that count() evaluates. */
export type Derivation = NonNullable<Figure['derivations']>[number];

/**
 * A count query: what to count (unit), which event types, over which period (an EDTF date:
 * 2023, 2023-03, 2022/2023; an event counts when its whole date falls inside), and optional
 * filters (classes, outcomes, confirmation, participants, measures, part_of). A figure's derivation is a count query.
 */
export type CountQuery = Omit<Derivation, QueryWording> & Partial<Pick<Derivation, QueryWording>>;

/** A derivation's fields that count() does not need: its wording and the bounds derived from its period. */
export type QueryWording = 'reading' | 'difference' | 'period_earliest' | 'period_latest';

/** What count() gives. */
export interface CountResult {
  /** The count over the records held (complete or not). */
  value: number;
  /** exact; at-least when some counted item is only a lower bound; about when some item is approximate (or, for launch days, not dated to one day). */
  qualifier: 'exact' | 'at-least' | 'about';
  /** True when the true count may be higher: the qualifier is at-least, or the dataset is not declared complete over the query. */
  lowerBound: boolean;
  /** Ids of the complete coverage declarations that together hold the query's event types and whole period; null when they do not. */
  coverage: CoverageId[] | null;
  /** True when coverage is not null: the records hold every such event, so the value is a full count. */
  complete: boolean;
  /** Ids of the events counted, by first possible day. */
  events: EventId[];
}

/** One citation of a record, with the source it cites. */
export interface CitationWithSource {
  citation: Citation;
  source: Source;
}

/**
 * The record of a collection with that id, found in constant time (the index is built on first use).
 * With a literal id, an id that is not in the collection does not compile and the record is returned;
 * with a string known only at run time, undefined when there is none.
 * @example get('events', '2023-11-21-malligyong-1-launch').date
 */
export declare function get<C extends CollectionName, I extends string>(
  collection: C,
  id: I extends CollectionIds[C] ? I : string extends I ? I : CollectionIds[C],
): string extends I ? Collections[C] | undefined : Collections[C];

/**
 * The record a reference field refers to (a statement's speaker, an event's place, a missile group's
 * system, a citation's source...); for a list of ids (targets, about), one record for each.
 * undefined when the field is absent.
 * @example resolve(statement, 'speaker').name
 */
export declare function resolve<R extends object, K extends ReferenceField<R>>(record: R, field: K): Resolved<R[K]>;

/**
 * Every citation of a record with its source: the record's citations first, then those nested in
 * it (variants, nuclear test estimates), in document order.
 */
export declare function citationsOf(record: object): CitationWithSource[];

/**
 * Count launch events, launch days, missiles or events over a period with filters, by the same
 * code and rules as the figure checks (count(derivation) gives the check's computed value).
 * @example count({ unit: 'missiles', event_types: ['missile-launch'], period: '2023', classes: ['icbm'] })
 */
export declare function count(query: CountQuery): CountResult;
`;

export function queryDeclarations(from: './index.js' | './index.cjs'): string {
  const imports = [...new Set([...COLLECTIONS.flatMap((c) => [TYPE_NAMES[c]!, idTypeName(c)]), 'Citation', 'Figure'])];
  const map = (f: (c: string) => string) => COLLECTIONS.map((c) => `  ${c}: ${f(c)};`).join('\n');
  const targets = COLLECTIONS.map((c) => `[T] extends [${idTypeName(c)}] ? ${TYPE_NAMES[c]} :`).join('\n  ');
  return `import type { ${imports.join(', ')} } from '${from}';

/** The record type of each collection. */
export interface Collections {
${map((c) => TYPE_NAMES[c]!)}
}

/** The id type of each collection (string-literal unions of the released ids). */
export interface CollectionIds {
${map(idTypeName)}
}

/** A collection's name: sources, actors, places, systems, events, statements, figures, coverage. */
export type CollectionName = keyof Collections;

/** Any record's id. */
export type AnyId = CollectionIds[CollectionName];

/** The record type an id type refers to. */
export type RecordOfId<T> =
  ${targets}
  never;

${HELPER_DECLARATIONS}`;
}
