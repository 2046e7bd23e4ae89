/**
 * Search: a MiniSearch index over every record (titles, names and aliases, systems, places, ids,
 * quotations), built here and saved as MiniSearch JSON (assets/search-index.json) with the
 * options the browser must load it with; the search page, and the box on the home page, load it
 * on first use (assets/search.js). Nothing is asked of any server.
 */
import MiniSearch, { type Options } from 'minisearch';
import { COLLECTIONS, type CollectionName } from '../collections.ts';
import type { AnyRecord } from '../types.ts';
import { labelOf, singular, type Obj, type SiteContext } from './context.ts';
import { html } from './html.ts';
import { page } from './layout.ts';

export interface SearchDoc {
  key: string;
  kind: string;
  title: string;
  id: string;
  names: string;
  systems: string;
  places: string;
  quotes: string;
  date: string;
}

/** The options the index is built and loaded with (loadJS needs the same fields). */
export const SEARCH_OPTIONS = {
  idField: 'key',
  fields: ['title', 'id', 'names', 'systems', 'places', 'quotes'],
  storeFields: ['kind', 'title', 'date'],
  searchOptions: {
    boost: { title: 3, id: 2, names: 2, systems: 2, places: 1.5 },
    prefix: true,
    fuzzy: 0.15,
    maxFuzzy: 2,
    combineWith: 'AND',
  },
} satisfies Options<SearchDoc>;

const names = (r: Obj | undefined): string[] => {
  if (!r) return [];
  const lists = [r.aliases, r.designations].flatMap((l) => (Array.isArray(l) ? (l as Obj[]) : []));
  return [r.name, r.publisher, ...lists.map((a) => a.name)].filter((x): x is string => typeof x === 'string');
};

/** Every quotation a record holds: citations, variants' citations, a statement's quotations. */
function quotesOf(r: Obj): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Obj;
      if (typeof o.quote === 'string') out.push(o.quote);
      if (typeof o.text === 'string' && typeof o.source === 'string') out.push(o.text);
      for (const x of Object.values(o)) if (x && typeof x === 'object') walk(x);
    }
  };
  walk(r);
  return out;
}

function docOf(site: SiteContext, collection: CollectionName, rec: AnyRecord): SearchDoc {
  const r = rec as unknown as Obj;
  const get = (c: CollectionName, id: unknown) => site.records.get(c)?.get(String(id)) as Obj | undefined;
  const groups = ((r.launch as Obj | undefined)?.missiles ?? []) as Obj[];
  const systems = groups.flatMap((g) => names(get('systems', g.system)));
  const places = [r.place, ...groups.map((g) => g.impact_place)].filter(Boolean).flatMap((p) => names(get('places', p)));
  return {
    key: `${collection}/${rec.id}`,
    kind: singular(collection),
    title: labelOf(site, collection, rec.id),
    id: rec.id,
    names: [...new Set(names(r))].join(' · '),
    systems: [...new Set(systems)].join(' · '),
    places: [...new Set(places)].join(' · '),
    quotes: collection === 'sources' ? '' : quotesOf(r).join('\n'),
    date: String(r.date ?? r.published ?? r.period ?? ''),
  };
}

export function searchDocs(site: SiteContext): SearchDoc[] {
  return COLLECTIONS.flatMap((c) => (site.model.data[c] as AnyRecord[]).map((r) => docOf(site, c, r)));
}

/** The index file: MiniSearch's JSON and the options to load it with. */
export function searchIndexJson(site: SiteContext): string {
  const ms = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
  ms.addAll(searchDocs(site));
  return JSON.stringify({ options: SEARCH_OPTIONS, index: ms.toJSON() });
}

/** The search form, shared by the home page and the search page. */
export const searchForm = (action: string, heading = 'Search all records') =>
  html`<form role="search" class="search" action="${action}" method="get" data-search>
    <label for="q">${heading}</label>
    <p>
      <input id="q" name="q" type="search" autocomplete="off" placeholder="Hwasong-18, annihilate, Sohae, kim-jong-un…" />
      <button type="submit">Search</button>
    </p>
    <p class="muted" data-search-status aria-live="polite"></p>
    <ol class="results links" data-search-results></ol>
  </form>`;

export function searchPage(site: SiteContext): [string, string] {
  const path = 'search/index.html';
  const body = html`<h1>Search</h1>
    <p>
      Searches every record by title, name and alias, system, place, id and the words of every quotation. Search needs JavaScript; without
      it, <a href="../browse.html">browse all records</a>.
    </p>
    ${searchForm('index.html', 'Search words')}`;
  return [path, page(site, { path, title: 'Search', body, scripts: ['assets/search.js'], current: path })];
}
