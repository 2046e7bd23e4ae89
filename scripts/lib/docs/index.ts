/**
 * The documents the build generates for people (not the release files): the codebook, the figures
 * report, the timeline chart, the README's generated sections and the CHANGELOG's unreleased
 * section. Each is a pure function of the release model; README and CHANGELOG keep their hand-written
 * text and only have their marked sections replaced.
 */
import type { TableInfo } from '../release/emit.ts';
import { RULES } from '../rules/index.ts';
import type { ReleaseModel } from '../release/model.ts';
import { latestSnapshot, renderUnreleased, snapshotOf } from './changelog.ts';
import { codebook } from './codebook.ts';
import { figuresReport } from './figures-report.ts';
import { readmeSections } from './readme-sections.ts';
import { timelineSvg } from './timeline.ts';

/** Replace every generated section of a text (<!-- generated:NAME --> ... <!-- /generated:NAME -->); unknown markers are left alone. */
function renderSections(text: string, sections: Map<string, string>): string {
  return text.replace(/<!-- generated:([a-z-]+) -->[\s\S]*?<!-- \/generated:\1 -->/g, (whole, name: string) => {
    const body = sections.get(name);
    return body === undefined ? whole : `<!-- generated:${name} -->\n${body}\n<!-- /generated:${name} -->`;
  });
}

/** The documents in docs/, by file name, generated in full. */
export function docsFiles(model: ReleaseModel): Map<string, string> {
  return new Map([
    ['figures.md', figuresReport(model)],
    ['codebook.md', codebook(model.schemas)],
    ['timeline.svg', timelineSvg(model)],
  ]);
}

/** README.md with its generated sections rebuilt from the model. */
export function readmeText(current: string, model: ReleaseModel, tables: readonly TableInfo[]): string {
  return renderSections(current, readmeSections(model, tables));
}

/** CHANGELOG.md with its unreleased section compared against the latest release snapshot. */
export function changelogText(current: string, model: ReleaseModel, releasesDir: string): string {
  const section = renderUnreleased(latestSnapshot(releasesDir), snapshotOf(model, model.pkg.version));
  return renderSections(current, new Map([['unreleased', section]]));
}

/** The contributing guide with its list of cross-record rules taken from the registry. */
export function contributingText(current: string): string {
  const rows = RULES.map((r) => `| \`${r.name}\` | ${r.codes.map((c) => `\`${c}\``).join(', ')} | ${r.description} |`);
  const table = ['| rule | problem codes | what it checks |', '| --- | --- | --- |', ...rows].join('\n');
  return renderSections(current, new Map([['rules', table]]));
}
