/**
 * The cross-record rules: what one record's schema cannot see. Each rule is a file in this folder;
 * adding a rule is adding a file and listing it here. Every rule reports all it finds.
 */
import type { Problem } from '../problems.ts';
import { computedFields } from './computed-fields.ts';
import { createContext, type CheckInput, type Rule } from './context.ts';
import { cycles } from './cycles.ts';
import { dateConsistency } from './date-consistency.ts';
import { fieldPaths } from './field-paths.ts';
import { figureClaim } from './figure-claim.ts';
import { figureDifferences } from './figure-differences.ts';
import { formulaText } from './formula-text.ts';
import { launchCounts } from './launch-counts.ts';
import { references } from './references.ts';
import { seedQuotes } from './seed-quotes.ts';
import { sourceDates } from './source-dates.ts';
import { statementOccasion } from './statement-occasion.ts';
import { uniqueIds } from './unique-ids.ts';

export type { CheckInput, Rule } from './context.ts';

export const RULES: readonly Rule[] = [
  uniqueIds,
  references,
  cycles,
  sourceDates,
  dateConsistency,
  seedQuotes,
  figureClaim,
  figureDifferences,
  launchCounts,
  formulaText,
  computedFields,
  fieldPaths,
  statementOccasion,
];

export function crossCheck(input: CheckInput): Problem[] {
  const ctx = createContext(input);
  return RULES.flatMap((rule) => rule.check(ctx));
}
