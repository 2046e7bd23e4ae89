/**
 * The frame of every page: head, skip link, header with the site's navigation, main, footer.
 * Links are relative to the page, so the site works from any folder or base path.
 */
import type { SiteContext } from './context.ts';
import { href, html, raw, rootOf, type Html } from './html.ts';

export interface PageOptions {
  /** Site-relative path of the page (events/x/index.html). */
  path: string;
  title: string;
  body: Html;
  /** Site-relative paths of module scripts to load. */
  scripts?: string[];
  /** The navigation entry to mark as current. */
  current?: string;
}

const NAV: [string, string][] = [
  ['index.html', 'Home'],
  ['launches/index.html', 'Launches'],
  ['statements/index.html', 'Statements'],
  ['figures/index.html', 'Figures'],
  ['years/index.html', 'Years'],
  ['browse.html', 'All records'],
  ['search/index.html', 'Search'],
];

export function page(site: SiteContext, o: PageOptions): string {
  const { pkg } = site.model;
  const nav = NAV.map(
    ([to, label]) => html`<li><a href="${href(o.path, to)}" ${o.current === to ? raw(' aria-current="page"') : ''}>${label}</a></li>`,
  );
  const scripts = (o.scripts ?? []).map((s) => html`<script type="module" src="${href(o.path, s)}"></script>`);
  return `${html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${o.title} · ${pkg.name}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="${rootOf(o.path)}assets/site.css" />
        ${scripts}
      </head>
      <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="site">
          <p class="brand"><a href="${href(o.path, 'index.html')}">${pkg.name}</a> <span class="muted">v${pkg.version}</span></p>
          <nav aria-label="Site">
            <ul>
              ${nav}
            </ul>
          </nav>
        </header>
        <main id="main" tabindex="-1">${o.body}</main>
        <footer class="site">
          <p>
            ${pkg.name} ${pkg.version}: data under CC BY 4.0, code under MIT. Every record traces to a verbatim quotation in a named source.
            Built from the validated release; the same data gives the same site.
          </p>
        </footer>
      </body>
    </html>`}\n`;
}

/** The "cite this record" line. */
export function citeLine(site: SiteContext, collection: string, id: string): Html {
  const { pkg } = site.model;
  const url = `${site.siteUrl}${collection}/${id}/`;
  return html`<p class="cite">
    <strong>Cite this record:</strong> ${pkg.name} ${pkg.version}, record <code>${collection}/${id}</code>, <a href="${url}">${url}</a>
  </p>`;
}
