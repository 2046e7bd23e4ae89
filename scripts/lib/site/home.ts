/**
 * The home page: what the dataset is, the counts, the timeline chart (the build's
 * docs/timeline.svg, made by the same function), the latest launches, the figures with their
 * verdicts, and the search box.
 */
import { COLLECTIONS } from '../collections.ts';
import { timelineSvg } from '../docs/timeline.ts';
import type { Obj, SiteContext } from './context.ts';
import type { Where } from './fields.ts';
import { readingsShort } from './figures.ts';
import { claimWords } from './figure.ts';
import { href, html, raw } from './html.ts';
import { launchEvents, launchRow, LAUNCH_COLUMNS } from './launches.ts';
import { page } from './layout.ts';
import { listingHtml } from './listing.ts';
import { searchForm } from './search.ts';

const LATEST = 10;

/** The chart, inlined with a name for assistive technology and room to shrink. */
function chart(site: SiteContext): string {
  const svg = timelineSvg(site.model);
  const title = /<text[^>]*font-weight="bold">([^<]*)<\/text>/.exec(svg)?.[1] ?? 'Timeline of launches';
  return svg.replace('<svg ', `<svg role="img" aria-label="${title}" class="chart" `).trimEnd();
}

export function homePage(site: SiteContext): [string, string] {
  const path = 'index.html';
  const w: Where = { site, from: path };
  const { model } = site;
  const counts = COLLECTIONS.map((c) => html`<li><a href="${href(path, `${c}/index.html`)}">${model.counts[c]} ${c}</a></li>`);
  const latest = launchEvents(site).slice(-LATEST).reverse();
  const figures = (model.data.figures as unknown as Obj[]).map(
    (f) =>
      html`<li>
        <a href="${href(path, `figures/${String(f.id)}/index.html`)}">${String(f.id)}</a>: ${claimWords(w, f)}${readingsShort(f)}
      </li>`,
  );
  const body = html`<h1>${model.pkg.name}: North Korea’s weapons tests, diplomacy and quoted figures</h1>
    <p class="lead">${model.pkg.description ?? ''}</p>
    <p>
      Every page shows a record’s fields in plain words, each citation with its verbatim quotation and a link to the source, and where
      sources disagree (South Korea’s Joint Chiefs of Staff, Japan, KCNA) side by side.
    </p>
    ${searchForm(href(path, 'search/index.html'))}
    <section aria-labelledby="counts">
      <h2 id="counts">What is in it</h2>
      <ul class="counts">
        ${counts}
      </ul>
      <p>
        Counts over the records mean something only where a coverage declaration says they are complete: see
        <a href="${href(path, 'years/index.html')}">the years</a>.
      </p>
    </section>
    <section aria-labelledby="timeline">
      <h2 id="timeline">Timeline</h2>
      <figure class="chart">
        ${raw(chart(site))}
        <figcaption>
          Missiles by class over every launch coverage declaration (per year over long spans), launch events above the bars, periods not
          declared complete shaded; the strips mark nuclear tests, UN resolutions and vetoes, summits and statements.
        </figcaption>
      </figure>
    </section>
    <section aria-labelledby="latest">
      <h2 id="latest">Latest launches</h2>
      ${listingHtml({ id: 'latest-launches', caption: `The ${LATEST} most recent launch events, newest first`, columns: LAUNCH_COLUMNS, rows: latest.map((e) => launchRow(w, e)), filters: [] })}
      <p><a href="${href(path, 'launches/index.html')}">All launches, with filters</a></p>
    </section>
    <section aria-labelledby="figures">
      <h2 id="figures">Quoted figures and their verdicts</h2>
      <p>
        What the press quotes, checked against the records: consistent, inconsistent (with the counting difference that explains it), or not
        comparable.
      </p>
      <ul class="figures">
        ${figures}
      </ul>
    </section>
    <section aria-labelledby="using">
      <h2 id="using">Using the data</h2>
      <p>
        The dataset ships as CSV and JSON (npm package <code>${model.pkg.name}</code>); every record page here links its JSON as released.
      </p>
    </section>`;
  return [path, page(site, { path, title: 'Home', body, scripts: ['assets/search.js'], current: path })];
}
