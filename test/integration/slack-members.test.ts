// Membership through Slack over real HTTP: `/cop join` opens a modal (views.open), the organisation field
// is searched as people type (block_suggestion), the modal's submission is validated (errors beside the
// fields, nothing saved) or saved with a welcome by direct message; profile, leave, my data and erasure
// with its confirmation button. Each test asserts on what Slack receives and on the database rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackBlocksToText } from '../../src/dev/readable-text.js';
import type { RecordedRequest } from '../../src/dev/recording-server.js';
import {
  blockSuggestionBody,
  postToSlackEndpoint,
  slackInput,
  slashCommandBody,
  viewSubmissionBody,
  type SlackIdentity,
} from '../../src/dev/slack-requests.js';
import { SIGNING_SECRET, startTestBot, type TestBot } from '../support/test-bot.js';
import { slackClickButton, slackClickText, slackCommand, slackCommandText } from '../support/chat.js';

let harness: TestBot;

beforeAll(async () => {
  harness = await startTestBot();
});
afterAll(async () => {
  await harness?.stop();
});

const TEAM = 'T0TEST';
const PROFILE_FORM = 'member.profile';

/** A Slack user of their own for each test, typing in a channel of the workspace. */
const person = (userId: string): SlackIdentity => ({ teamId: TEAM, userId, channelId: 'C0MEMBERS' });

const prisma = () => harness.bot.database.prisma;

type Json = Record<string, unknown>;
type View = {
  type: string;
  callback_id: string;
  private_metadata?: string;
  title: { type: string; text: string };
  blocks: { type: string; block_id?: string; optional?: boolean; element?: Json }[];
};

/** Resolves with the first request the stand-in receives from now on that matches (not an earlier one). */
function nextRequest(match: (request: RecordedRequest) => boolean): Promise<RecordedRequest> {
  const mark = harness.slack.requests.length;
  return harness.slack.waitFor((request) => harness.slack.requests.indexOf(request) >= mark && match(request));
}

let sent = 0;

/** Sends `/cop <text>` and returns what reached the command's response_url. */
const command = (who: SlackIdentity, text: string) => slackCommand(harness, who, text);
const commandText = (who: SlackIdentity, text: string) => slackCommandText(harness, who, text);

/** Sends `/cop <text>` with a trigger id of its own and returns the body of the views.open it causes. */
async function openModal(who: SlackIdentity, text: string): Promise<{ trigger_id: string; view: View }> {
  const triggerId = `${++sent}.2.members`;
  const body = new URLSearchParams(slashCommandBody(text, `${harness.slack.url}/respond/modal-${sent}`, who));
  body.set('trigger_id', triggerId);
  const opened = nextRequest(
    (request) => request.path === '/views.open' && (request.json as Json | undefined)?.['trigger_id'] === triggerId,
  );
  const response = await postToSlackEndpoint(harness.url, body.toString(), SIGNING_SECRET);
  expect(response.status).toBe(200);
  expect(await response.text()).toBe('');
  return (await opened).json as { trigger_id: string; view: View };
}

/** Clicks a button as `who`; returns what reached the click's response_url, as text. */
const click = (who: SlackIdentity, actionId: string, value: string) => slackClickText(harness, who, actionId, value);

/** Slack's state for a select left empty, and for a text input left empty. */
const nothingSelected = { type: 'static_select', selected_option: null };
const emptyText = { type: 'plain_text_input', value: null };

type Values = Record<string, Record<string, unknown>>;

async function organisationId(odsCode: string): Promise<string> {
  return (await prisma().organisation.findFirstOrThrow({ where: { odsCode } })).id;
}

/** A complete, valid submission: Leeds Teaching Hospitals, region left for the organisation's. */
async function validValues(displayName: string, overrides: Values = {}): Promise<Values> {
  return {
    displayName: slackInput.text(displayName),
    organisation: slackInput.search(await organisationId('RR8')),
    region: nothingSelected,
    role: slackInput.select('retention_lead'),
    staffGroups: slackInput.multi(['nurses-health-visitors', 'midwives']),
    promiseElements: slackInput.multi(['work-flexibly']),
    inDirectory: slackInput.checkbox(true),
    consent: slackInput.checkbox(true),
    ...overrides,
  };
}

/** Submits the profile modal as `who`: the HTTP answer Slack gets (an ack, or errors beside fields). */
async function submitProfile(who: SlackIdentity, values: Values, privateMetadata = ''): Promise<{ status: number; body: string }> {
  const response = await postToSlackEndpoint(harness.url, viewSubmissionBody(PROFILE_FORM, values, privateMetadata, who), SIGNING_SECRET);
  return { status: response.status, body: await response.text() };
}

