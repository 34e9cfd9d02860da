import { describe, expect, it } from 'vitest';
import { RUN_COMMAND_ACTION } from '../../src/core/actions.js';
import { BotCore, COMMANDS, type CoreLogger } from '../../src/core/bot-core.js';
import type { Command } from '../../src/core/commands/command.js';
import { Grammar, type ParseResult } from '../../src/core/commands/grammar.js';
import { MAX_INPUT_LENGTH, tokenize } from '../../src/core/commands/tokenize.js';
import type { Actor, ConversationAddress, Platform } from '../../src/core/context.js';
import type { ConversationStore, InstallDetails, RegionLinkChange } from '../../src/core/conversations/conversation-store.js';
import { en } from '../../src/core/i18n/en.js';
import type { CommunityChannel, RegionDirectory, RegionWithChannels } from '../../src/core/regions/region-directory.js';
import type { Block, Message, Reply, Rich } from '../../src/core/reply/reply.js';
import { requestContext } from '../../src/core/request-context.js';
import type { MemberRecord } from '../../src/core/members/member.js';
import type { MemberStore, ReferenceData } from '../../src/core/members/member-store.js';
import type { RoleStore } from '../../src/core/roles/role-store.js';
import type { EventStore } from '../../src/core/events/event-store.js';
import type { EmailLinkStore, LinkStore } from '../../src/core/linking/link-store.js';
import type { DirectoryStore } from '../../src/core/directory/directory-store.js';
import type { CaseStore } from '../../src/core/cases/case-store.js';
import type { Outbox } from '../../src/core/outbox/outbox.js';
import type { FileLinkStore } from '../../src/core/links/file-links.js';
import type { OrganisationStore } from '../../src/core/organisations/organisation-store.js';
import type { MetricStore } from '../../src/core/metrics/metric-store.js';
import type { SubscriptionStore } from '../../src/core/digests/subscription-store.js';
import { systemClock } from '../../src/core/clock.js';

describe('tokenize', () => {
  it('splits on any whitespace', () => {
    expect(tokenize('  help \t regions\n now ')).toEqual(['help', 'regions', 'now']);
  });

  it('groups words in straight double quotes into one token', () => {
    expect(tokenize('cases "flexible retirement" north')).toEqual(['cases', 'flexible retirement', 'north']);
  });

  it('groups words in curly double quotes, as phones and Word type them', () => {
    expect(tokenize('cases \u201Cflexible retirement\u201D')).toEqual(['cases', 'flexible retirement']);
    expect(tokenize('cases \u201Eflexible retirement\u201D')).toEqual(['cases', 'flexible retirement']);
  });

  it('takes an unclosed quote to the end of the input', () => {
    expect(tokenize('cases "flexible retirement')).toEqual(['cases', 'flexible retirement']);
  });

  it('drops empty and blank quoted tokens and trims quoted ones', () => {
    expect(tokenize('a "" "   " " b "')).toEqual(['a', 'b']);
  });

  it('removes control, zero-width and bidirectional characters', () => {
    expect(tokenize('he\u0000l\u200Bp\u007F re\u202Egions\uFEFF')).toEqual(['help', 'regions']);
    expect(tokenize('\u0007\u001B')).toEqual([]);
  });

  it('cuts input at MAX_INPUT_LENGTH characters', () => {
    expect(tokenize('a'.repeat(MAX_INPUT_LENGTH + 500))).toEqual(['a'.repeat(MAX_INPUT_LENGTH)]);
    const words = tokenize('word '.repeat(MAX_INPUT_LENGTH));
    expect(words.join(' ').length).toBeLessThanOrEqual(MAX_INPUT_LENGTH);
    expect(words.length).toBe(MAX_INPUT_LENGTH / 'word '.length);
  });

  it('gives no tokens for empty or whitespace-only input', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' \t\n\r  ')).toEqual([]);
  });
});

