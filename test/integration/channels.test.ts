// Region channels through both platforms' real endpoints: `channel link <region>` and `channel unlink`
// typed in a channel, who may use them, what is stored and audited, `regions` listing the channels, and
// the welcome a new member gets, with the Slack invitation to their region's channels.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adaptiveCardToText, cardsOf, slackBlocksToText } from '../../src/dev/readable-text.js';
import type { RecordedRequest } from '../../src/dev/recording-server.js';
import { type SlackIdentity } from '../../src/dev/slack-requests.js';
import { cardSubmitActivity, mentionActivity, messageActivity, type TeamsIdentity } from '../../src/dev/teams-activities.js';
import { joinInSlack } from '../support/members.js';
import { personalChatId, startTestBot, type TestBot } from '../support/test-bot.js';
import { slackClickButton, slackCommand, teamsText } from '../support/chat.js';

type Json = Record<string, unknown>;

/** A Slack channel whose invitations fail as a deleted channel's would. */
const GONE_CHANNEL = 'C0GONE';

let harness: TestBot;
const prisma = () => harness.bot.database.prisma;

const inSlack = (userId: string, channelId: string, teamId = 'T0TEST'): SlackIdentity => ({ teamId, userId, channelId });
const admin = (channelId: string) => inSlack('U0ADMIN', channelId);
const sam = (channelId: string) => inSlack('U0SAM', channelId);
const kim = (channelId: string) => inSlack('U0KIM', channelId);

beforeAll(async () => {
  harness = await startTestBot(
    { COP_ADMINS: 'U0ADMIN, 29:teams-admin' },
    {
      slackApi: (request) =>
        request.path === '/conversations.invite' && (request.json as Json | undefined)?.['channel'] === GONE_CHANNEL
          ? { body: { ok: false, error: 'channel_not_found' } }
          : undefined,
    },
  );
  await join(sam('C0ANY'), 'Sam Taylor');
  await join(kim('C0ANY'), 'Kim Lee');
  // Sam facilitates London only.
  expect(await slack(admin('C0ANY'), 'admin grant facilitator <@U0SAM|sam> london')).toContain('Done');
});
afterAll(async () => {
  await harness?.stop();
});

/** `/cop <text>` as `who`: the reply as text, with its visibility. */
async function slackReply(who: SlackIdentity, text: string): Promise<{ text: string; responseType: string | undefined }> {
  const reply = await slackCommand(harness, who, text);
  return { text: slackBlocksToText(reply.blocks), responseType: reply.response_type };
}

const slack = async (who: SlackIdentity, text: string) => (await slackReply(who, text)).text;

async function organisationId(odsCode: string): Promise<string> {
  return (await prisma().organisation.findFirstOrThrow({ where: { odsCode } })).id;
}

const directMessageTo = (userId: string) => (request: RecordedRequest) =>
  request.path === '/chat.postMessage' && (request.json as Json | undefined)?.['channel'] === userId;

/** Joins through the Slack modal and returns the direct message the person then gets, as text. */
async function join(who: SlackIdentity, name: string, region?: string): Promise<string> {
  const mark = harness.slack.requests.length;
  await joinInSlack(harness, who, name, region ? { region } : {});
  await harness.slack.waitFor((request) => harness.slack.requests.indexOf(request) >= mark && directMessageTo(who.userId)(request));
  const posted = harness.slack.requests.slice(mark).find(directMessageTo(who.userId));
  const message = posted?.json as { text: string; blocks: unknown };
  return `${message.text}\n${slackBlocksToText(message.blocks)}`;
}

/** The conversations.invite calls made for a user since a point in the recorded requests. */
function invitesOf(userId: string, since = 0): { channel: string; users: string }[] {
  return harness.slack.requests
    .slice(since)
    .filter((request) => request.path === '/conversations.invite' && (request.json as Json | undefined)?.['users'] === userId)
    .map((request) => {
      const { channel, users } = request.json as { channel: string; users: string };
      return { channel, users };
    });
}

const conversation = (externalId: string) => prisma().conversation.findFirst({ where: { externalId } });