/** Submits a valid profile and returns the direct message the person then gets. */
async function submitAndReadMessage(who: SlackIdentity, values: Values, privateMetadata = ''): Promise<{ channel: string; text: string }> {
  const posted = nextRequest(
    (request) => request.path === '/chat.postMessage' && (request.json as Json | undefined)?.['channel'] === who.userId,
  );
  const answer = await submitProfile(who, values, privateMetadata);
  expect(answer).toEqual({ status: 200, body: '' });
  const message = (await posted).json as { channel: string; text: string; blocks: unknown };
  return { channel: message.channel, text: `${message.text}\n${slackBlocksToText(message.blocks)}` };
}

/** Joins as `who` with a valid profile; returns the member's id. */
async function join(who: SlackIdentity, displayName: string): Promise<string> {
  await submitAndReadMessage(who, await validValues(displayName));
  return (await memberOf(who)).id;
}

/** The member behind a Slack identity, with their identities. */
async function memberOf(who: SlackIdentity) {
  return prisma().member.findFirstOrThrow({
    where: { identities: { some: { platform: 'slack', workspaceId: who.teamId, userId: who.userId } } },
    include: { identities: true },
  });
}

const membersOf = (who: SlackIdentity) =>
  prisma().member.count({ where: { identities: { some: { platform: 'slack', workspaceId: who.teamId, userId: who.userId } } } });

const auditOf = async (memberId: string) =>
  (await prisma().auditEntry.findMany({ where: { subject: memberId }, orderBy: { id: 'asc' } })).map((entry) => entry.action);

