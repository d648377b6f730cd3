// The runner applies each migration in one transaction together with its history row. A
// COMMIT (or BEGIN, ROLLBACK …) inside the file would end that transaction part-way: what came
// before it stays applied, the rest and the history row may not. Such files are refused before
// anything runs. This reads SQL the way the server's lexer does, as far as telling statements
// apart needs: comments, quoted strings and identifiers, dollar-quoted bodies (where plpgsql's
// `begin … end` lives) and SQL-standard `begin atomic … end` bodies are not statements.

export interface TransactionControlStatement {
  /** The statement's leading keywords, upper-cased, e.g. `COMMIT` or `START TRANSACTION`. */
  keyword: string;
  /** 1-based line of the statement in the file. */
  line: number;
}

const ALWAYS = new Set(['begin', 'commit', 'rollback', 'end', 'abort', 'savepoint', 'release']);
const BEFORE_TRANSACTION = new Set(['start', 'prepare']);

interface Statement {
  words: string[];
  line: number;
}

/** Top-level statements as lists of (lower-cased) bare words, with the line each starts on. */
function statements(sql: string): Statement[] {
  const out: Statement[] = [];
  let current: Statement = { words: [], line: 1 };
  let line = 1;
  let atomicDepth = 0;
  let i = 0;
  const finish = (): void => {
    if (current.words.length > 0) out.push(current);
    current = { words: [], line };
  };
  const skipUntil = (end: string): void => {
    const found = sql.indexOf(end, i);
    const stop = found === -1 ? sql.length : found + end.length;
    line += (sql.slice(i, stop).match(/\n/g) ?? []).length;
    i = stop;
  };
  while (i < sql.length) {
    const ch = sql[i] ?? '';
    const next = sql[i + 1] ?? '';
    if (ch === '\n') {
      line++;
      i++;
    } else if (ch === '-' && next === '-') {
      skipUntil('\n');
    } else if (ch === '/' && next === '*') {
      i = skipBlockComment(sql, i, (n) => (line += n));
    } else if (ch === "'" || ch === '"') {
      const escapes = ch === "'" && /[eE]$/.test(sql.slice(Math.max(0, i - 1), i));
      i = skipQuoted(sql, i, ch, escapes, (n) => (line += n));
    } else if (ch === '$' && !/[A-Za-z0-9_$]/.test(sql[i - 1] ?? '')) {
      const tag = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i))?.[0];
      if (tag === undefined) {
        i++;
      } else {
        i += tag.length;
        skipUntil(tag);
      }
    } else if (ch === ';' && atomicDepth === 0) {
      i++;
      finish();
    } else if (/[A-Za-z_]/.test(ch)) {
      const word = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(sql.slice(i))?.[0] ?? ch;
      const lower = word.toLowerCase();
      if (current.words.length === 0) current.line = line;
      if (lower === 'atomic' && current.words.at(-1) === 'begin') atomicDepth++;
      else if (atomicDepth > 0 && lower === 'case') atomicDepth++;
      else if (atomicDepth > 0 && lower === 'end') atomicDepth--;
      current.words.push(lower);
      i += word.length;
    } else {
      if (!/\s/.test(ch) && current.words.length === 0) current.words.push(ch);
      i++;
    }
  }
  finish();
  return out;
}

function skipBlockComment(sql: string, start: number, lines: (n: number) => void): number {
  let depth = 0;
  let i = start;
  while (i < sql.length) {
    if (sql.startsWith('/*', i)) {
      depth++;
      i += 2;
    } else if (sql.startsWith('*/', i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else {
      if (sql[i] === '\n') lines(1);
      i++;
    }
  }
  return i;
}

function skipQuoted(
  sql: string,
  start: number,
  quote: string,
  backslashEscapes: boolean,
  lines: (n: number) => void,
): number {
  let i = start + 1;
  while (i < sql.length) {
    const ch = sql[i];
    if (ch === '\n') lines(1);
    if (backslashEscapes && ch === '\\') {
      i += 2;
    } else if (ch === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else {
      i++;
    }
  }
  return i;
}

/** Every top-level BEGIN, COMMIT, ROLLBACK, END, ABORT, SAVEPOINT, RELEASE, START/PREPARE TRANSACTION. */
export function findTransactionControl(sql: string): TransactionControlStatement[] {
  const found: TransactionControlStatement[] = [];
  for (const { words, line } of statements(sql)) {
    const [first = '', second = ''] = words;
    if (ALWAYS.has(first)) found.push({ keyword: first.toUpperCase(), line });
    else if (BEFORE_TRANSACTION.has(first) && second === 'transaction') {
      found.push({ keyword: `${first} ${second}`.toUpperCase(), line });
    }
  }
  return found;
}

/** Throws naming the file, line and statement when `sql` would end the runner's transaction. */
export function assertNoTransactionControl(fileName: string, sql: string): void {
  const [first] = findTransactionControl(sql);
  if (first === undefined) return;
  throw new Error(
    `${fileName} line ${first.line}: ${first.keyword} is not allowed in a migration file. ` +
      'The runner applies each file in one transaction with its history row; a transaction ' +
      'statement would keep part of the file and lose the rest. Remove it (split the change ' +
      'into two migrations if it needs two transactions). Nothing was applied.',
  );
}
