/**
 * Load: read data/<collection>/**\/*.yaml, one record per file, the id being the file name.
 * Parsing keeps positions so that every later problem can name file, line and column.
 * Curated data needs no YAML cleverness, so anchors, aliases, tags, several documents, duplicate
 * keys and prototype-polluting keys are refused here, before anything else sees the record.
 */
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { CORE_SCHEMA, load as fastLoad } from 'js-yaml';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Document, LineCounter, Node } from 'yaml';

/**
 * The yaml package (positions, strict checks) is needed only for records that are unusual or have
 * a problem; most runs never load it. It is required on first use.
 */
let yamlModule: typeof Yaml | undefined;
const yaml = (): typeof Yaml => (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
import { COLLECTIONS, type CollectionName } from './collections.ts';
import type { Problem } from './problems.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type RecordData = { [key: string]: Json } & { id: string };

export interface LoadedRecord {
  collection: CollectionName;
  id: string;
  /** Path relative to the folder that holds data/. */
  file: string;
  data: RecordData;
  /** The parsed document and its line index, for positions. Re-parsed from the text on first use
   *  and then kept: records without problems never need them, so a large dataset does not hold
   *  thousands of syntax trees in memory. */
  readonly doc: Document;
  readonly lines: LineCounter;
}

/** Parse with the yaml package in its strict YAML 1.2 mode, keeping the line index for positions. */
function parseWithPositions(text: string): { docs: Yaml.Document.Parsed[] | Yaml.EmptyStream; lines: LineCounter } {
  const Y = yaml();
  const lines = new Y.LineCounter();
  const docs = Y.parseAllDocuments(text, {
    lineCounter: lines,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
    version: '1.2',
    logLevel: 'error',
  });
  return { docs, lines };
}

function lazyRecord(collection: CollectionName, id: string, file: string, data: RecordData, text: string): LoadedRecord {
  let parsed: { doc: Document; lines: LineCounter } | undefined;
  const get = () => {
    if (!parsed) {
      const { docs, lines } = parseWithPositions(text);
      parsed = { doc: (Array.isArray(docs) ? docs[0] : undefined) as Document, lines };
    }
    return parsed;
  };
  return {
    collection,
    id,
    file,
    data,
    get doc() {
      return get().doc;
    },
    get lines() {
      return get().lines;
    },
  };
}

export interface LoadResult {
  records: LoadedRecord[];
  problems: Problem[];
  /** Ids of files that exist but could not be read as records; references to them are not dangling. */
  unreadable: Map<CollectionName, Set<string>>;
}

/** The largest record file accepted; a curated record is a few kilobytes. */
const MAX_FILE_BYTES = 256 * 1024;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function problem(file: string, line: number, col: number, field: string, code: string, message: string, hint?: string): Problem {
  return { level: 'error', file, line, col, field, code, message, ...(hint ? { hint } : {}) };
}

/** Every .yaml file below a folder, sorted, with .yml and other files reported. */
function listFiles(dir: string, base: string, problems: Problem[]): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const entry of entries) {
    const full = join(dir, entry.name);
    const isDir = entry.isDirectory() || (entry.isSymbolicLink() && statSync(full).isDirectory());
    if (isDir) out.push(...listFiles(full, base, problems));
    else if (entry.name.endsWith('.yaml')) out.push(full);
    else if (!entry.name.startsWith('.')) {
      problems.push(
        problem(
          relative(base, full),
          1,
          1,
          '',
          'file/extension',
          `"${entry.name}" is not a .yaml file and is ignored`,
          'records are files ending in .yaml; rename it or move it out of data/',
        ),
      );
    }
  }
  return out;
}

/** Position of a character offset as 1-based line and column. */
export function position(lines: LineCounter, offset: number): { line: number; col: number } {
  const p = lines.linePos(offset);
  return { line: p.line, col: p.col };
}

