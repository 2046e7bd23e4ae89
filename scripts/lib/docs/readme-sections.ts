/**
 * Generated parts of README.md, between <!-- generated:NAME --> and <!-- /generated:NAME -->
 * markers, rebuilt from the release so the README never shows rows the data no longer has.
 * The build rewrites them; the check fails when they are stale, like dist/.
 */
import { COLLECTIONS } from '../collections.ts';
import { coveredEvents, coversAllLaunches, monthsOf, sumTallies, tallyByMonth, type MonthTally, type Tally } from '../count.ts';
import { dateRange } from '../dates.ts';
import { describeScope } from '../derive.ts';
import type { Json } from '../load.ts';
import type { TableInfo } from '../release/emit.ts';
import type { ReleaseModel } from '../release/model.ts';
import type { Coverage } from '../types.ts';

type Row = Record<string, string>;
type Obj = { [k: string]: Json };

/** Read a field by dotted path, as text; dates get their bounds with _earliest / _latest. */
function field(rec: object, path: string): string {
  const bound = /_(earliest|latest)$/.exec(path)?.[1] as 'earliest' | 'latest' | undefined;
  let cur: Json | undefined = rec as Obj;
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

export function readmeSections(model: ReleaseModel, tables: readonly TableInfo[]): Map<string, string> {
  const { data } = model;
  const pick = (records: readonly { id: string }[], ids: string[], columns: string[]): Row[] =>
    records.filter((r) => ids.includes(r.id)).map((r) => Object.fromEntries(columns.map((c) => [c, field(r, c)])));
  const sections = new Map<string, string>();
  sections.set('counts', `${COLLECTIONS.map((c) => `${model.counts[c]} ${c}`).join(', ')}; ${tables.find((t) => t.name === 'citations')?.rows ?? 0} citations in all.`);
  const kim = '2023-12-31-kim-annihilate-if-provoked';
  const statementCols = ['id', 'speaker', 'date', 'occasion', 'medium', 'summary'];
  const statements = pick(data.statements, [kim], statementCols);
  const quotationCols = ['text', 'language', 'translated_by', 'source'];
  const quotations = (data.statements.find((s) => s.id === kim)?.quotations ?? []).map((q) =>
    Object.fromEntries(quotationCols.map((c) => [c, field(q, c)])),
  );
  const figureCols = ['id', 'claim.value', 'claim.qualifier', 'unit', 'scope.period', 'scope.period_earliest', 'scope.period_latest', 'modality', 'claimed_by'];
  const figures = pick(data.figures, ['missile-tests-since-2022-aljazeera', 'spy-satellites-planned-2024', 'missile-tests-2023-nti'], figureCols);
  const eventCols = ['id', 'type', 'date', 'date_earliest', 'date_latest', 'time_utc', 'place', 'launch.payload.reached_orbit'];
  const events = pick(data.events, ['2023-11-21-malligyong-1-launch', '2023-12-26-wpk-ninth-plenary-meeting'], eventCols);
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
  const oneLine = (t: string) => t.split(/(?<=\.)\s/)[0] ?? t;
  sections.set(
    'tables',
    [
      '| file | rows | what a row is | columns |',
      '| --- | --- | --- | --- |',
      ...tables.map(
        (t) =>
          `| [\`csv/${t.name}.csv\`](dist/csv/${t.name}.csv) | ${t.rows} | ${oneLine(t.description).replace(/\|/g, '\\|')} | ${t.columns.slice(0, 6).join(', ')}${t.columns.length > 6 ? `, ... (${t.columns.length})` : ''} |`,
      ),
    ].join('\n') + `\n\n${tables.length} CSV files in all.`,
  );
  sections.set('coverage', coverageTables(model));
  return sections;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const cell = (t: Tally | undefined) => (!t || (t.n === 0 && !t.floor) ? '' : `${t.n}${t.floor ? '+' : ''}`);
const num = (n: number) => (n ? String(n) : '');
const LEGEND =
  '"+": a lower bound (a count given as "several" or "at least"). "~": the period holds an event not dated to a single day (a launch spanning midnight, or dated only to the month), counted on its first possible day. Missiles leave out space launch vehicles, which are counted as satellite launches; "failed" counts missiles a source reports as failed.';

/** One row of a launch table: events, days, missiles, each class, failed missiles, satellite launches. */
function launchRow(label: string, t: Omit<MonthTally, 'days' | 'month'> & { days: number }, classes: string[], bold = false): string {
  const b = (x: string) => (bold && x ? `**${x}**` : x);
  const cells = [
    b(String(t.events)),
    b(`${t.approx ? '~' : ''}${t.days}`),
    b(cell(t.missiles) || '0'),
    ...classes.map((k) => b(cell(t.byClass.get(k)))),
    b(cell(t.failed)),
    b(num(t.satellites)),
  ];
  return `| ${label} | ${cells.join(' | ')} |`;
}

const launchHeader = (first: string, classes: string[]) => [
  `| ${first} | launch events | launch days | missiles | ${classes.join(' | ')}${classes.length ? ' | ' : ''}failed | satellite launches |`,
  `| --- | --- | --- | --- | ${classes.map(() => '--- | ').join('')}--- | --- |`,
];

const withDays = (m: MonthTally) => ({ ...m, days: m.days.size });

/** One launch coverage declaration, month by month, folded under a summary line. */
function monthTable(model: ReleaseModel, c: Coverage): string[] {
  const covered = coveredEvents(model.prepared, c);
  const months = tallyByMonth(covered);
  const present = new Set(covered.flatMap((e) => e.groups.map((g) => g.cls)));
  const classes = model.classOrder.filter((k) => k !== 'slv' && present.has(k));
  const total = sumTallies(months.values());
  const rows = monthsOf(c.period).map((key) => {
    const m = months.get(key);
    const label = `${MONTHS[Number(key.slice(5, 7)) - 1]} ${key.slice(0, 4)}`;
    return m ? launchRow(label, withDays(m), classes) : launchRow(label, { ...sumTallies([]), days: 0 }, classes);
  });
  const state = c.status === 'complete' ? `complete, reviewed ${c.reviewed}` : `partial, as of ${c.as_of ?? c.reviewed}`;
  return [
    `<details><summary><b>${c.title}</b>: ${total.events} launch events, ${cell(total.missiles) || '0'} missiles, ${total.satellites} satellite launches (${state})</summary>`,
    '',
    `\`data/coverage/${c.id}.yaml\`: ${c.event_types.join(' and ')} events, ${c.period}. Counting rules: ${c.counting_rules}`,
    '',
    ...launchHeader('month', classes),
    ...rows,
    launchRow('**total**', total, classes, true),
    '',
    '</details>',
    '',
  ];
}

/** One row per launch coverage declaration, and a total over the complete ones. */
function summaryTable(model: ReleaseModel, launches: Coverage[]): string[] {
  const per = launches.map((c) => ({ c, covered: coveredEvents(model.prepared, c) }));
  const present = new Set(per.flatMap((p) => p.covered.flatMap((e) => e.groups.map((g) => g.cls))));
  const classes = model.classOrder.filter((k) => k !== 'slv' && present.has(k));
  const rows = per.map(({ c, covered }) => {
    const t = sumTallies(tallyByMonth(covered).values());
    const label = `[${c.period.slice(0, 4) === c.period.slice(11, 15) ? c.period.slice(0, 4) : c.period}](data/coverage/${c.id}.yaml)${c.status === 'complete' ? '' : ` (partial, to ${c.as_of ?? c.reviewed})`}`;
    return launchRow(label, t, classes);
  });
  const complete = per.filter((p) => p.c.status === 'complete');
  const total = sumTallies(complete.flatMap((p) => [...tallyByMonth(p.covered).values()]));
  return [...launchHeader('period', classes), ...rows, launchRow(`**all complete periods (${complete.length})**`, total, classes, true), ''];
}

/** Declarations of other series (nuclear tests, resolutions, summits): one line each with its count. */
function otherCoverage(model: ReleaseModel, others: Coverage[]): string[] {
  if (!others.length) return [];
  const lines = others.map((c) => {
    const n = coveredEvents(model.prepared, c).length;
    return `- **${c.title}** ([\`data/coverage/${c.id}.yaml\`](data/coverage/${c.id}.yaml)): ${n} ${c.event_types.join(' / ')} events${describeScope(c.scope)} over ${c.period}, ${c.status}${c.status === 'complete' ? `, reviewed ${c.reviewed}` : `, as of ${c.as_of ?? c.reviewed}`}.`;
  });
  return ['Other series:', '', ...lines, ''];
}

/**
 * The coverage section: a summary row per launch declaration (complete or partial), each
 * declaration's month-by-month table folded below it, then the other series. Counts come from the
 * same tally as the timeline chart and the same prepared events as the figure checks.
 */
function coverageTables(model: ReleaseModel): string {
  const live = model.data.coverage.filter((c) => !c.retracted).sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  if (!live.some((c) => c.status === 'complete')) return 'No coverage declaration is complete yet: no count over the dataset is a full count.';
  const launches = live.filter(coversAllLaunches);
  const out = launches.length ? [...summaryTable(model, launches), LEGEND, '', ...launches.flatMap((c) => monthTable(model, c))] : [];
  return [...out, ...otherCoverage(model, live.filter((c) => !coversAllLaunches(c)))].join('\n').trimEnd();
}
