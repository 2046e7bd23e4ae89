/**
 * Every schema rule, loader refusal and cross-record check, each with a broken record: the test
 * pins the exact file, line, column, field and kind of problem reported (the valid fixture, from
 * which each case starts, is checked to be clean in fixture.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { errorsOf, validateFixture, where } from './helpers.ts';

const EV = 'data/events/2023-12-31-meeting-a.yaml';
const LAUNCH = 'data/events/2023/2023-12-30-launch-a.yaml';
const SRC = 'data/sources/example-2024-01-02-report.yaml';
const ST = 'data/statements/2023-12-31-leader-a-warning.yaml';
const FIG = 'data/figures/launches-2023-example.yaml';

/** A meeting event with the given extra lines; line 1 is type, 2 title, 3 date, 4.. the extra. */
const meeting = (extra = '', date = '2023-12-31') =>
  `type: military-meeting\ntitle: Leader A meets commanders\ndate: ${date}\n${extra}citations:\n  - source: seeded-article\n    quote: Leader A met the commanders on New Year’s Eve.\n`;

const launch = (launchBlock: string, type = 'missile-launch') =>
  `type: ${type}\ntitle: A launch\ndate: 2023-12-30\n${launchBlock}citations:\n  - source: example-2024-01-02-report\n    quote: State A fired two missiles on Saturday.\n`;

const source = (extra: string) => `title: T\npublisher: P\npublished: 2024-01-02\nlanguage: en\nkind: news\naccessed: 2026-11-25\n${extra}`;

type Case = { name: string; changes: Record<string, string | Buffer | null>; expect: string[] };

