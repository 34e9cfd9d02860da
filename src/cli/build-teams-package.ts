/**
 * Builds the Microsoft Teams app package (the zip you upload in Teams admin or
 * "Upload a custom app"): manifest.json, color.png, outline.png and the localisation files
 * the manifest names (cy.json: Welsh names, descriptions and command lists) at the zip root.
 *
 *   npm run teams:package [-- --out build/teams/cop-bot-teams.zip]
 *     [--website-url URL] [--privacy-url URL] [--terms-url URL]
 *
 * Teams rejects a bad package with vague errors, so this checks the parts of
 * manifests/teams/manifest.json that are easy to get wrong first (lengths, URLs,
 * icon sizes, command lists, the search message extension) and prints one line per
 * problem. The manifest in the repository carries a placeholder GUID; when
 * MICROSOFT_APP_ID (the bot's Azure app id) is set, it replaces the placeholder app
 * id, bot id and message-extension bot id in the packaged copy. Likewise the
 * developer's example.org addresses are placeholders: the URL options (or
 * TEAMS_WEBSITE_URL, TEAMS_PRIVACY_URL, TEAMS_TERMS_URL) replace them, and the
 * packager warns about any left, because Teams shows them to every user.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { strToU8, zipSync } from 'fflate';
import { z } from 'zod';
import { CASE_SEARCH_COMMAND_ID, CASE_SEARCH_PARAMETER } from '../teams/message-extension-ids.js';

export const PLACEHOLDER_ID = '00000000-0000-0000-0000-000000000000';
export const DEFAULT_MANIFEST_DIR = fileURLToPath(new URL('../../manifests/teams/', import.meta.url));
const DEFAULT_OUT = 'build/teams/cop-bot-teams.zip';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const guid = z.string().regex(GUID, 'must be a GUID like 00000000-0000-0000-0000-000000000000');
const httpsUrl = z.string().regex(/^https:\/\/\S+$/, 'must be an https:// URL');
const iconFile = z.string().regex(/^[\w.-]+\.png$/, 'must be the name of a .png file next to manifest.json');
const text = (max: number) => z.string().trim().min(1).max(max);
const localisationFile = z.string().regex(/^[\w.-]+\.json$/, 'must be the name of a .json file next to manifest.json');
const botScope = z.enum(['personal', 'team', 'groupChat']);
const idsFile = 'src/teams/message-extension-ids.ts';

// The bot answers exactly one message-extension command; any other id or parameter name in the
// manifest would give people a search box that never finds anything.
const caseSearchCommand = z.object({
  id: z.literal(CASE_SEARCH_COMMAND_ID, `must be "${CASE_SEARCH_COMMAND_ID}", the search the bot answers (${idsFile})`),
  type: z.literal('query', 'must be "query" (a search)'),
  title: text(32),
  description: text(128),
  parameters: z
    .array(
      z.object({
        name: z.literal(CASE_SEARCH_PARAMETER, `must be "${CASE_SEARCH_PARAMETER}", the parameter the bot reads (${idsFile})`),
        title: text(32),
        description: text(128),
      }),
    )
    .length(1, 'must have exactly one parameter'),
});

const manifestSchema = z.object({
  manifestVersion: z.string().min(1),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version like 1.0.0'),
  id: guid,
  developer: z.object({
    name: text(32),
    websiteUrl: httpsUrl,
    privacyUrl: httpsUrl,
    termsOfUseUrl: httpsUrl,
  }),
  name: z.object({ short: text(30), full: text(100) }),
  description: z.object({ short: text(80), full: text(4000) }),
  icons: z.object({ color: iconFile, outline: iconFile }),
  accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #005EB8'),
  bots: z
    .array(
      z.object({
        botId: guid,
        scopes: z.array(botScope).min(1),
        commandLists: z
          .array(
            z.object({
              scopes: z.array(botScope).min(1),
              commands: z.array(z.object({ title: text(32), description: text(128) })).max(10),
            }),
          )
          .optional(),
      }),
    )
    .min(1),
  composeExtensions: z
    .array(z.object({ botId: guid, commands: z.array(caseSearchCommand).length(1, 'must have exactly one command') }))
    .max(1)
    .optional(),
  // Other languages' names, descriptions and command lists (cy.json: Welsh), each file next to manifest.json.
  localizationInfo: z
    .object({
      defaultLanguageTag: z.string().min(2),
      additionalLanguages: z.array(z.object({ languageTag: z.string().min(2), file: localisationFile })).optional(),
    })
    .optional(),
});

/** A localisation file: the four required texts within the manifest's own limits, and any other strings. */
const localisationSchema = z
  .object({
    'name.short': text(30),
    'name.full': text(100),
    'description.short': text(80),
    'description.full': text(4000),
  })
  .catchall(z.unknown());

/** The localisation files the manifest names, as they would be packaged. */
function localisationFiles(manifest: unknown): string[] {
  const parsed = z
    .object({ localizationInfo: z.object({ additionalLanguages: z.array(z.object({ file: localisationFile })).optional() }) })
    .safeParse(manifest);
  return parsed.success ? (parsed.data.localizationInfo.additionalLanguages ?? []).map((language) => language.file) : [];
}

