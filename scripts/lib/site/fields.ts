/**
 * A record's fields in plain words: each field with its schema description (the codebook's
 * source), each value as a reader wants it (ids as links to their records, coded values with
 * their meaning, dates with their first and last possible day, citations with their quotation
 * and source). Driven by the schemas, so a new field shows up without code.
 */
import { QUALIFIER_WORDS as REPORT_QUALIFIER_WORDS } from '../docs/figures-report.ts';
import type { CollectionName } from '../collections.ts';
import { dateRange } from '../dates.ts';
import type { Json } from '../load.ts';
import type { Schema } from '../schemas.ts';
import { labelOf, recordPath, type Obj, type SiteContext } from './context.ts';
import { href, html, join, type Html } from './html.ts';

export interface Where {
  site: SiteContext;
  /** The page being written (site-relative). */
  from: string;
}

const QUALIFIER_WORDS: Record<string, string> = {
  ...REPORT_QUALIFIER_WORDS,
  several: 'several (at least) ',
  unknown: 'unknown (placeholder) ',
};

/** A count or quantity in words: "at least 2". */
export const quantityWords = (value: Json, qualifier?: Json) => `${QUALIFIER_WORDS[String(qualifier ?? 'exact')] ?? ''}${String(value)}`;

/** A link to a record, named by its label. */
export function recordLink(w: Where, collection: CollectionName, id: string): Html {
  if (!w.site.records.get(collection)?.has(id)) return html`<code>${id}</code>`;
  return html`<a href="${href(w.from, recordPath(collection, id))}">${labelOf(w.site, collection, id)}</a>`;
}

/** An EDTF date and, where it is not one day, the days it can be. */
export function dateWords(value: string): Html {
  const r = dateRange(value);
  if (r.earliest === r.latest && r.earliest === value) return html`<time datetime="${value}">${value}</time>`;
  return html`${value} <span class="muted">(between ${r.earliest} and ${r.latest})</span>`;
}

const isCitation = (v: Json): v is Obj =>
  !!v && typeof v === 'object' && !Array.isArray(v) && typeof v.source === 'string' && typeof v.quote === 'string';

/** One citation: the quotation, then where it is from (the source record and the source's own address). */
export function citationBlock(w: Where, c: Obj, language?: string, extra?: Html): Html {
  const source = w.site.records.get('sources')?.get(String(c.source)) as Obj | undefined;
  const lang = language || (source?.language ? String(source.language) : undefined);
  const details = [
    c.locator ? html`, ${String(c.locator)}` : '',
    c.relays ? html`; relays ${recordLink(w, 'actors', String(c.relays))}` : '',
    c.relays_source ? html`; relaying ${recordLink(w, 'sources', String(c.relays_source))}` : '',
    c.prospective ? html`; announced beforehand` : '',
    Array.isArray(c.supports)
      ? html`; supports
        ${join(
          c.supports.map((s) => html`<code>${String(s)}</code>`),
          ', ',
        )}`
      : '',
  ];
  return html`<figure class="citation"><blockquote${lang ? html` lang="${lang}"` : ''}><p>${String(c.quote)}</p></blockquote>
<figcaption>${recordLink(w, 'sources', String(c.source))}${source?.publisher ? html`, ${String(source.publisher)}` : ''}${
    source?.published ? html`, ${String(source.published)}` : ''
  }${details}${source?.url ? html` · <a href="${String(source.url)}" rel="external noopener">original source</a>` : ''}${
    c.note ? html`<br /><span class="muted">Note: ${String(c.note)}</span>` : ''
  }${extra ?? ''}</figcaption></figure>`;
}

