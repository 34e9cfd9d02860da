// Roles through both platforms' real endpoints: national admins named in COP_ADMINS, facilitators of a
// region, who may grant what, @mentions as the platforms send them, and the audit of every change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adaptiveCardToText, cardsOf, slackBlocksToText } from '../../src/dev/readable-text.js';
import { type SlackIdentity } from '../../src/dev/slack-requests.js';
import { botAddedActivity, cardSubmitActivity, mentionActivity, postActivity, type TeamsIdentity } from '../../src/dev/teams-activities.js';
import { joinInSlack } from '../support/members.js';
import { personalChatId, startTestBot, type TestBot } from '../support/test-bot.js';
import { slackCommandText, teamsText } from '../support/chat.js';

let harness: TestBot;
const slackUser = (userId: string): SlackIdentity => ({ teamId: 'T0TEST', userId, channelId: 'C0ROLES' });
const admin = slackUser('U0ADMIN');
const sam = slackUser('U0SAM');
const kim = slackUser('U0KIM');
const stranger = slackUser('U0STRANGER');

beforeAll(async () => {
  harness = await startTestBot({ COP_ADMINS: 'U0ADMIN, 29:teams-admin' });
  for (const [who, name] of [
    [sam, 'Sam Taylor'],
    [kim, 'Kim Lee'],
  ] as const) {
    await joinInSlack(harness, who, name);
  }
});
afterAll(async () => {
  await harness?.stop();
});

const slack = (who: SlackIdentity, text: string) => slackCommandText(harness, who, text);

async function memberId(userId: string): Promise<string> {
  const identity = await harness.bot.database.prisma.platformIdentity.findFirstOrThrow({ where: { userId } });
  return identity.memberId;
}

const grants = async (userId: string) =>
  harness.bot.database.prisma.roleGrant.findMany({ where: { memberId: await memberId(userId) }, select: { role: true, regionCode: true } });

describe('roles in Slack', () => {
  it('lets an admin named in COP_ADMINS make a member facilitator of a region, with the mention as Slack escapes it', async () => {
    expect(await slack(admin, 'admin grant facilitator <@U0SAM|sam> london')).toContain('Done: Sam Taylor is now a facilitator of London.');
    expect(await grants('U0SAM')).toEqual([{ role: 'facilitator', regionCode: 'Y56' }]);
    const audit = await harness.bot.database.prisma.auditEntry.findFirstOrThrow({
      where: { action: 'role.granted', subject: await memberId('U0SAM') },
    });
    expect(audit.details).toEqual({ role: 'facilitator', region: 'Y56', by: 'configured admin' });
  });

  it('tells the person of their new role by direct message, sent after the change is saved', async () => {
    await harness.drainOutbox();
    const notice = await harness.slack.waitFor(
      (request) =>
        request.path === '/chat.postMessage' &&
        (request.json as { channel?: string; text?: string }).channel === 'U0SAM' &&
        /now a facilitator/.test((request.json as { text?: string }).text ?? ''),
    );
    expect(slackBlocksToText((notice.json as { blocks: unknown[] }).blocks)).toContain(
      'You are now a facilitator of London in the community.',
    );
    const row = await harness.bot.database.prisma.outboxMessage.findFirstOrThrow({ where: { memberId: await memberId('U0SAM') } });
    // Sent, and its content (which can name people) no longer kept.
    expect(row).toMatchObject({ status: 'sent', message: null, attempts: 1 });
  });

  it('changes nothing when the role is granted twice', async () => {
    expect(await slack(admin, 'admin grant facilitator <@U0SAM> London')).toContain('already a facilitator of London');
    expect(await grants('U0SAM')).toHaveLength(1);
  });

  it('lets a facilitator make facilitators of their own region only', async () => {
    expect(await slack(sam, 'admin grant facilitator <@U0KIM|kim> london')).toContain('Done');
    expect(await slack(sam, 'admin grant facilitator <@U0KIM|kim> north west')).toContain(
      'Only a facilitator of North West or a national admin can change who facilitates North West',
    );
    expect(await grants('U0KIM')).toEqual([{ role: 'facilitator', regionCode: 'Y56' }]);
  });

  it('does not let a facilitator grant national admin', async () => {
    expect(await slack(sam, 'admin grant admin <@U0KIM|kim>')).toContain(
      'Only a national admin can grant or remove the national admin role',
    );
    expect((await grants('U0KIM')).some((grant) => grant.role === 'national_admin')).toBe(false);
  });

  it('does not let a member without a role grant anything', async () => {
    await joinInSlack(harness, stranger, 'Alex Morgan');
    expect(await slack(stranger, 'admin grant facilitator <@U0STRANGER> london')).toContain('Only a facilitator of London');
    expect(await grants('U0STRANGER')).toEqual([]);
  });

  it('explains a person who has not joined, an unknown region, and a missing mention', async () => {
    expect(await slack(admin, 'admin grant facilitator <@U0NOBODY> london')).toContain('That person has not joined yet');
    expect(await slack(admin, 'admin grant facilitator <@U0KIM> atlantis')).toContain('I don\'t know the region "atlantis"');
    expect(await slack(admin, 'admin grant facilitator kim london')).toContain('That is not quite how "admin grant" works.');
  });

  it('revokes, audited, and says when there was nothing to revoke', async () => {
    expect(await slack(admin, 'admin revoke facilitator <@U0KIM> london')).toContain('Done: Kim Lee is no longer a facilitator of London.');
    expect(await grants('U0KIM')).toEqual([]);
    expect(await slack(admin, 'admin revoke facilitator <@U0KIM> london')).toContain('Kim Lee was not a facilitator of London');
    expect(
      await harness.bot.database.prisma.auditEntry.count({ where: { action: 'role.revoked', subject: await memberId('U0KIM') } }),
    ).toBe(1);
  });

  it('shows in help who can use the role commands', async () => {
    const help = await slack(stranger, 'help admin grant');
    expect(help).toContain('Who can use it\nFacilitators of the region, and national admins');
  });
});