describe('Grammar over the bot commands', () => {
  const grammar = new Grammar(COMMANDS);
  const help = COMMANDS.find((command) => command.words === 'help');
  const regions = COMMANDS.find((command) => command.words === 'regions');

  function expectOk(result: ParseResult, command: Command | undefined, args: unknown): void {
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    expect(result.command).toBe(command);
    expect(result.args).toEqual(args);
  }

  function expectUnknown(result: ParseResult, words: string, suggestion: Command | undefined): void {
    expect(result).toEqual({ kind: 'unknown', words, suggestion });
  }

  it('has help and regions', () => {
    expect(help).toBeDefined();
    expect(regions).toBeDefined();
  });

  it('parses help with no topic', () => {
    expectOk(grammar.parse('help'), help, { topic: undefined });
  });

  it('matches command words case-insensitively', () => {
    expectOk(grammar.parse('HELP'), help, { topic: undefined });
    expectOk(grammar.parse('ReGiOnS'), regions, []);
  });

  it('gives help its topic as typed arguments', () => {
    expectOk(grammar.parse('help regions'), help, { topic: 'regions' });
    expectOk(grammar.parse('help "event new"'), help, { topic: 'event new' });
  });

  it('knows the help aliases ? and commands', () => {
    expectOk(grammar.parse('?'), help, { topic: undefined });
    expectOk(grammar.parse('commands regions'), help, { topic: 'regions' });
  });

  it('parses regions, and its alias region', () => {
    expectOk(grammar.parse('regions'), regions, []);
    expectOk(grammar.parse('  region  '), regions, []);
  });

  it('refuses words regions does not take', () => {
    const result = grammar.parse('regions extra words');
    expect(result.kind).toBe('invalid');
    if (result.kind === 'invalid') {
      expect(result.command).toBe(regions);
      expect(result.issues.length).toBeGreaterThan(0);
    }
  });

  it('refuses a help topic longer than three words', () => {
    expect(grammar.parse('help a b c d').kind).toBe('invalid');
  });

  it('suggests the nearest command for typos', () => {
    expectUnknown(grammar.parse('regins'), 'regins', regions);
    expectUnknown(grammar.parse('hepl'), 'hepl', help);
    expectUnknown(grammar.parse('halp me'), 'halp', help);
  });

  it('suggests regions for "Regions!" and reports the word as typed', () => {
    expectUnknown(grammar.parse('Regions!'), 'Regions!', regions);
  });

  it('suggests a command whose name starts with what was typed', () => {
    expectUnknown(grammar.parse('reg'), 'reg', regions);
  });

  it('suggests nothing for words far from every command', () => {
    expectUnknown(grammar.parse('xyzzy'), 'xyzzy', undefined);
    expectUnknown(grammar.parse('masterclasses'), 'masterclasses', undefined);
  });

  it('gives empty for empty or blank input', () => {
    expect(grammar.parse('')).toEqual({ kind: 'empty' });
    expect(grammar.parse('   \n ')).toEqual({ kind: 'empty' });
    expect(grammar.parse('\u200B')).toEqual({ kind: 'empty' });
  });

  it('finds commands by exact words only', () => {
    expect(grammar.find(' Regions ')).toBe(regions);
    expect(grammar.find('?')).toBe(help);
    expect(grammar.find('regins')).toBeUndefined();
  });
});

// In-memory implementations of the core's ports (src/core/regions and src/core/conversations).

class MemoryRegions implements RegionDirectory {
  calls = 0;
  constructor(
    private readonly regions: RegionWithChannels[],
    private readonly failure?: Error,
  ) {}

  listWithChannels(): Promise<RegionWithChannels[]> {
    this.calls += 1;
    return this.failure ? Promise.reject(this.failure) : Promise.resolve(this.regions);
  }

  channelsOf(regionCode: string): Promise<CommunityChannel[]> {
    return Promise.resolve([...(this.regions.find((region) => region.code === regionCode)?.channels ?? [])]);
  }
}

class MemoryConversations implements ConversationStore {
  readonly installed = new Map<string, InstallDetails>();
  readonly removed: ConversationAddress[] = [];

  recordInstalled(address: ConversationAddress, details: InstallDetails): Promise<void> {
    this.installed.set(`${address.platform}:${address.workspaceId}:${address.externalId}`, details);
    return Promise.resolve();
  }

  recordOpened(address: ConversationAddress, details: InstallDetails): Promise<void> {
    return this.recordInstalled(address, details);
  }

  recordRemoved(address: ConversationAddress): Promise<void> {
    this.removed.push(address);
    return Promise.resolve();
  }

  async recordWorkspaceRemoved(_platform: Platform, _workspaceId: string): Promise<void> {}

  async refreshServiceUrl(_address: ConversationAddress, _serviceUrl: string): Promise<void> {}

  linkedRegion(_address: ConversationAddress): Promise<string | undefined> {
    return Promise.resolve(undefined);
  }

  async linkRegion(_address: ConversationAddress, _change: RegionLinkChange, _details: InstallDetails): Promise<void> {}