/** The icons Teams requires, with their sizes in pixels. */
const ICONS = [
  { key: 'color', size: 192, transparent: false },
  { key: 'outline', size: 32, transparent: true },
] as const;

/** Error text for the common zod issues, phrased for someone editing the manifest. */
const describeIssue: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
  if (issue.code === 'too_big' && issue.origin === 'string') {
    return `must be at most ${issue.maximum} characters (is ${String(issue.input).length})`;
  }
  if (issue.code === 'too_big' && issue.origin === 'array' && Array.isArray(issue.input)) {
    return `must have at most ${issue.maximum} entries (has ${issue.input.length})`;
  }
  if (issue.code === 'too_small' && issue.origin === 'string') return 'must not be empty';
  return undefined;
};

/** "bots.0.commandLists.1.commands" -> "bots[0].commandLists[1].commands" */
function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

type PngInfo = { width: number; height: number; hasAlpha: boolean };

/** Reads width, height and transparency support from a PNG's header; undefined if not a PNG. */
export function readPngInfo(bytes: Uint8Array): PngInfo | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 33 || signature.some((b, i) => buf[i] !== b) || buf.toString('ascii', 12, 16) !== 'IHDR') {
    return undefined;
  }
  // Colour types 4 and 6 carry an alpha channel; other types get transparency from a
  // tRNS chunk, which must come before the image data (IDAT).
  const colourType = buf[25];
  let hasAlpha = colourType === 4 || colourType === 6;
  for (let at = 8; !hasAlpha && at + 8 <= buf.length; at += 12 + buf.readUInt32BE(at)) {
    const type = buf.toString('ascii', at + 4, at + 8);
    if (type === 'IDAT') break;
    hasAlpha = type === 'tRNS';
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20), hasAlpha };
}

/**
 * Checks a parsed manifest.json against what Teams requires, and the icon files it
 * names in iconDir. Returns one human-readable line per problem (empty when valid).
 */
