// The core is platform-neutral: written once for Slack and Teams, it must not reach for either SDK, the
// database, the HTTP server or the logger. Features reach those only through the ports in src/core.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const src = join(root, 'src');
const core = join(src, 'core');

/** Packages the core must not import (exact names, or name prefixes ending in / or -). */
const FORBIDDEN_PACKAGES: readonly RegExp[] = [
  /^@slack\//,
  /^@microsoft\//,
  /^botbuilder($|[-/])/,
  /^botframework-/,
  /^adaptivecards($|\/)/,
  /^@prisma\//,
  /^prisma($|\/)/,
  /^@electric-sql\//,
  /^pg($|[-/])/,
  /^express($|\/)/,
  /^pino($|[-/])/,
];

/** Parts of src outside the core that it must not import: platforms, storage, server, wiring, runtime. */
const FORBIDDEN_SOURCE = ['generated', 'db', 'slack', 'teams', 'server', 'app', 'cli', 'dev', 'logger.ts', 'main.ts'];

/** Every module specifier in a TypeScript source: static and type imports, re-exports, import(), require(). */
function importsOf(source: string): string[] {
  const patterns = [
    /\bimport\s+(?:type\s+)?[^'"();]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bexport\s+(?:type\s+)?(?:\*|\{[^}]*\})(?:\s+as\s+\w+)?\s*from\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1] ?? ''));
}

/** Why an import from `file` breaks the boundary, or undefined if it is fine. */
function violation(file: string, specifier: string): string | undefined {
  if (specifier.startsWith('.')) {
    const target = resolve(dirname(file), specifier);
    const inCore = target === core || target.startsWith(core + sep);
    if (inCore) return undefined;
    const fromSrc = relative(src, target).split(sep);
    const top = fromSrc[0] ?? '';
    const topFile = top.replace(/\.js$/, '.ts');
    if (!target.startsWith(src + sep)) return 'climbs out of src';
    return FORBIDDEN_SOURCE.includes(top) || FORBIDDEN_SOURCE.includes(topFile) ? `reaches src/${fromSrc.join('/')}` : undefined;
  }
  if (/^(src\/|\/)|generated\/prisma/.test(specifier)) return 'imports outside the core by path';
  return FORBIDDEN_PACKAGES.some((pattern) => pattern.test(specifier)) ? 'is a platform, storage or runtime package' : undefined;
}

function typescriptFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return typescriptFiles(path);
    return entry.isFile() && entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('the core boundary', () => {
  const files = typescriptFiles(core);
  const imports = files.flatMap((file) => importsOf(readFileSync(file, 'utf8')).map((specifier) => ({ file, specifier })));

  it('scans every TypeScript file in src/core, including subfolders', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    const names = files.map((file) => relative(core, file).split(sep).join('/'));
    expect(names).toEqual(expect.arrayContaining(['bot-core.ts', 'commands/grammar.ts', 'reply/reply.ts', 'i18n/translator.ts']));
    expect(imports.length).toBeGreaterThanOrEqual(20);
    expect(imports.map((found) => found.specifier)).toEqual(expect.arrayContaining(['zod', './commands/grammar.js']));
  });

  it('imports no platform SDK, database, server, logger, or code outside the core', () => {
    const problems = imports.flatMap(({ file, specifier }) => {
      const why = violation(file, specifier);
      return why ? [`${relative(root, file).split(sep).join('/')}: '${specifier}' ${why}`] : [];
    });
    expect(problems, `src/core must stay platform-neutral:\n${problems.join('\n')}`).toEqual([]);
  });
});

describe('the Teams adapter boundary', () => {
  it('keeps every Microsoft package import inside src/teams, so a later SDK move stays there', () => {
    const teams = join(src, 'teams');
    const outside = typescriptFiles(src).filter((file) => !file.startsWith(teams + sep));
    const problems = outside.flatMap((file) =>
      importsOf(readFileSync(file, 'utf8'))
        .filter((specifier) => /^@microsoft\//.test(specifier))
        .map((specifier) => `${relative(root, file).split(sep).join('/')}: '${specifier}'`),
    );
    expect(outside.length).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });
});

describe('the boundary check itself', () => {
  const file = join(core, 'regions', 'example.ts');

  it('finds every form of import', () => {
    const source = [
      "import { App } from '@slack/bolt';",
      "import type { TurnContext } from 'botbuilder';",
      "import * as pg from 'pg';",
      "import {\n  PrismaClient,\n} from '../../generated/prisma/client.js';",
      "import '../../server/http-server.js';",
      "export { thing } from '../../teams/adaptive-card.js';",
      "export * from '../../db/database.js';",
      "const pino = await import('pino');",
      "const express = require('express');",
    ].join('\n');
    expect(importsOf(source)).toEqual([
      '@slack/bolt',
      'botbuilder',
      'pg',
      '../../generated/prisma/client.js',
      '../../teams/adaptive-card.js',
      '../../db/database.js',
      '../../server/http-server.js',
      'pino',
      'express',
    ]);
  });

  it('flags forbidden packages and folders, and allows the core and plain libraries', () => {
    for (const bad of [
      '@slack/types',
      '@microsoft/teams-ai',
      'botbuilder-core',
      '@prisma/client',
      'pg',
      'express',
      'pino-pretty',
      '../../generated/prisma/client.js',
      '../../db/repositories/region-repository.js',
      '../../slack/block-kit.js',
      '../../teams/adaptive-card.js',
      '../../server/http-server.js',
      '../../app/bot.js',
      '../../logger.js',
      '../../../prisma.config.js',
    ]) {
      expect(violation(file, bad), bad).toBeDefined();
    }
    for (const good of ['zod', 'fastest-levenshtein', 'node:crypto', '../context.js', './region-directory.js', '../../core/actions.js', 'pgp-tools']) {
      expect(violation(file, good), good).toBeUndefined();
    }
  });
});
