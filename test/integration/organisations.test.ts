// Organisations members add, through both platforms' real endpoints: naming a missing organisation in
// the join form (created unverified in the member's region, in the same transaction), the form's errors
// when it is named wrongly, and confirming it: `organisations pending` with its Confirm buttons (Slack
// block_actions, re-checked on every click) and `organisation confirm <name>` typed in Teams.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackBlocksToText } from '../../src/dev/readable-text.js';
import {
  blockSuggestionBody,
  postToSlackEndpoint,
  slackInput,
  slashCommandBody,
  viewSubmissionBody,
  type SlackIdentity,
} from '../../src/dev/slack-requests.js';
import { cardSubmitActivity, messageActivity, type TeamsIdentity } from '../../src/dev/teams-activities.js';
import { SIGNING_SECRET, startTestBot, type TestBot } from '../support/test-bot.js';
import { slackClickText, slackCommand, slackCommandText, teamsText } from '../support/chat.js';

let harness: TestBot;
const prisma = () => harness.bot.database.prisma;

const slackUser = (userId: string): SlackIdentity => ({ teamId: 'T0TEST', userId, channelId: 'C0ORGS' });
const admin = slackUser('U0ADMIN');
const yorkshireFacilitator = slackUser('U0FACNEY');
const londonFacilitator = slackUser('U0FACLON');
const plainMember = slackUser('U0PLAIN');
const adder = slackUser('U0ADDER');

const RIVERSIDE = 'Riverside Community NHS Trust';

type Json = Record<string, unknown>;
type Values = Record<string, Record<string, unknown>>;
const nothingSelected = { type: 'static_select', selected_option: null };
const emptyText = { type: 'plain_text_input', value: null };

async function leedsId(): Promise<string> {
  return (await prisma().organisation.findFirstOrThrow({ where: { odsCode: 'RR8' } })).id;
}

/** A complete submission naming a new organisation in North East and Yorkshire. */
function newOrganisationValues(displayName: string, overrides: Values = {}): Values {
  return {
    displayName: slackInput.text(displayName),
    organisation: nothingSelected,
    newOrganisation: slackInput.text(RIVERSIDE),
    region: slackInput.select('Y63'),
    role: slackInput.select('retention_lead'),
    consent: slackInput.checkbox(true),
    ...overrides,
  };
}

async function submitProfile(who: SlackIdentity, values: Values): Promise<{ status: number; body: string }> {
  const response = await postToSlackEndpoint(harness.url, viewSubmissionBody('member.profile', values, '', who), SIGNING_SECRET);
  return { status: response.status, body: await response.text() };
}

async function joinWithLeeds(who: SlackIdentity, name: string): Promise<void> {
  const answer = await submitProfile(who, {
    displayName: slackInput.text(name),
    organisation: slackInput.search(await leedsId()),
    role: slackInput.select('retention_lead'),
    consent: slackInput.checkbox(true),
  });
  expect(answer).toEqual({ status: 200, body: '' });
}

/** `/cop <text>` as `who`: the reply's blocks as sent to the response_url. */
const slackBlocks = async (who: SlackIdentity, text: string) => (await slackCommand(harness, who, text)).blocks;
const slack = (who: SlackIdentity, text: string) => slackCommandText(harness, who, text);
/** Clicks a button as `who` (any action id and value: a replay is just that); returns the reply's text. */
const click = (who: SlackIdentity, actionId: string, value: string) => slackClickText(harness, who, actionId, value);

/** Every button in Slack blocks, with its action id and value. */
function buttonsOf(blocks: Json[]): { action_id: string; value?: string }[] {
  return blocks.flatMap((block) =>
    block['type'] === 'actions'
      ? (block['elements'] as { type: string; action_id: string; value?: string }[]).filter((e) => e.type === 'button')
      : [],
  );
}

async function memberIdOf(userId: string): Promise<string> {
  return (await prisma().platformIdentity.findFirstOrThrow({ where: { userId } })).memberId;
}

const riverside = () => prisma().organisation.findFirstOrThrow({ where: { name: RIVERSIDE } });

beforeAll(async () => {
  harness = await startTestBot({ COP_ADMINS: 'U0ADMIN, 29:teams-admin' });
  await joinWithLeeds(yorkshireFacilitator, 'Yan Yorkshire');
  await joinWithLeeds(londonFacilitator, 'Lou London');
  await joinWithLeeds(plainMember, 'Pip Plain');
  expect(await slack(admin, 'admin grant facilitator <@U0FACNEY> north east and yorkshire')).toContain('Done');
  expect(await slack(admin, 'admin grant facilitator <@U0FACLON> london')).toContain('Done');
});
afterAll(async () => {
  await harness?.stop();
});

