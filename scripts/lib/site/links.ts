/**
 * The link checker: every internal link (href, src) of every page must name a file of the site,
 * and a #fragment must name an id on the page it points to. Runs over the generated files in
 * memory, no browser or server needed. External addresses (http:, https:, data:, mailto:) are not
 * followed: the site must never request them, and the pages only link to them.
 */
import { posix } from 'node:path';

export interface BrokenLink {
  page: string;
  link: string;
  reason: string;
}

const ATTR = /\s(?:href|src)="([^"]*)"/g;
const ID = /\sid="([^"]*)"/g;
const unescapeAttr = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function idsOf(content: string, cache: Map<string, Set<string>>, path: string): Set<string> {
  let ids = cache.get(path);
  if (!ids) cache.set(path, (ids = new Set([...content.matchAll(ID)].map((m) => unescapeAttr(m[1]!)))));
  return ids;
}

export function checkLinks(files: Map<string, string>): { broken: BrokenLink[]; checked: number } {
  const broken: BrokenLink[] = [];
  const ids = new Map<string, Set<string>>();
  let checked = 0;
  for (const [page, content] of files) {
    if (!page.endsWith('.html')) continue;
    for (const m of content.matchAll(ATTR)) {
      const link = unescapeAttr(m[1]!);
      if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue; // an absolute address: not part of the site
      checked++;
      if (link.startsWith('/')) {
        broken.push({ page, link, reason: 'root-relative link: the site must work under any base path' });
        continue;
      }
      const [pathPart, fragment] = link.split('#', 2) as [string, string | undefined];
      const bare = pathPart.split('?')[0]!;
      let target = bare === '' ? page : posix.normalize(posix.join(posix.dirname(page), bare));
      if (bare.endsWith('/') || target === '.') target = posix.join(target, 'index.html');
      if (target.startsWith('..')) broken.push({ page, link, reason: 'points outside the site' });
      else if (!files.has(target)) broken.push({ page, link, reason: `no file ${target}` });
      else if (fragment && target.endsWith('.html') && !idsOf(files.get(target)!, ids, target).has(decodeURIComponent(fragment)))
        broken.push({ page, link, reason: `no id "${fragment}" in ${target}` });
    }
  }
  return { broken, checked };
}
