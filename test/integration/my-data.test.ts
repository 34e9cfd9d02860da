// Subject access and erasure checked against the database's own list of what refers to members: a
// member who did everything the bot offers (joined, linked a Teams account, organised and hosted events,
// answered and waitlisted, submitted and reviewed case studies, set up and asked for a digest, was made
// a facilitator) asks `my data` in Slack and Teams. Every table with a foreign key to Member is read from
// pg_catalog at test time, so a table added later that refers to members fails here until `my data` (and
// its JSON file) show it and erasure clears it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adaptiveCardToText, cardsOf, slackBlocksToText } from '../../src/dev/readable-text.js';
import { postToSlackEndpoint, slackInput, viewSubmissionBody, type SlackIdentity } from '../../src/dev/slack-requests.js';
import { mentionActivity, messageActivity, type TeamsIdentity } from '../../src/dev/teams-activities.js';
import { PERSONAL_DATA_FORMAT, type PersonalData } from '../../src/core/members/personal-data.js';
import { slackClickText, slackCommand, slackCommandText, teamsText } from '../support/chat.js';
import { eventValues, fetchBotLink, PUBLIC_URL, submitEventForm } from '../support/events.js';
import { cardLinkButtons, linkButton, slackLinkButtons } from '../support/links.js';
import { joinInSlack } from '../support/members.js';
import { personalChatId, SIGNING_SECRET, startTestBot, type TestBot } from '../support/test-bot.js';

let harness: TestBot;
const prisma = () => harness.bot.database.prisma;
type Json = Record<string, unknown>;

const inSlack = (userId: string, channelId = 'C0MYDATA'): SlackIdentity => ({ teamId: 'T0TEST', userId, channelId });
const admin = inSlack('U0ADMIN');
const dana = inSlack('U0DANA');
const olly = inSlack('U0OLLY');
const danaTeams = (conversationType: 'personal' | 'channel'): TeamsIdentity => ({
  tenantId: 'tenant-mydata',
  userId: '29:dana',
  aadObjectId: 'aad-dana',
  conversationId: conversationType === 'personal' ? 'a:personal-dana' : '19:mydata@thread.tacv2',
  conversationType,
});
const DANA = 'Dana Datasubject';

const slack = (who: SlackIdentity, text: string) => slackCommandText(harness, who, text);
const memberIdOf = async (userId: string) => (await prisma().platformIdentity.findFirstOrThrow({ where: { userId } })).memberId;

/** The columns of the current schema with a foreign key to Member's id. */
async function referencesToMember(): Promise<{ table: string; column: string }[]> {
  return prisma().$queryRaw<{ table: string; column: string }[]>`
    SELECT t.relname::text AS "table", a.attname::text AS "column"
    FROM pg_constraint c
    JOIN pg_class t ON t.oid = c.conrelid
    JOIN pg_class r ON r.oid = c.confrelid
    JOIN pg_namespace n ON n.oid = r.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
    WHERE c.contype = 'f' AND r.relname = 'Member' AND n.nspname = current_schema()
    ORDER BY 1, 2`;
}

/** Member ids held without a foreign key (named so in schema.prisma); the test below checks that no other column looks like one. */
const SOFT_REFERENCES = [
  { table: 'DigestPost', column: 'requestedBy' },
  { table: 'DigestSubscription', column: 'subscribedBy' },
  { table: 'OutboxMessage', column: 'memberId' },
  { table: 'PostedMessage', column: 'memberId' },
];

/** The heading `my data` gives each table that refers to members; a table missing here fails the test. */
const SECTION_OF_TABLE: Record<string, readonly string[]> = {
  PlatformIdentity: ['Accounts'],
  RoleGrant: ['Roles'],
  LinkCode: ['Codes for linking your accounts'],
  CaseStudy: ['Case studies you submitted', 'Case studies you reviewed'],
  Event: ['Events you host'],
  Rsvp: ['Your answers to events and waitlist places'],
  FileLink: ['Download links made for you'],
  DigestSubscription: ['Digests you set up in channels'],
  DigestPost: ['Digests you asked for'],
  OutboxMessage: ['Messages to you, waiting or sent'],
  PostedMessage: ['Messages to you that the bot keeps up to date'],
};

async function rowIds(table: string, column: string, memberId: string): Promise<string[]> {
  const rows = await prisma().$queryRawUnsafe<{ id: string }[]>(`SELECT id::text AS id FROM "${table}" WHERE "${column}" = $1`, memberId);
  return rows.map((row) => row.id);
}

let danaId = '';
let jsonUrl = '';

