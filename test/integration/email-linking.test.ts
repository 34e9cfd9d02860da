// Linking by verified email, through the real Slack and Teams endpoints: a member's verified email is
// recorded (as a keyed hash only) after they join or edit their profile; `link` typed on the other
// platform by someone who is not a member there links them to that member when the emails match.
// Otherwise, and whenever the lookup fails, the one-time code is explained as before and nothing changes.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_SECRET } from '../../src/config.js';
import { adaptiveCardToText } from '../../src/dev/readable-text.js';
import { type SlackIdentity } from '../../src/dev/slack-requests.js';
import { cardSubmitActivity, messageActivity, type TeamsIdentity } from '../../src/dev/teams-activities.js';
import { joinInSlack } from '../support/members.js';
import { startTestBot, type TestBot } from '../support/test-bot.js';
import { slackCommandText, teamsCard, teamsText } from '../support/chat.js';

/** How an address is kept: the HMAC-SHA256, keyed with the secret (the local one in tests), of it trimmed and lower-cased. */
const hashEmail = (email: string) => createHmac('sha256', LOCAL_SECRET).update(email.trim().toLowerCase(), 'utf8').digest('hex');

const slackUser = (userId: string): SlackIdentity => ({ teamId: 'T0TEST', userId, channelId: 'C0EMAIL' });
const teamsUser = (name: string): TeamsIdentity => ({
  tenantId: 'tenant-email',
  userId: `29:${name}`,
  aadObjectId: `aad-${name}`,
  conversationId: `a:personal-${name}`,
  conversationType: 'personal',
});

const alex = { slack: slackUser('U0EMALEX'), teams: teamsUser('alex') };
const robin = { slack: slackUser('U0EMROBIN'), teams: teamsUser('robin') };
const jo = { slack: slackUser('U0EMJO'), teams: teamsUser('jo') };
const chris = { slack: slackUser('U0EMCHRIS'), teams: teamsUser('chris') };
const lee = { slack: slackUser('U0EMLEE'), teams: teamsUser('lee') };

// Slack shows each address as the person typed it; Teams the same address in another case.
const EMAILS: Record<string, string> = {
  [alex.slack.userId]: ' Alex.Morgan@NHS.test ',
  [alex.teams.userId]: 'alex.morgan@nhs.test',
  [robin.slack.userId]: 'robin@nhs.test',
  [robin.teams.userId]: 'robin.other@nhs.test',
  [chris.slack.userId]: 'chris@nhs.test',
  [chris.teams.userId]: 'chris@nhs.test',
  [lee.slack.userId]: 'lee@nhs.test',
  [lee.teams.userId]: 'lee@nhs.test',
  // Jo's Teams account is not found by the connector (404): the lookup fails.
  [jo.slack.userId]: 'jo@nhs.test',
};

let harness: TestBot;
const prisma = () => harness.bot.database.prisma;

beforeAll(async () => {
  harness = await startTestBot({}, { emails: EMAILS });
});
afterAll(async () => {
  await harness?.stop();
});

const slack = (who: SlackIdentity, text: string) => slackCommandText(harness, who, text);
const teams = (who: TeamsIdentity, text: string) => teamsText(harness, messageActivity(text, harness.connector.url, who));

async function joinInTeams(who: TeamsIdentity, name: string): Promise<void> {
  const organisation = await prisma().organisation.findFirstOrThrow({ where: { odsCode: 'RR8' } });
  const card = await teamsCard(
    harness,
    cardSubmitActivity(
      {
        verb: 'cop.form',
        form: 'member.profile',
        displayName: name,
        organisation: organisation.id,
        role: 'retention_lead',
        consent: 'true',
      },
      harness.connector.url,
      who,
    ),
  );
  expect(adaptiveCardToText(card)).toContain(`Welcome, ${name}`);
}

const identityOf = (platform: 'slack' | 'teams', who: { teamId?: string; tenantId?: string; userId: string }) =>
  prisma().platformIdentity.findUnique({
    where: { platform_workspaceId_userId: { platform, workspaceId: who.teamId ?? who.tenantId ?? '', userId: who.userId } },
  });