const schemaCases: Case[] = [
  {
    name: 'a required field is missing',
    changes: { [EV]: meeting().replace('title: Leader A meets commanders\n', '') },
    expect: [`${EV}:1:1 title [schema/required]`],
  },
  { name: 'an unknown field', changes: { [EV]: meeting('summry: typo\n') }, expect: [`${EV}:4:1 summry [schema/additionalProperties]`] },
  {
    name: 'an unknown field in a nested object',
    changes: {
      [LAUNCH]: launch('launch:\n  missile_count: {value: 1}\n  missiles:\n    - class: srbm\n      count: {value: 1}\n      apogee: 5\n'),
    },
    expect: [`${LAUNCH}:9:7 launch.missiles[0].apogee [schema/additionalProperties]`],
  },
  {
    name: 'a value outside its vocabulary',
    changes: { [EV]: meeting().replace('military-meeting', 'militry-meeting') },
    expect: [`${EV}:1:7 type [schema/enum]`],
  },
  {
    name: 'a number written as a string',
    changes: { [LAUNCH]: launch('launch:\n  missile_count: {value: "1"}\n  missiles:\n    - class: srbm\n      count: {value: 1}\n') },
    expect: [`${LAUNCH}:5:26 launch.missile_count.value [schema/type]`],
  },
  {
    name: 'a count that is not whole',
    changes: { [LAUNCH]: launch('launch:\n  missile_count: {value: 1.5}\n  missiles:\n    - class: srbm\n      count: {value: 1}\n') },
    expect: [`${LAUNCH}:5:26 launch.missile_count.value [schema/type]`],
  },
  {
    name: 'a negative count',
    changes: { [LAUNCH]: launch('launch:\n  missile_count: {value: 1}\n  missiles:\n    - class: srbm\n      count: {value: -1}\n') },
    expect: [`${LAUNCH}:8:22 launch.missiles[0].count.value [schema/minimum]`],
  },
  { name: 'a date in the wrong form', changes: { [EV]: meeting('', '2023-12-1') }, expect: [`${EV}:3:7 date [schema/pattern]`] },
  { name: 'a day that does not exist', changes: { [EV]: meeting('', '2023-02-30') }, expect: [`${EV}:3:7 date [schema/edtf]`] },
  { name: 'a month that does not exist', changes: { [EV]: meeting('', '2023-13') }, expect: [`${EV}:3:7 date [schema/edtf]`] },
  { name: 'a 29 February outside a leap year', changes: { [EV]: meeting('', '2023-02-29') }, expect: [`${EV}:3:7 date [schema/edtf]`] },
  {
    name: 'a span that ends before it starts',
    changes: { [EV]: meeting('', '2023-12-31/2023-12-26') },
    expect: [`${EV}:3:7 date [schema/edtf]`],
  },
  { name: 'a year written as a bare number', changes: { [EV]: meeting('', '2023') }, expect: [`${EV}:3:7 date [schema/type]`] },
  {
    name: 'an accessed day that does not exist',
    changes: { [SRC]: source('url: https://www.example.org/x\n').replace('2026-11-25', '2026-02-30') },
    expect: [`${SRC}:6:11 accessed [schema/format]`],
  },
  {
    name: 'a URL that is not http(s)',
    changes: { [SRC]: source('url: ftp://example.org/x\n') },
    expect: [`${SRC}:7:6 url [schema/pattern]`],
  },
  { name: 'a source with neither URL nor seed file', changes: { [SRC]: source('') }, expect: [`${SRC}:1:1 url [schema/required]`] },
  {
    name: 'a file name that is not an id',
    changes: { 'data/actors/Leader_B.yaml': 'name: B\nkind: person\n' },
    expect: ['data/actors/Leader_B.yaml:1:1 id [schema/pattern]'],
  },
  { name: 'a reference that is not an id', changes: { [EV]: meeting('place: Site A\n') }, expect: [`${EV}:4:8 place [schema/pattern]`] },
  {
    name: 'an empty quotation',
    changes: { [EV]: meeting().replace('quote: Leader A met the commanders on New Year’s Eve.', 'quote: ""') },
    expect: [`${EV}:6:12 citations[0].quote [schema/minLength]`],
  },
  {
    name: 'a whitespace-only quotation',
    changes: { [EV]: meeting().replace('quote: Leader A met the commanders on New Year’s Eve.', 'quote: "   "') },
    expect: [`${EV}:6:12 citations[0].quote [schema/pattern]`],
  },
  {
    name: 'an overlong quotation',
    changes: { [EV]: meeting().replace('quote: Leader A met the commanders on New Year’s Eve.', `quote: ${'x'.repeat(1300)}`) },
    expect: [`${EV}:6:12 citations[0].quote [schema/maxLength]`, `${EV}:6:12 citations[0].quote [seed/not-verbatim]`],
  },
  {
    name: 'no citation at all',
    changes: { [EV]: 'type: military-meeting\ntitle: T\ndate: 2023-12-31\ncitations: []\n' },
    expect: [`${EV}:4:12 citations [schema/minItems]`],
  },
  {
    name: 'a repeated list item',
    changes: {
      [ST]: 'speaker: leader-a\ndate: 2023-12-31\nmedium: speech\nkinds: [threat, threat]\nsummary: S\ncitations:\n  - source: seeded-article\n    quote: Leader A met the commanders on New Year’s Eve.\n',
    },
    expect: [`${ST}:4:8 kinds [schema/uniqueItems]`],
  },
  { name: 'a launch without its launch section', changes: { [LAUNCH]: launch('') }, expect: [`${LAUNCH}:1:1 launch [schema/required]`] },
  {
    name: 'a launch section on a meeting',
    changes: { [EV]: meeting('launch:\n  missile_count: {value: 1}\n  missiles:\n    - class: srbm\n      count: {value: 1}\n') },
    expect: [`${EV}:4:1 launch [schema/not]`],
  },
  {
    name: 'a nuclear test without its details',
    changes: { [EV]: meeting().replace('military-meeting', 'nuclear-test') },
    expect: [`${EV}:1:1 nuclear_test [schema/required]`],
  },
  {
    name: 'a resolution without its details',
    changes: { [EV]: meeting().replace('military-meeting', 'un-resolution') },
    expect: [`${EV}:1:1 resolution [schema/required]`],
  },
  {
    name: 'a figure without a value',
    changes: {
      [FIG]:
        'claim:\n  qualifier: more-than\n  text: more than one\nunit: tests\nscope:\n  description: D\nmodality: reported\ncitations:\n  - source: example-2024-01-02-report\n    quote: State A has carried out more than one test this month.\n',
    },
    expect: [`${FIG}:2:3 claim.value [schema/required]`],
  },
  {
    name: 'a record figure with a value',
    changes: {
      [FIG]:
        'claim:\n  value: 3\n  qualifier: record\n  text: more than one\nunit: tests\nscope:\n  description: D\nmodality: reported\ncitations:\n  - source: example-2024-01-02-report\n    quote: State A has carried out more than one test this month.\n',
    },
    expect: [`${FIG}:2:3 claim.value [schema/not]`],
  },
  {
    name: 'a latitude without longitude or citations',
    changes: { 'data/places/region-a.yaml': 'name: Region A\nkind: region\nlatitude: 40.1\n' },
    expect: [
      'data/places/region-a.yaml:1:1 citations [schema/dependentRequired]',
      'data/places/region-a.yaml:1:1 longitude [schema/dependentRequired]',
    ],
  },
  {
    name: 'a latitude out of range',
    changes: {
      'data/places/region-a.yaml':
        'name: Region A\nkind: region\nlatitude: 140\nlongitude: 1\ncitations:\n  - source: example-2024-01-02-report\n    quote: q\n',
    },
    expect: ['data/places/region-a.yaml:3:11 latitude [schema/maximum]'],
  },
  {
    name: 'a UTC time without Z',
    changes: { [EV]: meeting('time_utc: 2023-12-31T10:00\ntime_utc_precision: minute\n') },
    expect: [`${EV}:4:11 time_utc [schema/pattern]`],
  },
  {
    name: 'a language that is not a tag',
    changes: { [SRC]: source('url: https://www.example.org/x\n').replace('language: en', 'language: English') },
    expect: [`${SRC}:4:11 language [schema/pattern]`],
  },
  {
    name: 'a country that is not an ISO code',
    changes: { 'data/actors/state-a.yaml': 'name: State A\nkind: state\ncountry: kp\n' },
    expect: ['data/actors/state-a.yaml:3:10 country [schema/pattern]'],
  },
  {
    name: 'a number where text is expected',
    changes: { 'data/actors/state-a.yaml': 'name: 1234\nkind: state\n' },
    expect: ['data/actors/state-a.yaml:1:7 name [schema/type]'],
  },
  {
    name: 'a mapping where a list is expected',
    changes: { [EV]: meeting('participants:\n  actor: leader-a\n') },
    expect: [`${EV}:5:3 participants [schema/type]`],
  },
  {
    name: 'an infinite number',
    changes: { [LAUNCH]: launch('launch:\n  missile_count: {value: .inf}\n  missiles:\n    - class: srbm\n      count: {value: 1}\n') },
    expect: [`${LAUNCH}:5:26 launch.missile_count.value [schema/type]`],
  },
  {
    name: 'not-a-number',
    changes: {
      [LAUNCH]: launch(
        'launch:\n  missile_count: {value: 1}\n  missiles:\n    - class: srbm\n      count: {value: 1}\n      apogee_km: {value: .nan}\n',
      ),
    },
    expect: [`${LAUNCH}:9:26 launch.missiles[0].apogee_km.value [schema/type]`],
  },
];