  language(_address: ConversationAddress): Promise<undefined> {
    return Promise.resolve(undefined);
  }

  async setLanguage(): Promise<void> {}
}

/** No members: the commands these tests drive never reach the member store. */
class NoMembers implements MemberStore {
  findByIdentity(): Promise<MemberRecord | undefined> {
    return Promise.resolve(undefined);
  }
  saveProfile(): Promise<{ created: boolean }> {
    return Promise.reject(new Error('no member is saved in these tests'));
  }
  setLanguage(): Promise<void> {
    return Promise.reject(new Error('no member is saved in these tests'));
  }
}

const NO_REFERENCE_DATA: ReferenceData = {
  regions: () => Promise.resolve([]),
  staffGroups: () => Promise.resolve([]),
  promiseElements: () => Promise.resolve([]),
  searchOrganisations: () => Promise.resolve([]),
  organisation: () => Promise.resolve(undefined),
};

const NO_ROLES: RoleStore = {
  grantsOf: () => Promise.resolve([]),
  grant: () => Promise.resolve(false),
  revoke: () => Promise.resolve(false),
};

const NO_DIRECTORY: DirectoryStore = { list: () => Promise.resolve({ entries: [], total: 0 }), export: () => Promise.resolve([]) };

const NO_ORGANISATIONS: OrganisationStore = {
  findByName: () => Promise.resolve(undefined),
  find: () => Promise.resolve(undefined),
  pending: () => Promise.resolve([]),
  pendingCount: () => Promise.resolve(0),
  confirm: () => Promise.resolve(false),
  findByCodes: () => Promise.resolve([]),
  setExemplars: () => Promise.resolve(0),
};

const NO_CASES: CaseStore = {
  search: () => Promise.resolve({ total: 0, capped: false, hits: [] }),
  publishedSince: () => Promise.resolve({ total: 0, capped: false, hits: [] }),
  themes: () => Promise.resolve([]),
  organisationTypes: () => Promise.resolve([]),
  findByNumber: () => Promise.resolve(undefined),
  submit: () => Promise.reject(new Error('not in these tests')),
  resubmit: () => Promise.resolve(false),
  review: () => Promise.resolve(false),
  pending: () => Promise.resolve([]),
  pendingCount: () => Promise.resolve(0),
  submittedBy: () => Promise.resolve([]),
  reviewers: () => Promise.resolve([]),
};

/** These unit tests never reach the events store: any call fails the test. */
const NO_EVENTS = new Proxy({} as EventStore, {
  get: (_target, name) => () => Promise.reject(new Error(`events.${String(name)} was not expected here`)),
});
const EVENT_SETTINGS = {
  publicUrl: 'http://localhost/',
  reminderMinutes: [1440, 60],
  organizer: { name: 'CoP Bot', email: 'noreply@localhost' },
};
const NO_METRICS: MetricStore = {
  importReference: () => Promise.resolve({ organisations: new Map(), organisationNames: new Map(), regions: new Set(), staffGroups: [] }),
  importInTransaction: () => Promise.reject(new Error('no metrics in these tests')),
  importIfEmpty: () => Promise.resolve(false),
  series: () => Promise.resolve([]),
  latestMonth: () => Promise.resolve(undefined),
  sources: () => Promise.resolve(undefined),
  organisations: () => Promise.resolve([]),
  allOrganisations: () => Promise.resolve([]),
  staffGroups: () => Promise.resolve([]),
  staffGroupsWithFigures: () => Promise.resolve([]),
  organisationsWithoutAllStaff: () => Promise.resolve([]),
  isEmpty: () => Promise.resolve(true),
};

/** Digest subscriptions are tested through the real endpoints (test/integration/digest-subscriptions.test.ts). */
const NO_SUBSCRIPTIONS: SubscriptionStore = {
  knownConversation: () => Promise.resolve(undefined),
  subscribe: () => Promise.reject(new Error('no subscriptions in these tests')),
  inConversation: () => Promise.resolve([]),
  setPaused: () => Promise.resolve(false),
  reschedule: () => Promise.resolve(false),
  unsubscribe: () => Promise.resolve(false),
  lastPostedAt: () => Promise.resolve(undefined),
  lastRegionDigestAt: () => Promise.resolve(undefined),
  postNow: () => Promise.resolve(false),
  scheduled: () => Promise.resolve([]),
  claimPeriod: () => Promise.resolve(false),
  unreachable: () => Promise.resolve([]),
  pauseUnreachable: () => Promise.resolve(false),
  failedPosts: () => Promise.resolve([]),
  reportFailure: () => Promise.resolve(false),
  noticeRecipients: () => Promise.resolve([]),
};