/** The hash is recorded after the reply (in Slack): waits until the bot has finished, then reads it. */
async function recordedHash(
  platform: 'slack' | 'teams',
  who: { teamId?: string; tenantId?: string; userId: string },
): Promise<string | null> {
  await harness.idle();
  return (await identityOf(platform, who))?.emailHash ?? null;
}

const snapshot = async () => ({
  members: await prisma().member.count(),
  identities: await prisma().platformIdentity.count(),
  audit: await prisma().auditEntry.count(),
});

describe('linking by verified email', () => {
  it('records only a keyed hash of a new member’s verified email, in Slack and in Teams', async () => {
    await joinInSlack(harness, alex.slack, 'Alex Morgan');
    expect(await recordedHash('slack', alex.slack)).toBe(hashEmail('alex.morgan@nhs.test'));
    await harness.slack.waitFor(
      (request) => request.path === '/users.info' && (request.json as { user?: string }).user === alex.slack.userId,
    );

    await joinInTeams(lee.teams, 'Lee Teams');
    expect(await recordedHash('teams', lee.teams)).toBe(hashEmail('lee@nhs.test'));
    expect(
      harness.connector.requests.some(
        (request) => request.method === 'GET' && decodeURIComponent(request.path).endsWith(`/members/${lee.teams.userId}`),
      ),
    ).toBe(true);

    // No row anywhere holds an address.
    const rows = await prisma().$queryRawUnsafe<{ row: string }[]>(`SELECT to_jsonb(t)::text AS row FROM "PlatformIdentity" t`);
    for (const { row } of rows) expect(row).not.toMatch(/@nhs\.test/i);
  });

  it('records the hash when a member who had none saves their profile again', async () => {
    const sky = { slack: slackUser('U0EMSKY'), teams: teamsUser('sky') };
    await joinInSlack(harness, sky.slack, 'Sky Later');
    await harness.slack.waitFor(
      (request) => request.path === '/users.info' && (request.json as { user?: string }).user === sky.slack.userId,
    );
    expect(await recordedHash('slack', sky.slack)).toBeNull();
    expect(await teams(sky.teams, 'link')).toContain('You have not joined on this platform');
    // Their Slack profile shows an address now; saving the profile records it.
    EMAILS[sky.slack.userId] = 'sky@nhs.test';
    EMAILS[sky.teams.userId] = 'SKY@nhs.test';
    await joinInSlack(harness, sky.slack, 'Sky Later');
    expect(await recordedHash('slack', sky.slack)).toBe(hashEmail('sky@nhs.test'));
    expect(await teams(sky.teams, 'link')).toContain('linked to the membership of Sky Later');
  });

  it('links a Teams account to the Slack member with the same verified email, in one step', async () => {
    const before = await snapshot();
    const memberId = (await identityOf('slack', alex.slack))?.memberId ?? '';
    const reply = await teams(alex.teams, 'link');
    expect(reply).toContain('this account is now linked to the membership of Alex Morgan');
    const linked = await identityOf('teams', alex.teams);
    expect(linked?.memberId).toBe(memberId);
    expect(linked?.emailHash).toBe(hashEmail('alex.morgan@nhs.test'));
    expect(await prisma().member.count()).toBe(before.members);
    expect(await teams(alex.teams, 'profile')).toContain('Alex Morgan');

    const audit = await prisma().auditEntry.findMany({ where: { subject: memberId, action: 'member.linked' } });
    expect(audit.map((entry) => entry.details)).toEqual([{ platform: 'teams', by: 'email' }]);
    const entries = JSON.stringify(await prisma().auditEntry.findMany(), (_key, value: unknown) =>
      typeof value === 'bigint' ? value.toString() : value,
    );
    expect(entries).not.toContain(hashEmail('alex.morgan@nhs.test'));
    expect(entries).not.toMatch(/nhs\.test/i);

    // Linked already: `link` now gives a code, as for any member.
    expect(await teams(alex.teams, 'link')).toContain('Your linking code is');
  });

  it('links a Slack account to the Teams member with the same verified email', async () => {
    const memberId = (await identityOf('teams', lee.teams))?.memberId ?? '';
    expect(await slack(lee.slack, 'link')).toContain('this account is now linked to the membership of Lee Teams');
    expect((await identityOf('slack', lee.slack))?.memberId).toBe(memberId);
  });

  it('falls back to the code when no member has the same email, changing nothing', async () => {
    await joinInSlack(harness, robin.slack, 'Robin Slack');
    expect(await recordedHash('slack', robin.slack)).toBe(hashEmail('robin@nhs.test'));
    const before = await snapshot();
    expect(await teams(robin.teams, 'link')).toContain(
      'You have not joined on this platform. If you are a member on the other platform, type link there',
    );
    expect(await snapshot()).toEqual(before);
    expect(await identityOf('teams', robin.teams)).toBeNull();
  });

  it('falls back to the code when the email cannot be looked up, changing nothing', async () => {
    await joinInSlack(harness, jo.slack, 'Jo Slack');
    expect(await recordedHash('slack', jo.slack)).toBe(hashEmail('jo@nhs.test'));
    const before = await snapshot();
    expect(await teams(jo.teams, 'link')).toContain('You have not joined on this platform');
    expect(await snapshot()).toEqual(before);
    expect(await identityOf('teams', jo.teams)).toBeNull();
    // A Slack account whose profile shows no email (the email scope missing) falls back too.
    const noEmail = slackUser('U0EMNOMAIL');
    expect(await slack(noEmail, 'link')).toContain('You have not joined on this platform');
    expect(await identityOf('slack', noEmail)).toBeNull();
  });

  it('refuses a person who is a member already on this platform, as before', async () => {
    await joinInSlack(harness, chris.slack, 'Chris Slack');
    await joinInTeams(chris.teams, 'Chris Teams');
    const slackMember = (await identityOf('slack', chris.slack))?.memberId;
    const teamsMember = (await identityOf('teams', chris.teams))?.memberId;
    expect(slackMember).not.toBe(teamsMember);
    // Their own membership answers: a code to link, never a merge of two profiles.
    expect(await teams(chris.teams, 'link')).toContain('Your linking code is');
    expect((await identityOf('teams', chris.teams))?.memberId).toBe(teamsMember);
    expect(await prisma().platformIdentity.count({ where: { memberId: slackMember ?? '' } })).toBe(1);
  });

  it('links nobody to an erased member, and keeps no email hash of them', async () => {
    const confirm = await teamsCard(harness, messageActivity('erase my data', harness.connector.url, alex.teams));
    const button = (
      confirm.body.find((element) => element['type'] === 'ActionSet') as { actions: { verb?: string; data: Record<string, string> }[] }
    ).actions[0];
    expect(button).toMatchObject({ type: 'Action.Execute', verb: 'member.erase' });
    expect(
      adaptiveCardToText(
        await teamsCard(harness, cardSubmitActivity({ verb: button?.verb, ...button?.data }, harness.connector.url, alex.teams)),
      ),
    ).toContain('Your data has been erased.');
    expect(await prisma().platformIdentity.count({ where: { emailHash: hashEmail('alex.morgan@nhs.test') } })).toBe(0);
    // A new account elsewhere with Alex's address is not linked to the erased member.
    const alexAgain = teamsUser('alex-again');
    EMAILS[alexAgain.userId] = 'alex.morgan@nhs.test';
    const before = await snapshot();
    expect(await teams(alexAgain, 'link')).toContain('You have not joined on this platform');
    expect(await snapshot()).toEqual(before);
    const rows = await prisma().$queryRawUnsafe<{ row: string }[]>(`SELECT to_jsonb(t)::text AS row FROM "PlatformIdentity" t`);
    for (const { row } of rows) expect(row).not.toContain(hashEmail('alex.morgan@nhs.test'));
  });
});
