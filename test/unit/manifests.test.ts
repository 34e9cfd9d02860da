import { describe, it, expect } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { isScalar, isSeq, parse, parseDocument } from 'yaml';
// Microsoft's own manifest schemas, checked offline; both packages are CommonJS, hence `.default`.
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { COMMANDS, GRAMMAR } from '../../src/core/bot-core.js';
import { translator } from '../../src/core/i18n/translator.js';
import { DEFAULT_MANIFEST_DIR, PLACEHOLDER_ID, buildTeamsPackage, validateTeamsManifest } from '../../src/cli/build-teams-package.js';
import { CASE_SEARCH_COMMAND_ID, CASE_SEARCH_PARAMETER } from '../../src/teams/message-extension-ids.js';

const slackManifestText = readFileSync(fileURLToPath(new URL('../../manifests/slack/manifest.yaml', import.meta.url)), 'utf8');
const teamsManifestText = readFileSync(join(DEFAULT_MANIFEST_DIR, 'manifest.json'), 'utf8');

type TeamsManifest = {
  $schema: string;
  manifestVersion: string;
  id: string;
  developer: { websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  description: { short: string };
  icons: { color: string; outline: string };
  bots: { botId: string; commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[] }[];
  composeExtensions?: {
    botId: string;
    commands: { id: string; type: string; parameters: { name: string; inputType?: string }[] }[];
  }[];
};
const teamsManifest = (): TeamsManifest => JSON.parse(teamsManifestText) as TeamsManifest;

/** Real-looking addresses, so that a package built in a test has no placeholder warnings. */
const developerUrls = {
  websiteUrl: 'https://cop.nhs.example.uk/',
  privacyUrl: 'https://cop.nhs.example.uk/privacy',
  termsOfUseUrl: 'https://cop.nhs.example.uk/terms',
};

/** Builds the package into a fresh folder and returns the result with the packaged manifest. */
function buildAndRead(options: Omit<Parameters<typeof buildTeamsPackage>[0], 'outFile'>) {
  const outFile = join(mkdtempSync(join(tmpdir(), 'teams-package-')), 'cop-bot-teams.zip');
  const result = buildTeamsPackage({ outFile, ...options });
  const entries = unzipSync(readFileSync(outFile));
  const manifest = JSON.parse(strFromU8(entries['manifest.json'] ?? new Uint8Array())) as TeamsManifest;
  return { result, entries, manifest };
}

/**
 * Microsoft's JSON schema for a manifest version, from @microsoft/app-manifest, validated the way
 * that package does it (draft-04 with the uri, email and regex formats). Returns ajv's errors.
 */
function officialSchemaErrors(manifest: object & { manifestVersion: string }, schema = 'MicrosoftTeams.schema.json'): string[] {
  const schemaFile = createRequire(import.meta.url).resolve(
    `@microsoft/app-manifest/build/json-schemas/teams/v${manifest.manifestVersion}/${schema}`,
  );
  // Microsoft's localisation schema has patterns (`\b` inside brackets) that are valid only without the `u` flag.
  const ajv = new AjvDraft04.default({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  ajvFormats.default(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
  const { manifestVersion: _version, ...document } = manifest;
  return validate(schema === 'MicrosoftTeams.schema.json' ? manifest : document)
    ? []
    : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

describe('Slack manifest', () => {
  const manifest = parse(slackManifestText) as {
    display_information: { name: string; description: string; long_description: string };
    features: { slash_commands: { command: string; url: string }[] };
    oauth_config: { scopes: { bot: string[] } };
    settings: {
      event_subscriptions: { request_url: string; bot_events: string[] };
      interactivity: { is_enabled: boolean; request_url: string; message_menu_options_url: string };
    };
  };

  it("says in English and Welsh that the bot speaks Welsh, within Slack's description limits", () => {
    const { description, long_description } = manifest.display_information;
    expect(description.length).toBeLessThanOrEqual(140);
    expect(long_description.length).toBeLessThanOrEqual(4000);
    expect(description).toMatch(/Welsh/);
    expect(description).toMatch(/Gymraeg/);
    expect(long_description).toMatch(/speaks Welsh/);
    expect(long_description).toMatch(/\/cop cymorth/);
    expect(long_description).toMatch(/yn Gymraeg ac yn Saesneg/);
  });

  it('has the /cop command pointing at /slack/events', () => {
    expect(manifest.display_information.name).toBe('CoP Bot');
    expect(manifest.display_information.long_description.length).toBeGreaterThanOrEqual(175);
    expect(manifest.features.slash_commands).toEqual([expect.objectContaining({ command: '/cop', url: 'https://YOUR-HOST/slack/events' })]);
  });

  it('sends events and interactivity to /slack/events', () => {
    const { event_subscriptions, interactivity } = manifest.settings;
    expect(event_subscriptions.request_url).toBe('https://YOUR-HOST/slack/events');
    expect(event_subscriptions.bot_events).toContain('app_home_opened');
    // Metrics CSVs shared in the bot's direct messages.
    expect(event_subscriptions.bot_events).toContain('message.im');
    expect(interactivity.is_enabled).toBe(true);
    expect(interactivity.request_url).toBe('https://YOUR-HOST/slack/events');
    expect(interactivity.message_menu_options_url).toBe('https://YOUR-HOST/slack/events');
  });

  it('asks for exactly the bot scopes the features need, each with a reason', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      [
        'commands',
        'chat:write',
        'chat:write.public',
        'im:write',
        'users:read',
        'users:read.email',
        'channels:read',
        'groups:read',
        'channels:manage',
        'groups:write',
        'files:write',
        'files:read',
        'im:history',
      ].sort(),
    );
    const scopes = parseDocument(slackManifestText).getIn(['oauth_config', 'scopes', 'bot'], true);
    if (!isSeq(scopes)) throw new Error('oauth_config.scopes.bot is not a list');
    for (const item of scopes.items) {
      if (!isScalar(item)) throw new Error('scope is not a plain value');
      const reason = (item.comment ?? item.commentBefore ?? '').trim();
      expect(reason, `reason comment for ${String(item.value)}`).not.toBe('');
    }
  });
});

describe('Teams manifest', () => {
  it('passes validation', () => {
    expect(validateTeamsManifest(teamsManifest(), DEFAULT_MANIFEST_DIR)).toEqual([]);
  });

  it('reports one problem per mistake', () => {
    const broken = teamsManifest();
    broken.description.short = 'x'.repeat(81);
    broken.icons.outline = 'missing.png';
    const list = broken.bots[0]?.commandLists[0];
    if (!list) throw new Error('manifest has no command list');
    list.commands = Array.from({ length: 11 }, (_, i) => ({ title: `cmd${i}`, description: 'A command' }));

    const problems = validateTeamsManifest(broken, DEFAULT_MANIFEST_DIR);
    expect(problems).toHaveLength(3);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^description\.short: must be at most 80 characters/),
        expect.stringMatching(/^icons\.outline: file missing\.png not found/),
        expect.stringMatching(/^bots\[0\]\.commandLists\[0\]\.commands: must have at most 10 entries/),
      ]),
    );
  });

  it('reports an icon with the wrong pixel size', () => {
    const dir = mkdtempSync(join(tmpdir(), 'teams-icons-'));
    copyFileSync(join(DEFAULT_MANIFEST_DIR, 'color.png'), join(dir, 'color.png'));
    copyFileSync(join(DEFAULT_MANIFEST_DIR, 'color.png'), join(dir, 'outline.png'));
    copyFileSync(join(DEFAULT_MANIFEST_DIR, 'cy.json'), join(dir, 'cy.json'));
    expect(validateTeamsManifest(teamsManifest(), dir)).toEqual(['icons.outline: outline.png must be 32x32 pixels (is 192x192)']);
  });
});