/** These tests send nothing proactively: any use is a failure. */
const NO_OUTBOX: Outbox = {
  send: () => Promise.reject(new Error('no proactive messages in these tests')),
  refresh: () => Promise.reject(new Error('no proactive messages in these tests')),
  remember: () => Promise.reject(new Error('no proactive messages in these tests')),
  wake: () => undefined,
};

const NO_FILE_LINKS: FileLinkStore = {
  create: () => Promise.reject(new Error('no download links in these tests')),
  find: () => Promise.resolve(undefined),
  deleteExpired: () => Promise.resolve(0),
};

const NO_LINKS: LinkStore = {
  createCode: () => Promise.resolve(),
  redeem: () => Promise.resolve({ kind: 'refused', reason: 'invalid' }),
};
const NO_EMAIL_LINKS: EmailLinkStore = {
  recordEmail: () => Promise.resolve(),
  linkByEmail: () => Promise.resolve({ kind: 'noMatch' }),
};

interface LogCall {
  readonly level: 'error' | 'info';
  readonly details: object;
  readonly message: string;
}

function recordingLogger(): CoreLogger & { calls: LogCall[] } {
  const calls: LogCall[] = [];
  return {
    calls,
    error: (details, message) => calls.push({ level: 'error', details, message }),
    info: (details, message) => calls.push({ level: 'info', details, message }),
  };
}

const actor: Actor = { platform: 'slack', workspaceId: 'T0WORKSPACE', userId: 'U0PRIVATEUSER' };
const conversation: ConversationAddress = { platform: 'slack', workspaceId: 'T0WORKSPACE', externalId: 'C0CHANNEL', kind: 'channel' };
const context = requestContext(actor, conversation, 'en-GB');

const sampleRegions: RegionWithChannels[] = [
  { code: 'wales', name: 'Wales', nation: 'wales', channels: [] },
  {
    code: 'london',
    name: 'London',
    nation: 'england',
    channels: [
      { platform: 'slack', workspaceId: 'T0WORKSPACE', externalId: 'C0LONDON', name: 'london-cop' },
      { platform: 'teams', workspaceId: 'tenant-1', externalId: '19:abc@thread.tacv2', name: 'London CoP' },
    ],
  },
  { code: 'north-west', name: 'North West', nation: 'england', channels: [] },
];

/** The ports these tests do not exercise. */
const UNUSED_PORTS = {
  links: NO_LINKS,
  reference: NO_REFERENCE_DATA,
  roles: NO_ROLES,
  directory: NO_DIRECTORY,
  organisations: NO_ORGANISATIONS,
  outbox: NO_OUTBOX,
  fileLinks: NO_FILE_LINKS,
  configuredAdmins: [],
  emailLinks: NO_EMAIL_LINKS,
  cases: NO_CASES,
  events: NO_EVENTS,
  eventSettings: EVENT_SETTINGS,
  clock: systemClock,
  metrics: NO_METRICS,
  charts: { publish: () => Promise.resolve(undefined) },
  subscriptions: NO_SUBSCRIPTIONS,
  personalData: { personalData: () => Promise.resolve(undefined) },
  transaction: () => Promise.reject(new Error('no transaction in these tests')),
};

function coreWith(regions: RegionDirectory) {
  const logger = recordingLogger();
  return {
    core: new BotCore({ regions, conversations: new MemoryConversations(), members: new NoMembers(), ...UNUSED_PORTS }, logger),
    logger,
  };
}

function plain(rich: Rich): string {
  if (typeof rich === 'string') return rich;
  return rich
    .map((span) => {
      if (typeof span === 'string') return span;
      switch (span.kind) {
        case 'command':
          return span.words;
        case 'channel':
          return span.name ?? span.id;
        case 'strong':
          return span.text;
      }
    })
    .join('');
}

function asMessage(reply: Reply): Message {
  expect(reply.kind).toBe('message');
  if (reply.kind !== 'message') throw new Error('expected a message');
  return reply;
}

function blocksOf<K extends Block['kind']>(reply: Reply, kind: K): Extract<Block, { kind: K }>[] {
  return asMessage(reply).blocks.filter((block): block is Extract<Block, { kind: K }> => block.kind === kind);
}

