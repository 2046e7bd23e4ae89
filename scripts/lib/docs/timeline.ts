/**
 * The timeline chart (docs/timeline.svg): missiles stacked by class over every launch coverage
 * declaration (per month when the span is short, per year when it is long), the number of launch
 * events above each bar, partial periods shaded, and the nuclear tests, UN resolutions, summits and
 * statements of the span marked on strips below. Plain SVG text, no browser or canvas needed;
 * deterministic like everything the build writes.
 */
import { coveredEvents, coversAllLaunches, tallyBy, type MonthTally } from '../count.ts';
import { dateRange } from '../dates.ts';
import type { ReleaseModel } from '../release/model.ts';
import type { Coverage } from '../types.ts';

const COLOURS: Record<string, string> = {
  srbm: '#1f77b4',
  mrbm: '#17becf',
  irbm: '#bcbd22',
  icbm: '#d62728',
  slbm: '#e377c2',
  ballistic: '#9467bd',
  cruise: '#2ca02c',
  hypersonic: '#ff9896',
  slv: '#ff7f0e',
  mlrs: '#8c564b',
  unknown: '#7f7f7f',
};
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Longer spans than this many months are drawn per year. */
const MAX_MONTHLY = 72;
const W = 960;
const H = 520;
const LEFT = 130;
const RIGHT = W - 20;
const PLOT_TOP = 70;
const PLOT_BOTTOM = 320;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (x: number) => (Math.round(x * 10) / 10).toString();
const days = (a: string, b: string) => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;

interface Slot {
  key: string;
  label: string;
  tally?: MonthTally;
  partial: boolean;
}

/** The bars: every month (or year) from the first launch declaration's start to the last one's end. */
function slots(launches: Coverage[], model: ReleaseModel): { slots: Slot[]; start: string; end: string; yearly: boolean } {
  const ranges = launches.map((c) => ({ c, r: dateRange(c.period) }));
  const start = ranges.reduce((a, x) => (x.r.earliest < a ? x.r.earliest : a), ranges[0]!.r.earliest);
  const end = ranges.reduce((a, x) => (x.r.latest > a ? x.r.latest : a), ranges[0]!.r.latest);
  const firstMonth = Number(start.slice(0, 4)) * 12 + Number(start.slice(5, 7)) - 1;
  const lastMonth = Number(end.slice(0, 4)) * 12 + Number(end.slice(5, 7)) - 1;
  const yearly = lastMonth - firstMonth + 1 > MAX_MONTHLY;
  const keyOf = (day: string) => (yearly ? day.slice(0, 4) : day.slice(0, 7));
  const covered = launches.flatMap((c) => coveredEvents(model.prepared, c));
  const tallies = tallyBy(covered, (e) => keyOf(e.earliest));
  const partialAt = (day: string) => ranges.some(({ c, r }) => c.status !== 'complete' && r.earliest <= day && day <= r.latest);
  const out: Slot[] = [];
  for (let i = firstMonth; i <= lastMonth; i += yearly ? 12 - (i % 12) : 1) {
    const y = Math.floor(i / 12);
    const m = i % 12;
    const key = yearly ? String(y) : `${y}-${String(m + 1).padStart(2, '0')}`;
    const label = yearly ? (y % 5 === 0 || (i === firstMonth && y % 5 < 3) ? String(y) : '') : `${MONTHS[m]}${m === 0 || i === firstMonth ? ` ${y}` : ''}`;
    out.push({ key, label, tally: tallies.get(key), partial: partialAt(`${key}${yearly ? '-06-30' : '-15'}`) });
  }
  return { slots: out, start, end, yearly };
}

