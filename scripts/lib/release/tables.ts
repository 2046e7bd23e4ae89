/**
 * Tables: how records become CSV rows, derived from the schemas alone.
 *
 * - Each collection has a main table, one row per record. Nested objects are flattened into
 *   columns named parent_child (launch_missile_count_value).
 * - Each list becomes a link table named after its path (events_participants,
 *   events_launch_missiles), keyed by the record id (event_id), the positions of any enclosing
 *   lists (missiles_index) and its own 1-based position (index). A list of plain values has a
 *   value column.
 * - Citations, wherever they stand, go into one table `citations` keyed by collection, record_id
 *   and the JSON pointer of the citation inside the record; they are not repeated elsewhere.
 * - A date column (EDTF) is followed by <name>_earliest and <name>_latest, plain ISO days.
 * Column order is the schema's property order, so it only changes when a schema does.
 */
import { COLLECTIONS, SINGULAR, type CollectionName } from '../collections.ts';
import { dateRange } from '../dates.ts';
import type { Json, RecordData } from '../load.ts';
import { dayBoundOf, SchemaSet, type Schema } from '../schemas.ts';
import { citationObjects, toPointer } from '../walk.ts';

export type ColumnType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime';

export interface Column {
  name: string;
  type: ColumnType;
  description: string;
  required: boolean;
  enum?: string[];
  enumDescriptions?: Record<string, string>;
  refersTo?: CollectionName;
  /** Path of the value within the row object; empty for key columns. */
  path: string[];
  /** For date bounds: which bound of the EDTF value at path. */
  bound?: 'earliest' | 'latest';
}

export interface ForeignKey {
  fields: string[];
  reference: { resource: string; fields: string[] };
}

export interface Table {
  name: string;
  description: string;
  collection: CollectionName | 'citations';
  keys: Column[];
  columns: Column[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
  /** Path from the parent row object to this table's list; empty for main tables. */
  listPath: string[];
  parent?: Table;
  /** The list holds plain values (one value column). */
  scalarItems: boolean;
  children: Table[];
}

type Plan = { node: Schema; file: string };

function columnType(node: Schema): ColumnType {
  const t = node.type;
  if (t === 'integer' || t === 'number' || t === 'boolean') return t;
  if (node.format === 'date') return 'date';
  if (node.format === 'date-time') return 'datetime';
  return 'string';
}

function isObject(node: Schema): boolean {
  return node.type === 'object' && typeof node.properties === 'object';
}

export class TableBuilder {
  readonly tables: Table[] = [];
  readonly citations: Table;

  constructor(readonly schemas: SchemaSet = new SchemaSet()) {
    const citationDef = this.schemas.deref({ $ref: 'defs.schema.json#/$defs/citation' }, 'defs.schema.json');
    this.citations = this.newTable(
      'citations',
      'citations',
      'Every citation of every record: which record and where in it (a JSON pointer), the source read and the verbatim quotation.',
      [
        {
          name: 'collection',
          type: 'string',
          description: 'Collection of the citing record.',
          required: true,
          path: [],
          enum: [...COLLECTIONS],
        },
        { name: 'record_id', type: 'string', description: 'Id of the citing record.', required: true, path: [] },
        {
          name: 'path',
          type: 'string',
          description: 'JSON pointer of the citation inside the record (/citations/0, /variants/1/citation).',
          required: true,
          path: [],
        },
      ],
    );
    this.fill(this.citations, citationDef, [], true);
    for (const c of COLLECTIONS) {
      const root = this.schemas.root(c);
      const table = this.newTable(c, c, String(root.description ?? ''), []);
      this.fill(table, { node: root, file: `${c}.schema.json` }, [], true);
      table.primaryKey = ['id'];
      this.tables.push(table);
    }
    this.tables.push(this.citations);
  }

  private newTable(name: string, collection: Table['collection'], description: string, keys: Column[]): Table {
    return {
      name,
      description,
      collection,
      keys,
      columns: [],
      primaryKey: keys.map((k) => k.name),
      foreignKeys: [],
      listPath: [],
      scalarItems: false,
      children: [],
    };
  }

  /** Add the columns of an object schema (flattened) to a table, and link tables for its lists. */
  private fill(table: Table, plan: Plan, prefix: string[], required: boolean): void {
    const { node, file } = this.schemas.deref(plan.node, plan.file);
    const props = (node.properties ?? {}) as Record<string, Schema>;
    const req = new Set((node.required ?? []) as string[]);
    for (const [name, raw] of Object.entries(props)) {
      if (SchemaSet.isCitation(raw)) continue; // hoisted into the citations table
      if (dayBoundOf(name, props)) continue; // the date's column brings its bounds (addColumn)
      const { node: prop, file: propFile } = this.schemas.deref(raw, file);
      const path = [...prefix, name];
      const isReq = required && req.has(name);
      if (prop.type === 'array') {
        const items = prop.items as Schema;
        if (SchemaSet.isCitation(items) || (typeof items.$ref === 'string' && /\$defs\/citations$/.test(items.$ref))) continue;
        this.addList(table, path, { node: items, file: propFile }, String(prop.description ?? raw.description ?? ''));
      } else if (typeof raw.$ref === 'string' && /\$defs\/citations$/.test(raw.$ref as string)) {
        continue;
      } else if (isObject(prop)) {
        this.fill(table, { node: prop, file: propFile }, path, isReq);
      } else {
        this.addColumn(table, path.join('_'), prop, raw, path, isReq);
      }
    }
  }

