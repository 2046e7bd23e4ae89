/**
 * The record types, generated from the schemas by the build (dist/types/index.d.ts). After
 * validation the pipeline works on these, not on untyped JSON.
 */
import type { Actor, Coverage, Event, Figure, Place, Source, Statement, System } from '../../dist/types/index.d.ts';
import type { CollectionName } from './collections.ts';

export type {
  Actor,
  Citation,
  Confirmation,
  Coverage,
  Event,
  Figure,
  MissileClass,
  Outcome,
  Place,
  Qualifier,
  Source,
  Statement,
  System,
} from '../../dist/types/index.d.ts';

/** Each collection's record type. */
export interface Dataset {
  sources: Source[];
  actors: Actor[];
  places: Place[];
  systems: System[];
  events: Event[];
  statements: Statement[];
  figures: Figure[];
  coverage: Coverage[];
}

export type AnyRecord = Dataset[CollectionName][number];