export function validateTeamsManifest(manifest: unknown, iconDir: string): string[] {
  const problems: string[] = [];
  const result = manifestSchema.safeParse(manifest, { error: describeIssue });
  if (!result.success) {
    for (const issue of result.error.issues) problems.push(`${formatPath(issue.path) || 'manifest'}: ${issue.message}`);
  }

  for (const file of localisationFiles(manifest)) {
    const path = join(iconDir, file);
    if (!existsSync(path)) {
      problems.push(`localizationInfo: file ${file} not found in ${relative(process.cwd(), iconDir) || '.'}`);
      continue;
    }
    let content: unknown;
    try {
      content = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      problems.push(`${file}: cannot read it as JSON (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    const localised = localisationSchema.safeParse(content, { error: describeIssue });
    if (!localised.success)
      for (const issue of localised.error.issues) problems.push(`${file}: ${formatPath(issue.path)}: ${issue.message}`);
  }

  // Check the icon files even when other fields are wrong, as long as the names are usable.
  const icons = z.object({ icons: z.object({ color: iconFile, outline: iconFile }) }).safeParse(manifest);
  if (!icons.success) return problems;
  for (const { key, size, transparent } of ICONS) {
    const name = icons.data.icons[key];
    const file = join(iconDir, name);
    const where = `icons.${key}`;
    if (!existsSync(file)) {
      problems.push(`${where}: file ${name} not found in ${relative(process.cwd(), iconDir) || '.'}`);
      continue;
    }
    const info = readPngInfo(readFileSync(file));
    if (!info) {
      problems.push(`${where}: ${name} is not a PNG file`);
      continue;
    }
    if (info.width !== size || info.height !== size) {
      problems.push(`${where}: ${name} must be ${size}x${size} pixels (is ${info.width}x${info.height})`);
    }
    if (transparent && !info.hasAlpha) {
      problems.push(`${where}: ${name} must have a transparent background (white shape on transparent)`);
    }
  }
  return problems;
}

export type BuildResult = { problems: string[]; warnings: string[]; outFile?: string };

/** The developer's addresses Teams shows on the app's details page, with how to set each. */
export const DEVELOPER_URLS = [
  { key: 'websiteUrl', option: 'website-url', env: 'TEAMS_WEBSITE_URL' },
  { key: 'privacyUrl', option: 'privacy-url', env: 'TEAMS_PRIVACY_URL' },
  { key: 'termsOfUseUrl', option: 'terms-url', env: 'TEAMS_TERMS_URL' },
] as const;
export type DeveloperUrls = Partial<Record<(typeof DEVELOPER_URLS)[number]['key'], string>>;

/** example.org and its siblings are reserved for examples (RFC 2606): never a real privacy notice. */
function isPlaceholderUrl(url: string): boolean {
  try {
    return /(^|\.)example\.(org|com|net)$/i.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

/**
 * Validates manifestDir/manifest.json (with the given developer URLs put in first, so
 * they are checked too) and, if it has no problems, writes the zip to outFile with the
 * placeholder ids replaced by appId (when appId is a GUID).
 */
export function buildTeamsPackage(options: {
  manifestDir?: string;
  outFile: string;
  appId?: string | undefined;
  developerUrls?: DeveloperUrls;
  /** A production package: placeholder ids and addresses are problems, not warnings. */
  production?: boolean;
}): BuildResult {
  const manifestDir = options.manifestDir ?? DEFAULT_MANIFEST_DIR;
  const manifestFile = join(manifestDir, 'manifest.json');
  const warnings: string[] = [];

  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  } catch (err) {
    return { problems: [`manifest.json: cannot read it as JSON (${(err as Error).message})`], warnings };
  }
  const developer = (manifest as { developer?: unknown } | null)?.developer;
  if (developer && typeof developer === 'object') {
    for (const { key } of DEVELOPER_URLS) {
      const url = options.developerUrls?.[key]?.trim();
      if (url) (developer as Record<string, unknown>)[key] = url;
    }
  }
  const problems = validateTeamsManifest(manifest, manifestDir);
  if (problems.length > 0) return { problems, warnings };
  // Validation passed, so the shape below is guaranteed.
  const valid = manifest as z.infer<typeof manifestSchema> & Record<string, unknown>;

  const appId = options.appId?.trim();
  if (appId && GUID.test(appId)) {
    if (valid.id === PLACEHOLDER_ID) valid.id = appId;
    for (const bot of valid.bots) if (bot.botId === PLACEHOLDER_ID) bot.botId = appId;
    // The message extension is served by the same bot, so it carries the same id.
    for (const extension of valid.composeExtensions ?? []) if (extension.botId === PLACEHOLDER_ID) extension.botId = appId;
  } else {
    warnings.push(
      appId
        ? `MICROSOFT_APP_ID "${appId}" is not a GUID; keeping the placeholder id.`
        : 'MICROSOFT_APP_ID is not set; keeping the placeholder id.',
    );
  }
  const botIds = [...valid.bots, ...(valid.composeExtensions ?? [])].map((entry) => entry.botId);
  if (valid.id === PLACEHOLDER_ID || botIds.includes(PLACEHOLDER_ID)) {
    warnings.push(`The package still has the placeholder id ${PLACEHOLDER_ID} and cannot be uploaded to Teams as is.`);
  }
  for (const { key, option, env } of DEVELOPER_URLS) {
    const url = valid.developer[key];
    if (isPlaceholderUrl(url)) {
      warnings.push(`developer.${key} is still the placeholder ${url}: Teams shows it to every user; pass --${option} (or set ${env}).`);
    }
  }
  // Users read the privacy notice and terms from the app's page in Teams: a production package must
  // carry the trust's own, and the bot's real id.
  if (options.production && warnings.length > 0)
    return { problems: warnings.map((warning) => `${warning} (NODE_ENV=production)`), warnings: [] };

  const zip = zipSync({
    'manifest.json': strToU8(`${JSON.stringify(valid, null, 2)}\n`),
    [valid.icons.color]: readFileSync(join(manifestDir, valid.icons.color)),
    [valid.icons.outline]: readFileSync(join(manifestDir, valid.icons.outline)),
    ...Object.fromEntries(localisationFiles(valid).map((file) => [file, readFileSync(join(manifestDir, file))])),
  });
  const outFile = resolve(options.outFile);
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, zip);
  return { problems, warnings, outFile };
}

function main(): number {
  let out: string;
  const developerUrls: DeveloperUrls = {};
  try {
    const { values } = parseArgs({
      options: {
        out: { type: 'string', default: DEFAULT_OUT },
        'website-url': { type: 'string' },
        'privacy-url': { type: 'string' },
        'terms-url': { type: 'string' },
      },
    });
    out = values.out;
    // A command-line option wins over its environment variable.
    for (const { key, option, env } of DEVELOPER_URLS) developerUrls[key] = values[option] ?? process.env[env];
  } catch (err) {
    const urls = DEVELOPER_URLS.map(({ option }) => `[--${option} URL]`).join(' ');
    console.error(`${(err as Error).message}\nUsage: npm run teams:package -- [--out ${DEFAULT_OUT}] ${urls}`);
    return 1;
  }

  const { problems, warnings, outFile } = buildTeamsPackage({
    outFile: out,
    appId: process.env.MICROSOFT_APP_ID,
    developerUrls,
    production: process.env.NODE_ENV === 'production',
  });
  for (const problem of problems) console.error(`problem: ${problem}`);
  if (problems.length > 0) {
    console.error(`manifests/teams/manifest.json has ${problems.length} problem(s); no package written.`);
    return 1;
  }
  for (const warning of warnings) console.warn(`warning: ${warning}`);
  const shown = relative(process.cwd(), outFile ?? out);
  console.log(`Wrote ${shown.startsWith('..') ? outFile : shown}`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main();
}