beforeAll(async () => {
  harness = await startTestBot({ COP_ADMINS: 'U0ADMIN', PUBLIC_URL });
  await joinInSlack(harness, dana, DANA);
  await joinInSlack(harness, olly, 'Olly Other');
  danaId = await memberIdOf(dana.userId);
  const ollyId = await memberIdOf(olly.userId);
  expect(await slack(admin, 'admin grant facilitator <@U0DANA> north east and yorkshire')).toContain('Done');

  // A Teams account linked with a code.
  const code = /Your linking code is ([A-Z2-9]{8})\./.exec(await slack(dana, 'link'))?.[1] ?? '';
  // A mistyped code first: a failed attempt, kept for the attempt limit under a keyed hash of the account.
  expect(await teamsText(harness, messageActivity('link ZZZZ2222', harness.connector.url, danaTeams('personal')))).toBeTruthy();
  expect(await teamsText(harness, messageActivity(`link ${code}`, harness.connector.url, danaTeams('personal')))).toContain('Done');

  // Two events Dana organises: one she hosts (one place, taken by Olly: she is waitlisted), one Olly hosts (she goes).
  expect(
    await submitEventForm(
      harness,
      dana,
      eventValues(danaId, { title: slackInput.text('Data day'), capacity: slackInput.text('1'), region: slackInput.select('Y63') }),
    ),
  ).toBeUndefined();
  expect(
    await submitEventForm(harness, dana, eventValues(ollyId, { title: slackInput.text('Other day'), region: slackInput.select('Y63') })),
  ).toBeUndefined();
  const hosted = await prisma().event.findFirstOrThrow({ where: { title: 'Data day' } });
  const other = await prisma().event.findFirstOrThrow({ where: { title: 'Other day' } });
  await slackClickText(harness, olly, 'event.rsvp#0', `${hosted.id}:going`);
  expect(await slackClickText(harness, dana, 'event.rsvp#0', `${hosted.id}:going`)).toContain('waitlist');
  await slackClickText(harness, dana, 'event.rsvp#0', `${other.id}:going`);

  // A case study she submits, and one of Olly's she reviews.
  for (const [who, title] of [
    [dana, 'Dana’s retention scheme'],
    [olly, 'Olly’s retention scheme'],
  ] as const) {
    const values = {
      title: slackInput.text(title),
      summary: slackInput.text('A scheme that kept staff.'),
      challenge: slackInput.text('Staff were leaving.'),
      actions: slackInput.text('Mentoring.'),
      results: slackInput.text('Fewer leavers.'),
      organisationName: slackInput.text('Leeds Teaching Hospitals NHS Trust'),
      organisationType: slackInput.select('Acute'),
      region: slackInput.select('Y63'),
      contactConsent: slackInput.checkbox(false),
    };
    const response = await postToSlackEndpoint(harness.url, viewSubmissionBody('case.submit', values, '', who), SIGNING_SECRET);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  }
  const ollys = await prisma().caseStudy.findFirstOrThrow({ where: { title: 'Olly’s retention scheme' } });
  expect(await slack(dana, `case approve ${ollys.number}`)).toContain('published');

  // A digest she set up in a channel of her region, and one she asked for now.
  expect(await slack(inSlack('U0ADMIN', 'C0DIGEST'), 'channel link north east and yorkshire')).toContain('Done');
  expect(await slack(inSlack('U0DANA', 'C0DIGEST'), 'digest subscribe north east and yorkshire weekly')).toContain('Done');
  await slack(inSlack('U0DANA', 'C0DIGEST'), 'digest now');
  await harness.idle();
}, 180_000);
afterAll(async () => {
  await harness?.stop();
});