describe('naming an organisation missing from the list', () => {
  it('offers the field after the organisation select, which is no longer required', async () => {
    const triggerId = '1.2.organisations-join';
    const body = new URLSearchParams(slashCommandBody('join', `${harness.slack.url}/respond/organisations-modal`, slackUser('U0LOOKER')));
    body.set('trigger_id', triggerId);
    const opened = harness.slack.waitFor(
      (request) => request.path === '/views.open' && (request.json as Json | undefined)?.['trigger_id'] === triggerId,
    );
    await postToSlackEndpoint(harness.url, body.toString(), SIGNING_SECRET);
    const view = (
      (await opened).json as {
        view: { blocks: { type: string; block_id?: string; optional?: boolean; element?: Json; label?: { text: string } }[] };
      }
    ).view;
    const inputs = view.blocks.filter((block) => block.type === 'input');
    const ids = inputs.map((block) => block.block_id);
    expect(ids.indexOf('newOrganisation')).toBe(ids.indexOf('organisation') + 1);
    const field = inputs.find((block) => block.block_id === 'newOrganisation');
    expect(field?.element?.['type']).toBe('plain_text_input');
    expect(field?.optional).toBe(true);
    expect(field?.label?.text).toBe('Organisation not in the list? Type its full name');
    expect(inputs.find((block) => block.block_id === 'organisation')?.optional).toBe(true);
  });

  const cases: { problem: string; userId: string; field: string; says: RegExp; values: () => Promise<Values> }[] = [
    {
      problem: 'both an organisation from the list and a new one',
      userId: 'U0BOTH',
      field: 'newOrganisation',
      says: /not both/,
      values: async () => newOrganisationValues('Bo Both', { organisation: slackInput.search(await leedsId()) }),
    },
    {
      problem: 'neither',
      userId: 'U0NEITHER',
      field: 'organisation',
      says: /type its full name/,
      values: () => Promise.resolve(newOrganisationValues('Nell Neither', { newOrganisation: emptyText })),
    },
    {
      problem: 'the name of an organisation already in the list, in another case',
      userId: 'U0DUPLICATE',
      field: 'newOrganisation',
      says: /^Please choose Leeds Teaching Hospitals NHS Trust from the list/,
      values: () =>
        Promise.resolve(
          newOrganisationValues('Dee Duplicate', { newOrganisation: slackInput.text('  leeds TEACHING hospitals nhs trust ') }),
        ),
    },
    {
      problem: 'no region',
      userId: 'U0NOREGION',
      field: 'region',
      says: /region/,
      values: () => Promise.resolve(newOrganisationValues('Rex Region', { region: nothingSelected })),
    },
    {
      problem: 'a name of only control characters',
      userId: 'U0CONTROLORG',
      field: 'newOrganisation',
      says: /full name/,
      values: () => Promise.resolve(newOrganisationValues('Cy Control', { newOrganisation: slackInput.text('\u0000\u200b') })),
    },
    {
      problem: 'a 151-character name',
      userId: 'U0LONGORG',
      field: 'newOrganisation',
      says: /150 characters/,
      values: () => Promise.resolve(newOrganisationValues('Lon Long', { newOrganisation: slackInput.text('N'.repeat(151)) })),
    },
  ];

  it.each(cases)('answers $problem with an error on $field and saves nothing', async ({ userId, field, says, values }) => {
    const [members, organisations, audits] = await Promise.all([
      prisma().member.count(),
      prisma().organisation.count(),
      prisma().auditEntry.count(),
    ]);
    const answer = await submitProfile(slackUser(userId), await values());
    expect(answer.status).toBe(200);
    const body = JSON.parse(answer.body) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors)).toEqual([field]);
    expect(body.errors[field]).toMatch(/^Please /);
    expect(body.errors[field]).toMatch(says);
    expect(await prisma().member.count()).toBe(members);
    expect(await prisma().organisation.count()).toBe(organisations);
    expect(await prisma().auditEntry.count()).toBe(audits);
    expect(await prisma().platformIdentity.count({ where: { userId } })).toBe(0);
  });

  it('creates the organisation unverified in the chosen region with the member linked to it', async () => {
    const answer = await submitProfile(
      adder,
      newOrganisationValues('Ada Adder', { newOrganisation: slackInput.text(`  ${RIVERSIDE}\u0007 `) }),
    );
    expect(answer).toEqual({ status: 200, body: '' });

    const organisation = await riverside();
    expect(organisation).toMatchObject({
      name: RIVERSIDE,
      verified: false,
      regionCode: 'Y63',
      nation: 'england',
      type: 'Not yet confirmed',
      isNhsTrust: true,
      source: 'Added by a member',
      odsCode: null,
    });
    const member = await prisma().member.findUniqueOrThrow({ where: { id: await memberIdOf(adder.userId) } });
    expect(member).toMatchObject({ organisationId: organisation.id, regionCode: 'Y63', status: 'active' });

    const added = await prisma().auditEntry.findMany({ where: { action: 'organisation.added' } });
    expect(added.map((entry) => entry.subject)).toEqual([organisation.id]);

    expect(await slack(adder, 'profile')).toContain(`${RIVERSIDE} (not yet confirmed by a facilitator)`);
  });

  it('lists verified organisations before those added by members when searching', async () => {
    const response = await postToSlackEndpoint(
      harness.url,
      blockSuggestionBody('member.profile', 'organisation', 'community', slackUser('U0SEARCH')),
      SIGNING_SECRET,
    );
    expect(response.status).toBe(200);
    const options = ((await response.json()) as { options: { text: { text: string } }[] }).options.map((option) => option.text.text);
    expect(options).toContain(RIVERSIDE);
    expect(options.at(-1)).toBe(RIVERSIDE);
  });
});

