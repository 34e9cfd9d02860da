// Teams over real HTTP: Bot Framework activities reach the bot at /api/messages through the Teams SDK, and
// replies go to the activity's serviceUrl, where a local server stands in for the Bot Connector.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adaptiveCardToText } from '../../src/dev/readable-text.js';
import {
  botAddedActivity,
  botRemovedActivity,
  cardSubmitActivity,
  mentionActivity,
  messageActivity,
  postActivity,
  type TeamsIdentity,
  legacySubmitActivity,
} from '../../src/dev/teams-activities.js';
import { teamsCard } from '../support/chat.js';
import { personalChatId, startTestBot, type TestBot } from '../support/test-bot.js';

let harness: TestBot;
const personal: TeamsIdentity = {
  tenantId: '11111111-2222-3333-4444-555555555555',
  userId: '29:alice',
  aadObjectId: 'aaaaaaaa-0000-0000-0000-000000000001',
  conversationId: 'a:personal-alice',
  conversationType: 'personal',
};
const channel: TeamsIdentity = { ...personal, conversationId: '19:retention-ney@thread.tacv2', conversationType: 'channel' };

beforeAll(async () => {
  harness = await startTestBot();
});
afterAll(async () => {
  await harness?.stop();
});

/** Sends an activity and returns the text of the card the bot posted back to the connector. */
async function send(activity: { id: string; conversation: { id: string } }): Promise<string> {
  return adaptiveCardToText(await teamsCard(harness, activity));
}

describe('messages typed to the bot', () => {
  it('answers help with an Adaptive Card listing the topics open to the person', async () => {
    const text = await send(messageActivity('help', harness.connector.url, personal));
    expect(text).toContain('CoP Bot');
    expect(text).toContain('Getting started');
    expect(text).toContain('regions');
    expect(text).toContain('[Events]');
  });

  it('strips the bot @mention in a channel before parsing, and answers a list about nobody in the channel', async () => {
    const asked = mentionActivity('regions', harness.connector.url, channel);
    const text = adaptiveCardToText(await teamsCard(harness, asked));
    expect(text).toContain('North East and Yorkshire');
    expect(text).toContain('NHS Wales');
    const channelPosts = harness.connector.requests.filter((request) =>
      decodeURIComponent(request.path).startsWith(`/v3/conversations/${channel.conversationId}/`),
    );
    expect(channelPosts).toHaveLength(1);
    expect(channelPosts[0]?.json).toMatchObject({ replyToId: asked.id });
    // Nothing went to a personal chat for it.
    expect(
      harness.connector.requests.some((request) =>
        decodeURIComponent(request.path).startsWith(`/v3/conversations/${personalChatId(channel.userId)}/`),
      ),
    ).toBe(false);
  });

  it('still runs the action of a card sent before Universal Actions (Action.Submit)', async () => {
    const text = await send(legacySubmitActivity({ verb: 'cop.run', value: 'regions' }, harness.connector.url, personal));
    expect(text).toContain('South West');
  });

  it('suggests the closest command for a typo', async () => {
    const text = await send(messageActivity('hepl', harness.connector.url, personal));
    expect(text).toContain(`I don't know the command "hepl"`);
    expect(text).toContain('Did you mean help?');
  });

  it('runs the command carried by a card button', async () => {
    const text = await send(cardSubmitActivity({ verb: 'cop.run', value: 'regions' }, harness.connector.url, personal));
    expect(text).toContain('South West');
  });

  it('answers a card submit it does not know with a polite message', async () => {
    const text = await send(cardSubmitActivity({ verb: 'cop.nothing', value: 'x' }, harness.connector.url, personal));
    expect(text).toContain('That button no longer does anything');
  });
});

describe('installation', () => {
  it('stores the conversation reference when the bot is added to a channel, and keeps its serviceUrl current', async () => {
    const prisma = harness.bot.database.prisma;
    const added = botAddedActivity(harness.connector.url, channel, 'Retention leads');
    expect((await postActivity(harness.url, added)).status).toBeLessThan(300);
    const stored = await prisma.conversation.findFirstOrThrow({ where: { platform: 'teams', externalId: channel.conversationId } });
    expect(stored).toMatchObject({ workspaceId: channel.tenantId, kind: 'channel', name: 'Retention leads', removedAt: null });
    expect(stored.reference).toMatchObject({ serviceUrl: harness.connector.url, conversation: { id: channel.conversationId } });

    const moved = `${harness.connector.url}/moved/`;
    await postActivity(harness.url, mentionActivity('help', moved, channel));
    await expect
      .poll(async () => {
        const row = await prisma.conversation.findFirstOrThrow({ where: { externalId: channel.conversationId } });
        return (row.reference as { serviceUrl?: string }).serviceUrl;
      })
      .toBe(moved);
  });

  it('marks the conversation removed when the bot is removed', async () => {
    const prisma = harness.bot.database.prisma;
    await postActivity(harness.url, botAddedActivity(harness.connector.url, { ...channel, conversationId: '19:leaving@thread.tacv2' }));
    await postActivity(harness.url, botRemovedActivity(harness.connector.url, { ...channel, conversationId: '19:leaving@thread.tacv2' }));
    const row = await prisma.conversation.findFirstOrThrow({ where: { externalId: '19:leaving@thread.tacv2' } });
    expect(row.removedAt).toBeInstanceOf(Date);
  });

  it('does not store anything when someone else joins', async () => {
    const prisma = harness.bot.database.prisma;
    const someone = {
      ...botAddedActivity(harness.connector.url, { ...channel, conversationId: '19:someone@thread.tacv2' }),
      membersAdded: [{ id: '29:bob' }],
    };
    expect((await postActivity(harness.url, someone)).status).toBeLessThan(300);
    expect(await prisma.conversation.count({ where: { externalId: '19:someone@thread.tacv2' } })).toBe(0);
  });
});

describe('authentication', () => {
  it('refuses unauthenticated activities when an app id is configured', async () => {
    const secured = await startTestBot({
      MICROSOFT_APP_ID: '00000000-0000-0000-0000-0000000000b0',
      MICROSOFT_APP_PASSWORD: 'test-password',
      MICROSOFT_APP_TENANT_ID: personal.tenantId,
    });
    try {
      const response = await postActivity(secured.url, messageActivity('help', secured.connector.url, personal));
      expect(response.status).toBe(401);
      await secured.idle();
      expect(secured.connector.requests).toHaveLength(0);
    } finally {
      await secured.stop();
    }
  });
});