describe('my data', () => {
  it('shows every table that refers to the member, to them alone, and the whole as a JSON file', async () => {
    const references = await referencesToMember();
    expect(references.map((r) => `${r.table}.${r.column}`)).toEqual(expect.arrayContaining(['PlatformIdentity.memberId', 'Rsvp.memberId']));

    // No column outside these lists looks like it holds a member's id.
    const lookalikes = await prisma().$queryRaw<{ table: string; column: string }[]>`
      SELECT table_name::text AS "table", column_name::text AS "column" FROM information_schema.columns
      WHERE table_schema = current_schema() AND data_type = 'text'
        AND (column_name ILIKE '%member%' OR column_name ~ '(By|ById)$')`;
    const known = new Set([...references, ...SOFT_REFERENCES].map((r) => `${r.table}.${r.column}`));
    expect(lookalikes.map((r) => `${r.table}.${r.column}`).filter((name) => !known.has(name))).toEqual([]);

    const reply = await slackCommand(harness, dana, 'my data');
    expect(reply.response_type).toBe('ephemeral');
    const text = slackBlocksToText(reply.blocks);
    expect(text).toContain(DANA);
    // Long lists are cut short in chat, with their count.
    expect(text).toMatch(/Audit log entries naming you \(by id\) \(\d+\)/);
    expect(text).toContain('more: the file above has them all');
    expect(text).not.toContain('more than fits in one message');

    jsonUrl = linkButton(slackLinkButtons(reply.blocks), 'Download my data (JSON)').url;
    const response = await fetchBotLink(harness, jsonUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const body = await response.text();
    const data = JSON.parse(body) as PersonalData;
    expect(data).toMatchObject({ format: PERSONAL_DATA_FORMAT, version: 1, profile: { memberId: danaId, displayName: DANA } });
    expect(data.profile).toHaveProperty('language');
    expect(data.eventAnswers.map((answer) => [answer.event.title, answer.status]).sort()).toEqual([
      ['Data day', 'waitlisted'],
      ['Other day', 'going'],
    ]);
    expect(data.eventsCreated.map((event) => event.title).sort()).toEqual(['Data day', 'Other day']);
    expect(data.auditEntries.length).toBeGreaterThan(3);
    expect(data.linkAttempts).toHaveLength(1);
    expect(text).toContain('Linking codes you typed that did not work');

    // Every row of every table referring to them is in the file (by id), and the chat has a section for it.
    for (const { table, column } of [...references, ...SOFT_REFERENCES]) {
      const ids = await rowIds(table, column, danaId);
      // Nothing sends a member a message that is updated in place yet (PostedMessage), so only that may be empty.
      if (table !== 'PostedMessage')
        expect(ids.length, `${table}.${column}: the member did everything, so there are rows`).toBeGreaterThan(0);
      for (const id of ids) expect(body, `${table}.${column} ${id}`).toContain(`"${id}"`);
      const sections = SECTION_OF_TABLE[table];
      expect(sections, `a my data section for ${table}`).toBeDefined();
      for (const section of sections!) expect(text, table).toContain(section);
    }
  });

  it('in a Teams channel, goes to the person’s personal chat, with the download link', async () => {
    const who = danaTeams('channel');
    const mark = harness.connector.requests.length;
    const activity = mentionActivity('my data', harness.connector.url, who);
    expect(await teamsText(harness, activity)).toBe("I've sent you the details in our private chat.");
    const personal = `/v3/conversations/${personalChatId(who.userId)}/activities`;
    const answers = harness.connector.requests.slice(mark).filter((r) => r.method === 'POST' && decodeURIComponent(r.path) === personal);
    expect(answers).toHaveLength(1);
    const cards = cardsOf(answers[0]!.json);
    expect(cards.map(adaptiveCardToText).join('\n')).toContain(DANA);
    const url = linkButton(cardLinkButtons(cards), 'Download my data (JSON)').url;
    const opened = await fetchBotLink(harness, url);
    expect(opened.status).toBe(200);
    // The personal chat the bot opened to answer names her Teams account: it is in the file now.
    const data = (await opened.json()) as PersonalData;
    expect(data.conversations.map((c) => c.externalId)).toContain(personalChatId(who.userId));
    // The channel saw nothing of it.
    const inChannel = harness.connector.requests
      .slice(mark)
      .filter((r) => r.method === 'POST' && decodeURIComponent(r.path).startsWith(`/v3/conversations/${who.conversationId}`));
    for (const request of inChannel) expect(JSON.stringify(request.json)).not.toContain(DANA);
  });

  it('erasure leaves no row of any table referring to the member, and the file link opens nothing', async () => {
    const confirm = (await slackCommand(harness, dana, 'erase my data')).blocks as Json[];
    const button = confirm.flatMap((b) => (b['type'] === 'actions' ? (b['elements'] as { action_id: string; value: string }[]) : []))[0]!;
    expect(await slackClickText(harness, dana, button.action_id, button.value)).toContain('erased');
    for (const { table, column } of [...(await referencesToMember()), ...SOFT_REFERENCES])
      expect(await rowIds(table, column, danaId), `${table}.${column}`).toEqual([]);
    expect((await fetchBotLink(harness, jsonUrl)).status).toBe(404);
    expect(await prisma().linkAttempt.count()).toBe(0);
    expect(await slack(dana, 'my data')).toContain('CoP Bot holds no data about you.');
  });
});