const loadCases: Case[] = [
  {
    name: 'the id written in the file',
    changes: { [EV]: `id: 2023-12-31-meeting-a\n${meeting()}` },
    expect: [`${EV}:1:1 id [record/id-in-file]`],
  },
  { name: 'a duplicate key', changes: { [EV]: meeting('title: Again\n') }, expect: [`${EV}:4:1  [yaml/duplicate_key]`] },
  {
    name: 'an anchor and an alias',
    changes: { [EV]: meeting('summary: &s text\nnotes: *s\n') },
    expect: [`${EV}:4:13  [yaml/anchor]`, `${EV}:5:8  [yaml/alias]`],
  },
  {
    name: 'an alias bomb',
    changes: { [EV]: meeting('notes: &a [x, x]\nsummary: &b [*a, *a]\n') },
    expect: [`${EV}:4:11  [yaml/anchor]`, `${EV}:5:13  [yaml/anchor]`, `${EV}:5:14  [yaml/alias]`, `${EV}:5:18  [yaml/alias]`],
  },
  { name: 'a custom tag', changes: { [EV]: meeting('summary: !shout text\n') }, expect: [`${EV}:4:17  [yaml/tag]`] },
  { name: 'a standard tag', changes: { [EV]: meeting('summary: !!str text\n') }, expect: [`${EV}:4:16  [yaml/tag]`] },
  { name: 'two documents in one file', changes: { [EV]: `${meeting()}---\n${meeting()}` }, expect: [`${EV}:7:1  [yaml/multi-document]`] },
  { name: 'an empty file', changes: { [EV]: '' }, expect: [`${EV}:1:1  [file/empty]`] },
  { name: 'a file of white space', changes: { [EV]: '  \n\n' }, expect: [`${EV}:1:1  [file/empty]`] },
  { name: 'a file of comments only', changes: { [EV]: '# nothing\n' }, expect: [`${EV}:1:1  [yaml/not-a-mapping]`] },
  {
    name: 'a byte order mark',
    changes: { [EV]: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(meeting())]) },
    expect: [`${EV}:1:1  [file/bom]`],
  },
  { name: 'CRLF line ends', changes: { [EV]: meeting().replace(/\n/g, '\r\n') }, expect: [`${EV}:1:23  [file/crlf]`] },
  {
    name: 'invalid UTF-8',
    changes: { [EV]: Buffer.concat([Buffer.from('type: military-meeting\ntitle: '), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]) },
    expect: [`${EV}:2:8  [file/encoding]`],
  },
  {
    name: 'a tab in the indentation',
    changes: { [EV]: meeting().replace('  - source', '\t- source') },
    expect: [`${EV}:5:1  [yaml/tab_as_indent]`],
  },
  {
    name: 'a __proto__ key',
    changes: { [EV]: meeting('__proto__: {polluted: true}\n') },
    expect: [`${EV}:4:1 __proto__ [yaml/forbidden-key]`],
  },
  { name: 'a constructor key', changes: { [EV]: meeting('constructor: x\n') }, expect: [`${EV}:4:1 constructor [yaml/forbidden-key]`] },
  { name: 'an enormous file', changes: { [EV]: meeting(`notes: ${'x'.repeat(300_000)}\n`) }, expect: [`${EV}:1:1  [file/too-large]`] },
  { name: 'a list instead of a mapping', changes: { [EV]: '- type: military-meeting\n' }, expect: [`${EV}:1:1  [yaml/not-a-mapping]`] },
  {
    name: 'broken YAML syntax',
    changes: { [EV]: 'type: military-meeting\ntitle: "unclosed\n' },
    expect: [`${EV}:3:1  [yaml/missing_char]`],
  },
  { name: 'a .yml file', changes: { 'data/events/x.yml': meeting() }, expect: ['data/events/x.yml:1:1  [file/extension]'] },
  {
    name: 'a folder that is not a collection',
    changes: { 'data/missiles/x.yaml': meeting() },
    expect: ['data/missiles:1:1  [file/unknown-collection]'],
  },
];