/** Every line of text in a message, in order. */
function linesOf(reply: Reply): string[] {
  return asMessage(reply).blocks.flatMap((block): string[] => {
    switch (block.kind) {
      case 'heading':
        return [block.text];
      case 'text':
      case 'note':
        return [plain(block.text)];
      case 'facts':
        return block.facts.map((fact) => `${fact.label}: ${plain(fact.value)}`);
      case 'list':
        return block.items.map((item) => (item.detail === undefined ? plain(item.title) : `${plain(item.title)}: ${plain(item.detail)}`));
      case 'buttons':
        return block.buttons.map((button) => `[${button.label}]`);
      case 'divider':
        return [];
      case 'image':
        return [block.alt];
    }
  });
}

describe('BotCore.handleText', () => {
  it('help shows a visitor the topics open to them, each command with one example, and none of the facilitators’ or admins’', async () => {
    const { core } = coreWith(new MemoryRegions(sampleRegions));
    const reply = await core.handleText('help', context);
    const lines = linesOf(reply);
    expect(lines).toContain(en['help.topic.start']);
    expect(lines).toContain(en['help.topic.events']);
    expect(lines).toContain('join: ' + en['join.commandSummary'] + '. For example: join');
    for (const hidden of ['case reject', 'admin revoke', 'organisation exemplar remove', 'event new', 'profile edit'])
      expect(lines.some((line) => line.startsWith(hidden))).toBe(false);
    expect(lines).not.toContain(en['help.topic.admins']);
    // About nobody: Slack shows it to the asker only; Teams may post it in a channel.
    expect(asMessage(reply).visibility).toBe('open');
  });

  it('help offers a button for each topic the person may read', async () => {
    const { core } = coreWith(new MemoryRegions(sampleRegions));
    const [buttons] = blocksOf(await core.handleText('help', context), 'buttons');
    expect(buttons?.buttons.map((button) => button.value)).toEqual(['help start', 'help events', 'help digests']);
  });

  it('help <topic> shows that topic only', async () => {
    const { core } = coreWith(new MemoryRegions(sampleRegions));
    const reply = await core.handleText('help events', context);
    expect(asMessage(reply).summary).toBe(en['help.topic.events']);
    expect(linesOf(reply).some((line) => line.startsWith('events'))).toBe(true);
    expect(linesOf(reply).some((line) => line.startsWith('my events'))).toBe(false);
  });

  it('empty input answers with help', async () => {
    const { core } = coreWith(new MemoryRegions(sampleRegions));
    expect(await core.handleText('  ', context)).toEqual(await core.handleText('help', context));
  });

  it('help about one command shows its usage, who can use it, and examples', async () => {
    const { core } = coreWith(new MemoryRegions(sampleRegions));
    const reply = await core.handleText('help regions', context);
    expect(asMessage(reply).summary).toBe('Help: regions');
    expect(linesOf(reply)).toEqual(['Help: regions', en['regions.commandSummary'], 'Usage: regions', 'Who can use it: Anyone', 'regions']);
  });

  it('help about a mistyped command shows the nearest command', async () => {
    const { core } = coreWith(new MemoryRegions(sampleRegions));
    expect(asMessage(await core.handleText('help regins', context)).summary).toBe('Help: regions');
  });

  it('unknown words answer with the suggestion and a pointer to help', async () => {
    const { core } = coreWith(new MemoryRegions(sampleRegions));
    const reply = await core.handleText('regins', context);
    expect(linesOf(reply)).toEqual([
      'I don\'t know the command "regins".',
      'Did you mean regions?',
      '[regions]',
      `[${en['questions.searchButton']}]`,
      'For everything I can do, type help.',
    ]);
  });

  it('unknown words far from any command tell a visitor what members can do, and how to join', async () => {
    const { core } = coreWith(new MemoryRegions(sampleRegions));
    const lines = linesOf(await core.handleText('xyzzy', context));
    expect(lines).toEqual([en['questions.forMembers'], '[Join]', '[Events]', '[Help]']);
  });

  it('wrong arguments answer with the usage and examples', async () => {
    const { core } = coreWith(new MemoryRegions(sampleRegions));
    const reply = await core.handleText('regions extra words', context);
    expect(linesOf(reply)).toEqual(['That is not quite how "regions" works.', 'Usage: regions', 'regions']);
  });

  it('regions lists the regions from the port, England first, then Wales', async () => {
    const ports = new MemoryRegions(sampleRegions);
    const { core } = coreWith(ports);
    const reply = await core.handleText('regions', context);
    expect(ports.calls).toBe(1);
    expect(asMessage(reply).summary).toBe('3 regions and their community channels');
    expect(linesOf(reply)).toEqual([
      'Regions',
      'NHS England',
      'London: london-cop, London CoP',
      'North West: No community channel linked yet',
      'NHS Wales',
      'Wales: No community channel linked yet',
    ]);
  });

  it('regions links each community channel with its platform and id', async () => {
    const { core } = coreWith(new MemoryRegions(sampleRegions));
    const [england] = blocksOf(await core.handleText('regions', context), 'list');
    expect(england?.items[0]?.detail).toEqual([
      { kind: 'channel', platform: 'slack', id: 'C0LONDON', name: 'london-cop' },
      ', ',
      { kind: 'channel', platform: 'teams', id: '19:abc@thread.tacv2', name: 'London CoP' },
    ]);
  });

  it('regions leaves out a nation that has no regions', async () => {
    const { core } = coreWith(new MemoryRegions(sampleRegions.filter((region) => region.nation === 'wales')));
    expect(linesOf(await core.handleText('regions', context))).toEqual(['Regions', 'NHS Wales', 'Wales: No community channel linked yet']);
  });

  it('regions says so when no regions are set up', async () => {
    const { core } = coreWith(new MemoryRegions([]));
    expect(linesOf(await core.handleText('regions', context))).toEqual([en['regions.none']]);
  });

  it('a failing port gives the polite internal-error reply and logs the command, not the person', async () => {
    const failure = new Error('connection refused');
    const { core, logger } = coreWith(new MemoryRegions(sampleRegions, failure));
    const reply = await core.handleText('Region', context);
    expect(linesOf(reply)).toEqual([en['error.internal']]);
    expect(asMessage(reply).summary).toBe(en['error.internal']);

    expect(logger.calls).toHaveLength(1);
    const [call] = logger.calls;
    expect(call?.level).toBe('error');
    expect(call?.details).toEqual({ err: failure, command: 'regions', platform: 'slack' });
    const { err: _err, ...rest } = call?.details as { err: unknown };
    const logged = JSON.stringify(rest) + (call?.message ?? '');
    for (const personal of [actor.userId, actor.workspaceId, conversation.externalId]) {
      expect(logged).not.toContain(personal);
    }
  });

  it('does not log when commands succeed', async () => {
    const { core, logger } = coreWith(new MemoryRegions(sampleRegions));
    await core.handleText('regions', context);
    await core.handleText('xyzzy', context);
    expect(logger.calls).toEqual([]);
  });
});

