import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitSqlScript } from '../../src/db/sql-script.js';

describe('splitSqlScript', () => {
  it('keeps function bodies, quoted text and comments with semicolons whole', () => {
    const script = [
      '-- A comment; with a semicolon',
      "CREATE TABLE \"a;b\" (x TEXT DEFAULT 'it''s; fine');",
      '/* block; comment */ CREATE FUNCTION f() RETURNS INT LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;',
      "CREATE FUNCTION g() RETURNS TEXT LANGUAGE sql AS $body$ SELECT '$$;' $body$;",
      'SELECT $1, a$b$c FROM t;',
      '-- only a comment at the end;',
    ].join('\n');
    expect(splitSqlScript(script)).toEqual([
      "-- A comment; with a semicolon\nCREATE TABLE \"a;b\" (x TEXT DEFAULT 'it''s; fine')",
      '/* block; comment */ CREATE FUNCTION f() RETURNS INT LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$',
      "CREATE FUNCTION g() RETURNS TEXT LANGUAGE sql AS $body$ SELECT '$$;' $body$",
      'SELECT $1, a$b$c FROM t',
    ]);
  });

  it('cuts every migration of the project where a plain split on semicolons would, outside function bodies', async () => {
    const dir = join(import.meta.dirname, '../../prisma/migrations');
    for (const name of (await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name)) {
      const script = await readFile(join(dir, name, 'migration.sql'), 'utf8');
      if (script.includes('$$;')) continue;
      const naive = script
        .split(';')
        .map((statement) => statement.trim())
        .filter((statement) => statement !== '');
      expect(splitSqlScript(script), name).toEqual(naive);
    }
  });
});
