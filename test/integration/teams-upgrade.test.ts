// Conversations stored before the move to the Teams SDK v2 keep working: the earlier Bot Framework SDK
// stored each conversation's reference as TurnContext.getConversationReference wrote it (service URL
// with its trailing slash, `activityId`, `user`, `bot`, `conversation` with `isGroup` and
// `conversationType`, `channelId`, `locale`). The v2 sender posts to such a reference as it is, and
// a member's personal chat stored that way still gets their direct messages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textMessage } from '../../src/core/reply/reply.js';
import { PrismaOutbox } from '../../src/db/repositories/outbox-repository.js';
import { startTestBot, type TestBot } from '../support/test-bot.js';

const TENANT = '11111111-2222-3333-4444-555555555555';
let harness: TestBot;

/** A reference exactly as botbuilder 4.23 stored it. */
function storedByBotFramework(conversation: Record<string, unknown>, serviceUrl: string) {
  return {
    activityId: 'f:1234567890',
    user: { id: '29:upgraded', name: 'Uma Upgrade', aadObjectId: 'aaaaaaaa-0000-0000-0000-0000000000u9' },
    bot: { id: '28:cop-bot-local', name: 'CoP Bot' },
    conversation: { tenantId: TENANT, ...conversation },
    channelId: 'msteams',
    locale: 'en-GB',
    serviceUrl: `${serviceUrl}/`,
  };
}

beforeAll(async () => {
  harness = await startTestBot();
});

afterAll(async () => {
  await harness?.stop();
});

describe('references stored by the earlier SDK', () => {
  it('posts to a channel stored by the Bot Framework SDK, at its own service URL', async () => {
    const prisma = harness.bot.database.prisma;
    const channelId = '19:stored-before@thread.tacv2';
    const conversation = await prisma.conversation.create({
      data: {
        platform: 'teams',
        workspaceId: TENANT,
        externalId: channelId,
        kind: 'channel',
        reference: storedByBotFramework({ id: channelId, isGroup: true, conversationType: 'channel' }, `${harness.connector.url}/emea`),
      },
      select: { id: true },
    });
    await new PrismaOutbox(prisma).send([
      { recipient: { kind: 'conversation', conversationId: conversation.id }, message: textMessage('Posted after the upgrade') },
    ]);
    await harness.drainOutbox();
    const posted = await harness.connector.waitFor(
      (request) => request.method === 'POST' && request.body.includes('Posted after the upgrade'),
    );
    expect(decodeURIComponent(posted.path)).toBe(`/emea/v3/conversations/${channelId}/activities`);
  });

  it('sends a member direct messages through a personal chat stored by the Bot Framework SDK', async () => {
    const prisma = harness.bot.database.prisma;
    const member = await prisma.member.create({ data: { displayName: 'Uma Upgrade', status: 'active' }, select: { id: true } });
    await prisma.platformIdentity.create({ data: { memberId: member.id, platform: 'teams', workspaceId: TENANT, userId: '29:upgraded' } });
    await prisma.conversation.create({
      data: {
        platform: 'teams',
        workspaceId: TENANT,
        externalId: 'a:stored-personal',
        kind: 'personal',
        reference: storedByBotFramework({ id: 'a:stored-personal', conversationType: 'personal' }, harness.connector.url),
      },
    });
    await new PrismaOutbox(prisma).send([
      { recipient: { kind: 'member', memberId: member.id }, message: textMessage('Your reminder, after the upgrade') },
    ]);
    await harness.drainOutbox();
    const posted = await harness.connector.waitFor(
      (request) => request.method === 'POST' && request.body.includes('Your reminder, after the upgrade'),
    );
    expect(decodeURIComponent(posted.path)).toBe('/v3/conversations/a:stored-personal/activities');
  });
});