describe('roles in Teams', () => {
  const teamsAdmin: TeamsIdentity = {
    tenantId: 'tenant-roles',
    userId: '29:teams-admin',
    aadObjectId: 'aad-admin',
    conversationId: '19:roles@thread.tacv2',
    conversationType: 'channel',
  };
  const pat: TeamsIdentity = { ...teamsAdmin, userId: '29:pat', aadObjectId: 'aad-pat' };

  const teams = (activity: { id: string }) => teamsText(harness, activity);

  /**
   * Words typed in the channel: the answer goes to the person's personal chat (returned as text), and the
   * channel gets only a neutral line.
   */
  async function answeredPrivately(activity: { id: string }, who: TeamsIdentity): Promise<string> {
    const before = harness.connector.requests.length;
    expect(await teams(activity)).toBe("I've sent you the details in our private chat.");
    const posted = harness.connector.requests
      .slice(before)
      .filter((request) => request.method === 'POST' && /\/activities$/.test(request.path));
    const privately = posted.filter(
      (request) => decodeURIComponent(request.path) === `/v3/conversations/${personalChatId(who.userId)}/activities`,
    );
    expect(privately).toHaveLength(1);
    // In the channel (or any thread of it), only the neutral line. Notices to others may go out meanwhile, elsewhere.
    const channelPosts = posted.filter((request) =>
      decodeURIComponent(request.path).startsWith(`/v3/conversations/${who.conversationId.replace(/;messageid=.*$/, '')}`),
    );
    expect(channelPosts.map((request) => (request.json as { replyToId?: string }).replyToId)).toEqual([activity.id]);
    return adaptiveCardToText(cardsOf(privately[0]?.json)[0]);
  }

  it('turns a Teams @mention of a person into that person, so an admin can grant a role, and tells them', async () => {
    await postActivity(
      harness.url,
      botAddedActivity(harness.connector.url, { ...pat, conversationId: 'a:pat-personal', conversationType: 'personal' }),
    );
    const organisation = await harness.bot.database.prisma.organisation.findFirstOrThrow({ where: { odsCode: '7A1' } });
    const joined = await teams(
      cardSubmitActivity(
        {
          verb: 'cop.form',
          form: 'member.profile',
          displayName: 'Pat Jones',
          organisation: organisation.id,
          role: 'staff_side',
          consent: 'true',
        },
        harness.connector.url,
        pat,
      ),
    );
    expect(joined).toContain('Welcome, Pat Jones: you are now a member of the NHS Wales community of practice.');

    const activity = mentionActivity('admin grant facilitator <at>Pat Jones</at> wales', harness.connector.url, teamsAdmin);
    const withPat = {
      ...activity,
      entities: [...activity.entities, { type: 'mention', text: '<at>Pat Jones</at>', mentioned: { id: '29:pat', name: 'Pat Jones' } }],
    };
    expect(await answeredPrivately(withPat, teamsAdmin)).toContain('Done: Pat Jones is now a facilitator of NHS Wales.');
    expect(await grants('29:pat')).toEqual([{ role: 'facilitator', regionCode: 'WALES' }]);

    // Pat has a personal chat with the bot: the notice goes there, through the connector.
    await harness.drainOutbox();
    const notice = await harness.connector.waitFor(
      (request) =>
        request.method === 'POST' &&
        decodeURIComponent(request.path) === '/v3/conversations/a:pat-personal/activities' &&
        (request.json as { summary?: string }).summary?.includes('now a facilitator') === true,
    );
    expect(adaptiveCardToText(cardsOf(notice.json)[0])).toContain('You are now a facilitator of NHS Wales in the community.');
  });

  it('queues nothing for a Teams member the bot has no personal chat with, and still makes the change', async () => {
    const lou: TeamsIdentity = { ...teamsAdmin, userId: '29:lou', aadObjectId: 'aad-lou' };
    const organisation = await harness.bot.database.prisma.organisation.findFirstOrThrow({ where: { odsCode: '7A1' } });
    await teams(
      cardSubmitActivity(
        {
          verb: 'cop.form',
          form: 'member.profile',
          displayName: 'Lou Price',
          organisation: organisation.id,
          role: 'other',
          consent: 'true',
        },
        harness.connector.url,
        lou,
      ),
    );
    const activity = mentionActivity('admin grant facilitator <at>Lou Price</at> wales', harness.connector.url, teamsAdmin);
    const withLou = {
      ...activity,
      entities: [...activity.entities, { type: 'mention', text: '<at>Lou Price</at>', mentioned: { id: '29:lou', name: 'Lou Price' } }],
    };
    expect(await answeredPrivately(withLou, teamsAdmin)).toContain('Done: Lou Price is now a facilitator of NHS Wales.');
    expect(await harness.bot.database.prisma.outboxMessage.count({ where: { memberId: await memberId('29:lou') } })).toBe(0);
  });
});