describe('Teams package', () => {
  const appId = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';

  it('zips manifest.json and the icons, with the app id and developer URLs substituted', () => {
    const outFile = join(mkdtempSync(join(tmpdir(), 'teams-package-')), 'nested', 'cop-bot-teams.zip');
    const result = buildTeamsPackage({ outFile, appId, developerUrls });
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);

    const entries = unzipSync(readFileSync(outFile));
    expect(Object.keys(entries).sort()).toEqual(['color.png', 'cy.json', 'manifest.json', 'outline.png']);
    expect(entries['cy.json']).toEqual(new Uint8Array(readFileSync(join(DEFAULT_MANIFEST_DIR, 'cy.json'))));
    const packaged = JSON.parse(strFromU8(entries['manifest.json'] ?? new Uint8Array())) as TeamsManifest;
    expect(packaged.id).toBe(appId);
    expect(packaged.bots[0]?.botId).toBe(appId);
    expect(packaged.composeExtensions?.[0]?.botId).toBe(appId);
    expect(packaged.developer).toMatchObject(developerUrls);
    expect(entries['color.png']).toEqual(new Uint8Array(readFileSync(join(DEFAULT_MANIFEST_DIR, 'color.png'))));
  });

  it('in production refuses placeholder privacy and terms addresses and the placeholder id, writing nothing; warns otherwise', () => {
    const outFile = join(mkdtempSync(join(tmpdir(), 'teams-package-')), 'cop-bot-teams.zip');
    const refused = buildTeamsPackage({ outFile, production: true });
    expect(refused.outFile).toBeUndefined();
    expect(refused.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^developer\.privacyUrl is still the placeholder https:\/\/[^ ]*example\.org.*\(NODE_ENV=production\)$/),
        expect.stringMatching(/^developer\.termsOfUseUrl is still the placeholder .*\(NODE_ENV=production\)$/),
        expect.stringMatching(/^MICROSOFT_APP_ID is not set; keeping the placeholder id\. \(NODE_ENV=production\)$/),
      ]),
    );
    expect(existsSync(outFile)).toBe(false);
    const tried = buildTeamsPackage({ outFile });
    expect(tried.problems).toEqual([]);
    expect(tried.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^developer\.privacyUrl is still the placeholder/)]));
    expect(buildTeamsPackage({ outFile, appId, developerUrls, production: true })).toMatchObject({ problems: [], warnings: [] });
  });

  it("passes Microsoft's official JSON schema for its manifest version", () => {
    const { result, manifest } = buildAndRead({ appId, developerUrls });
    expect(result.problems).toEqual([]);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/en-us/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
    expect(officialSchemaErrors(manifest)).toEqual([]);
  });

  it('the official schema check catches what Teams would refuse (so the test above can fail)', () => {
    const { manifest } = buildAndRead({ appId, developerUrls });
    const list = manifest.bots[0]?.commandLists[0];
    if (!list) throw new Error('manifest has no command list');
    list.commands.push({ title: 'extra', description: 'One too many' });
    const parameter = manifest.composeExtensions?.[0]?.commands[0]?.parameters[0];
    if (!parameter) throw new Error('manifest has no message-extension parameter');
    parameter.inputType = 'search';
    expect(officialSchemaErrors(manifest)).toEqual([
      '/bots/0/commandLists/0/commands must NOT have more than 10 items',
      '/composeExtensions/0/commands/0/parameters/0/inputType must be equal to one of the allowed values',
    ]);
  });

  it("has a Welsh localisation (cy.json) that passes Microsoft's localisation schema", () => {
    const { entries, manifest } = buildAndRead({ appId, developerUrls });
    expect((manifest as { localizationInfo?: unknown }).localizationInfo).toEqual({
      defaultLanguageTag: 'en-GB',
      additionalLanguages: [{ languageTag: 'cy', file: 'cy.json' }],
    });
    const welsh = JSON.parse(strFromU8(entries['cy.json'] ?? new Uint8Array())) as Record<string, string>;
    expect(welsh.$schema).toBe(
      `https://developer.microsoft.com/en-us/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.Localization.schema.json`,
    );
    expect(
      officialSchemaErrors({ ...welsh, manifestVersion: manifest.manifestVersion }, 'MicrosoftTeams.Localization.schema.json'),
    ).toEqual([]);
    // The schema check can fail: a Welsh description over Teams' 80 characters, or a key Teams does not know.
    const broken = { ...welsh, 'description.short': 'x'.repeat(81), 'bots[0].nonsense': 'x', manifestVersion: manifest.manifestVersion };
    expect(officialSchemaErrors(broken, 'MicrosoftTeams.Localization.schema.json').length).toBeGreaterThanOrEqual(2);
  });

  it('reports a localisation file that is missing or too long', () => {
    const dir = mkdtempSync(join(tmpdir(), 'teams-localised-'));
    for (const file of ['color.png', 'outline.png']) copyFileSync(join(DEFAULT_MANIFEST_DIR, file), join(dir, file));
    expect(validateTeamsManifest(teamsManifest(), dir)).toEqual([expect.stringMatching(/^localizationInfo: file cy\.json not found/)]);
    const welsh = JSON.parse(readFileSync(join(DEFAULT_MANIFEST_DIR, 'cy.json'), 'utf8')) as Record<string, string>;
    writeFileSync(join(dir, 'cy.json'), JSON.stringify({ ...welsh, 'name.short': 'x'.repeat(31) }));
    expect(validateTeamsManifest(teamsManifest(), dir)).toEqual([
      expect.stringMatching(/^cy\.json: name\.short: must be at most 30 characters/),
    ]);
  });

  it('offers the case-study search as a message extension served by the bot', () => {
    const { manifest } = buildAndRead({ appId, developerUrls });
    expect(manifest.composeExtensions).toHaveLength(1);
    const extension = manifest.composeExtensions?.[0];
    expect(extension?.botId).toBe(manifest.bots[0]?.botId);
    expect(extension?.commands).toEqual([
      expect.objectContaining({
        id: CASE_SEARCH_COMMAND_ID,
        type: 'query',
        parameters: [expect.objectContaining({ name: CASE_SEARCH_PARAMETER, inputType: 'text' })],
      }),
    ]);
  });

  it('refuses a message-extension command or parameter the bot does not answer', () => {
    const broken = teamsManifest();
    const command = broken.composeExtensions?.[0]?.commands[0];
    if (!command?.parameters[0]) throw new Error('manifest has no message-extension command');
    command.id = 'searchEvents';
    command.parameters[0].name = 'q';
    expect(validateTeamsManifest(broken, DEFAULT_MANIFEST_DIR)).toEqual([
      expect.stringMatching(/^composeExtensions\[0\]\.commands\[0\]\.id: must be "searchCases"/),
      expect.stringMatching(/^composeExtensions\[0\]\.commands\[0\]\.parameters\[0\]\.name: must be "query"/),
    ]);
  });

  it('warns about each example.org address left, naming the option that sets it', () => {
    const { result, manifest } = buildAndRead({ appId, developerUrls: { privacyUrl: developerUrls.privacyUrl } });
    expect(result.problems).toEqual([]);
    expect(manifest.developer.privacyUrl).toBe(developerUrls.privacyUrl);
    expect(result.warnings).toEqual([
      `developer.websiteUrl is still the placeholder ${teamsManifest().developer.websiteUrl}: ` +
        'Teams shows it to every user; pass --website-url (or set TEAMS_WEBSITE_URL).',
      `developer.termsOfUseUrl is still the placeholder ${teamsManifest().developer.termsOfUseUrl}: ` +
        'Teams shows it to every user; pass --terms-url (or set TEAMS_TERMS_URL).',
    ]);
    expect(teamsManifest().developer.termsOfUseUrl).toMatch(/^https:\/\/example\.org\//);
  });

  it('reports a developer URL given on the command line that is not https', () => {
    const dir = mkdtempSync(join(tmpdir(), 'teams-url-'));
    const badUrls = { ...developerUrls, termsOfUseUrl: 'http://x' };
    const result = buildTeamsPackage({ outFile: join(dir, 'out.zip'), appId, developerUrls: badUrls });
    expect(result.problems).toEqual(['developer.termsOfUseUrl: must be an https:// URL']);
    expect(result.outFile).toBeUndefined();
  });

  it('keeps the placeholder and warns when MICROSOFT_APP_ID is missing or not a GUID', () => {
    for (const badId of [undefined, 'not-a-guid']) {
      const { result, manifest: packaged } = buildAndRead({ appId: badId, developerUrls });
      expect(result.problems).toEqual([]);
      expect(result.warnings.join('\n')).toMatch(/cannot be uploaded/);
      expect(packaged.id).toBe(PLACEHOLDER_ID);
      expect(packaged.composeExtensions?.[0]?.botId).toBe(PLACEHOLDER_ID);
    }
  });

  it('writes nothing when the manifest has problems', () => {
    const dir = mkdtempSync(join(tmpdir(), 'teams-broken-'));
    writeFileSync(join(dir, 'manifest.json'), '{ not json');
    const result = buildTeamsPackage({ manifestDir: dir, outFile: join(dir, 'out.zip'), appId });
    expect(result.problems).toEqual([expect.stringMatching(/^manifest\.json: cannot read it as JSON/)]);
    expect(result.outFile).toBeUndefined();
  });
});

