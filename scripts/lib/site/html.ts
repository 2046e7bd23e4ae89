/**
 * HTML for the site: escaping and a tiny template helper. Everything interpolated into `html`
 * is escaped unless it is itself the result of `html` (or `raw`), so record text can never
 * become markup. Links are always relative to the page (the site works under any base path).
 */

/** Markup that is already safe to insert. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for an element's content or a quoted attribute value. */
export function esc(text: string | number | boolean): string {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Trust a string as markup (only for markup the site makes itself). */
export const raw = (markup: string): Html => new Html(markup);

type Part = Html | string | number | boolean | null | undefined | false | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return esc(part as string | number | boolean);
}

/** A template literal tag: interpolated values are escaped, arrays joined, null/undefined/false dropped. */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new Html(out);
}

/** Join pieces of markup. */
export const join = (parts: readonly Part[], sep = ''): Html => new Html(parts.map(render).join(sep));

/** The relative prefix from a page at `path` (site-relative, such as events/x/index.html) back to the site root. */
export function rootOf(path: string): string {
  const depth = path.split('/').length - 1;
  return depth ? '../'.repeat(depth) : './';
}

/** A link from the page at `from` to the site path `to` (both site-relative). */
export function href(from: string, to: string): string {
  return rootOf(from) + to;
}