function bars(s: Slot[], classOrder: string[]): string[] {
  const totals = s.map((x) => x.tally?.missiles.n ?? 0);
  const step = Math.max(...totals) > 60 ? 20 : 5;
  const top = Math.max(step, Math.ceil(Math.max(...totals) / step) * step);
  const slotW = (RIGHT - LEFT) / s.length;
  const y = (v: number) => PLOT_BOTTOM - (v / top) * (PLOT_BOTTOM - PLOT_TOP);
  const out: string[] = [];
  for (let v = 0; v <= top; v += step) {
    out.push(`<line x1="${LEFT}" x2="${RIGHT}" y1="${n(y(v))}" y2="${n(y(v))}" stroke="#dddddd"/>`);
    out.push(`<text x="${LEFT - 8}" y="${n(y(v) + 4)}" text-anchor="end" fill="#444">${v}</text>`);
  }
  s.forEach((slot, i) => {
    const x = LEFT + i * slotW + slotW * 0.15;
    const w = slotW * 0.7;
    if (slot.partial) out.push(`<rect x="${n(LEFT + i * slotW)}" y="${PLOT_TOP}" width="${n(slotW)}" height="${PLOT_BOTTOM - PLOT_TOP}" fill="#f3f3f3"><title>${slot.key}: partial coverage</title></rect>`);
    let acc = 0;
    for (const c of classOrder) {
      const v = slot.tally?.byClass.get(c)?.n;
      if (!v) continue;
      out.push(`<rect x="${n(x)}" y="${n(y(acc + v))}" width="${n(w)}" height="${n(y(acc) - y(acc + v))}" fill="${COLOURS[c] ?? '#999999'}"><title>${slot.key} ${c}: ${v}</title></rect>`);
      acc += v;
    }
    const events = slot.tally?.events ?? 0;
    if (events || !slot.partial) out.push(`<text x="${n(x + w / 2)}" y="${n(y(acc) - 6)}" text-anchor="middle" font-weight="bold" font-size="${s.length > 40 ? 9 : 12}">${events}</text>`);
    if (acc && y(0) - y(acc) > 18 && w > 30) out.push(`<text x="${n(x + w / 2)}" y="${n(y(acc) + 14)}" text-anchor="middle" fill="#ffffff" font-size="11">${acc}${slot.tally?.missiles.floor ? '+' : ''}</text>`);
    if (slot.label) out.push(`<text x="${n(x + w / 2)}" y="${PLOT_BOTTOM + 18}" text-anchor="middle">${slot.label}</text>`);
  });
  out.push(`<line x1="${LEFT}" x2="${RIGHT}" y1="${PLOT_BOTTOM}" y2="${PLOT_BOTTOM}" stroke="#333333"/>`);
  out.push(`<text transform="translate(${LEFT - 40} ${(PLOT_TOP + PLOT_BOTTOM) / 2}) rotate(-90)" text-anchor="middle" fill="#444">missiles</text>`);
  return out;
}

interface Mark {
  label: string;
  types: string[];
  /** The marker at (x, y) holding a tooltip. */
  draw: (x: number, y: number, title: string) => string;
}

const MARKS: Mark[] = [
  {
    label: 'nuclear test',
    types: ['nuclear-test'],
    draw: (x, y, t) => `<rect x="${n(x - 5)}" y="${y - 5}" width="10" height="10" fill="#000000"><title>${t}</title></rect>`,
  },
  {
    label: 'UN resolution or veto',
    types: ['un-resolution', 'un-draft-vetoed'],
    draw: (x, y, t) => `<path d="M ${n(x)} ${y - 6} l 6 6 l -6 6 l -6 -6 z" fill="#1a5fb4"><title>${t}</title></path>`,
  },
  {
    label: 'summit',
    types: ['summit'],
    draw: (x, y, t) => `<path d="M ${n(x)} ${y - 7} l 7 12 l -14 0 z" fill="#c0392b"><title>${t}</title></path>`,
  },
];
const STATEMENT: Mark = {
  label: 'statement',
  types: [],
  draw: (x, y, t) => `<circle cx="${n(x)}" cy="${y}" r="4" fill="#555555" fill-opacity="0.6"><title>${t}</title></circle>`,
};

