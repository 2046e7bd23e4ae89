/**
 * A figure's readings on its page: for each reading, the value our records give, the verdict and
 * why (checks[].reason, checks[].difference), and the events that reading counted (model.counted),
 * each linked.
 */
import type { Json } from '../load.ts';
import type { Obj } from './context.ts';
import { quantityWords, recordLink, type Where } from './fields.ts';
import { html, type Html } from './html.ts';

export const VERDICT_WORDS: Record<string, string> = {
  consistent: 'consistent',
  inconsistent: 'inconsistent',
  'not-comparable': 'not comparable',
};

/** A verdict as a badge (words, not colour alone). */
export const verdictBadge = (v: string): Html => html`<span class="verdict v-${v}">${VERDICT_WORDS[v] ?? v}</span>`;

/** The claim in words: “more than 100” missile tests, stated by whom. */
export function claimWords(w: Where, f: Obj): Html {
  const claim = f.claim as Obj;
  const value = claim.value === undefined ? '' : `${quantityWords(claim.value, claim.qualifier)} `;
  return html`“${String(claim.text)}”: ${value}${String(f.unit)}, ${String(f.modality)} by
  ${f.claimed_by ? recordLink(w, 'actors', String(f.claimed_by)) : 'an unattributed speaker'}`;
}

export function figureReadings(w: Where, f: Obj): Html {
  const checks = (Array.isArray(f.checks) ? f.checks : []) as Obj[];
  const scope = f.scope as Obj;
  const counted = w.site.model.counted.get(String(f.id)) ?? [];
  const head = html`<p>${claimWords(w, f)}.</p>
    <p><strong>What it counts:</strong> ${String(scope.description)}</p>`;
  if (!checks.length)
    return html`<section aria-labelledby="readings">
      <h2 id="readings">Readings</h2>
      ${head}
      <p>No reading of this figure can be computed from the event records.</p>
    </section>`;
  const blocks = checks.map((c, i) => {
    const events = counted[i] ?? [];
    const coverage = (Array.isArray(c.coverage) ? c.coverage : []) as Json[];
    return html`<section class="reading" aria-labelledby="reading-${i + 1}"><h3 id="reading-${i + 1}">Reading ${i + 1}: ${String(c.reading)}</h3>
<dl class="fields"><dt>our records give</dt><dd>${quantityWords(c.computed_value!, c.computed_qualifier)}</dd>
<dt>verdict</dt><dd>${verdictBadge(String(c.verdict))}</dd>
<dt>why</dt><dd>${String(c.reason)}</dd>
${
  c.difference
    ? html`<dt>why they differ</dt>
        <dd>${String(c.difference)}</dd>`
    : ''
}
<dt>coverage</dt><dd>${coverage.length ? coverage.map((id, k) => html`${k ? ', ' : ''}${recordLink(w, 'coverage', String(id))}`) : 'no complete coverage declaration: the count is what we hold, not a total'}</dd></dl>
<details${events.length <= 12 ? html` open` : ''}><summary>Events this reading counted (${events.length})</summary><ol class="links">${events.map(
      (id) => html`<li>${recordLink(w, 'events', id)}</li>`,
    )}</ol></details></section>`;
  });
  return html`<section aria-labelledby="readings">
    <h2 id="readings">Readings and verdicts</h2>
    ${head}${blocks}
  </section>`;
}