describe('BotCore.handleAction', () => {
  it('a run-command button runs its words as if typed', async () => {
    const ports = new MemoryRegions(sampleRegions);
    const { core } = coreWith(ports);
    const clicked = await core.handleAction(RUN_COMMAND_ACTION, 'regions', context);
    expect(ports.calls).toBe(1);
    expect(clicked).toEqual(await core.handleText('regions', context));
  });

  it('a run-command button re-validates its words', async () => {
    const { core } = coreWith(new MemoryRegions(sampleRegions));
    expect(linesOf(await core.handleAction(RUN_COMMAND_ACTION, 'regins', context))[0]).toBe('I don\'t know the command "regins".');
  });

  it('an unknown action answers the unknown-action message', async () => {
    const { core } = coreWith(new MemoryRegions(sampleRegions));
    const reply = await core.handleAction('cop.retired-button', 'regions', context);
    expect(asMessage(reply).summary).toBe(en['error.unknownAction']);
    expect(linesOf(reply)).toEqual([en['error.unknownAction']]);
  });

  it('a run-command button without a value answers the unknown-action message', async () => {
    const { core } = coreWith(new MemoryRegions(sampleRegions));
    expect(asMessage(await core.handleAction(RUN_COMMAND_ACTION, undefined, context)).summary).toBe(en['error.unknownAction']);
  });
});

describe('BotCore conversation events', () => {
  it('passes installs and removals to the conversation store', async () => {
    const conversations = new MemoryConversations();
    const core = new BotCore(
      { regions: new MemoryRegions([]), conversations, members: new NoMembers(), ...UNUSED_PORTS },
      recordingLogger(),
    );
    await core.conversationInstalled(conversation, { name: 'london-cop' });
    await core.conversationRemoved(conversation);
    expect([...conversations.installed.values()]).toEqual([{ name: 'london-cop' }]);
    expect(conversations.removed).toEqual([conversation]);
  });
});
