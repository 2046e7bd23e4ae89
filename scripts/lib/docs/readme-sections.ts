/**
 * Generated parts of README.md, between <!-- generated:NAME --> and <!-- /generated:NAME -->
 * markers, rebuilt from the release so the README never shows rows the data no longer has.
 * The build rewrites them; the check fails when they are stale, like dist/.
 */
import { COLLECTIONS } from '../collections.ts';
import { coveredEvents, monthsOf, sumTallies, tallyByMonth, type Tally } from '../count.ts';
import { dateRange } from '../dates.ts';
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

/** One coverage declaration's table: launch events, launch days and missiles per month and per class. */
function coverageTable(model: ReleaseModel, c: Coverage): string[] {
  const covered = coveredEvents(model.prepared, c);
  const months = tallyByMonth(covered);
  const present = new Set(covered.flatMap((e) => e.groups.map((g) => g.cls)));
  const classes = model.classOrder.filter((k) => present.has(k));
  const rows = monthsOf(c.period).map((key) => {
    const m = months.get(key);
    const label = `${MONTHS[Number(key.slice(5, 7)) - 1]} ${key.slice(0, 4)}`;
    if (!m) return `| ${label} | 0 | 0 | 0 | ${classes.map(() => '').join(' | ')} |`;
    return `| ${label} | ${m.events} | ${m.approx ? '~' : ''}${m.days.size} | ${cell(m.missiles)} | ${classes.map((k) => cell(m.byClass.get(k))).join(' | ')} |`;
  });
  const total = sumTallies(months.values());
  rows.push(`| **total** | **${total.events}** | **${total.approx ? '~' : ''}${total.days}** | **${cell(total.missiles)}** | ${classes.map((k) => `**${cell(total.byClass.get(k))}**`).join(' | ')} |`);
  return [
    `**${c.title}** (\`data/coverage/${c.id}.yaml\`): ${c.event_types.join(' and ')} events, ${c.period}, status ${c.status}, reviewed ${c.reviewed}.`,
    '',
    `Counting rules: ${c.counting_rules}`,
    '',
    `| month | launch events | launch days | missiles | ${classes.join(' | ')} |`,
    `| --- | --- | --- | --- | ${classes.map(() => '---').join(' | ')} |`,
    ...rows,
    '',
    '"+": a lower bound (a count given as "several" or "at least"). "~": the month holds an event not dated to a single day (a launch spanning midnight, or dated only to the month), counted on its first possible day.',
    '',
  ];
}

/**
 * For each complete coverage declaration: its rules, then launch events, launch days and missiles
 * per month and per class, counted from the events it covers. A "+" marks a lower bound (a count
 * given as "several" or "at least").
 */
function coverageTables(model: ReleaseModel): string {
  const complete = model.data.coverage.filter((c) => c.status === 'complete' && !c.retracted);
  if (!complete.length) return 'No coverage declaration is complete yet: no count over the dataset is a full count.';
  return complete.flatMap((c) => coverageTable(model, c)).join('\n').trimEnd();
}
