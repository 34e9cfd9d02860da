// Splits a migration script into its statements. Prisma's pg adapter splits scripts on every `;`,
// which breaks a function body ($$ … $$) and a semicolon in a comment or a string; this splitter
// skips over quoted text, dollar-quoted bodies and comments, so migrations may hold PL/pgSQL.

/** The statements of `script`, trimmed, without empty ones; comments stay with their statement. */
export function splitSqlScript(script: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  const push = (end: number) => {
    const statement = script.slice(start, end).trim();
    if (statement !== '' && !onlyComments(statement)) statements.push(statement);
  };
  while (i < script.length) {
    const char = script[i];
    const next = script[i + 1];
    if (char === '-' && next === '-') {
      const end = script.indexOf('\n', i);
      i = end === -1 ? script.length : end + 1;
    } else if (char === '/' && next === '*') {
      const end = script.indexOf('*/', i + 2);
      i = end === -1 ? script.length : end + 2;
    } else if (char === "'" || char === '"') {
      // A doubled quote inside is an escaped quote: the scan simply continues past it.
      const end = script.indexOf(char, i + 1);
      i = end === -1 ? script.length : end + 1;
    } else if (char === '$' && !/[A-Za-z0-9_$]/.test(script[i - 1] ?? '')) {
      // A dollar inside an identifier (a$b) starts nothing.
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(script.slice(i))?.[0];
      const end = tag ? script.indexOf(tag, i + tag.length) : -1;
      i = !tag ? i + 1 : end === -1 ? script.length : end + tag.length;
    } else if (char === ';') {
      push(i);
      i += 1;
      start = i;
    } else {
      i += 1;
    }
  }
  push(script.length);
  return statements;
}

function onlyComments(statement: string): boolean {
  return statement
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .every((line) => line.trim() === '' || line.trim().startsWith('--'));
}