const crossCases: Case[] = [
  {
    name: 'the same id in two folders',
    changes: { 'data/events/2023/2023-12-31-meeting-a.yaml': meeting() },
    expect: [`data/events/2023/2023-12-31-meeting-a.yaml:1:1 id [id/duplicate]`, `${EV}:1:1 id [id/duplicate]`],
  },
  { name: 'a dangling reference', changes: { [EV]: meeting('place: site-b\n') }, expect: [`${EV}:4:8 place [ref/dangling]`] },
  {
    name: 'a reference to the wrong collection',
    changes: { [EV]: meeting('place: leader-a\n') },
    expect: [`${EV}:4:8 place [ref/dangling]`],
  },
  {
    name: 'a dangling citation source',
    changes: { [EV]: meeting().replace('source: seeded-article', 'source: no-such-source') },
    expect: [`${EV}:5:13 citations[0].source [ref/dangling]`],
  },
  {
    name: 'a replacement that does not exist',
    changes: {
      'data/places/region-a.yaml':
        'name: Region A\nkind: region\nretracted:\n  date: 2026-11-25\n  reason: merged\n  replaced_by: region-z\n',
    },
    expect: ['data/places/region-a.yaml:6:16 retracted.replaced_by [ref/dangling]'],
  },
  {
    name: 'a record that replaces itself',
    changes: {
      'data/places/region-a.yaml':
        'name: Region A\nkind: region\nretracted:\n  date: 2026-11-25\n  reason: merged\n  replaced_by: region-a\n',
    },
    expect: ['data/places/region-a.yaml:6:16 retracted.replaced_by [ref/self]'],
  },
  {
    name: 'a place that is part of itself',
    changes: { 'data/places/region-a.yaml': 'name: Region A\nkind: region\npart_of: site-a\n' },
    expect: ['data/places/region-a.yaml:3:10 part_of [ref/cycle]', 'data/places/site-a.yaml:4:10 part_of [ref/cycle]'],
  },
  {
    name: 'an event part of itself',
    changes: { [EV]: meeting('related:\n  - event: 2023-12-31-meeting-a\n    relation: part-of\n') },
    expect: [`${EV}:5:12 related[0].event [ref/cycle]`],
  },
  {
    name: 'a source cited for an event it predates',
    changes: { [EV]: meeting('', '2024-01-05') },
    expect: [`${EV}:5:13 citations[0].source [date/source-predates]`, `${ST}:3:7 date [date/outside-occasion]`],
  },
  {
    name: 'a quotation that is not in the seed text',
    changes: { [EV]: meeting().replace('Leader A met the commanders', 'Leader A met commanders') },
    expect: [`${EV}:6:12 citations[0].quote [seed/not-verbatim]`],
  },
  {
    name: 'a seed quotation with straight quotes',
    changes: { [EV]: meeting().replace('Year’s', "Year's") },
    expect: [`${EV}:6:12 citations[0].quote [seed/not-verbatim]`],
  },
  {
    name: 'a statement quotation not in the seed text',
    changes: {
      [ST]: `speaker: leader-a\ndate: 2023-12-31\nmedium: speech\nkinds: [threat]\nsummary: S\nquotations:\n  - text: We will strike.\n    language: en\n    source: seeded-article\ncitations:\n  - source: seeded-article\n    quote: Leader A met the commanders on New Year’s Eve.\n`,
    },
    expect: [`${ST}:7:11 quotations[0].text [seed/not-verbatim]`],
  },
  {
    // 23:10 UTC on 30 December is 08:10 on 31 December in Korea.
    name: 'a launch whose time_utc falls on another Korean day than its date',
    changes: {
      [LAUNCH]: launch(
        "time_utc: '2023-12-30T23:10:00Z'\ntime_utc_precision: minute\nlaunch:\n  missile_count: {value: 2}\n  missiles:\n    - class: srbm\n      count: {value: 2}\n",
      ),
    },
    expect: [`${LAUNCH}:4:11 time_utc [date/time-utc-mismatch]`],
  },
  {
    name: 'a time given without its precision',
    changes: { [EV]: meeting("time_utc: '2023-12-31T01:00:00Z'\n") },
    expect: [`${EV}:1:1 time_utc_precision [schema/dependentRequired]`],
  },
  {
    // One problem with its did-you-mean, and none of what a missile launch's type would require or refuse.
    name: 'a misspelled type on a launch',
    changes: {
      [LAUNCH]: launch('launch:\n  missile_count: {value: 2}\n  missiles:\n    - class: srbm\n      count: {value: 2}\n', 'missle-launch'),
    },
    expect: [`${LAUNCH}:1:7 type [schema/enum]`],
  },
  {
    name: 'a launch without its type',
    changes: {
      [LAUNCH]: launch('launch:\n  missile_count: {value: 2}\n  missiles:\n    - class: srbm\n      count: {value: 2}\n').replace(
        'type: missile-launch\n',
        '',
      ),
    },
    expect: [`${LAUNCH}:1:1 type [schema/required]`],
  },
  {
    name: 'a figure whose claim text is not in its quotations',
    changes: {
      [FIG]:
        'claim:\n  value: 1\n  qualifier: more-than\n  text: over one\nunit: tests\nscope:\n  description: D\nmodality: reported\ncitations:\n  - source: example-2024-01-02-report\n    quote: State A has carried out more than one test this month.\n',
    },
    expect: [`${FIG}:4:9 claim.text [figure/claim-not-quoted]`],
  },
  {
    // The fixture's coverage is complete for 2023 and holds 2 missiles in December: "more than 5" is contradicted.
    name: 'a reading the records contradict, with no difference given',
    changes: {
      [FIG]:
        'claim:\n  value: 5\n  qualifier: more-than\n  text: more than one\nunit: tests\nscope:\n  description: D\nmodality: reported\nderivations:\n  - reading: missiles launched in December 2023\n    unit: missiles\n    event_types: [missile-launch]\n    period: 2023-12\ncitations:\n  - source: example-2024-01-02-report\n    quote: State A has carried out more than one test this month.\n',
    },
    expect: [`${FIG}:10:5 derivations[0] [figure/unexplained-inconsistency]`],
  },
  {
    name: 'a contradicted reading is accepted once its difference is written',
    changes: {
      [FIG]:
        'claim:\n  value: 5\n  qualifier: more-than\n  text: more than one\nunit: tests\nscope:\n  description: D\nmodality: reported\nderivations:\n  - reading: missiles launched in December 2023\n    unit: missiles\n    event_types: [missile-launch]\n    period: 2023-12\n    difference: The claim counts something else.\ncitations:\n  - source: example-2024-01-02-report\n    quote: State A has carried out more than one test this month.\n',
    },
    expect: [],
  },
  {
    name: 'missile groups that do not add up',
    changes: {
      [LAUNCH]: launch(
        'launch:\n  missile_count: {value: 3}\n  missiles:\n    - class: srbm\n      count: {value: 1}\n    - class: cruise\n      count: {value: 1}\n',
      ),
    },
    expect: [`${LAUNCH}:5:26 launch.missile_count.value [launch/count-mismatch]`],
  },
  {
    name: 'a variant about a field that does not exist',
    changes: {
      [EV]: meeting(
        'variants:\n  - field: launch.missle_count\n    value: 2\n    citation:\n      source: seeded-article\n      quote: Leader A met the commanders on New Year’s Eve.\n',
      ),
    },
    expect: [`${EV}:5:12 variants[0].field [variant/unknown-field]`],
  },
  {
    name: 'a citation supporting a field that does not exist',
    changes: { [EV]: meeting().replace('    quote: Leader A', '    supports: [dat]\n    quote: Leader A') },
    expect: [`${EV}:6:16 citations[0].supports[0] [citation/unknown-field]`],
  },
  {
    name: 'text that a spreadsheet would run as a formula',
    changes: { [EV]: meeting('summary: =HYPERLINK("http://x")\nnotes: "@SUM(1)"\n') },
    expect: [`${EV}:4:10 summary [text/formula]`, `${EV}:5:8 notes [text/formula]`],
  },
  {
    name: 'text starting with a minus, plus or tab',
    changes: { [EV]: meeting('summary: -1+2\nnotes: "\\tx"\n').replace('Leader A meets commanders', '+cmd') },
    expect: [`${EV}:2:8 title [text/formula]`, `${EV}:4:10 summary [text/formula]`, `${EV}:5:8 notes [text/formula]`],
  },
  {
    name: 'an id that differs from another only in case',
    changes: { 'data/actors/State-A.yaml': 'name: State A again\nkind: state\n' },
    expect: ['data/actors/State-A.yaml:1:1 id [schema/pattern]'],
  },
  {
    name: 'a computed field written by hand',
    changes: {
      [FIG]:
        'claim:\n  value: 1\n  qualifier: more-than\n  text: more than one\nunit: tests\nscope:\n  description: D\nmodality: reported\nchecks: []\ncitations:\n  - source: example-2024-01-02-report\n    quote: State A has carried out more than one test this month.\n',
    },
    expect: [`${FIG}:9:9 checks [field/computed]`],
  },
  {
    name: "a date's derived bounds written by hand, at the top and nested",
    changes: {
      [EV]: meeting('date_earliest: 2023-12-31\n'),
      [FIG]:
        'claim:\n  value: 1\n  qualifier: more-than\n  text: more than one\nunit: tests\nscope:\n  description: D\n  period: 2023-12\n  period_latest: 2023-12-31\nmodality: reported\ncitations:\n  - source: example-2024-01-02-report\n    quote: State A has carried out more than one test this month.\n',
    },
    expect: [`${EV}:4:16 date_earliest [field/computed]`, `${FIG}:9:18 scope.period_latest [field/computed]`],
  },
  {
    name: 'a coverage declaration for an unknown event type',
    changes: {
      'data/coverage/launches-2023.yaml':
        'title: T\nevent_types: [missile-launches]\nperiod: 2023-01-01/2023-12-31\nstatus: complete\ncounting_rules: R\nreviewed: 2026-11-25\n',
    },
    expect: ['data/coverage/launches-2023.yaml:2:15 event_types[0] [schema/enum]'],
  },
  {
    name: 'a statement outside the dates of its occasion',
    changes: {
      [ST]: 'speaker: leader-a\ndate: 2023-12-30\noccasion: 2023-12-31-meeting-a\nmedium: speech\nkinds: [threat]\nsummary: S\ncitations:\n  - source: seeded-article\n    quote: Leader A met the commanders on New Year’s Eve.\n',
    },
    expect: [`${ST}:2:7 date [date/outside-occasion]`],
  },
];

