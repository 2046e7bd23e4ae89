/**
 * A page per record (events/<id>/index.html, and its JSON twin events/<id>.json): every field in
 * plain words, the quotations, the variants side by side, every citation with its source, what
 * links here, and how to cite it. Figures add their readings (figure.ts).
 */
import { COLLECTIONS, type CollectionName } from '../collections.ts';
import type { Schema } from '../schemas.ts';
import type { AnyRecord } from '../types.ts';
import { backlinkHeading, labelOf, recordPath, singular, type Obj, type SiteContext } from './context.ts';
import { citationBlock, fieldList, recordLink, valueHtml, variantsHtml, type Where } from './fields.ts';
import { launchGlance } from './event.ts';
import { figureReadings } from './figure.ts';
import { html, join, type Html } from './html.ts';
import { citeLine, page } from './layout.ts';

/** Fields shown in their own sections rather than in the field list. */
const OWN_SECTIONS = ['citations', 'variants', 'quotations', 'checks'];

const ENTITIES: CollectionName[] = ['actors', 'systems', 'places', 'sources'];

/** A statement's quotations: the words as each source printed them. */
function quotations(w: Where, record: Obj): Html {
  const list = (Array.isArray(record.quotations) ? record.quotations : []) as Obj[];
  if (!list.length) return html``;
  const schemas = w.site.model.schemas;
  const root = schemas.root('statements');
  const items = schemas.deref(((root.properties as Record<string, Schema>).quotations!.items ?? {}) as Schema, 'statements.schema.json');
  const props = (items.node.properties ?? {}) as Record<string, Schema>;
  const blocks = list.map((q) => {
    const rest = Object.entries(q).filter(([k]) => !['text', 'language', 'source'].includes(k));
    const extra = rest.map(
      ([k, v]) => html`<br /><span class="muted">${k.replace(/_/g, ' ')}:</span> ${valueHtml(w, v, props[k] ?? {}, items.file)}`,
    );
    return citationBlock(w, { source: q.source!, quote: q.text! }, String(q.language ?? ''), join(extra));
  });
  return html`<section aria-labelledby="quotations">
    <h2 id="quotations">Quotations</h2>
    <p class="muted">The words as published; two translations of one sentence are two quotations.</p>
    ${blocks}
  </section>`;
}

/** What links to this record, grouped by how. */
function backlinks(w: Where, collection: CollectionName, id: string): Html {
  const list = w.site.backlinks.get(`${collection}/${id}`) ?? [];
  if (!list.length) return html``;
  const groups = new Map<string, Html[]>();
  for (const b of list) {
    const heading = backlinkHeading(b);
    let g = groups.get(heading);
    if (!g) groups.set(heading, (g = []));
    g.push(html`<li>${recordLink(w, b.collection, b.id)} <span class="muted">${singular(b.collection)}</span></li>`);
  }
  const sections = [...groups].map(
    ([heading, items]) =>
      html`<h3>${heading} (${items.length})</h3>
        <ul class="links">
          ${items}
        </ul>`,
  );
  return html`<section aria-labelledby="backlinks">
    <h2 id="backlinks">Linked from other records</h2>
    ${sections}
  </section>`;
}

function citations(w: Where, record: Obj): Html {
  const list = (Array.isArray(record.citations) ? record.citations : []) as Obj[];
  if (!list.length) return html``;
  return html`<section aria-labelledby="citations">
    <h2 id="citations">Citations</h2>
    ${list.map((c) => citationBlock(w, c))}
  </section>`;
}

function intro(w: Where, collection: CollectionName, record: Obj): Html {
  const kind = (record.type ?? record.kind ?? record.class ?? record.unit) as string | undefined;
  const date = (record.date ?? record.published ?? record.period) as string | undefined;
  const text = (record.summary ?? record.description) as string | undefined;
  const retracted = record.retracted as Obj | undefined;
  return html`<p class="kind">
      ${singular(collection)}${kind ? html` · ${kind}` : ''}${date ? html` · ${date}` : ''} · <code>${String(record.id)}</code>
    </p>
    <h1>${labelOf(w.site, collection, String(record.id))}</h1>
    ${retracted ? html`<p class="retracted" role="note"><strong>Retracted</strong> on ${String(retracted.date)}: ${String(retracted.reason)}${retracted.replaced_by ? html` Replaced by ${recordLink(w, collection, String(retracted.replaced_by))}.` : ''}</p>` : ''}
    ${text ? html`<p class="lead">${text}</p>` : ''}`;
}

export function recordPage(site: SiteContext, collection: CollectionName, record: AnyRecord): string {
  const id = record.id;
  const path = recordPath(collection, id);
  const w: Where = { site, from: path };
  const obj = record as unknown as Obj;
  const root = site.model.schemas.root(collection);
  // For actors, systems, places and sources, what links to them comes first: it is what their page is for.
  const entity = ENTITIES.includes(collection);
  const links = backlinks(w, collection, id);
  const variantCount = Array.isArray(obj.variants) ? obj.variants.length : 0;
  const launched =
    collection === 'systems' && (site.backlinks.get(`systems/${id}`) ?? []).some((b) => b.field === 'launch.missiles.system');
  const body = html`<article>
    ${intro(w, collection, obj)} ${collection === 'figures' ? figureReadings(w, obj) : ''}
    ${variantCount ? html`<p>Sources disagree on ${variantCount} value(s): <a href="#variants">see the variants side by side</a>.</p>` : ''}
    ${collection === 'events' ? launchGlance(w, obj) : ''} ${quotations(w, obj)}
    ${launched ? html`<p><a href="../../launches/index.html?system=${id}">Its launches in the launch list</a>, with filters.</p>` : ''}
    ${entity ? links : ''}
    <section aria-labelledby="fields">
      <h2 id="fields">Every field</h2>
      ${fieldList(w, obj, root, `${collection}.schema.json`, OWN_SECTIONS)}
    </section>
    ${variantsHtml(w, obj)} ${citations(w, obj)} ${entity ? '' : links}
    <section aria-labelledby="cite">
      <h2 id="cite">Cite and download</h2>
      ${citeLine(site, collection, id)}
      <p><a href="../${id}.json">This record as released (JSON)</a> · <a href="../index.html">All ${collection}</a></p>
    </section>
  </article>`;
  return page(site, { path, title: labelOf(site, collection, id), body });
}

/** Every record page and its JSON twin, by site path. */
export function recordFiles(site: SiteContext): [string, string][] {
  const out: [string, string][] = [];
  for (const c of COLLECTIONS) {
    for (const r of site.model.data[c] as AnyRecord[]) {
      out.push([recordPath(c, r.id), recordPage(site, c, r)]);
      out.push([`${c}/${r.id}.json`, `${JSON.stringify(r, null, 2)}\n`]);
    }
  }
  return out;
}
