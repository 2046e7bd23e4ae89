/**
 * The launch list (launches/index.html): every missile and satellite launch, filterable by year,
 * class, system, outcome and confirmation, sortable, the shown rows downloadable as CSV.
 */
import { dateRange } from '../dates.ts';
import type { Event } from '../types.ts';
import { labelOf, type SiteContext } from './context.ts';
import { quantityWords, recordLink, type Where } from './fields.ts';
import { href, html, join } from './html.ts';
import { page } from './layout.ts';
import { listingHtml, optionsOf, type Listing, type Row } from './listing.ts';

const LAUNCH_TYPES = ['missile-launch', 'satellite-launch'];

/** Launch events, oldest first (by first possible day, then id). */
export function launchEvents(site: SiteContext): Event[] {
  return site.model.data.events
    .filter((e) => LAUNCH_TYPES.includes(e.type))
    .map((e) => ({ e, d: dateRange(e.date).earliest }))
    .sort((a, b) => (a.d < b.d ? -1 : a.d > b.d ? 1 : a.e.id < b.e.id ? -1 : 1))
    .map((x) => x.e);
}

export function launchRow(w: Where, e: Event): Row {
  const groups = e.launch?.missiles ?? [];
  const classes = [...new Set(groups.map((g) => g.class))];
  const systems = [...new Set(groups.flatMap((g) => (g.system ? [g.system] : [])))];
  const outcomes = [...new Set(groups.map((g) => g.outcome ?? 'unknown'))];
  const confirmation = e.confirmation ?? 'confirmed';
  const r = dateRange(e.date);
  const count = e.launch ? quantityWords(e.launch.missile_count.value, e.launch.missile_count.qualifier) : '';
  return {
    id: e.id,
    tokens: { year: [r.earliest.slice(0, 4)], class: classes, system: systems, outcome: outcomes, confirmation: [confirmation] },
    cells: [
      { html: e.date, sort: r.earliest },
      { html: html`${recordLink(w, 'events', e.id)}${e.retracted ? ' (retracted)' : ''}`, csv: e.title },
      { html: classes.join(', ') },
      {
        html: join(
          systems.map((s) => recordLink(w, 'systems', s)),
          ', ',
        ),
        csv: systems.map((s) => labelOf(w.site, 'systems', s)).join('; '),
      },
      { html: count, sort: String(e.launch?.missile_count.value ?? 0).padStart(4, '0'), csv: count },
      { html: outcomes.join(', ') },
      { html: confirmation },
      { html: e.place ? recordLink(w, 'places', e.place) : '', csv: e.place ? labelOf(w.site, 'places', e.place) : '' },
    ],
  };
}

export const LAUNCH_COLUMNS = ['date', 'event', 'class', 'system', 'missiles', 'outcome', 'confirmation', 'place'];

export function launchesPage(site: SiteContext): [string, string] {
  const path = 'launches/index.html';
  const w: Where = { site, from: path };
  const events = launchEvents(site);
  const rows = events.map((e) => launchRow(w, e));
  const tokens = (name: string) => rows.flatMap((r) => r.tokens[name] ?? []);
  const listing: Listing = {
    id: 'launches',
    caption: `${rows.length} missile and satellite launch events, oldest first`,
    columns: LAUNCH_COLUMNS,
    rows,
    csv: 'launches.csv',
    filters: [
      { name: 'year', label: 'Year', options: optionsOf(tokens('year').map((y) => [y, y])) },
      { name: 'class', label: 'Class', options: site.model.classOrder.filter((c) => tokens('class').includes(c)).map((c) => [c, c]) },
      { name: 'system', label: 'System', options: optionsOf(tokens('system').map((s) => [s, labelOf(site, 'systems', s)])) },
      { name: 'outcome', label: 'Outcome', options: optionsOf(tokens('outcome').map((o) => [o, o])) },
      { name: 'confirmation', label: 'Confirmation', options: optionsOf(tokens('confirmation').map((c) => [c, c])) },
    ],
  };
  const body = html`<h1>Launches</h1>
    <p>
      Every missile and satellite launch event in the dataset, complete or not: see
      <a href="${href(path, 'years/index.html')}">the years</a> for which periods a coverage declaration says are complete. Choose a filter
      to narrow the list; click a column heading to sort. The classes, systems and outcomes are those of the event’s missile groups.
    </p>
    ${listingHtml(listing)}`;
  return [path, page(site, { path, title: 'Launches', body, scripts: ['assets/filter.js'], current: path })];
}
