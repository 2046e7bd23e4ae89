/**
 * What an event page shows before its fields: for a launch, its missile groups at a glance
 * (system, class, count, outcome, flight), each value as the record gives it; the sources'
 * other values are in the variants beside it.
 */
import type { Json } from '../load.ts';
import type { Obj } from './context.ts';
import { quantityWords, recordLink, type Where } from './fields.ts';
import { html, type Html } from './html.ts';

const q = (v: Json | undefined) => (v && typeof v === 'object' && !Array.isArray(v) ? quantityWords(v.value!, v.qualifier) : '');

export function launchGlance(w: Where, event: Obj): Html {
  const launch = event.launch as Obj | undefined;
  if (!launch) return html``;
  const groups = (Array.isArray(launch.missiles) ? launch.missiles : []) as Obj[];
  const rows = groups.map(
    (g) =>
      html`<tr>
        <td>${g.system ? recordLink(w, 'systems', String(g.system)) : html`<span class="muted">unidentified</span>`}</td>
        <td>${String(g.class)}</td>
        <td>${q(g.count)}</td>
        <td>${String(g.outcome ?? 'unknown')}</td>
        <td>${q(g.apogee_km)}</td>
        <td>${q(g.distance_km)}</td>
        <td>${q(g.flight_time_min)}</td>
        <td>${g.impact_place ? recordLink(w, 'places', String(g.impact_place)) : ''}</td>
      </tr>`,
  );
  const payload = launch.payload as Obj | undefined;
  return html`<section aria-labelledby="glance">
    <h2 id="glance">At a glance</h2>
    <p>
      ${event.place ? html`From ${recordLink(w, 'places', String(event.place))}; ` : ''}${q(launch.missile_count)} missile(s) or
      rocket(s)${launch.counted_by ? html`, the count of ${recordLink(w, 'actors', String(launch.counted_by))}` : ''}; confirmation:
      ${String(event.confirmation ?? 'confirmed')}.${
        payload
          ? html` Payload: ${String(payload.name)}${payload.kind ? html` (${String(payload.kind)})` : ''}, reached orbit:
            ${String(payload.reached_orbit)}.`
          : ''
      }
    </p>
    <div class="scroll">
      <table>
        <caption>
          Missile groups
        </caption>
        <thead>
          <tr>
            <th scope="col">system</th>
            <th scope="col">class</th>
            <th scope="col">count</th>
            <th scope="col">outcome</th>
            <th scope="col">apogee (km)</th>
            <th scope="col">distance (km)</th>
            <th scope="col">flight (min)</th>
            <th scope="col">came down in</th>
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>
    </div>
  </section>`;
}
