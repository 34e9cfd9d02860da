import { describe, it, expect } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { isScalar, isSeq, parse, parseDocument } from 'yaml';
import { COMMANDS } from '../../src/core/bot-core.js';
import { translator } from '../../src/core/i18n/translator.js';
import {
  DEFAULT_MANIFEST_DIR,
  PLACEHOLDER_ID,
  buildTeamsPackage,
  validateTeamsManifest,
} from '../../src/cli/build-teams-package.js';

const slackManifestText = readFileSync(
  fileURLToPath(new URL('../../manifests/slack/manifest.yaml', import.meta.url)),
  'utf8',
);
const teamsManifestText = readFileSync(join(DEFAULT_MANIFEST_DIR, 'manifest.json'), 'utf8');

type TeamsManifest = {
  id: string;
  description: { short: string };
  icons: { color: string; outline: string };
  bots: { botId: string; commandLists: { commands: { title: string; description: string }[] }[] }[];
};
const teamsManifest = (): TeamsManifest => JSON.parse(teamsManifestText) as TeamsManifest;

describe('Slack manifest', () => {
  const manifest = parse(slackManifestText) as {
    display_information: { name: string; long_description: string };
    features: { slash_commands: { command: string; url: string }[] };
    oauth_config: { scopes: { bot: string[] } };
    settings: {
      event_subscriptions: { request_url: string; bot_events: string[] };
      interactivity: { is_enabled: boolean; request_url: string; message_menu_options_url: string };
    };
  };

  it('has the /cop command pointing at /slack/events', () => {
    expect(manifest.display_information.name).toBe('CoP Bot');
    expect(manifest.display_information.long_description.length).toBeGreaterThanOrEqual(175);
    expect(manifest.features.slash_commands).toEqual([
      expect.objectContaining({ command: '/cop', url: 'https://YOUR-HOST/slack/events' }),
    ]);
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
        'commands', 'chat:write', 'chat:write.public', 'im:write', 'users:read', 'users:read.email',
        'channels:read', 'groups:read', 'channels:manage', 'groups:write', 'files:write', 'files:read', 'im:history',
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
    expect(validateTeamsManifest(teamsManifest(), dir)).toEqual([
      'icons.outline: outline.png must be 32x32 pixels (is 192x192)',
    ]);
  });
});

describe('Teams package', () => {
  const appId = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';

  it('zips manifest.json and the icons, with the app id substituted', () => {
    const outFile = join(mkdtempSync(join(tmpdir(), 'teams-package-')), 'nested', 'cop-bot-teams.zip');
    const result = buildTeamsPackage({ outFile, appId });
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);

    const entries = unzipSync(readFileSync(outFile));
    expect(Object.keys(entries).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const packaged = JSON.parse(strFromU8(entries['manifest.json'] ?? new Uint8Array())) as TeamsManifest;
    expect(packaged.id).toBe(appId);
    expect(packaged.bots[0]?.botId).toBe(appId);
    expect(entries['color.png']).toEqual(new Uint8Array(readFileSync(join(DEFAULT_MANIFEST_DIR, 'color.png'))));
  });

  it('keeps the placeholder and warns when MICROSOFT_APP_ID is missing or not a GUID', () => {
    for (const badId of [undefined, 'not-a-guid']) {
      const outFile = join(mkdtempSync(join(tmpdir(), 'teams-package-')), 'cop-bot-teams.zip');
      const result = buildTeamsPackage({ outFile, appId: badId });
      expect(result.problems).toEqual([]);
      expect(result.warnings.join('\n')).toMatch(/cannot be uploaded/);
      const entries = unzipSync(readFileSync(outFile));
      const packaged = JSON.parse(strFromU8(entries['manifest.json'] ?? new Uint8Array())) as TeamsManifest;
      expect(packaged.id).toBe(PLACEHOLDER_ID);
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
        expect(listed.description).toBe(command ? t(command.summary) : '');
      }
      expect(list.commands.map((command) => command.title)).toEqual(expect.arrayContaining(['help', 'join']));
      expect(new Set(list.commands.map((command) => command.title)).size).toBe(list.commands.length);
    }
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
