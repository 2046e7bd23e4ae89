/**
 * The timeline chart (docs/timeline.svg): for each complete coverage declaration, missiles per
 * month stacked by class, the number of launch events above each bar, and the summits and
 * statements of the period marked on a strip below. Plain SVG text, no browser or canvas needed;
 * deterministic like everything the build writes.
 */
import { coveredEvents, monthsOf, tallyByMonth } from '../count.ts';
import { dateRange } from '../dates.ts';
import type { ReleaseModel } from '../release/model.ts';

const COLOURS: Record<string, string> = {
  srbm: '#1f77b4', mrbm: '#17becf', irbm: '#bcbd22', icbm: '#d62728', slbm: '#e377c2', ballistic: '#9467bd',
  cruise: '#2ca02c', hypersonic: '#ff9896', slv: '#ff7f0e', mlrs: '#8c564b', unknown: '#7f7f7f',
};
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (x: number) => (Math.round(x * 10) / 10).toString();

function dayOfYear(iso: string, startIso: string): number {
  return (Date.parse(`${iso}T00:00:00Z`) - Date.parse(`${startIso}T00:00:00Z`)) / 86_400_000;
}

export function timelineSvg(model: ReleaseModel): string {
  const classOrder = model.classOrder.length ? model.classOrder : Object.keys(COLOURS);
  const coverage = model.data.coverage.find((c) => c.status === 'complete' && !c.retracted);
  const W = 960;
  const H = 470;
  if (!coverage) {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="80" viewBox="0 0 ${W} 80"><text x="20" y="45" font-family="sans-serif" font-size="16">No complete coverage declaration yet: nothing to chart.</text></svg>\n`;
  }
  const period = dateRange(coverage.period);
  const months = monthsOf(coverage.period);
  const tallies = tallyByMonth(coveredEvents(model.prepared, coverage));
  const slots = months.map((m) => {
    const t = tallies.get(m);
    return { byClass: new Map([...(t?.byClass ?? [])].map(([k, v]) => [k, v.n])), floor: t?.missiles.floor ?? false, events: t?.events ?? 0 };
  });
  const y0 = Number(period.earliest.slice(0, 4));
  const m0 = Number(period.earliest.slice(5, 7)) - 1;
  const monthCount = months.length;
  const totals = slots.map((s) => [...s.byClass.values()].reduce((a, b) => a + b, 0));
  const top = Math.max(5, Math.ceil(Math.max(...totals) / 5) * 5);
  const left = 60;
  const right = W - 20;
  const plotTop = 70;
  const plotBottom = 320;
  const slotW = (right - left) / monthCount;
  const y = (v: number) => plotBottom - (v / top) * (plotBottom - plotTop);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="DejaVu Sans, Arial, sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<text x="${left}" y="28" font-size="17" font-weight="bold">${esc(coverage.title)}: missiles per month by class</text>`,
    `<text x="${left}" y="50" fill="#444">Bars: missiles (a + marks a lower bound). Numbers above bars: launch events. Strip: summits and statements in the dataset.</text>`,
  ];
  for (let v = 0; v <= top; v += 5) {
    out.push(`<line x1="${left}" x2="${right}" y1="${n(y(v))}" y2="${n(y(v))}" stroke="#dddddd"/>`);
    out.push(`<text x="${left - 8}" y="${n(y(v) + 4)}" text-anchor="end" fill="#444">${v}</text>`);
  }
  slots.forEach((s, i) => {
    const x = left + i * slotW + slotW * 0.2;
    const w = slotW * 0.6;
    let acc = 0;
    for (const c of classOrder) {
      const v = s.byClass.get(c);
      if (!v) continue;
      out.push(`<rect x="${n(x)}" y="${n(y(acc + v))}" width="${n(w)}" height="${n(y(acc) - y(acc + v))}" fill="${COLOURS[c] ?? '#999999'}"><title>${c}: ${v}</title></rect>`);
      acc += v;
    }
    const label = s.events ? `${s.events}` : '0';
    out.push(`<text x="${n(x + w / 2)}" y="${n(y(acc) - 6)}" text-anchor="middle" font-weight="bold">${label}</text>`);
    // The missile total inside the bar, where the bar is tall enough to hold it.
    if (acc && y(0) - y(acc) > 18) out.push(`<text x="${n(x + w / 2)}" y="${n(y(acc) + 14)}" text-anchor="middle" fill="#ffffff" font-size="11">${acc}${s.floor ? '+' : ''}</text>`);
    const mi = (m0 + i) % 12;
    out.push(`<text x="${n(x + w / 2)}" y="${plotBottom + 18}" text-anchor="middle">${MONTHS[mi]}${mi === 0 || i === 0 ? ` ${y0 + Math.floor((m0 + i) / 12)}` : ''}</text>`);
  });
  out.push(`<line x1="${left}" x2="${right}" y1="${plotBottom}" y2="${plotBottom}" stroke="#333333"/>`);
  out.push(`<text transform="translate(18 ${(plotTop + plotBottom) / 2}) rotate(-90)" text-anchor="middle" fill="#444">missiles</text>`);

  // The strip of summits and statements, placed by their first possible day.
  const span = dayOfYear(period.latest, period.earliest) + 1;
  const xDay = (iso: string) => left + (dayOfYear(iso, period.earliest) / span) * (right - left);
  const stripY = plotBottom + 48;
  out.push(`<line x1="${left}" x2="${right}" y1="${stripY}" y2="${stripY}" stroke="#bbbbbb"/>`);
  out.push(`<text x="${left - 8}" y="${stripY + 4}" text-anchor="end" fill="#444" font-size="11">met/said</text>`);
  const within = (d: string) => {
    const r = dateRange(d);
    return r.earliest >= period.earliest && r.earliest <= period.latest ? r.earliest : undefined;
  };
  for (const e of model.data.events.filter((x) => x.type === 'summit' && !x.retracted)) {
    const d = within(e.date);
    if (d) out.push(`<path d="M ${n(xDay(d))} ${stripY - 9} l 7 12 l -14 0 z" fill="#c0392b"><title>${esc(`${d} ${e.title}`)}</title></path>`);
  }
  for (const s of model.data.statements.filter((x) => !x.retracted)) {
    const d = within(s.date);
    if (d) out.push(`<circle cx="${n(xDay(d))}" cy="${stripY + 14}" r="5" fill="#555555" fill-opacity="0.7"><title>${esc(`${d} ${s.summary}`)}</title></circle>`);
  }
  // Legend.
  const present = classOrder.filter((c) => slots.some((s) => s.byClass.has(c)));
  let lx = left;
  const ly = H - 40;
  for (const c of present) {
    out.push(`<rect x="${lx}" y="${ly - 10}" width="12" height="12" fill="${COLOURS[c] ?? '#999999'}"/><text x="${lx + 16}" y="${ly}">${c}</text>`);
    lx += 30 + c.length * 8;
  }
  out.push(`<path d="M ${lx + 6} ${ly - 11} l 7 12 l -14 0 z" fill="#c0392b"/><text x="${lx + 18}" y="${ly}">summit</text>`);
  lx += 90;
  out.push(`<circle cx="${lx + 6}" cy="${ly - 4}" r="5" fill="#555555" fill-opacity="0.7"/><text x="${lx + 16}" y="${ly}">statement</text>`);
  out.push(`<text x="${left}" y="${H - 14}" fill="#666" font-size="11">dprk-data, coverage ${esc(coverage.id)} (${esc(coverage.period)}); counting rules in data/coverage/${esc(coverage.id)}.yaml. Dates are Korean local dates.</text>`);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
