/**
 * Generated parts of README.md, between <!-- generated:NAME --> and <!-- /generated:NAME -->
 * markers, rebuilt from the release so the README never shows rows the data no longer has.
 * The build rewrites them; the check fails when they are stale, like dist/.
 */
import type { Release } from './emit.ts';
import { COLLECTIONS } from './collections.ts';
import { dateRange } from './dates.ts';

type Row = Record<string, string>;
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Read a field by dotted path, as text; dates get their bounds with _earliest / _latest. */
function field(rec: { [k: string]: Json }, path: string): string {
  const bound = /_(earliest|latest)$/.exec(path)?.[1] as 'earliest' | 'latest' | undefined;
  let cur: Json | undefined = rec;
  for (const seg of (bound ? path.replace(/_(earliest|latest)$/, '') : path).split('.')) {
    cur = cur && typeof cur === 'object' && !Array.isArray(cur) ? cur[seg] : undefined;
  }
  if (cur === undefined || cur === null) return '';
  if (bound) return dateRange(String(cur))[bound];
  return typeof cur === 'object' ? JSON.stringify(cur) : String(cur);
}

function table(rows: Row[], columns: string[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const cut = (s: string) => (s.length > 90 ? `${s.slice(0, 87)}...` : s);
  return [
    `| ${columns.map((c) => c.replace(/\./g, '_')).join(' | ')} |`,
    `| ${columns.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${columns.map((c) => esc(cut(r[c] ?? ''))).join(' | ')} |`),
  ].join('\n');
}

