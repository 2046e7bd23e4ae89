/**
 * Browsing every record: browse.html (the collections and their counts) and an index page per
 * collection (events/index.html, sources/index.html...). Statements and figures have their own
 * list pages with filters (statements.ts, figures.ts), which serve as their index.
 */
import { COLLECTIONS, type CollectionName } from '../collections.ts';
import type { AnyRecord } from '../types.ts';
import { labelOf, recordPath, type Obj, type SiteContext } from './context.ts';
import { href, html } from './html.ts';
import { page } from './layout.ts';

const OWN_LIST: CollectionName[] = ['statements', 'figures'];

/** What a line of a collection index says after the record's name. */
function extra(collection: CollectionName, r: Obj): string {
  if (collection === 'events') return `${String(r.date)} · ${String(r.type)}`;
  if (collection === 'sources') return [r.publisher, r.published].filter(Boolean).map(String).join(', ');
  if (collection === 'coverage') return `${String(r.period)} · ${String(r.status)}`;
  return [r.kind, r.class, r.country].filter(Boolean).map(String).join(' · ');
}

function collectionPage(site: SiteContext, collection: CollectionName): [string, string] {
  const path = `${collection}/index.html`;
  const records = site.model.data[collection] as AnyRecord[];
  const sorted =
    collection === 'events' ? [...records].sort((a, b) => ((a as unknown as Obj).date! < (b as unknown as Obj).date! ? 1 : -1)) : records;
  const root = site.model.schemas.root(collection);
  const body = html`<h1>All ${collection} (${records.length})</h1>
    <p>${String(root.description ?? '')}</p>
    <ul class="links">
      ${sorted.map(
        (r) =>
          html`<li>
            <a href="${href(path, recordPath(collection, r.id))}">${labelOf(site, collection, r.id)}</a>
            <span class="muted">${extra(collection, r as unknown as Obj)}</span>
          </li> `,
      )}
    </ul>`;
  return [path, page(site, { path, title: `All ${collection}`, body, current: 'browse.html' })];
}

export function browsePages(site: SiteContext): [string, string][] {
  const path = 'browse.html';
  const items = COLLECTIONS.map((c) => {
    const root = site.model.schemas.root(c);
    return html`<li>
      <a href="${href(path, `${c}/index.html`)}">${c}</a> (${site.model.counts[c]}):
      <span class="muted">${String(root.description ?? '')}</span>
    </li>`;
  });
  const body = html`<h1>All records</h1>
    <p>Every record of the dataset has a page, by collection:</p>
    <ul class="links">
      ${items}
    </ul>`;
  return [
    [path, page(site, { path, title: 'All records', body, current: path })],
    ...COLLECTIONS.filter((c) => !OWN_LIST.includes(c)).map((c) => collectionPage(site, c)),
  ];
}