describe('confirming organisations added by members', () => {
  it('refuses a member who facilitates nothing, by command and by button', async () => {
    const organisation = await riverside();
    const pendingRefused = await slack(plainMember, 'organisations pending');
    expect(pendingRefused).toContain('Only facilitators and national admins');
    // Listing changes nothing, so the refusal does not say that nothing was changed.
    expect(pendingRefused).not.toContain('nothing was changed');
    expect(await slack(plainMember, `organisation confirm ${RIVERSIDE}`)).toContain('Only facilitators and national admins');
    expect(await click(plainMember, 'organisation.confirm#0', organisation.id)).toContain('nothing was changed');
    expect((await riverside()).verified).toBe(false);
  });

  it("refuses a facilitator of another region, even with the region's button replayed", async () => {
    const organisation = await riverside();
    const listed = await slack(londonFacilitator, 'organisations pending');
    expect(listed).not.toContain(RIVERSIDE);
    expect(await slack(londonFacilitator, 'organisations pending north east and yorkshire')).toContain(
      'Only a facilitator of North East and Yorkshire',
    );
    expect(await click(londonFacilitator, 'organisation.confirm#0', organisation.id)).toContain(
      'Only a facilitator of that organisation’s region or a national admin can confirm it, so nothing was changed.',
    );
    expect((await riverside()).verified).toBe(false);
    expect(await prisma().auditEntry.count({ where: { action: 'organisation.confirmed' } })).toBe(0);
  });

  it("lets the region's facilitator list it and confirm it with its button, once", async () => {
    const organisation = await riverside();
    const blocks = await slackBlocks(yorkshireFacilitator, 'organisations pending');
    const text = slackBlocksToText(blocks);
    expect(text.toLowerCase()).toContain('organisations waiting for confirmation');
    expect(text).toContain(RIVERSIDE);
    expect(text).toContain('Added by a member');
    const button = buttonsOf(blocks).find((candidate) => candidate.value === organisation.id);
    expect(button?.action_id).toMatch(/^organisation\.confirm#/);

    expect(await click(yorkshireFacilitator, button?.action_id ?? '', organisation.id)).toContain(`Done: ${RIVERSIDE} is now confirmed.`);
    expect((await riverside()).verified).toBe(true);
    const audit = await prisma().auditEntry.findMany({ where: { action: 'organisation.confirmed' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ subject: organisation.id, details: { by: await memberIdOf(yorkshireFacilitator.userId) } });

    expect(await click(yorkshireFacilitator, button?.action_id ?? '', organisation.id)).toContain('already confirmed: nothing changed');
    expect(await prisma().auditEntry.count({ where: { action: 'organisation.confirmed' } })).toBe(1);
    expect(await slack(yorkshireFacilitator, 'organisations pending')).toContain('No organisations are waiting for confirmation.');
    expect(await slack(adder, 'profile')).not.toContain('not yet confirmed');
  });
});

describe('in Teams', () => {
  const tenantId = 'tenant-organisations';
  const teamsAdmin: TeamsIdentity = {
    tenantId,
    userId: '29:teams-admin',
    aadObjectId: 'aad-admin',
    conversationId: 'a:admin',
    conversationType: 'personal',
  };
  const gwen: TeamsIdentity = {
    tenantId,
    userId: '29:gwen',
    aadObjectId: 'aad-gwen',
    conversationId: 'a:gwen',
    conversationType: 'personal',
  };
  const BRYN = 'Bryn Valley Health Services';

  const teams = (activity: { id: string }) => teamsText(harness, activity);

  it('lets a member add an organisation in Wales and a national admin confirm it by typing its name', async () => {
    const joined = await teams(
      cardSubmitActivity(
        {
          verb: 'cop.form',
          form: 'member.profile',
          displayName: 'Gwen Jones',
          organisation: '',
          newOrganisation: BRYN,
          region: 'WALES',
          role: 'staff_side',
          consent: 'true',
        },
        harness.connector.url,
        gwen,
      ),
    );
    expect(joined).toContain('Welcome, Gwen Jones');
    expect(await prisma().organisation.findFirstOrThrow({ where: { name: BRYN } })).toMatchObject({
      verified: false,
      nation: 'wales',
      regionCode: 'WALES',
      isNhsTrust: false,
    });

    const pending = await teams(messageActivity('organisations pending', harness.connector.url, teamsAdmin));
    expect(pending).toContain(BRYN);

    expect(await teams(messageActivity('organisation confirm bryn valley health services', harness.connector.url, teamsAdmin))).toContain(
      `Done: ${BRYN} is now confirmed.`,
    );
    const organisation = await prisma().organisation.findFirstOrThrow({ where: { name: BRYN } });
    expect(organisation.verified).toBe(true);
    expect(
      await prisma().auditEntry.findFirstOrThrow({ where: { action: 'organisation.confirmed', subject: organisation.id } }),
    ).toMatchObject({
      details: { by: 'configured admin' },
    });
    expect(await teams(messageActivity(`organisation confirm ${BRYN}`, harness.connector.url, teamsAdmin))).toContain('already confirmed');
    expect(await teams(messageActivity('organisation confirm Nowhere Hospital', harness.connector.url, teamsAdmin))).toContain(
      'No organisation matches "Nowhere Hospital", so nothing was changed.',
    );
  });

  it('routes the Confirm button of a card to the core, which re-checks it', async () => {
    const organisation = await riverside();
    const pip: TeamsIdentity = {
      tenantId,
      userId: '29:pip',
      aadObjectId: 'aad-pip',
      conversationId: 'a:pip',
      conversationType: 'personal',
    };
    const reply = await teams(cardSubmitActivity({ verb: 'organisation.confirm', value: organisation.id }, harness.connector.url, pip));
    expect(reply).toContain('Only facilitators and national admins');
  });
});

describe('the audit', () => {
  it('records organisations by id only, never by name', async () => {
    const entries = await prisma().auditEntry.findMany({ where: { action: { startsWith: 'organisation.' } } });
    expect(entries.map((entry) => entry.action).sort()).toEqual([
      'organisation.added',
      'organisation.added',
      'organisation.confirmed',
      'organisation.confirmed',
    ]);
    const written = JSON.stringify(entries.map(({ action, subject, details }) => ({ action, subject, details })));
    for (const name of [RIVERSIDE, 'Riverside', 'Bryn', 'Gwen', 'Ada Adder']) expect(written).not.toContain(name);
  });
});

// Last: it leaves an organisation waiting for confirmation, which the tests above count.
describe('adding an organisation at the same moment', () => {
  it('gives two people adding the same new organisation at the same moment the one organisation', async () => {
    const name = 'Hillside Partnership NHS Trust';
    const [first, second] = [slackUser('U0SAMETIME1'), slackUser('U0SAMETIME2')];
    const answers = await Promise.all([
      submitProfile(first, newOrganisationValues('Sol Sametime', { newOrganisation: slackInput.text(name) })),
      submitProfile(second, newOrganisationValues('Tam Sametime', { newOrganisation: slackInput.text(name) })),
    ]);
    expect(answers).toEqual([
      { status: 200, body: '' },
      { status: 200, body: '' },
    ]);
    const organisations = await prisma().organisation.findMany({ where: { name } });
    expect(organisations).toHaveLength(1);
    const members = await prisma().member.findMany({
      where: { id: { in: [await memberIdOf(first.userId), await memberIdOf(second.userId)] } },
    });
    expect(members.map((member) => member.organisationId)).toEqual([organisations[0]?.id, organisations[0]?.id]);
    expect(await prisma().auditEntry.count({ where: { action: 'organisation.added', subject: organisations[0]?.id } })).toBe(1);
  });
});