describe('joining through the modal', () => {
  it('opens the profile modal with the trigger id of the command', async () => {
    const who = person('U0OPENER');
    const { trigger_id, view } = await openModal(who, 'join');
    expect(trigger_id).toMatch(/\.2\.members$/);
    expect(view.type).toBe('modal');
    expect(view.callback_id).toBe(PROFILE_FORM);
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    // Someone who has not joined gets an empty form that names no member.
    expect(view.private_metadata ?? '').toBe('');

    const inputs = view.blocks.filter((block) => block.type === 'input');
    expect(inputs.map((block) => block.block_id)).toEqual([
      'displayName',
      'organisation',
      'newOrganisation',
      'region',
      'role',
      'staffGroups',
      'promiseElements',
      'language',
      'inDirectory',
      'consent',
    ]);
    for (const block of inputs) expect(block.element?.['action_id']).toBe('value');
    const element = (id: string) => inputs.find((block) => block.block_id === id)?.element;
    expect(element('organisation')?.['type']).toBe('external_select');
    expect(element('displayName')?.['type']).toBe('plain_text_input');
    expect(element('staffGroups')?.['type']).toBe('multi_static_select');
    expect(element('consent')?.['type']).toBe('checkboxes');
    expect(inputs.find((block) => block.block_id === 'region')?.optional).toBe(true);
    expect(inputs.find((block) => block.block_id === 'consent')?.optional).toBe(false);

    // Opening the form saves nothing.
    expect(await membersOf(who)).toBe(0);
  });

  it('suggests organisations matching what was typed, and treats SQL as plain text', async () => {
    const who = person('U0SEARCHER');
    const suggest = async (query: string) => {
      const response = await postToSlackEndpoint(
        harness.url,
        blockSuggestionBody(PROFILE_FORM, 'organisation', query, who),
        SIGNING_SECRET,
      );
      expect(response.status).toBe(200);
      return ((await response.json()) as { options: { text: { type: string; text: string }; value: string }[] }).options;
    };

    const leeds = await suggest('leeds');
    const trust = leeds.find((option) => option.text.text === 'Leeds Teaching Hospitals NHS Trust (RR8)');
    expect(trust).toMatchObject({ text: { type: 'plain_text' }, value: await organisationId('RR8') });
    for (const option of leeds) expect(option.text.text.toLowerCase()).toContain('leeds');

    const organisations = await prisma().organisation.count();
    expect(await suggest(`'; drop table`)).toEqual([]);
    expect(await prisma().organisation.count()).toBe(organisations);
  });

  it('takes % and _ as the characters typed, not as wildcards', async () => {
    // No organisation's name holds a % or an _: typing them finds nothing (they are not "any text").
    const who = person('U0WILDCARD');
    const suggest = async (query: string) => {
      const response = await postToSlackEndpoint(
        harness.url,
        blockSuggestionBody(PROFILE_FORM, 'organisation', query, who),
        SIGNING_SECRET,
      );
      expect(response.status).toBe(200);
      return ((await response.json()) as { options: { text: { text: string }; value: string }[] }).options.map(
        (option) => option.text.text,
      );
    };
    expect(await prisma().organisation.count({ where: { OR: [{ name: { contains: '\\%' } }, { name: { contains: '\\_' } }] } })).toBe(0);
    for (const query of ['%%', '__', 'le%ds']) {
      const found = await suggest(query);
      expect(found.length, `"${query}" found ${found.slice(0, 3).join('; ')}…`).toBe(0);
    }
  });

  it('saves a valid submission as one member with one Slack identity, and welcomes them by direct message', async () => {
    const who = person('U0JOINER');
    const leeds = await prisma().organisation.findFirstOrThrow({ where: { odsCode: 'RR8' } });
    const welcome = await submitAndReadMessage(who, await validValues('Jo Joiner'));
    expect(welcome.channel).toBe(who.userId);
    expect(welcome.text).toContain('Welcome');
    expect(welcome.text).toContain('North East and Yorkshire');

    expect(await membersOf(who)).toBe(1);
    const member = await memberOf(who);
    expect(member).toMatchObject({
      status: 'active',
      displayName: 'Jo Joiner',
      organisationId: leeds.id,
      // The region field was left empty: the organisation's region is used.
      regionCode: leeds.regionCode,
      role: 'retention_lead',
      staffGroups: ['nurses-health-visitors', 'midwives'],
      promiseElements: ['work-flexibly'],
      inDirectory: true,
      leftAt: null,
    });
    expect(leeds.regionCode).toBe('Y63');
    expect(member.consentedAt).toBeInstanceOf(Date);
    expect(member.identities).toHaveLength(1);
    expect(member.identities[0]).toMatchObject({ platform: 'slack', workspaceId: TEAM, userId: who.userId });

    const audit = await prisma().auditEntry.findMany({ where: { subject: member.id } });
    expect(audit.map((entry) => entry.action)).toEqual(['member.joined']);
    expect(JSON.stringify(audit[0]?.details ?? null)).not.toContain('Joiner');
    expect(JSON.stringify(audit[0]?.details ?? null)).not.toContain(who.userId);
  });

  it('updates the same member when they submit again', async () => {
    const who = person('U0TWICE');
    const id = await join(who, 'Tess Twice');

    // `join` again opens the form for the existing member, prefilled and naming them.
    const { view } = await openModal(who, 'join');
    expect(view.private_metadata).toBe(id);
    expect(view.blocks.find((block) => block.block_id === 'displayName')?.element?.['initial_value']).toBe('Tess Twice');

    const saved = await submitAndReadMessage(
      who,
      await validValues('Tess Twice-Again', { region: slackInput.select('Y63') }),
      view.private_metadata,
    );
    expect(saved.text).toContain('Your profile is saved.');

    expect(await membersOf(who)).toBe(1);
    const member = await memberOf(who);
    expect(member.id).toBe(id);
    expect(member.displayName).toBe('Tess Twice-Again');
    expect(member.identities).toHaveLength(1);
    expect(await prisma().platformIdentity.count({ where: { platform: 'slack', workspaceId: TEAM, userId: who.userId } })).toBe(1);
    expect(await auditOf(id)).toEqual(['member.joined', 'member.profile_updated']);
  });
});

