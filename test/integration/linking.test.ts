// One member, two platforms, through the real Slack and Teams endpoints: `link` on the platform where
// the person is a member gives a one-time code; `link <code>` on the other platform adds that account to
// the same member. A code works once, for 15 minutes, on the other platform only, and never for a person
// who is a member there already or for a member who has an account there already. Codes are stored
// hashed, never audited, and erased with the member.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adaptiveCardToText, cardsOf, slackBlocksToText } from '../../src/dev/readable-text.js';
import { type SlackIdentity } from '../../src/dev/slack-requests.js';
import { cardSubmitActivity, messageActivity, type TeamsIdentity } from '../../src/dev/teams-activities.js';
import { createHash, createHmac } from 'node:crypto';
import { LOCAL_SECRET } from '../../src/config.js';

/** How the store keeps a code: its HMAC-SHA256 keyed with the secret (the local one in tests). */
const hashLinkCode = (code: string) => createHmac('sha256', LOCAL_SECRET).update(`code:${code}`, 'utf8').digest('hex');
import { joinInSlack } from '../support/members.js';
import { personalChatId, startTestBot, type TestBot } from '../support/test-bot.js';
import { slackCommand, teamsCard, teamsText } from '../support/chat.js';

let harness: TestBot;
const prisma = () => harness.bot.database.prisma;

const slackUser = (userId: string): SlackIdentity => ({ teamId: 'T0TEST', userId, channelId: 'C0LINKING' });
const teamsUser = (name: string, conversationType: 'personal' | 'channel' = 'personal'): TeamsIdentity => ({
  tenantId: 'tenant-linking',
  userId: `29:${name}`,
  aadObjectId: `aad-${name}`,
  conversationId: conversationType === 'personal' ? `a:personal-${name}` : '19:linking@thread.tacv2',
  conversationType,
});

const samSlack = slackUser('U0LINKSAM');
const samTeams = teamsUser('sam');

beforeAll(async () => {
  harness = await startTestBot();
  await joinInSlack(harness, samSlack, 'Sam Link');
});
afterAll(async () => {
  await harness?.stop();
});

/** Sends `/cop <text>` and returns the reply that reached the response_url, as text (always private). */
async function slack(who: SlackIdentity, text: string): Promise<string> {
  const reply = await slackCommand(harness, who, text);
  expect(reply.response_type).toBe('ephemeral');
  return slackBlocksToText(reply.blocks);
}
const teams = (who: TeamsIdentity, text: string) => teamsText(harness, messageActivity(text, harness.connector.url, who));

/** The code in a `link` reply. */
function codeIn(reply: string): string {
  const match = /Your linking code is ([A-Z2-9]{8})\./.exec(reply);
  expect(match, reply).not.toBeNull();
  return match?.[1] ?? '';
}

const identityOf = (platform: 'slack' | 'teams', workspaceId: string, userId: string) =>
  prisma().platformIdentity.findUnique({ where: { platform_workspaceId_userId: { platform, workspaceId, userId } } });
const samId = async () => (await identityOf('slack', samSlack.teamId, samSlack.userId))?.memberId ?? '';

const issued: string[] = [];
async function newCode(reply: Promise<string>): Promise<string> {
  const code = codeIn(await reply);
  issued.push(code);
  return code;
}