/** Parse one file's text into a record, or report why it cannot be one. */
export function parseRecord(
  collection: CollectionName,
  file: string,
  bytes: Buffer,
  idFromName: string,
): { record?: LoadedRecord; problems: Problem[] } {
  const problems: Problem[] = [];
  const fail = (line: number, col: number, code: string, message: string, hint?: string) => {
    problems.push(problem(file, line, col, '', code, message, hint));
    return { problems };
  };
  if (bytes.length > MAX_FILE_BYTES) {
    return fail(
      1,
      1,
      'file/too-large',
      `the file is ${bytes.length} bytes, more than the ${MAX_FILE_BYTES} a record may have`,
      'one record per file; split long notes or move bulk text out of the record',
    );
  }
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return fail(1, 1, 'file/bom', 'the file starts with a byte order mark (BOM)', 'save it as UTF-8 without BOM');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const before = bytes.subarray(0, bad).toString('utf8');
    const line = before.split('\n').length;
    return fail(
      line,
      before.length - before.lastIndexOf('\n'),
      'file/encoding',
      `the file is not valid UTF-8 (byte ${bad})`,
      're-save it as UTF-8',
    );
  }
  if (text.includes('\r')) {
    const offset = text.indexOf('\r');
    const line = text.slice(0, offset).split('\n').length;
    return fail(
      line,
      offset - text.lastIndexOf('\n', offset - 1),
      'file/crlf',
      'the file has Windows (CRLF) or CR line ends',
      'save it with Unix (LF) line ends',
    );
  }
  if (text.trim() === '') {
    return fail(
      1,
      1,
      'file/empty',
      'the file is empty',
      `write the record's fields, or delete the file if the record was never published (published ids are retracted, not deleted)`,
    );
  }
  const fast = fastParse(text);
  if (fast) {
    if ('id' in fast) return parseSlow(collection, file, text, idFromName);
    (fast as RecordData).id = idFromName;
    return { record: lazyRecord(collection, idFromName, file, fast as RecordData, text), problems };
  }
  return parseSlow(collection, file, text, idFromName);
}

/**
 * Text in which nothing unusual can hide: no anchor, alias or tag character, no directive or
 * document marker, no key that could pollute a prototype, no complex key, and no number written in
 * a form (hex, octal, binary, infinity, not-a-number, leading sign or zero) on which YAML parsers
 * differ. Such text means the same to js-yaml (core schema) as to the yaml package; anything else
 * goes to the slow path, which also gives positions. A test checks both paths agree.
 */