describe('submissions with problems', () => {
  it("refuses a submission naming someone else's member id, and changes neither of them", async () => {
    const owner = person('U0OWNER');
    const ownerId = await join(owner, 'Olive Owner');
    const intruder = person('U0INTRUDER');
    const members = await prisma().member.count();

    const answer = await submitProfile(intruder, await validValues('Ivan Intruder'), ownerId);
    expect(answer.status).toBe(200);
    expect((JSON.parse(answer.body) as { response_action: string }).response_action).toBe('errors');
    expect(await prisma().member.count()).toBe(members);
    expect(await membersOf(intruder)).toBe(0);
    expect(await memberOf(owner)).toMatchObject({ id: ownerId, displayName: 'Olive Owner', status: 'active' });
    expect(await auditOf(ownerId)).toEqual(['member.joined']);
  });

  const cases: { problem: string; userId: string; field: string; values: () => Promise<Values> }[] = [
    { problem: 'an empty name', userId: 'U0BADEMPTY', field: 'displayName', values: () => validValues('', { displayName: emptyText }) },
    { problem: 'an 81-character name', userId: 'U0BADLONG', field: 'displayName', values: () => validValues('N'.repeat(81)) },
    {
      problem: 'a name of only control characters',
      userId: 'U0BADCONTROL',
      field: 'displayName',
      values: () => validValues('\u0000\u0007'),
    },
    {
      problem: 'an organisation that does not exist',
      userId: 'U0BADORG',
      field: 'organisation',
      values: () => validValues('Olu Org', { organisation: slackInput.search('00000000-0000-4000-8000-000000000000') }),
    },
    {
      problem: 'a region that does not exist',
      userId: 'U0BADREGION',
      field: 'region',
      values: () => validValues('Rae Region', { region: slackInput.select('Y99') }),
    },
    {
      problem: 'no consent',
      userId: 'U0BADCONSENT',
      field: 'consent',
      values: () => validValues('Cal Consent', { consent: slackInput.checkbox(false) }),
    },
    {
      problem: 'a staff group not in the list',
      userId: 'U0BADGROUP',
      field: 'staffGroups',
      values: () => validValues('Gus Group', { staffGroups: slackInput.multi(['nurses-health-visitors', 'astronauts']) }),
    },
    {
      problem: 'a national body and no region',
      userId: 'U0BADNATIONAL',
      field: 'region',
      values: async () => {
        const national = await prisma().organisation.findFirstOrThrow({ where: { regionCode: null } });
        return validValues('Nat National', { organisation: slackInput.search(national.id), region: nothingSelected });
      },
    },
  ];

  it.each(cases)('answers $problem with an error on $field and saves nothing', async ({ userId, field, values }) => {
    const who = person(userId);
    const members = await prisma().member.count();
    const audits = await prisma().auditEntry.count();
    const mark = harness.slack.requests.length;

    const answer = await submitProfile(who, await values());
    expect(answer.status).toBe(200);
    const body = JSON.parse(answer.body) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors)).toEqual([field]);
    expect(body.errors[field]).toMatch(/^Please /);

    expect(await prisma().member.count()).toBe(members);
    expect(await membersOf(who)).toBe(0);
    expect(await prisma().platformIdentity.count({ where: { userId } })).toBe(0);
    expect(await prisma().auditEntry.count()).toBe(audits);
    await harness.idle();
    expect(harness.slack.requests.slice(mark).some((request) => request.path === '/chat.postMessage')).toBe(false);
  });
});

describe('profile, my data and leaving', () => {
  it('shows the saved profile and the Slack account ids; someone who has not joined is told so', async () => {
    const who = person('U0PROFILE');
    expect(await commandText(who, 'profile')).toContain('You have not joined yet.');

    await join(who, 'Pat Profile');
    const profile = await command(who, 'profile');
    expect(profile.response_type).toBe('ephemeral');
    const text = slackBlocksToText(profile.blocks);
    expect(text).toContain('Pat Profile');
    expect(text).toContain('Leeds Teaching Hospitals NHS Trust');
    expect(text).toContain('North East and Yorkshire');
    expect(text).toContain('Retention lead');

    const data = await commandText(who, 'my data');
    expect(data).toContain('Pat Profile');
    expect(data).toContain(`slack ${TEAM} ${who.userId}`);
  });

  it('leaving keeps the profile and marks them left; joining again makes them active', async () => {
    const who = person('U0LEAVER');
    const id = await join(who, 'Lee Leaver');

    // Leave asks first, and changes nothing until the button is clicked.
    const asked = await slackCommand(harness, who, 'leave');
    expect(slackBlocksToText(asked.blocks)).toContain('Leave the community?');
    expect(slackBlocksToText(asked.blocks)).toContain('no place is given up');
    expect((await memberOf(who)).status).toBe('active');
    expect(slackBlocksToText((await slackClickButton(harness, who, asked.blocks, 'member.leave')).blocks)).toContain(
      'You have left the community.',
    );
    const left = await memberOf(who);
    expect(left).toMatchObject({ id, status: 'left', displayName: 'Lee Leaver', regionCode: 'Y63' });
    expect(left.leftAt).toBeInstanceOf(Date);
    expect(left.identities).toHaveLength(1);
    expect(await auditOf(id)).toEqual(['member.joined', 'member.left']);

    const profile = await commandText(who, 'profile');
    expect(profile).toContain('Lee Leaver');
    expect(profile).toContain('You have left the community. Type join to come back.');

    const welcome = await submitAndReadMessage(who, await validValues('Lee Leaver'), id);
    expect(welcome.text).toContain('Welcome');
    expect(await membersOf(who)).toBe(1);
    expect(await memberOf(who)).toMatchObject({ id, status: 'active', leftAt: null });
    expect(await commandText(who, 'profile')).not.toContain('You have left');
  });
});