describe('linking Slack and Teams', () => {
  it('links a Teams account to the member who joined in Slack, once', async () => {
    const members = await prisma().member.count();
    const reply = await slack(samSlack, 'link');
    expect(reply).toContain('In Microsoft Teams, type link');
    expect(reply).toContain('within 15 minutes');
    const code = codeIn(reply);
    issued.push(code);

    const stored = await prisma().linkCode.findFirstOrThrow({ where: { memberId: await samId() } });
    expect(stored.codeHash).toBe(hashLinkCode(code));
    // Keyed: a plain SHA-256 of the code, which anyone holding a database copy could test guesses against, is not stored.
    expect(stored.codeHash).not.toBe(createHash('sha256').update(code).digest('hex'));
    expect(stored).toMatchObject({ platform: 'slack', usedAt: null });
    expect(stored.expiresAt.getTime() - harness.clock.now().getTime()).toBeGreaterThan(14 * 60_000);
    expect(stored.expiresAt.getTime() - harness.clock.now().getTime()).toBeLessThanOrEqual(15 * 60_000);

    // Typed in lower case, with a space in the middle, as people copy it.
    expect(await teams(samTeams, `link ${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`)).toContain(
      'Done: this account is now linked to the membership of Sam Link.',
    );
    expect(await prisma().member.count()).toBe(members);
    const identities = await prisma().platformIdentity.findMany({ where: { memberId: await samId() }, orderBy: { linkedAt: 'asc' } });
    expect(identities.map((identity) => [identity.platform, identity.userId])).toEqual([
      ['slack', 'U0LINKSAM'],
      ['teams', '29:sam'],
    ]);
    expect((await prisma().linkCode.findUniqueOrThrow({ where: { id: stored.id } })).usedAt).not.toBeNull();

    // The profile made in Slack, seen from Teams; my data lists both accounts.
    const profile = await teams(samTeams, 'profile');
    expect(profile).toContain('Sam Link');
    expect(profile).toContain('Leeds Teaching Hospitals NHS Trust');
    const myData = await teams(samTeams, 'my data');
    expect(myData).toContain('slack T0TEST U0LINKSAM; teams tenant-linking 29:sam');

    const audit = await prisma().auditEntry.findMany({
      where: { subject: await samId(), action: { startsWith: 'member.link' } },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((entry) => [entry.action, entry.details])).toEqual([
      ['member.link_code_created', { platform: 'slack' }],
      ['member.linked', { platform: 'teams' }],
    ]);
  });

  it('refuses a used code, changing nothing', async () => {
    const [used] = issued;
    const other = teamsUser('reuser');
    expect(await teams(other, `link ${used}`)).toContain('That code does not work');
    expect(await identityOf('teams', other.tenantId, other.userId)).toBeNull();
  });

  it('stops checking codes for an account after five that did not work, so codes cannot be guessed', async () => {
    const guesser = teamsUser('guesser');
    for (let attempt = 0; attempt < 5; attempt++)
      expect(await teams(guesser, `link ZZZZ${2222 + attempt}`)).toContain('That code does not work');
    // Even the right code is refused now, and nothing is linked.
    const code = await newCode(slack(samSlack, 'link'));
    expect(await teams(guesser, `link ${code}`)).toContain('Too many codes that did not work');
    expect(await identityOf('teams', guesser.tenantId, guesser.userId)).toBeNull();
    expect((await prisma().linkCode.findUniqueOrThrow({ where: { codeHash: hashLinkCode(code) } })).usedAt).toBeNull();
    // Attempts are kept without the account's id.
    const attempts = await prisma().$queryRawUnsafe<{ row: string }[]>(`SELECT to_jsonb(t)::text AS row FROM "LinkAttempt" t`);
    expect(attempts.length).toBeGreaterThanOrEqual(5);
    for (const { row } of attempts) expect(row).not.toContain('guesser');
    // Once the window has passed, codes are checked again.
    await prisma().linkAttempt.updateMany({ data: { at: new Date(Date.now() - 16 * 60_000) } });
    expect(await teams(guesser, `link ${code}`)).toContain('That membership already has an account on this platform');
  });

  it('refuses an expired code, a wrong code and something that is no code', async () => {
    const code = await newCode(slack(samSlack, 'link'));
    await prisma().linkCode.updateMany({ where: { codeHash: hashLinkCode(code) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const late = teamsUser('late');
    expect(await teams(late, `link ${code}`)).toContain('That code does not work: it may be mistyped, expired');
    expect((await prisma().linkCode.findUniqueOrThrow({ where: { codeHash: hashLinkCode(code) } })).usedAt).toBeNull();
    expect(await teams(late, 'link ZZZZ2222')).toContain('That code does not work');
    expect(await teams(late, 'link hello')).toContain('That is not a linking code');
    expect(await identityOf('teams', late.tenantId, late.userId)).toBeNull();
  });

  it('refuses a code typed on the platform it was made on', async () => {
    const code = await newCode(slack(samSlack, 'link'));
    const kim = slackUser('U0LINKKIM');
    expect(await slack(kim, `link ${code}`)).toContain('That code was made on this platform');
    expect(await identityOf('slack', kim.teamId, kim.userId)).toBeNull();
  });

  it('refuses a third account on a platform the member already has, and says when an account is linked already', async () => {
    const code = await newCode(teams(samTeams, 'link'));
    const newcomer = slackUser('U0LINKNEW');
    expect(await slack(newcomer, `link ${code}`)).toContain('That membership already has an account on this platform');
    expect(await identityOf('slack', newcomer.teamId, newcomer.userId)).toBeNull();
    expect(await slack(samSlack, `link ${code}`)).toContain('This account is already linked to that membership');
    expect(await prisma().platformIdentity.count({ where: { memberId: await samId() } })).toBe(2);
    expect((await prisma().linkCode.findUniqueOrThrow({ where: { codeHash: hashLinkCode(code) } })).usedAt).toBeNull();
  });

  it('refuses a person who is a member already, with a profile of their own, and explains what to do', async () => {
    const kim = slackUser('U0LINKKIM');
    await joinInSlack(harness, kim, 'Kim Link');
    const kimMember = (await identityOf('slack', kim.teamId, kim.userId))?.memberId;
    const pat = teamsUser('pat');
    const organisation = await prisma().organisation.findFirstOrThrow({ where: { odsCode: '7A1' } });
    const joined = await teamsCard(
      harness,
      cardSubmitActivity(
        {
          verb: 'cop.form',
          form: 'member.profile',
          displayName: 'Pat Link',
          organisation: organisation.id,
          role: 'staff_side',
          consent: 'true',
        },
        harness.connector.url,
        pat,
      ),
    );
    expect(adaptiveCardToText(joined)).toContain('Welcome, Pat Link');
    const patMember = (await identityOf('teams', pat.tenantId, pat.userId))?.memberId;

    const code = await newCode(slack(kim, 'link'));
    const refusal = await teams(pat, `link ${code}`);
    expect(refusal).toContain('You are already a member on this platform');
    expect(refusal).toContain('first type erase my data');
    expect((await identityOf('teams', pat.tenantId, pat.userId))?.memberId).toBe(patMember);
    expect(await prisma().platformIdentity.count({ where: { memberId: kimMember ?? '' } })).toBe(1);
    expect((await prisma().linkCode.findUniqueOrThrow({ where: { codeHash: hashLinkCode(code) } })).usedAt).toBeNull();
  });

  it('gives codes in Teams only in a personal chat, and only to members', async () => {
    // Asked in a channel, no code is given: the channel gets only a neutral line, and the person's
    // personal chat gets the refusal (no code there either).
    const samInChannel = teamsUser('sam', 'channel');
    const codes = await prisma().linkCode.count();
    const before = harness.connector.requests.length;
    expect(await teamsText(harness, messageActivity('link', harness.connector.url, samInChannel))).toBe(
      "I've sent you the details in our private chat.",
    );
    const privately = await harness.connector.waitFor(
      (request) =>
        harness.connector.requests.indexOf(request) >= before &&
        request.method === 'POST' &&
        decodeURIComponent(request.path) === `/v3/conversations/${personalChatId(samInChannel.userId)}/activities`,
    );
    const refusal = adaptiveCardToText(cardsOf(privately.json)[0]);
    expect(refusal).toContain('only in a personal chat');
    expect(refusal).not.toMatch(/Your linking code is/);
    expect(await prisma().linkCode.count()).toBe(codes);
    expect(await teams(teamsUser('nobody'), 'link')).toContain('You have not joined on this platform');
  });

  it('replaces earlier unused codes with a new one', async () => {
    const first = await newCode(slack(samSlack, 'link'));
    const second = await newCode(slack(samSlack, 'link'));
    const unused = await prisma().linkCode.findMany({ where: { memberId: await samId(), usedAt: null } });
    expect(unused.map((row) => row.codeHash)).toEqual([hashLinkCode(second)]);
    expect(await slack(slackUser('U0LINKLATE'), `link ${first}`)).toContain('That code does not work');
  });

  it('never puts a code, or its hash, in the audit log', async () => {
    const entries = JSON.stringify(await prisma().auditEntry.findMany(), (_key, value: unknown) =>
      typeof value === 'bigint' ? value.toString() : value,
    );
    expect(issued.length).toBeGreaterThan(4);
    for (const code of issued) {
      expect(entries).not.toContain(code);
      expect(entries).not.toContain(hashLinkCode(code));
    }
  });

  it('deletes the member’s link codes, and both accounts, on erasure', async () => {
    const memberId = await samId();
    await newCode(slack(samSlack, 'link'));
    expect(await prisma().linkCode.count({ where: { memberId } })).toBeGreaterThan(0);
    const confirm = await teamsCard(harness, messageActivity('erase my data', harness.connector.url, samTeams));
    const button = (
      confirm.body.find((element) => element['type'] === 'ActionSet') as { actions: { verb?: string; data: Record<string, string> }[] }
    ).actions[0];
    expect(button).toMatchObject({ type: 'Action.Execute', verb: 'member.erase' });
    expect(
      adaptiveCardToText(
        await teamsCard(harness, cardSubmitActivity({ verb: button?.verb, ...button?.data }, harness.connector.url, samTeams)),
      ),
    ).toContain('Your data has been erased.');
    expect(await prisma().linkCode.count({ where: { memberId } })).toBe(0);
    expect(await prisma().platformIdentity.count({ where: { memberId } })).toBe(0);
  });
});
