/**
 * The static site: every page, the assets and the search index, generated from the release
 * model in memory (the same validated model the build writes dist/ from; nothing re-read from
 * dist/). Deterministic: the same data gives byte-identical files.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODE_ROOT } from '../paths.ts';
import type { ReleaseModel } from '../release/model.ts';
import { browsePages } from './browse.ts';
import { siteContext } from './context.ts';
import { figuresPage } from './figures.ts';
import { homePage } from './home.ts';
import { launchesPage } from './launches.ts';
import { recordFiles } from './record.ts';
import { searchIndexJson, searchPage } from './search.ts';
import { statementsPage } from './statements.ts';
import { yearPages } from './years.ts';

// From the repository root rather than this module, so that the bundled scripts find them too.
const CLIENT = join(CODE_ROOT, 'scripts', 'lib', 'site', 'client');

/** Where the site says it lives, for the "cite this record" lines; SITE_URL overrides it. */
export const DEFAULT_SITE_URL = 'https://dprk-data.github.io/dprk-data/';

export interface SiteOptions {
  siteUrl?: string;
}

/** The browser build of MiniSearch (ES module), copied from node_modules. */
function miniSearchBrowserBuild(): string {
  // The package's "import" entry is its ES module build: dist/es/index.js, with no imports of its own.
  return readFileSync(fileURLToPath(import.meta.resolve('minisearch')), 'utf8').replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
}

/** Every file of the site: site-relative path -> content, sorted by path. */
export function siteFiles(model: ReleaseModel, opts: SiteOptions = {}): Map<string, string> {
  const site = siteContext(model, opts.siteUrl ?? DEFAULT_SITE_URL);
  const files: [string, string][] = [
    homePage(site),
    launchesPage(site),
    statementsPage(site),
    figuresPage(site),
    searchPage(site),
    ...yearPages(site),
    ...browsePages(site),
    ...recordFiles(site),
    ['assets/site.css', readFileSync(join(CLIENT, 'site.css'), 'utf8')],
    ['assets/filter.js', readFileSync(join(CLIENT, 'filter.js'), 'utf8')],
    ['assets/search.js', readFileSync(join(CLIENT, 'search.js'), 'utf8')],
    ['assets/minisearch.js', miniSearchBrowserBuild()],
    ['assets/search-index.json', searchIndexJson(site)],
    ['.nojekyll', ''],
  ];
  const map = new Map<string, string>();
  for (const [path, content] of files) {
    if (map.has(path)) throw new Error(`two pages at ${path}`);
    map.set(path, content);
  }
  return new Map([...map].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

/** Write the site to a folder, replacing whatever was there. */
export function writeSite(dir: string, files: Map<string, string>): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, content] of files) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}