function run(cases: Case[]) {
  for (const c of cases) {
    it(c.name, () => {
      const errors = errorsOf(validateFixture(c.changes));
      expect(errors.map(where).sort()).toEqual([...c.expect].sort());
      for (const e of errors) {
        expect(e.message.length).toBeGreaterThan(5);
        expect(e.hint ?? '', `no hint for ${where(e)}`).not.toBe('');
      }
    });
  }
}

describe('schema rules', () => run(schemaCases));
describe('loader refusals', () => run(loadCases));
describe('cross-record checks', () => run(crossCases));

describe('exemptions', () => {
  it('accepts a source that announces an event in advance when marked prospective', () => {
    const early = meeting('', '2024-01-05').replace('    quote: Leader A met', '    prospective: true\n    quote: Leader A met');
    const result = validateFixture({ [EV]: early, [ST]: null });
    expect(errorsOf(result).map(where)).toEqual([]);
  });
});

describe('warnings', () => {
  it('flags a reference to a retracted record without failing', () => {
    const result = validateFixture({
      'data/places/region-a.yaml': 'name: Region A\nkind: region\nretracted:\n  date: 2026-11-25\n  reason: duplicate of site-a\n',
    });
    expect(result.errors).toBe(0);
    expect(result.problems.map(where)).toEqual(['data/places/site-a.yaml:4:10 part_of [ref/retracted]']);
  });
  it('flags a date that disagrees with the date in the id, without failing', () => {
    const result = validateFixture({ [EV]: meeting('', '2023-12-30'), [ST]: null });
    expect(result.errors).toBe(0);
    expect(result.problems.map(where)).toEqual([`${EV}:3:7 date [date/id-mismatch]`]);
  });
  it('flags a missing seed text without failing', () => {
    const result = validateFixture({
      'data/sources/seeded-article.yaml':
        'title: A seed article\npublisher: Example News\npublished: 2024-01-01\nlanguage: en\nkind: news\naccessed: 2026-11-25\nseed_file: absent.txt\n',
    });
    expect(result.errors).toBe(0);
    expect(result.problems.map(where)).toEqual(['data/sources/seeded-article.yaml:7:12 seed_file [seed/missing]']);
  });
});

it('reports every problem of a badly broken record at once', () => {
  const result = validateFixture({
    [EV]: 'type: militry\ntitle: ""\ndate: 2023-02-30\nsummry: x\nplace: nowhere\ncitations:\n  - source: nope\n    quote: " "\n',
  });
  expect(errorsOf(result).map((p) => p.field)).toEqual([
    'type',
    'title',
    'date',
    'summry',
    'place',
    'citations[0].source',
    'citations[0].quote',
  ]);
});
