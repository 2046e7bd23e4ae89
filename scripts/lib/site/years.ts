/**
 * The year view (years/index.html, years/<year>/index.html): launch events, launch days,
 * missiles by class, failures and satellite launches per year and per month, from the same
 * tallies as the README's coverage tables and the timeline chart (count.ts), with the coverage
 * declaration that says whether the year is complete.
 */
import { coversAllLaunches, sumTallies, tallyByMonth, tallyByYear, type MonthTally, type Tally } from '../count.ts';
import { dateRange } from '../dates.ts';
import type { Coverage } from '../types.ts';
import { recordPath, type SiteContext } from './context.ts';
import { recordLink, type Where } from './fields.ts';
import { href, html, type Html } from './html.ts';
import { page } from './layout.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const cell = (t: Tally | undefined) => (!t || (t.n === 0 && !t.floor) ? '' : `${t.n}${t.floor ? '+' : ''}`);

const launchPrepared = (site: SiteContext) =>
  site.model.prepared.filter((e) => e.type === 'missile-launch' || e.type === 'satellite-launch');

/** The launch coverage declaration that holds a year, if any (complete ones first). */
function coverageOf(site: SiteContext, year: string): Coverage | undefined {
  const holds = site.model.data.coverage.filter((c) => {
    if (c.retracted || !coversAllLaunches(c)) return false;
    const r = dateRange(c.period);
    return r.earliest <= `${year}-12-31` && r.latest >= `${year}-01-01`;
  });
  return holds.find((c) => c.status === 'complete') ?? holds[0];
}

function statusOf(w: Where, year: string): Html {
  const c = coverageOf(w.site, year);
  if (!c) return html`<span class="muted">no declaration: not claimed complete</span>`;
  return html`${c.status} (<a href="${href(w.from, recordPath('coverage', c.id))}">${c.id}</a>)`;
}

function tallyTable(
  caption: string,
  first: string,
  rows: [Html | string, Omit<MonthTally, 'days' | 'month'> & { days: number }, Html | string][],
  classes: string[],
): Html {
  return html`<div class="scroll">
    <table class="tally">
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${first}</th>
          <th scope="col">coverage</th>
          <th scope="col">launch events</th>
          <th scope="col">launch days</th>
          <th scope="col">missiles</th>
          ${classes.map((c) => html`<th scope="col">${c}</th>`)}
          <th scope="col">failed</th>
          <th scope="col">satellite launches</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          ([label, t, status]) =>
            html`<tr>
              <th scope="row">${label}</th>
              <td class="text">${status}</td>
              <td>${t.events}</td>
              <td>${t.approx ? '~' : ''}${t.days}</td>
              <td>${cell(t.missiles) || '0'}</td>
              ${classes.map((c) => html`<td>${cell(t.byClass.get(c))}</td>`)}
              <td>${cell(t.failed)}</td>
              <td>${t.satellites || ''}</td>
            </tr> `,
        )}
      </tbody>
    </table>
  </div>`;
}

const LEGEND = html`<p class="muted">
  “+”: a lower bound (a count given as “several” or “at least”). “~”: some event is not dated to a single day and is counted on its first
  possible day. Missiles leave out space launch vehicles, counted as satellite launches. Counts over a year without a complete coverage
  declaration are what the dataset holds, not totals.
</p>`;

function classesOf(site: SiteContext, events: ReturnType<typeof launchPrepared>): string[] {
  const present = new Set(events.flatMap((e) => e.groups.map((g) => g.cls)));
  return site.model.classOrder.filter((k) => k !== 'slv' && present.has(k));
}

function yearPage(site: SiteContext, year: string): [string, string] {
  const path = `years/${year}/index.html`;
  const w: Where = { site, from: path };
  const events = launchPrepared(site).filter((e) => e.earliest.startsWith(year));
  const months = tallyByMonth(events);
  const classes = classesOf(site, events);
  const rows = [...months.values()]
    .sort((a, b) => (a.month < b.month ? -1 : 1))
    .map((m): [string, ReturnType<typeof sumTallies>, string] => [
      `${MONTHS[Number(m.month.slice(5, 7)) - 1]} ${year}`,
      { ...m, days: m.days.size },
      '',
    ]);
  const all = site.model.prepared.filter((e) => e.earliest.startsWith(year));
  const body = html`<h1>${year}</h1>
    <p>
      Coverage: ${statusOf(w, year)}. <a href="${href(path, 'years/index.html')}">All years</a> ·
      <a href="${href(path, `launches/index.html?year=${year}`)}">the launches of ${year} in the launch list</a>.
    </p>
    ${tallyTable(`Launches of ${year} by month`, 'month', [...rows, ['total', sumTallies(months.values()), '']], classes)} ${LEGEND}
    <h2>Every event of ${year} (${all.length})</h2>
    <ul class="links">
      ${all.map((e) => html`<li>${e.earliest} ${recordLink(w, 'events', e.id)} <span class="muted">${e.type}</span></li>`)}
    </ul>`;
  return [path, page(site, { path, title: year, body })];
}

export function yearPages(site: SiteContext): [string, string][] {
  const path = 'years/index.html';
  const w: Where = { site, from: path };
  const events = launchPrepared(site);
  const years = tallyByYear(events);
  const classes = classesOf(site, events);
  const sorted = [...years.values()].sort((a, b) => (a.month < b.month ? 1 : -1));
  const rows = sorted.map((t): [Html, ReturnType<typeof sumTallies>, Html] => [
    html`<a href="${t.month}/index.html">${t.month}</a>`,
    { ...t, days: t.days.size },
    statusOf(w, t.month),
  ]);
  const body = html`<h1>Years</h1>
    <p>
      Missile and satellite launches per year, newest first, from the same tallies as the README’s coverage tables and the timeline chart. A
      year’s counts are complete only where a coverage declaration says so.
    </p>
    ${tallyTable('Launches per year', 'year', rows, classes)} ${LEGEND}
    <p>
      Coverage declarations:
      ${site.model.data.coverage.map((c, i) => html`${i ? ' · ' : ''}<a href="${href(path, recordPath('coverage', c.id))}">${c.title}</a>`)}
    </p>`;
  return [[path, page(site, { path, title: 'Years', body, current: path })], ...sorted.map((t) => yearPage(site, t.month))];
}