const UNUSUAL: { hint: (t: string) => boolean; re: RegExp }[] = [
  // Each test first asks a cheap question (does the text contain this at all?) before the regex.
  // Anchors (&), aliases (*) and tags (!) can only start a node: at the start of a line, after
  // "key: ", "- ", or a flow bracket or comma. The same characters inside text (URLs with &, "AT&T")
  // are plain.
  { hint: (t) => t.includes('&') || t.includes('*') || t.includes('!'), re: /(?:^[ \t]*(?:-[ \t]+)*|:[ \t]+|[[{,][ \t]*)[&*!]/m },
  {
    hint: (t) =>
      t.startsWith('%') || t.startsWith('---') || t.startsWith('...') || t.includes('\n%') || t.includes('\n---') || t.includes('\n...'),
    re: /^(%|---|\.\.\.)/m,
  },
  {
    hint: (t) => t.includes('__proto__') || t.includes('constructor') || t.includes('prototype'),
    re: /(^|[\s{,])["']?(__proto__|constructor|prototype)["']?\s*:/m,
  },
  { hint: (t) => t.includes('?') || t.includes('[') || t.includes('{'), re: /^\s*(-\s+)*[?[{]/m },
  // Numbers: no cheap pre-test is safe here ("2023-01" alone holds a 0 and a digit), so always the regex.
  // A value can start after "key: ", after "- ", at the start of a line (a flow collection or a
  // scalar going on from the line before), or inside a flow collection: after its bracket, or after
  // a comma that follows a bracket on the same line. A comma in plain text ("2,000 km") starts nothing.
  {
    hint: () => true,
    re: /(?::[ \t]+|^[ \t]*(?:-[ \t]+)*|[[{][ \t]*|[[{][^\n]*?,[ \t]*)(?:[+-][\d.]|0[0-9xXoObB]|\.[iInN])/m,
  },
];

/** Whether the text could hold anything the fast parser might read differently. */
function isUnusual(text: string): boolean {
  return UNUSUAL.some((u) => u.hint(text) && u.re.test(text));
}

/** Parse plain text with js-yaml, or return undefined when the slow path must decide. */
export function fastParse(text: string): Record<string, Json> | undefined {
  if (isUnusual(text)) return undefined;
  let data: unknown;
  try {
    data = fastLoad(text, { schema: CORE_SCHEMA, json: false });
  } catch {
    return undefined; // a syntax error, a duplicate key, several documents: the slow path says where
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  return data as Record<string, Json>;
}

/** Report anchors, aliases, tags, forbidden and complex keys; true when there was any. */
function refuseCleverYaml(doc: Document, lines: LineCounter, file: string, problems: Problem[]): boolean {
  const Y = yaml();
  let bad = false;
  const report = (offset: number | undefined, field: string, code: string, message: string, fix: string) => {
    const pos = position(lines, offset ?? 0);
    problems.push(problem(file, pos.line, pos.col, field, code, message, fix));
    bad = true;
  };
  Y.visit(doc, {
    Alias(_, node) {
      report(
        node.range?.[0],
        '',
        'yaml/alias',
        `an alias (*${node.source}) is used`,
        'curated records spell every value out; replace the alias with the value itself',
      );
    },
    Node(_, node) {
      if (node.anchor)
        report(
          node.range?.[0],
          '',
          'yaml/anchor',
          `an anchor (&${node.anchor}) is defined`,
          'remove the anchor; records need no anchors or aliases',
        );
      // The parser sets a tag only where the text writes one; no record needs any.
      if (node.tag)
        report(
          node.range?.[0],
          '',
          'yaml/tag',
          `a tag (${node.tag}) is used`,
          'remove the tag; write plain values (quote a string if needed)',
        );
    },
    Pair(_, pair) {
      const key = Y.isScalar(pair.key) ? String(pair.key.value) : undefined;
      const offset = (pair.key as Node | null)?.range?.[0];
      if (key !== undefined && FORBIDDEN_KEYS.has(key))
        report(offset, key, 'yaml/forbidden-key', `the key "${key}" is not allowed`, 'remove it; it is not a field of any record');
      else if (pair.key !== null && !Y.isScalar(pair.key))
        report(offset, '', 'yaml/complex-key', 'a key is not a plain string', 'keys are field names');
    },
  });
  return bad;
}

/** The yaml package with positions: every structural check, and the error messages. */
function parseSlow(
  collection: CollectionName,
  file: string,
  text: string,
  idFromName: string,
): { record?: LoadedRecord; problems: Problem[] } {
  const Y = yaml();
  const problems: Problem[] = [];
  const fail = (line: number, col: number, code: string, message: string, hint?: string) => {
    problems.push(problem(file, line, col, '', code, message, hint));
    return { problems };
  };
  const { docs, lines } = parseWithPositions(text);
  if (!Array.isArray(docs) || docs.length === 0) {
    return fail(
      1,
      1,
      'yaml/not-a-mapping',
      'the file holds no YAML document, only comments',
      'write the record as a YAML mapping of field: value',
    );
  }
  if (docs.length > 1) {
    const second = docs[1]!;
    const pos = position(lines, second.range[0]);
    return fail(
      pos.line,
      pos.col,
      'yaml/multi-document',
      'the file holds more than one YAML document',
      'one record per file: remove the --- separator and move the second record to its own file',
    );
  }
  const doc = docs[0]!;
  // Only the first syntax error: the ones after it are usually its consequences.
  for (const err of doc.errors.slice(0, 1)) {
    const pos = position(lines, err.pos[0]);
    let message = err.message.split('\n')[0]!;
    let hint = 'fix the YAML syntax at this position';
    if (err.code === 'DUPLICATE_KEY') hint = 'each field may appear once; remove or merge the repeated key';
    if (err.code === 'TAB_AS_INDENT' || /tab/i.test(message)) hint = 'indent with spaces, never tabs';
    if (err.code === 'DUPLICATE_KEY') message = 'a key appears twice in the same mapping';
    problems.push(problem(file, pos.line, pos.col, '', `yaml/${err.code.toLowerCase()}`, message, hint));
  }
  if (problems.length) return { problems };

  // Anchors, aliases, tags, odd keys all make the text unusual (the same test that sends a file
  // here); text that is not can skip the walk over the syntax tree.
  if (isUnusual(text) && refuseCleverYaml(doc, lines, file, problems)) return { problems };
  if (!Y.isMap(doc.contents)) {
    const pos = position(lines, (doc.contents as Node | null)?.range?.[0] ?? 0);
    return fail(
      pos.line,
      pos.col,
      'yaml/not-a-mapping',
      'the record is not a mapping of field: value',
      'start the file with fields such as title: ...',
    );
  }
  const idPair = doc.contents.items.find((p) => Y.isPair(p) && Y.isScalar(p.key) && p.key.value === 'id');
  if (idPair) {
    const pos = position(lines, (idPair.key as Node).range?.[0] ?? 0);
    problems.push(
      problem(
        file,
        pos.line,
        pos.col,
        'id',
        'record/id-in-file',
        'the id is written in the file',
        `remove the id field: a record's id is its file name (${idFromName})`,
      ),
    );
    return { problems };
  }
  const js = doc.toJS({ maxAliasCount: 0 }) as Record<string, Json>;
  const data = { id: idFromName, ...js } as RecordData;
  return { record: lazyRecord(collection, idFromName, file, data, text), problems };
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

/**
 * Load every record of every collection below dataDir. File names in problems are relative to
 * the folder that holds dataDir (data/events/x.yaml), wherever that folder is.
 */
export function loadData(dataDir: string): LoadResult {
  const base = dirname(dataDir);
  const records: LoadedRecord[] = [];
  const problems: Problem[] = [];
  const unreadable = new Map<CollectionName, Set<string>>(COLLECTIONS.map((c) => [c, new Set()]));
  for (const collection of COLLECTIONS) {
    for (const full of listFiles(join(dataDir, collection), base, problems)) {
      const file = relative(base, full);
      const result = parseRecord(collection, file, readFileSync(full), basename(full, '.yaml'));
      problems.push(...result.problems);
      if (result.record) records.push(result.record);
      else unreadable.get(collection)!.add(basename(full, '.yaml'));
    }
  }
  try {
    for (const name of readdirSync(dataDir).sort()) {
      if (!(COLLECTIONS as readonly string[]).includes(name) && !name.startsWith('.') && name !== 'README.md') {
        problems.push(
          problem(
            relative(base, join(dataDir, name)),
            1,
            1,
            '',
            'file/unknown-collection',
            `"${name}" is not a collection and is ignored`,
            `records go in one of: ${COLLECTIONS.join(', ')}`,
          ),
        );
      }
    }
  } catch {
    problems.push(
      problem(relative(base, dataDir) || '.', 1, 1, '', 'file/no-data', 'the data folder does not exist', 'run from the repository root'),
    );
  }
  return { records, problems, unreadable };
}

/** The node at a path inside a record, and whether it is the key or the value that is meant. */
function nodeAt(doc: Document, path: readonly (string | number)[]): Node | undefined {
  const Y = yaml();
  let node: unknown = doc.contents;
  let last: Node | undefined = Y.isNode(node) ? node : undefined;
  for (const seg of path) {
    if (Y.isMap(node)) {
      const pair = node.items.find((p) => Y.isScalar(p.key) && p.key.value === seg);
      if (!pair) return last;
      node = pair.value;
      if (Y.isNode(pair.key)) last = pair.key;
      if (Y.isNode(node)) last = node;
    } else if (Y.isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      if (Y.isNode(node)) last = node;
      else return last;
    } else {
      return last; // a scalar, an alias (refused by the loader) or a missing node
    }
  }
  return last;
}

/** Line and column of the field at path (the value, or the nearest existing parent). */
export function locate(
  rec: Pick<LoadedRecord, 'doc' | 'lines'>,
  path: readonly (string | number)[],
  key = false,
): { line: number; col: number } {
  const Y = yaml();
  if (path.length === 0 || (path.length === 1 && path[0] === 'id')) return { line: 1, col: 1 };
  if (key) {
    const parent = nodeAt(rec.doc, path.slice(0, -1));
    if (Y.isMap(parent)) {
      const pair = parent.items.find((p) => Y.isScalar(p.key) && p.key.value === path[path.length - 1]);
      if (pair && Y.isNode(pair.key) && pair.key.range) return position(rec.lines, pair.key.range[0]);
    }
  }
  const node = nodeAt(rec.doc, path);
  return position(rec.lines, node?.range?.[0] ?? 0);
}

/** Where every record file is, by collection and id, without reading any of them. */
export function indexFiles(dataDir: string): Map<CollectionName, Map<string, string[]>> {
  const base = dirname(dataDir);
  const index = new Map<CollectionName, Map<string, string[]>>();
  for (const collection of COLLECTIONS) {
    const byId = new Map<string, string[]>();
    for (const full of listFiles(join(dataDir, collection), base, [])) {
      const id = basename(full, '.yaml');
      byId.set(id, [...(byId.get(id) ?? []), full]);
    }
    index.set(collection, byId);
  }
  return index;
}

/** Load one record file given its path, whichever collection folder it is in. */
export function loadFile(dataDir: string, full: string): { record?: LoadedRecord; problems: Problem[] } {
  const base = dirname(dataDir);
  const rel = relative(dataDir, full).split(/[\\/]/);
  const collection = rel[0] as CollectionName;
  if (!(COLLECTIONS as readonly string[]).includes(collection) || !full.endsWith('.yaml')) {
    return {
      problems: [
        problem(
          relative(base, full),
          1,
          1,
          '',
          'file/not-a-record',
          'the file is not a record in data/<collection>/',
          `records are .yaml files in one of: ${COLLECTIONS.join(', ')}`,
        ),
      ],
    };
  }
  return parseRecord(collection, relative(base, full), readFileSync(full), basename(full, '.yaml'));
}