describe('erasing', () => {
  it('erases only after the member confirms with their own button, and leaves no trace of them', async () => {
    const who = person('U0ERASABLE');
    const name = 'Erin Erasable-Quist';
    const id = await join(who, name);
    const bystander = person('U0BYSTANDER');
    const bystanderId = await join(bystander, 'Bea Bystander');

    const confirmation = await command(who, 'erase my data');
    const buttons = confirmation.blocks.filter((block) => block.type === 'actions').flatMap((block) => block['elements'] as Json[]);
    expect(buttons).toHaveLength(1);
    const button = buttons[0] as { action_id: string; value: string };
    expect(button.action_id).toMatch(/^member\.erase/);
    expect(button.value).toBe(id);
    // Asking is not erasing.
    expect(await memberOf(who)).toMatchObject({ status: 'active', displayName: name });

    // Someone else replaying the button erases nothing, neither the member nor themselves.
    expect(await click(bystander, button.action_id, button.value)).toContain('That button belongs to someone else');
    expect(await memberOf(who)).toMatchObject({ id, status: 'active', displayName: name });
    expect(await memberOf(bystander)).toMatchObject({ id: bystanderId, status: 'active' });
    expect(await auditOf(id)).not.toContain('member.erased');

    expect(await click(who, button.action_id, button.value)).toContain('Your data has been erased.');
    expect(await prisma().platformIdentity.count({ where: { memberId: id } })).toBe(0);
    expect(await prisma().roleGrant.count({ where: { memberId: id } })).toBe(0);
    const erased = await prisma().member.findUniqueOrThrow({ where: { id } });
    expect(erased).toMatchObject({
      status: 'erased',
      displayName: null,
      organisationId: null,
      regionCode: null,
      role: null,
      staffGroups: [],
      promiseElements: [],
      inDirectory: false,
      consentedAt: null,
    });
    expect(await auditOf(id)).toEqual(['member.joined', 'member.erased']);
    expect(await memberOf(bystander)).toMatchObject({ id: bystanderId, status: 'active', displayName: 'Bea Bystander' });

    // To the bot they are now nobody.
    expect(await commandText(who, 'profile')).toContain('You have not joined yet.');
    expect(await commandText(who, 'my data')).toContain('CoP Bot holds no data about you.');
    expect(await membersOf(who)).toBe(0);

    // No row anywhere still holds their name or their Slack user id.
    for (const table of [
      'Member',
      'PlatformIdentity',
      'RoleGrant',
      'AuditEntry',
      'Conversation',
      'OutboxMessage',
      'PostedMessage',
      'FileLink',
      'CaseStudy',
    ]) {
      const rows = await prisma().$queryRawUnsafe<{ row: string }[]>(`SELECT to_jsonb(t)::text AS row FROM "${table}" t`);
      for (const { row } of rows) {
        expect(row, table).not.toContain(name);
        expect(row, table).not.toContain('Erasable');
        expect(row, table).not.toContain(who.userId);
      }
    }
    // The check above can see: the bystander's name and id are still there.
    const memberRows = await prisma().$queryRawUnsafe<{ row: string }[]>(`SELECT to_jsonb(t)::text AS row FROM "Member" t`);
    expect(memberRows.some(({ row }) => row.includes('Bea Bystander'))).toBe(true);
  });

  it('refuses a modal submitted for a member erased while it was open, and recreates nothing', async () => {
    const who = person('U0ERASEDOPEN');
    const id = await join(who, 'Otto Openform');

    const { view } = await openModal(who, 'profile edit');
    expect(view.callback_id).toBe(PROFILE_FORM);
    expect(view.private_metadata).toBe(id);

    expect(await click(who, 'member.erase#0', id)).toContain('Your data has been erased.');
    const members = await prisma().member.count();
    const mark = harness.slack.requests.length;

    const answer = await submitProfile(who, await validValues('Otto Openform'), view.private_metadata);
    expect(answer.status).toBe(200);
    const body = JSON.parse(answer.body) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors)).toEqual(['displayName']);
    expect(body.errors['displayName']).toContain('erased');

    expect(await membersOf(who)).toBe(0);
    expect(await prisma().member.count()).toBe(members);
    expect(await prisma().member.count({ where: { displayName: 'Otto Openform' } })).toBe(0);
    expect(await prisma().member.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'erased', displayName: null });
    await harness.idle();
    expect(harness.slack.requests.slice(mark).some((request) => request.path === '/chat.postMessage')).toBe(false);
  });
});
