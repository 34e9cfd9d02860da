// Case studies from Teams' compose box (the search message extension, `composeExtension/query`): a
// member gets the same ranked results as `cases`, each ready to insert as the case study's card; anyone
// else gets one card that says how to join; odd queries get a valid, short answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adaptiveCardToText } from '../../src/dev/readable-text.js';
import {
  cardSubmitActivity,
  composeQueryActivity,
  messageActivity,
  postActivity,
  type TeamsIdentity,
} from '../../src/dev/teams-activities.js';
import { CASE_SEARCH_COMMAND_ID, CASE_SEARCH_PARAMETER } from '../../src/teams/message-extension-ids.js';
import { teamsCard } from '../support/chat.js';
import { cardProblems } from '../support/teams-cards.js';
import { startTestBot, type TestBot } from '../support/test-bot.js';

const TENANT = '11111111-2222-3333-4444-555555555555';
const member: TeamsIdentity = {
  tenantId: TENANT,
  userId: '29:composer',
  aadObjectId: 'aaaaaaaa-0000-0000-0000-0000000c0de1',
  conversationId: 'a:composer',
  conversationType: 'personal',
};
const inChannel: TeamsIdentity = { ...member, conversationId: '19:compose-channel@thread.tacv2', conversationType: 'channel' };
const visitor: TeamsIdentity = { ...inChannel, userId: '29:visitor', aadObjectId: 'aaaaaaaa-0000-0000-0000-0000000v151t' };

interface ComposeAttachment {
  readonly contentType: string;
  readonly content: unknown;
  readonly preview: { contentType: string; content: { title: string; text: string } };
}

let harness: TestBot;

beforeAll(async () => {
  harness = await startTestBot();
  const leeds = await harness.bot.database.prisma.organisation.findFirstOrThrow({ where: { odsCode: 'RR8' }, select: { id: true } });
  await teamsCard(
    harness,
    cardSubmitActivity(
      {
        verb: 'cop.form',
        form: 'member.profile',
        displayName: 'Casey Composer',
        organisation: leeds.id,
        role: 'retention_lead',
        consent: 'true',
      },
      harness.connector.url,
      member,
    ),
  );
});

afterAll(async () => {
  await harness?.stop();
});

async function compose(who: TeamsIdentity, text: string, commandId = CASE_SEARCH_COMMAND_ID): Promise<ComposeAttachment[]> {
  const response = await postActivity(
    harness.url,
    composeQueryActivity(commandId, CASE_SEARCH_PARAMETER, text, harness.connector.url, who),
  );
  expect(response.status).toBe(200);
  const body = (await response.json()) as {
    composeExtension: { type: string; attachmentLayout: string; attachments: ComposeAttachment[] };
  };
  expect(body.composeExtension).toMatchObject({ type: 'result', attachmentLayout: 'list' });
  for (const attachment of body.composeExtension.attachments) expect(cardProblems(attachment.content)).toEqual([]);
  return body.composeExtension.attachments;
}

describe('searching case studies from the compose box', () => {
  it('ranks as `cases` does, and inserts the case study card with its source', async () => {
    const listed = adaptiveCardToText(
      await teamsCard(harness, messageActivity('cases flexible retirement', harness.connector.url, member)),
    );
    const found = await compose(inChannel, 'flexible retirement');
    expect(found.length).toBeGreaterThan(0);
    const titles = found.map((attachment) => attachment.preview.content.title);
    // Same order as the command's list.
    const positions = titles.map((title) => listed.indexOf(title.replace(/^#\d+ /, '')));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(titles[0]).toContain('Flexible retirement');
    const inserted = found[0]!;
    expect(inserted.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(inserted.preview.contentType).toBe('application/vnd.microsoft.card.thumbnail');
    expect(adaptiveCardToText(inserted.content)).toContain('Flexible retirement and retire and return');
    expect(adaptiveCardToText(inserted.content)).toContain('Casey Composer');
  });

  it('gives someone who is not a member a card that says how to join', async () => {
    const found = await compose(visitor, 'flexible retirement');
    expect(found).toHaveLength(1);
    expect(adaptiveCardToText(found[0]!.content)).toContain('Type join');
  });

  it('answers empty, very long, SQL, emoji and unknown-command queries with a valid short list', async () => {
    expect(await compose(inChannel, '')).toEqual([]);
    expect((await compose(inChannel, 'retention '.repeat(500))).length).toBeLessThanOrEqual(10);
    expect((await compose(inChannel, `'; DROP TABLE "CaseStudy";--`)).length).toBeLessThanOrEqual(10);
    expect((await compose(inChannel, '🙂🏥💙')).length).toBeLessThanOrEqual(10);
    expect(await compose(inChannel, 'flexible', 'someOtherCommand')).toEqual([]);
    expect(await harness.bot.database.prisma.caseStudy.count()).toBeGreaterThan(0);
  });
});
