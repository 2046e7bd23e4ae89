/**
 * A list page's table: every row is in the HTML (readable without JavaScript); the filters, the
 * sorting and the CSV download of the filtered rows are added by assets/filter.js. Filters match
 * a row's data-NAME attribute, a space-separated list of tokens (ids and coded values).
 */
import { html, type Html } from './html.ts';

export interface Cell {
  html: Html | string;
  /** The value sorted on (defaults to the cell's text). */
  sort?: string;
  /** The value written to the CSV (defaults to the cell's text). */
  csv?: string;
}

export interface Row {
  id: string;
  /** Filter tokens by filter name. */
  tokens: Record<string, string[]>;
  cells: Cell[];
}

export interface Filter {
  name: string;
  label: string;
  /** [value, label], in the order shown. */
  options: [string, string][];
}

export interface Listing {
  id: string;
  caption: string;
  columns: string[];
  rows: Row[];
  filters: Filter[];
  /** File name of the CSV download. */
  csv?: string;
}

function filterForm(l: Listing): Html {
  const selects = l.filters.map(
    (f) =>
      html`<p>
        <label for="${l.id}-${f.name}">${f.label}</label>
        <select id="${l.id}-${f.name}" name="${f.name}">
          <option value="">any</option>
          ${f.options.map(([v, label]) => html`<option value="${v}">${label}</option>`)}
        </select>
      </p>`,
  );
  return html`<form class="filters" data-table="${l.id}" hidden aria-label="Filter the list">
    ${selects}
    <p class="actions">
      <button type="reset">Show all</button
      >${l.csv ? html` <a data-csv download="${l.csv}" href="#">Download the shown rows (CSV)</a>` : ''}
    </p>
    <p class="count" data-count aria-live="polite">${l.rows.length} rows</p>
  </form>`;
}

export function listingHtml(l: Listing): Html {
  const rows = l.rows.map((r) => {
    const attrs = Object.entries(r.tokens).map(([k, v]) => html` data-${k}="${[...new Set(v)].join(' ')}"`);
    const cells = r.cells.map(
      (c) =>
        html`<td${c.sort !== undefined ? html` data-sort="${c.sort}"` : ''}${c.csv !== undefined ? html` data-csv="${c.csv}"` : ''}>${c.html}</td>`,
    );
    return html`<tr data-id="${r.id}" ${attrs}>
      ${cells}
    </tr> `;
  });
  return html`${l.filters.length ? filterForm(l) : ''}
    <div class="scroll">
      <table id="${l.id}" class="listing">
        <caption>
          ${l.caption}
        </caption>
        <thead>
          <tr>
            ${l.columns.map((c) => html`<th scope="col">${c}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>
    </div>`;
}

/** Options for a filter from the values that occur, sorted by label. */
export function optionsOf(pairs: Iterable<[string, string]>): [string, string][] {
  const m = new Map(pairs);
  return [...m].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
}
