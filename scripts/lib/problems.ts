/** A problem found in the data, with everything a curator needs to fix it. */
export type Level = 'error' | 'warning';

export interface Problem {
  level: Level;
  /** Path of the file, relative to the repository root. */
  file: string;
  /** 1-based line and column; 1:1 when the problem concerns the whole file. */
  line: number;
  col: number;
  /** Dotted path of the field (launch.missiles[0].count), or '' for the whole record. */
  field: string;
  /** What is wrong. */
  message: string;
  /** How to fix it. */
  hint?: string;
  /** A short machine-readable code (schema/enum, ref/dangling, date/invalid...). */
  code: string;
}

export function formatProblem(p: Problem): string {
  const where = `${p.file}:${p.line}:${p.col}`;
  const field = p.field || '(record)';
  const hint = p.hint ? `  (${p.hint})` : '';
  const level = p.level === 'warning' ? 'warning: ' : '';
  return `${where}  ${field}  ${level}${p.message}${hint}`;
}

/** Stable order: by file, then position, then message. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.message.localeCompare(b.message),
  );
}

/** Turn a path of keys and indexes into the dotted form shown to curators: launch.missiles[0].count */
export function fieldPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${seg}` : seg;
  }
  return out;
}
