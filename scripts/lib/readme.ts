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
  const files = [...release.files.keys()].filter((f) => f.startsWith('csv/'));
  sections.set(
    'tables',
    release.tables
      .map((t) => `- \`dist/csv/${t.name}.csv\` (${t.rows} rows): ${t.columns.slice(0, 8).join(', ')}${t.columns.length > 8 ? `, ... (${t.columns.length} columns)` : ''}`)
      .join('\n') + `\n\n${files.length} CSV files in all.`,
  );
  return sections;
}

/** Replace every generated section of a README text; unknown markers are left alone. */
export function renderReadme(text: string, sections: Map<string, string>): string {
  return text.replace(/<!-- generated:([a-z-]+) -->[\s\S]*?<!-- \/generated:\1 -->/g, (whole, name: string) => {
    const body = sections.get(name);
    return body === undefined ? whole : `<!-- generated:${name} -->\n${body}\n<!-- /generated:${name} -->`;
  });
}
