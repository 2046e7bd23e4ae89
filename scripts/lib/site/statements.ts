/**
 * The statement list (statements/index.html): who said what to whom, filterable by speaker,
 * target and kind.
 */
import { dateRange } from '../dates.ts';
import { labelOf, recordPath, type SiteContext } from './context.ts';
import { recordLink, type Where } from './fields.ts';
import { href, html, join } from './html.ts';
import { page } from './layout.ts';
import { listingHtml, optionsOf, type Listing, type Row } from './listing.ts';

export function statementsPage(site: SiteContext): [string, string] {
  const path = 'statements/index.html';
  const w: Where = { site, from: path };
  const statements = [...site.model.data.statements]
    .map((s) => ({ s, d: dateRange(s.date).earliest }))
    .sort((a, b) => (a.d < b.d ? -1 : a.d > b.d ? 1 : a.s.id < b.s.id ? -1 : 1));
  const rows: Row[] = statements.map(({ s, d }) => ({
    id: s.id,
    tokens: { speaker: [s.speaker], target: s.targets ?? [], kind: s.kinds },
    cells: [
      { html: s.date, sort: d },
      { html: recordLink(w, 'actors', s.speaker), csv: labelOf(site, 'actors', s.speaker) },
      {
        html: html`<a href="${href(path, recordPath('statements', s.id))}">${s.summary}</a>${s.retracted ? ' (retracted)' : ''}`,
        csv: s.summary,
      },
      { html: s.kinds.join(', ') },
      {
        html: join(
          (s.targets ?? []).map((t) => recordLink(w, 'actors', t)),
          ', ',
        ),
        csv: (s.targets ?? []).map((t) => labelOf(site, 'actors', t)).join('; '),
      },
    ],
  }));
  const tokens = (name: string) => rows.flatMap((r) => r.tokens[name] ?? []);
  const actorOptions = (name: string) => optionsOf(tokens(name).map((a) => [a, labelOf(site, 'actors', a)]));
  const listing: Listing = {
    id: 'statements',
    caption: `${rows.length} statements, oldest first`,
    columns: ['date', 'speaker', 'what was said', 'kind', 'aimed at or about'],
    rows,
    csv: 'statements.csv',
    filters: [
      { name: 'speaker', label: 'Speaker', options: actorOptions('speaker') },
      { name: 'target', label: 'Aimed at or about', options: actorOptions('target') },
      { name: 'kind', label: 'Kind', options: optionsOf(tokens('kind').map((k) => [k, k])) },
    ],
  };
  const body = html`<h1>Statements</h1>
    <p>What leaders and officials on all sides said, each with the words as published and the sources that printed them.</p>
    ${listingHtml(listing)}`;
  return [path, page(site, { path, title: 'Statements', body, scripts: ['assets/filter.js'], current: path })];
}