/** A value as its schema describes it. */
export function valueHtml(w: Where, value: Json, raw: Schema, file: string): Html {
  const schemas = w.site.model.schemas;
  const { node, file: f } = schemas.deref(raw, file);
  const refersTo = (raw.refersTo ?? node.refersTo) as CollectionName | undefined;
  if (isCitation(value)) return citationBlock(w, value);
  if (Array.isArray(value)) {
    const items = (node.items ?? {}) as Schema;
    const parts = value.map((v) => valueHtml(w, v, items, f));
    if (value.every((v) => typeof v !== 'object' || v === null)) return join(parts, ', ');
    return html`<ol class="items">
      ${parts.map((p) => html`<li>${p}</li>`)}
    </ol>`;
  }
  if (value && typeof value === 'object') {
    const props = (node.properties ?? {}) as Record<string, Schema>;
    const o = value as Obj;
    if (Object.keys(props).join() === 'value,qualifier') return html`${quantityWords(o.value!, o.qualifier)}`;
    return fieldList(w, o, node, f);
  }
  if (typeof value === 'string' && refersTo) return recordLink(w, refersTo, value);
  if (Array.isArray(node.enum)) {
    const meaning = ((node['x-enumDescriptions'] ?? {}) as Record<string, string>)[String(value)];
    return html`<code>${String(value)}</code>${meaning ? html` <span class="muted">${meaning}</span>` : ''}`;
  }
  if (typeof value === 'string' && node.format === 'iri') return html`<a href="${value}" rel="external noopener">${value}</a>`;
  if (typeof value === 'string' && node.edtf) return dateWords(value);
  if (typeof value === 'boolean') return html`${value ? 'yes' : 'no'}`;
  return html`${String(value)}`;
}

/** An object's fields as a description list, in schema order, leaving out the named fields. */
export function fieldList(w: Where, value: Obj, node: Schema, file: string, skip: readonly string[] = []): Html {
  const schemas = w.site.model.schemas;
  const props = (node.properties ?? {}) as Record<string, Schema>;
  const rows = Object.entries(value)
    .filter(([k]) => !skip.includes(k))
    .map(([k, v]) => {
      const rawProp = props[k] ?? {};
      const prop = schemas.deref(rawProp, file).node;
      const description = String(rawProp.description ?? prop.description ?? '');
      return html`<dt>${k.replace(/_/g, ' ')}${description ? html`<span class="desc">${description}</span>` : ''}</dt>
        <dd>${valueHtml(w, v, rawProp, file)}</dd>`;
    });
  return html`<dl class="fields">${rows}</dl>`;
}

/** The value of a record's field by dotted path (a number picks a list item). */
export function valueAt(record: Obj, path: string): Json | undefined {
  let cur: Json | undefined = record;
  for (const seg of path.split('.')) {
    if (Array.isArray(cur)) cur = cur[Number(seg)];
    else if (cur && typeof cur === 'object') cur = cur[seg];
    else return undefined;
  }
  return cur;
}

const plain = (v: Json | undefined): string => {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object' && !Array.isArray(v) && 'value' in v) return quantityWords(v.value!, v.qualifier);
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
};

/** Every variant beside the record's own value, one table per field: who says what, and where. */
export function variantsHtml(w: Where, record: Obj): Html {
  const variants = (Array.isArray(record.variants) ? record.variants : []) as Obj[];
  if (!variants.length) return html``;
  const fields = [...new Set(variants.map((v) => String(v.field)))];
  const launch = record.launch as Obj | undefined;
  const tables = fields.map((field) => {
    const follows =
      field === 'launch.missile_count' && launch?.counted_by
        ? html` (the count of ${recordLink(w, 'actors', String(launch.counted_by))})`
        : '';
    const rows = variants
      .filter((v) => v.field === field)
      .map(
        (v) =>
          html`<tr>
            <th scope="row">${v.by ? recordLink(w, 'actors', String(v.by)) : 'another source'}</th>
            <td>${quantityWords(v.value!, v.qualifier)}</td>
            <td>${citationBlock(w, v.citation as Obj)}${v.note ? html`<p class="muted">${String(v.note)}</p>` : ''}</td>
          </tr>`,
      );
    return html`<table class="variants">
      <caption>
        Field
        <code>${field}</code>
      </caption>
      <thead>
        <tr>
          <th scope="col">according to</th>
          <th scope="col">value</th>
          <th scope="col">where it is said</th>
        </tr>
      </thead>
      <tbody>
        <tr class="main">
          <th scope="row">this record${follows}</th>
          <td>${plain(valueAt(record, field))}</td>
          <td>the record’s own citations, below</td>
        </tr>
        ${rows}
      </tbody>
    </table>`;
  });
  return html`<section aria-labelledby="variants">
    <h2 id="variants">Variants: where sources disagree</h2>
    ${tables}
  </section>`;
}