describe('linking channels in Slack', () => {
  it('lets a national admin link a channel the bot had not recorded: stored with the region, installed and audited without personal data', async () => {
    const reply = await slackReply(admin('C0NEY'), 'channel link north east and yorkshire');
    expect(reply.text).toContain('Done: this is now a community channel of North East and Yorkshire.');
    // Shared, so that everyone in the channel sees what it has become.
    expect(reply.responseType).toBe('in_channel');

    const stored = await conversation('C0NEY');
    expect(stored).toMatchObject({ platform: 'slack', workspaceId: 'T0TEST', kind: 'channel', regionCode: 'Y63', removedAt: null });
    const audit = await prisma().auditEntry.findMany({ where: { subject: stored?.id ?? '' }, orderBy: { id: 'asc' } });
    expect(audit.map((entry) => [entry.action, entry.details])).toEqual([
      ['conversation.installed', { platform: 'slack', kind: 'channel' }],
      ['conversation.linked', { platform: 'slack', region: 'Y63', previous: null, by: 'configured admin' }],
    ]);
    expect(JSON.stringify(audit.map((entry) => entry.details))).not.toContain('U0ADMIN');
  });

  it('lists the linked channel under regions', async () => {
    const regions = await slack(kim('C0ANY'), 'regions');
    expect(regions).toMatch(/North East and Yorkshire\s+#C0NEY/);
  });

  it('says when the channel is already linked to that region, changing nothing', async () => {
    const before = await prisma().auditEntry.count();
    expect(await slack(admin('C0NEY'), 'channel link Y63')).toContain(
      'This is already a community channel of North East and Yorkshire: nothing changed.',
    );
    expect(await prisma().auditEntry.count()).toBe(before);
  });

  it('refuses a member without a role, changing nothing', async () => {
    expect(await slack(kim('C0KIM'), 'channel link london')).toContain(
      'Only a facilitator of London or a national admin can change the community channels of London, so nothing was changed.',
    );
    expect(await conversation('C0KIM')).toBeNull();
  });

  it('refuses a facilitator of another region, and lets them link their own', async () => {
    expect(await slack(sam('C0SAM'), 'channel link north west')).toContain('Only a facilitator of North West or a national admin');
    expect(await conversation('C0SAM')).toBeNull();
    // Moving a channel of another region to theirs is changing that region's channels too.
    expect(await slack(sam('C0NEY'), 'channel link london')).toContain(
      'Only a facilitator of North East and Yorkshire or a national admin',
    );
    expect((await conversation('C0NEY'))?.regionCode).toBe('Y63');
    expect(await slack(sam('C0NEY'), 'channel unlink')).toContain('Only a facilitator of North East and Yorkshire or a national admin');
    expect((await conversation('C0NEY'))?.regionCode).toBe('Y63');

    expect(await slack(sam('C0SAM'), 'channel link london')).toContain('Done: this is now a community channel of London.');
    const linked = await conversation('C0SAM');
    expect(linked?.regionCode).toBe('Y56');
    const audit = await prisma().auditEntry.findFirstOrThrow({ where: { action: 'conversation.linked', subject: linked?.id ?? '' } });
    const samId = (await prisma().platformIdentity.findFirstOrThrow({ where: { userId: 'U0SAM' } })).memberId;
    expect(audit.details).toEqual({ platform: 'slack', region: 'Y56', previous: null, by: samId });
  });

  it('explains an unknown region and a missing one', async () => {
    expect(await slack(admin('C0ATLANTIS'), 'channel link atlantis')).toContain(
      'I don\'t know the region "atlantis". Type regions to see them.',
    );
    expect(await slack(admin('C0ATLANTIS'), 'channel link')).toContain('That is not quite how "channel link" works.');
    expect(await conversation('C0ATLANTIS')).toBeNull();
  });

  it('refuses politely in a direct message with the bot', async () => {
    for (const command of ['channel link london', 'channel unlink']) {
      expect(await slack(admin('D0ADMIN'), command)).toContain('This works in a channel, not in a personal chat');
    }
    expect(await conversation('D0ADMIN')).toBeNull();
  });

  it('moves a channel from one region to another for an admin, and unlinks it, audited', async () => {
    expect(await slack(admin('C0MOVING'), 'channel link south west')).toContain('Done');
    expect(await slack(admin('C0MOVING'), 'channel link south east')).toContain(
      'Done: this is now a community channel of South East instead of South West.',
    );
    expect(await slack(admin('C0MOVING'), 'channel unlink')).toContain('Done: this is no longer a community channel of South East.');
    const stored = await conversation('C0MOVING');
    expect(stored?.regionCode).toBeNull();
    const audit = await prisma().auditEntry.findMany({ where: { subject: stored?.id ?? '' }, orderBy: { id: 'asc' } });
    expect(audit.map((entry) => [entry.action, entry.details])).toEqual([
      ['conversation.installed', { platform: 'slack', kind: 'channel' }],
      ['conversation.linked', { platform: 'slack', region: 'Y58', previous: null, by: 'configured admin' }],
      ['conversation.linked', { platform: 'slack', region: 'Y59', previous: 'Y58', by: 'configured admin' }],
      ['conversation.unlinked', { platform: 'slack', region: 'Y59', by: 'configured admin' }],
    ]);
    expect(await slack(admin('C0MOVING'), 'channel unlink')).toContain('This channel is not a community channel of any region');
    expect(await slack(kim('C0ANY'), 'regions')).not.toContain('C0MOVING');
  });
});

describe('the welcome and the Slack invitation', () => {
  it('welcomes a new member by direct message with their region channels and first commands, and invites them to the channels of this workspace', async () => {
    // A channel of the same region in another Slack workspace, and one whose invitation fails.
    expect(await slack(inSlack('U0ADMIN', 'C0ELSEWHERE', 'T0OTHER'), 'channel link north east and yorkshire')).toContain('Done');
    expect(await slack(admin(GONE_CHANNEL), 'channel link north east and yorkshire')).toContain('Done');

    const mark = harness.slack.requests.length;
    const welcome = await join(inSlack('U0NEW', 'C0ANY'), 'Noor Patel');
    expect(welcome).toContain('Welcome, Noor Patel: you are now a member of the North East and Yorkshire community of practice.');
    // The channel of the other workspace is left out: the member could not open it.
    expect(welcome).toContain('Community channels of North East and Yorkshire: #C0NEY, #C0GONE');
    for (const command of ['/cop events', '/cop cases flexible retirement', '/cop profile', '/cop regions', '/cop help'])
      expect(welcome).toContain(command);
    // No upcoming events: none are listed (the line suggesting `events` aside).
    expect(
      welcome
        .split('\n')
        .filter((line) => !line.includes('/cop events'))
        .join('\n'),
    ).not.toMatch(/event/i);

    await expect.poll(() => invitesOf('U0NEW', mark).length).toBe(2);
    expect(invitesOf('U0NEW', mark)).toEqual([
      { channel: 'C0NEY', users: 'U0NEW' },
      { channel: GONE_CHANNEL, users: 'U0NEW' },
    ]);
  });

  it('invites no one when the region has no channel, and says so', async () => {
    const mark = harness.slack.requests.length;
    const welcome = await join(inSlack('U0WEST', 'C0ANY'), 'Wyn West', 'Y58');
    expect(welcome).toContain('South West has no community channel yet');
    await harness.idle();
    expect(harness.slack.requests.slice(mark).some((request) => request.path === '/conversations.invite')).toBe(false);
  });

  it('does not invite a member again when they only change their profile, and does when they come back after leaving', async () => {
    const who = inSlack('U0NEW', 'C0ANY');
    let mark = harness.slack.requests.length;
    expect(await join(who, 'Noor Patel')).toContain('Your profile is saved.');
    await harness.idle();
    expect(invitesOf('U0NEW', mark)).toEqual([]);

    const asked = await slackCommand(harness, who, 'leave');
    expect(slackBlocksToText((await slackClickButton(harness, who, asked.blocks, 'member.leave')).blocks)).toContain(
      'You have left the community.',
    );
    mark = harness.slack.requests.length;
    expect(await join(who, 'Noor Patel')).toContain('Welcome, Noor Patel');
    await expect.poll(() => invitesOf('U0NEW', mark).map((invite) => invite.channel)).toEqual(['C0NEY', GONE_CHANNEL]);
  });
});

describe('linking channels in Teams', () => {
  const channel: TeamsIdentity = {
    tenantId: 'tenant-channels',
    userId: '29:teams-admin',
    aadObjectId: 'aad-admin',
    conversationId: '19:wales-cop@thread.tacv2;messageid=1',
    conversationType: 'channel',
  };
  const stranger: TeamsIdentity = { ...channel, userId: '29:stranger', aadObjectId: 'aad-stranger' };
  /** The channel's own id: the mention arrives in a thread of it. */
  const channelId = '19:wales-cop@thread.tacv2';

  /** Sends an activity and returns the card the bot posted back, as text. */
  const teams = (activity: { id: string }) => teamsText(harness, activity);

  /** An @mention of the bot in the Teams channel, with the channel's name as Teams sends it. */
  function inChannel(text: string, who: TeamsIdentity) {
    const activity = mentionActivity(text, harness.connector.url, who);
    return {
      ...activity,
      channelData: { ...activity.channelData, channel: { id: channelId, name: 'Wales CoP' }, team: { id: '19:team', name: 'Retention' } },
    };
  }

  it('refuses someone who is neither a facilitator of the region nor a national admin', async () => {
    // The refusal is for them alone: it goes to their personal chat, and the channel gets only a neutral line.
    const asked = inChannel('channel link wales', stranger);
    const before = harness.connector.requests.length;
    expect(await teams(asked)).toBe("I've sent you the details in our private chat.");
    const posted = harness.connector.requests
      .slice(before)
      .filter((request) => request.method === 'POST' && /\/activities$/.test(request.path));
    const privately = posted.filter(
      (request) => decodeURIComponent(request.path) === `/v3/conversations/${personalChatId(stranger.userId)}/activities`,
    );
    expect(privately).toHaveLength(1);
    expect(adaptiveCardToText(cardsOf(privately[0]?.json)[0])).toContain('Only a facilitator of NHS Wales or a national admin');
    // In the channel (or any thread of it), only the neutral line. Notices to others may go out meanwhile, elsewhere.
    const channelPosts = posted.filter((request) =>
      decodeURIComponent(request.path).startsWith(`/v3/conversations/${stranger.conversationId.replace(/;messageid=.*$/, '')}`),
    );
    expect(channelPosts.map((request) => (request.json as Json)['replyToId'])).toEqual([asked.id]);
    expect(await conversation(channelId)).toBeNull();
  });

  it('stores the conversation reference and the region when an admin links the channel', async () => {
    expect(await teams(inChannel('channel link wales', channel))).toContain('Done: this is now a community channel of NHS Wales.');
    const stored = await conversation(channelId);
    expect(stored).toMatchObject({
      platform: 'teams',
      workspaceId: 'tenant-channels',
      kind: 'channel',
      name: 'Wales CoP',
      regionCode: 'WALES',
    });
    expect(stored?.reference).toMatchObject({
      conversation: { id: channelId, conversationType: 'channel', tenantId: 'tenant-channels' },
      serviceUrl: harness.connector.url,
      channelId: 'msteams',
    });
    expect(await prisma().auditEntry.count({ where: { action: 'conversation.linked', subject: stored?.id ?? '' } })).toBe(1);
    expect(
      await teams(
        messageActivity('regions', harness.connector.url, { ...channel, conversationType: 'personal', conversationId: 'a:admin' }),
      ),
    ).toMatch(/NHS Wales\s+Wales CoP/);
  });

  it('welcomes a new member in their personal chat with the region channels, with no Slack invitation', async () => {
    const who: TeamsIdentity = {
      tenantId: 'tenant-channels',
      userId: '29:pat',
      aadObjectId: 'aad-pat',
      conversationId: 'a:pat',
      conversationType: 'personal',
    };
    const mark = harness.slack.requests.length;
    const welcome = await teams(
      cardSubmitActivity(
        {
          verb: 'cop.form',
          form: 'member.profile',
          displayName: 'Pat Jones',
          organisation: await organisationId('7A1'),
          role: 'staff_side',
          consent: 'true',
        },
        harness.connector.url,
        who,
      ),
    );
    expect(welcome).toContain('Welcome, Pat Jones: you are now a member of the NHS Wales community of practice.');
    expect(welcome).toContain('Community channels of NHS Wales: Wales CoP');
    for (const command of ['profile', 'regions', 'help']) expect(welcome).toContain(command);
    await harness.idle();
    expect(harness.slack.requests.slice(mark).some((request) => request.path === '/conversations.invite')).toBe(false);
  });

  it('refuses politely in a personal chat', async () => {
    const personal = { ...channel, conversationType: 'personal' as const, conversationId: 'a:admin' };
    expect(await teams(messageActivity('channel link wales', harness.connector.url, personal))).toContain(
      'This works in a channel, not in a personal chat',
    );
    expect((await conversation('a:admin'))?.regionCode ?? null).toBeNull();
  });

  it('unlinks the channel', async () => {
    expect(await teams(inChannel('channel unlink', channel))).toContain('Done: this is no longer a community channel of NHS Wales.');
    expect((await conversation(channelId))?.regionCode).toBeNull();
  });
});