describe('manifests and the command grammar', () => {
  const manifest = JSON.parse(readFileSync(join(DEFAULT_MANIFEST_DIR, 'manifest.json'), 'utf8')) as TeamsManifest;
  const t = translator('en-GB');

  it('lists in Teams at most 10 commands per scope (its limit), each one the bot understands, with its summary', () => {
    const lists = manifest.bots[0]?.commandLists ?? [];
    expect(lists.length).toBeGreaterThan(0);
    for (const list of lists) {
      expect(list.commands.length).toBeLessThanOrEqual(10);
      for (const listed of list.commands) {
        const command = COMMANDS.find((candidate) => candidate.words === listed.title);
        expect(command, `${listed.title} is a command`).toBeDefined();
        // The menu says what `help` says, unless that is longer than Teams' 128 characters.
        const summary = command ? t(command.summary) : '';
        if (summary.length <= 128) expect(listed.description).toBe(summary);
        else expect(listed.description.length).toBeLessThanOrEqual(128);
      }
      // `help` reaches every command that did not fit in the menu.
      expect(list.commands.map((command) => command.title)).toContain('help');
      expect(new Set(list.commands.map((command) => command.title)).size).toBe(list.commands.length);
    }
  });

  it('offers members the everyday commands in the personal chat, and channel work where the bot is @mentioned', () => {
    const titles = (scope: string) =>
      manifest.bots[0]?.commandLists.find((list) => list.scopes.includes(scope))?.commands.map((command) => command.title);
    expect(titles('personal')).toEqual([
      'help',
      'join',
      'home',
      'events',
      'my events',
      'cases',
      'case submit',
      'digest preview',
      'my data',
      'regions',
    ]);
    const channel = [
      'help',
      'events',
      'cases',
      'event new',
      'digest subscribe',
      'digest list',
      'digest preview',
      'channel link',
      'regions',
      'members',
    ];
    expect(titles('team')).toEqual(channel);
    expect(titles('groupChat')).toEqual(channel);
  });

  it('lists in Welsh (cy.json) the Welsh words of the same commands, each of which the bot understands', () => {
    const welsh = JSON.parse(readFileSync(join(DEFAULT_MANIFEST_DIR, 'cy.json'), 'utf8')) as Record<string, string>;
    const lists = manifest.bots[0]?.commandLists ?? [];
    lists.forEach((list, i) =>
      list.commands.forEach((listed, j) => {
        const title = welsh[`bots[0].commandLists[${i}].commands[${j}].title`] ?? '';
        const description = welsh[`bots[0].commandLists[${i}].commands[${j}].description`] ?? '';
        // Clicking the Welsh entry sends its title: the grammar reads it as the English command.
        expect(GRAMMAR.find(title), `${title} is ${listed.title}`).toBe(GRAMMAR.find(listed.title));
        expect(COMMANDS.find((command) => command.words === listed.title)?.cy ?? []).toContain(title);
        expect(description.length).toBeGreaterThan(0);
        expect(description.length).toBeLessThanOrEqual(128);
      }),
    );
  });

  it('lets people attach files in the Teams personal chat (metrics CSVs to import)', () => {
    expect((manifest.bots[0] as { supportsFiles?: boolean } | undefined)?.supportsFiles).toBe(true);
  });

  it('hints in Slack at commands that exist', () => {
    const slack = parse(readFileSync(join(DEFAULT_MANIFEST_DIR, '../slack/manifest.yaml'), 'utf8')) as {
      features: { slash_commands: { usage_hint: string }[] };
    };
    const hinted = slack.features.slash_commands[0]?.usage_hint.split('|').map((word) => word.trim()) ?? [];
    expect(hinted.length).toBeGreaterThan(0);
    for (const word of hinted) expect(COMMANDS.map((command) => command.words)).toContain(word);
  });
});