export function readmeSections(release: Release): Map<string, string> {
  const json = (name: string) => JSON.parse(release.files.get(`json/${name}.json`) ?? '[]') as { [k: string]: Json }[];
  const pick = (name: string, ids: string[], columns: string[]): Row[] =>
    json(name)
      .filter((r) => ids.includes(String(r.id)))
      .map((r) => Object.fromEntries(columns.map((c) => [c, field(r, c)])));
  const sections = new Map<string, string>();
  sections.set('counts', `${COLLECTIONS.map((c) => `${release.counts[c]} ${c}`).join(', ')}; ${release.tables.find((t) => t.name === 'citations')?.rows ?? 0} citations in all.`);
  const kim = '2023-12-31-kim-annihilate-if-provoked';
  const statementCols = ['id', 'speaker', 'date', 'occasion', 'medium', 'summary'];
  const statements = pick('statements', [kim], statementCols);
  const quotationCols = ['text', 'language', 'translated_by', 'source'];
  const quotations = ((json('statements').find((s) => s.id === kim)?.quotations ?? []) as { [k: string]: Json }[]).map((q) =>
    Object.fromEntries(quotationCols.map((c) => [c, field(q, c)])),
  );
  const figureCols = ['id', 'claim.value', 'claim.qualifier', 'unit', 'scope.period', 'scope.period_earliest', 'scope.period_latest', 'modality', 'claimed_by'];
  const figures = pick('figures', ['missile-tests-since-2022-aljazeera', 'spy-satellites-planned-2024', 'missile-tests-2023-nti'], figureCols);
  const eventCols = ['id', 'type', 'date', 'date_earliest', 'date_latest', 'time_utc', 'place', 'launch.payload.reached_orbit'];
  const events = pick('events', ['2023-11-21-malligyong-1-launch', '2023-12-26-wpk-ninth-plenary-meeting'], eventCols);
  sections.set(
    'examples',
    [
      '`statements.csv`, one row per statement:',
      '',
      table(statements, statementCols),
      '',
      '`statements_quotations.csv`: the same Korean sentence as each source printed it (one row each):',
      '',
      table(quotations, quotationCols),
      '',
      '`figures.csv`: quoted numbers, with what they count:',
      '',
      table(figures, figureCols),
      '',
      '`events.csv`: partial dates come with their earliest and latest day:',
      '',
      table(events, eventCols),
    ].join('\n'),
  );
  const pkg = JSON.parse(release.files.get('datapackage.json') ?? '{}') as { resources?: { name: string; description?: string }[] };
  const describe = (name: string) => (pkg.resources ?? []).find((r) => r.name === name)?.description ?? '';
  const oneLine = (t: string) => t.split(/(?<=\.)\s/)[0] ?? t;
  sections.set(
    'tables',
    [
      '| file | rows | what a row is | columns |',
      '| --- | --- | --- | --- |',
      ...release.tables.map(
        (t) =>
          `| [\`csv/${t.name}.csv\`](dist/csv/${t.name}.csv) | ${t.rows} | ${oneLine(describe(t.name)).replace(/\|/g, '\\|')} | ${t.columns.slice(0, 6).join(', ')}${t.columns.length > 6 ? `, ... (${t.columns.length})` : ''} |`,
      ),
    ].join('\n') + `\n\n${release.tables.length} CSV files in all.`,
  );
  const defs = JSON.parse(release.files.get('schemas/defs.schema.json') ?? '{}') as { $defs?: { missile_class?: { enum?: string[] } } };
  sections.set('coverage', coverageTables(json('coverage'), json('events'), defs.$defs?.missile_class?.enum ?? []));
  return sections;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * For each complete coverage declaration: its rules, then launch events, launch days and missiles
 * per month and per class, counted from the events it covers. A "+" marks a lower bound (a count
 * given as "several" or "at least").
 */
function coverageTables(coverage: { [k: string]: Json }[], events: { [k: string]: Json }[], classOrder: string[]): string {
  const complete = coverage.filter((c) => c.status === 'complete' && !c.retracted);
  if (!complete.length) return 'No coverage declaration is complete yet: no count over the dataset is a full count.';
  const out: string[] = [];
  for (const c of complete) {
    const period = dateRange(String(c.period));
    const types = (c.event_types as Json[]).map(String);
    const covered = events.filter((e) => {
      if (e.retracted || !types.includes(String(e.type))) return false;
      const r = dateRange(String(e.date));
      return r.earliest >= period.earliest && r.latest <= period.latest;
    });
    const present = new Set(covered.flatMap((e) => ((e.launch as { [k: string]: Json } | undefined)?.missiles as { [k: string]: Json }[] | undefined ?? []).map((g) => String(g.class))));
    const classes = classOrder.filter((c) => present.has(c));
    const months = new Map<string, { events: number; days: Set<string>; approx: boolean; missiles: number; floor: boolean; byClass: Map<string, { n: number; floor: boolean }> }>();
    for (const e of covered) {
      const r = dateRange(String(e.date));
      const month = r.earliest.slice(0, 7);
      const m = months.get(month) ?? { events: 0, days: new Set<string>(), approx: false, missiles: 0, floor: false, byClass: new Map() };
      m.events++;
      // Counted on its first possible day, like the figure checks; "~" marks a month where that is approximate.
      m.days.add(r.earliest);
      if (r.earliest !== r.latest) m.approx = true;
      for (const g of ((e.launch as { [k: string]: Json } | undefined)?.missiles as { [k: string]: Json }[] | undefined) ?? []) {
        const count = g.count as { [k: string]: Json };
        const n = Number(count.value);
        const floor = count.qualifier !== undefined && count.qualifier !== 'exact';
        m.missiles += n;
        m.floor ||= floor;
        const k = m.byClass.get(String(g.class)) ?? { n: 0, floor: false };
        k.n += n;
        k.floor ||= floor;
        m.byClass.set(String(g.class), k);
      }
      months.set(month, m);
    }
    const cell = (n: number, floor: boolean) => (n === 0 && !floor ? '' : `${n}${floor ? '+' : ''}`);
    const first = Number(period.earliest.slice(0, 4)) * 12 + Number(period.earliest.slice(5, 7)) - 1;
    const last = Number(period.latest.slice(0, 4)) * 12 + Number(period.latest.slice(5, 7)) - 1;
    const rows: string[] = [];
    const total = { events: 0, days: 0, approx: false, missiles: 0, floor: false, byClass: new Map<string, { n: number; floor: boolean }>() };
    for (let i = first; i <= last; i++) {
      const key = `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
      const m = months.get(key);
      const label = `${MONTHS[i % 12]} ${Math.floor(i / 12)}`;
      if (!m) {
        rows.push(`| ${label} | 0 | 0 | 0 | ${classes.map(() => '').join(' | ')} |`);
        continue;
      }
      total.events += m.events;
      total.days += m.days.size;
      total.approx ||= m.approx;
      total.missiles += m.missiles;
      total.floor ||= m.floor;
      for (const [k, v] of m.byClass) {
        const t = total.byClass.get(k) ?? { n: 0, floor: false };
        t.n += v.n;
        t.floor ||= v.floor;
        total.byClass.set(k, t);
      }
      rows.push(`| ${label} | ${m.events} | ${m.approx ? '~' : ''}${m.days.size} | ${cell(m.missiles, m.floor)} | ${classes.map((k) => cell(m.byClass.get(k)?.n ?? 0, m.byClass.get(k)?.floor ?? false)).join(' | ')} |`);
    }
    rows.push(`| **total** | **${total.events}** | **${total.approx ? '~' : ''}${total.days}** | **${cell(total.missiles, total.floor)}** | ${classes.map((k) => `**${cell(total.byClass.get(k)?.n ?? 0, total.byClass.get(k)?.floor ?? false)}**`).join(' | ')} |`);
    out.push(
      `**${String(c.title)}** (\`data/coverage/${String(c.id)}.yaml\`): ${types.join(' and ')} events, ${String(c.period)}, status ${String(c.status)}, reviewed ${String(c.reviewed)}.`,
      '',
      `Counting rules: ${String(c.counting_rules)}`,
      '',
      `| month | launch events | launch days | missiles | ${classes.join(' | ')} |`,
      `| --- | --- | --- | --- | ${classes.map(() => '---').join(' | ')} |`,
      ...rows,
      '',
      '"+": a lower bound (a count given as "several" or "at least"). "~": the month holds an event not dated to a single day (a launch spanning midnight, or dated only to the month), counted on its first possible day.',
      '',
    );
  }
  return out.join('\n').trimEnd();
}

/** Replace every generated section of a README text; unknown markers are left alone. */
export function renderReadme(text: string, sections: Map<string, string>): string {
  return text.replace(/<!-- generated:([a-z-]+) -->[\s\S]*?<!-- \/generated:\1 -->/g, (whole, name: string) => {
    const body = sections.get(name);
    return body === undefined ? whole : `<!-- generated:${name} -->\n${body}\n<!-- /generated:${name} -->`;
  });
}