/** The strips: nuclear tests, resolutions and summits, then statements, placed by their first possible day. */
function strips(model: ReleaseModel, start: string, end: string): string[] {
  const span = days(start, end) + 1;
  const xDay = (iso: string) => LEFT + (days(start, iso) / span) * (RIGHT - LEFT);
  const inSpan = (d: string) => {
    const r = dateRange(d);
    return r.earliest >= start && r.earliest <= end ? r.earliest : undefined;
  };
  const out: string[] = [];
  const rows = [...MARKS, STATEMENT].map((m, i) => ({ ...m, y: PLOT_BOTTOM + 44 + i * 22 }));
  rows.forEach((row) => {
    out.push(`<line x1="${LEFT}" x2="${RIGHT}" y1="${row.y}" y2="${row.y}" stroke="#e4e4e4"/>`);
    out.push(`<text x="${LEFT - 8}" y="${row.y + 4}" text-anchor="end" fill="#444" font-size="10">${row.label}</text>`);
  });
  for (const e of model.data.events) {
    const row = rows.find((r) => r.types.includes(e.type));
    const d = !e.retracted && row ? inSpan(e.date) : undefined;
    if (row && d) out.push(row.draw(xDay(d), row.y, esc(`${d} ${e.title}`)));
  }
  // A statement's tooltip names its day and speaker only: the summaries of a few hundred statements
  // would make the chart (and the site's home page, which embeds it) several times heavier.
  const stRow = rows[rows.length - 1]!;
  const names = new Map(model.data.actors.map((a) => [a.id as string, a.name]));
  for (const s of model.data.statements) {
    const d = s.retracted ? undefined : inSpan(s.date);
    if (d) out.push(stRow.draw(xDay(d), stRow.y, esc(`${d} ${names.get(s.speaker) ?? s.speaker}`)));
  }
  return out;
}

function legend(present: string[], y: number): string[] {
  const out: string[] = [];
  let lx = LEFT;
  for (const c of present) {
    out.push(`<rect x="${lx}" y="${y - 10}" width="12" height="12" fill="${COLOURS[c] ?? '#999999'}"/><text x="${lx + 16}" y="${y}">${c}</text>`);
    lx += 26 + c.length * 7;
  }
  out.push(`<rect x="${lx}" y="${y - 10}" width="12" height="12" fill="#f3f3f3" stroke="#cccccc"/><text x="${lx + 16}" y="${y}">partial</text>`);
  return out;
}

export function timelineSvg(model: ReleaseModel): string {
  const classOrder = model.classOrder.length ? model.classOrder.filter((c) => c !== 'slv') : Object.keys(COLOURS);
  const launches = model.data.coverage.filter((c) => !c.retracted && coversAllLaunches(c));
  if (!launches.some((c) => c.status === 'complete')) {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="80" viewBox="0 0 ${W} 80"><text x="20" y="45" font-family="sans-serif" font-size="16">No complete coverage declaration yet: nothing to chart.</text></svg>\n`;
  }
  const { slots: s, start, end, yearly } = slots(launches, model);
  const present = classOrder.filter((c) => s.some((x) => x.tally?.byClass.has(c)));
  const span = start.slice(0, 4) === end.slice(0, 4) ? start.slice(0, 4) : `${start.slice(0, 4)}-${end.slice(0, 4)}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="DejaVu Sans, Arial, sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<text x="${LEFT}" y="28" font-size="17" font-weight="bold">North Korean missile launches, ${span}: missiles per ${yearly ? 'year' : 'month'} by class</text>`,
    `<text x="${LEFT}" y="50" fill="#444">Bars: missiles (+: a lower bound; satellite launch vehicles left out). Above the bars: launch events. Grey: not declared complete.</text>`,
    ...bars(s, classOrder),
    ...strips(model, start, end),
    ...legend(present, H - 36),
    `<text x="${LEFT}" y="${H - 12}" fill="#666" font-size="11">dprk-data: launch coverage declarations in data/coverage/ (${launches.length}); counting rules there. Dates are Korean local dates.</text>`,
    '</svg>',
  ].join('\n') + '\n';
}
