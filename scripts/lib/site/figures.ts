/**
 * The figure list (figures/index.html): every quoted figure with its readings and their
 * verdicts, filterable by verdict.
 */
import type { Json } from '../load.ts';
import { recordPath, type Obj, type SiteContext } from './context.ts';
import { quantityWords, type Where } from './fields.ts';
import { claimWords, VERDICT_WORDS, verdictBadge } from './figure.ts';
import { href, html, type Html } from './html.ts';
import { page } from './layout.ts';
import { listingHtml, type Listing, type Row } from './listing.ts';

/** A figure's readings in short: value our records give and verdict, one per line. */
export function readingsShort(f: Obj): Html {
  const checks = (Array.isArray(f.checks) ? f.checks : []) as Obj[];
  if (!checks.length) return html`<span class="muted">no reading computed</span>`;
  return html`<ul class="plain">
    ${checks.map(
      (c) =>
        html`<li>
          ${verdictBadge(String(c.verdict))} ${String(c.reading)}: ${quantityWords(c.computed_value as Json, c.computed_qualifier)}
        </li>`,
    )}
  </ul>`;
}

export const verdictsOf = (f: Obj): string[] => {
  const checks = (Array.isArray(f.checks) ? f.checks : []) as Obj[];
  return checks.length ? checks.map((c) => String(c.verdict)) : ['none'];
};

export function figureRows(w: Where): Row[] {
  return (w.site.model.data.figures as unknown as Obj[]).map((f) => ({
    id: String(f.id),
    tokens: { verdict: verdictsOf(f) },
    cells: [
      { html: html`<a href="${href(w.from, recordPath('figures', String(f.id)))}">${String(f.id)}</a>`, csv: String(f.id) },
      { html: claimWords(w, f) },
      { html: readingsShort(f), csv: verdictsOf(f).join('; ') },
    ],
  }));
}

export function figuresPage(site: SiteContext): [string, string] {
  const path = 'figures/index.html';
  const w: Where = { site, from: path };
  const rows = figureRows(w);
  const listing: Listing = {
    id: 'figures',
    caption: `${rows.length} quoted figures`,
    columns: ['figure', 'claim', 'readings and verdicts'],
    rows,
    csv: 'figures.csv',
    filters: [{ name: 'verdict', label: 'Verdict', options: [...Object.entries(VERDICT_WORDS), ['none', 'no reading computed']] }],
  };
  const body = html`<h1>Quoted figures</h1>
    <p>
      The numbers the press quotes, each with what it counts. A reading is one precise meaning of the claim counted from the event records;
      a verdict is given only where a coverage declaration says the records are complete for that period.
    </p>
    ${listingHtml(listing)}`;
  return [path, page(site, { path, title: 'Figures', body, scripts: ['assets/filter.js'], current: path })];
}