  private addColumn(table: Table, name: string, prop: Schema, raw: Schema, path: string[], required: boolean): void {
    const description = String(raw.description ?? prop.description ?? '');
    const col: Column = { name, type: columnType(prop), description, required, path };
    if (Array.isArray(prop.enum)) col.enum = (prop.enum as unknown[]).map(String);
    if (prop['x-enumDescriptions']) col.enumDescriptions = prop['x-enumDescriptions'] as Record<string, string>;
    const ref = (raw.refersTo ?? prop.refersTo) as CollectionName | undefined;
    if (ref) {
      col.refersTo = ref;
      table.foreignKeys.push({ fields: [name], reference: { resource: ref, fields: ['id'] } });
    }
    if (table.columns.some((c) => c.name === name) || table.keys.some((k) => k.name === name)) {
      throw new Error(`column name clash in table ${table.name}: ${name}`);
    }
    table.columns.push(col);
    if (prop.edtf) {
      for (const bound of ['earliest', 'latest'] as const) {
        table.columns.push({
          name: `${name}_${bound}`,
          type: 'date',
          description: `${bound === 'earliest' ? 'First' : 'Last'} possible day of ${name} (derived).`,
          required,
          path,
          bound,
        });
      }
    }
  }

  private addList(parent: Table, path: string[], items: Plan, description: string): void {
    const name = `${parent.name}_${path.join('_')}`;
    const parentKeys: Column[] = parent.keys.length
      ? parent.keys.map((k) =>
          k.name === 'index'
            ? { ...k, name: `${parent.listPath.join('_')}_index`, description: `Position in ${parent.name} (1-based).` }
            : k,
        )
      : [
          {
            name: `${SINGULAR[parent.collection as CollectionName]}_id`,
            type: 'string',
            description: `Id of the ${SINGULAR[parent.collection as CollectionName]}.`,
            required: true,
            path: [],
            refersTo: parent.collection as CollectionName,
          },
        ];
    const table = this.newTable(name, parent.collection, description, [
      ...parentKeys,
      { name: 'index', type: 'integer', description: 'Position in the list (1-based).', required: true, path: [] },
    ]);
    table.listPath = path;
    table.parent = parent;
    const parentPk = parent.keys.length ? parent.primaryKey : ['id'];
    table.foreignKeys.push({ fields: parentKeys.map((k) => k.name), reference: { resource: parent.name, fields: parentPk } });
    const { node, file } = this.schemas.deref(items.node, items.file);
    if (isObject(node)) this.fill(table, { node, file }, [], true);
    else {
      table.scalarItems = true;
      this.addColumn(table, 'value', node, items.node, [], true);
    }
    parent.children.push(table);
    this.tables.push(table);
  }

  /** All tables in emission order: main tables, their link tables depth first, then citations. */
  ordered(): Table[] {
    const out: Table[] = [];
    const visit = (t: Table) => {
      out.push(t);
      for (const c of t.children) visit(c);
    };
    for (const c of COLLECTIONS) visit(this.tables.find((t) => t.name === c)!);
    visit(this.citations);
    return out;
  }
}

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

function valueAt(obj: Json | undefined, path: string[]): Json | undefined {
  let cur = obj;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = cur[seg];
  }
  return cur;
}

function cell(col: Column, obj: Json | undefined): Cell {
  const v = col.path.length || !col.bound ? valueAt(obj, col.path) : obj;
  if (v === undefined || v === null) return null;
  if (col.bound) return typeof v === 'string' ? dateRange(v)[col.bound] : null;
  if (typeof v === 'object') throw new Error(`column ${col.name} would hold a nested value`);
  return v;
}

/** The rows of every table for a set of records. */
export function buildRows(builder: TableBuilder, records: { collection: CollectionName; data: RecordData }[]): Map<string, Row[]> {
  const rows = new Map<string, Row[]>(builder.ordered().map((t) => [t.name, []]));
  const emit = (table: Table, keys: Row, obj: Json) => {
    const row: Row = { ...keys };
    if (table.scalarItems) row.value = cell(table.columns[0]!, obj);
    else for (const col of table.columns) row[col.name] = cell(col, obj);
    rows.get(table.name)!.push(row);
    for (const child of table.children) {
      const list = valueAt(obj, child.listPath);
      if (!Array.isArray(list)) continue;
      const childKeys: Row = {};
      child.keys.forEach((k, i) => {
        if (k.name === 'index') return;
        const parentKey = table.keys.length ? table.keys[i]! : undefined;
        childKeys[k.name] = parentKey ? keys[parentKey.name]! : (obj as RecordData).id;
      });
      list.forEach((item, i) => emit(child, { ...childKeys, index: i + 1 }, item));
    }
  };
  const byCollection = (c: CollectionName) => builder.tables.find((t) => t.name === c)!;
  const sorted = [...records].sort(
    (a, b) =>
      COLLECTIONS.indexOf(a.collection) - COLLECTIONS.indexOf(b.collection) || (a.data.id < b.data.id ? -1 : a.data.id > b.data.id ? 1 : 0),
  );
  for (const rec of sorted) {
    emit(byCollection(rec.collection), {}, rec.data);
    for (const c of citationObjects(rec.data)) {
      emit(builder.citations, { collection: rec.collection, record_id: rec.data.id, path: toPointer(c.path) }, c.citation);
    }
  }
  return rows;
}
