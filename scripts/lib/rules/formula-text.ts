import { findStrings } from '../walk.ts';
import { problem, type Rule } from './context.ts';

const FORMULA = /^[=+\-@\t\r]/;

/** The CSV files keep every value as it is, so such a value is refused here rather than altered there. */
export const formulaText: Rule = {
  name: 'formula-text',
  codes: ['text/formula'],
  description: 'No text starts with a character a spreadsheet would run as a formula (= + - @ tab CR).',
  check: ({ records }) =>
    records.flatMap((rec) =>
      findStrings(rec.data, (v) => FORMULA.test(v)).map(({ path, value }) =>
        problem(
          rec,
          path,
          'text/formula',
          `the text starts with "${JSON.stringify(value[0]).slice(1, -1)}", which a spreadsheet could run as a formula`,
          'reword it so that it starts with a letter, digit or quotation mark',
        ),
      ),
    ),
};
