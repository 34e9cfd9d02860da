// Language choice through the real Slack and Teams endpoints and the outbox: `language cymraeg` and the
// next reminder in Welsh, Teams' cy-GB locale, `channel language` for facilitators only, and an NHS
// Wales community channel's announcement in Welsh then English in one post within the platforms' limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackBlocksToText, adaptiveCardToText, cardsOf } from '../../src/dev/readable-text.js';
import type { RecordedRequest } from '../../src/dev/recording-server.js';
import { slackInput, type SlackIdentity } from '../../src/dev/slack-requests.js';
import { mentionActivity, messageActivity, postActivity, type TeamsIdentity } from '../../src/dev/teams-activities.js';
import { SLACK_LIMITS } from '../../src/slack/block-kit-limits.js';
import { eventValues, PUBLIC_URL, submitEventForm } from '../support/events.js';
import { joinInSlack } from '../support/members.js';
import { startTestBot, type TestBot } from '../support/test-bot.js';
import { slackClickText, slackCommand, slackCommandText, teamsText } from '../support/chat.js';

let harness: TestBot;
const prisma = () => harness.bot.database.prisma;
const person = (userId: string, channelId = 'C0PLAIN'): SlackIdentity => ({ teamId: 'T0TEST', userId, channelId });
const admin = person('U0ADMIN', 'C0WALES');
const welshSpeaker = person('U0CYMRU');
const englishSpeaker = person('U0ENGLISH');
const teamsAdminInWales: TeamsIdentity = {
  tenantId: '11111111-2222-3333-4444-555555555555',
  userId: '29:teams-admin',
  aadObjectId: 'aaaaaaaa-0000-0000-0000-0000000a0a0a',
  conversationId: '19:wales-cop@thread.tacv2',
  conversationType: 'channel',
};
const teamsVisitor: TeamsIdentity = {
  tenantId: '11111111-2222-3333-4444-555555555555',
  userId: '29:teams-visitor',
  aadObjectId: 'aaaaaaaa-0000-0000-0000-0000000b0b0b',
  conversationId: 'a:personal-visitor',
  conversationType: 'personal',
};

const memberIdOf = async (who: SlackIdentity) =>
  (await prisma().platformIdentity.findFirstOrThrow({ where: { userId: who.userId } })).memberId;
const postsTo = (channel: string) => (request: RecordedRequest) =>
  request.path === '/chat.postMessage' && (request.json as { channel?: string }).channel === channel;
const blocksOf = (request: RecordedRequest) => (request.json as { blocks: Record<string, unknown>[] }).blocks;
const textOf = (request: RecordedRequest) => slackBlocksToText(blocksOf(request));
const dmsTo = (who: SlackIdentity) => harness.slack.requests.filter(postsTo(who.userId)).map(textOf);

async function createEvent(title: string, region: string) {
  const before = await prisma().event.aggregate({ _max: { number: true } });
  const values = eventValues(await memberIdOf(admin), { title: slackInput.text(title), region: slackInput.select(region) });
  expect(await submitEventForm(harness, admin, values)).toBeUndefined();
  return prisma().event.findFirstOrThrow({ where: { number: { gt: before._max.number ?? 0 } }, orderBy: { number: 'asc' } });
}

beforeAll(async () => {
  harness = await startTestBot({ COP_ADMINS: 'U0ADMIN 29:teams-admin', PUBLIC_URL });
  await joinInSlack(harness, admin, 'Ada Admin', { region: 'WALES' });
  await joinInSlack(harness, welshSpeaker, 'Carys Cymraeg', { region: 'Y56' });
  await joinInSlack(harness, englishSpeaker, 'Ed English', { region: 'Y56' });
});
afterAll(async () => {
  await harness?.stop();
});

describe('a member’s language', () => {
  it('language cymraeg: the reply and the next reminder come in Welsh; others keep English', async () => {
    expect(await slackCommandText(harness, welshSpeaker, 'language cymraeg')).toBe('Wedi’i wneud: byddaf yn ysgrifennu atoch yn Gymraeg.');
    expect((await prisma().member.findUniqueOrThrow({ where: { id: await memberIdOf(welshSpeaker) } })).language).toBe('cy');
    // Welsh words for the choice work too, and `iaith` names the command.
    expect(await slackCommandText(harness, englishSpeaker, 'iaith saesneg')).toBe('Done: I will write to you in English.');

    const event = await createEvent('Pensions conversations', 'Y56');
    for (const who of [welshSpeaker, englishSpeaker]) await slackClickText(harness, who, 'event.rsvp#0', `${event.id}:going`);
    // The event now starts in 23 hours: the 24-hour reminder is due.
    const now = harness.clock.now().getTime();
    await prisma().event.update({
      where: { id: event.id },
      data: { startsAt: new Date(now + 23 * 3_600_000), endsAt: new Date(now + 24 * 3_600_000) },
    });
    await harness.bot.runEventJobs();
    await harness.drainOutbox();
    const reminderTo = (who: SlackIdentity) => dmsTo(who).filter((text) => text.includes('Pensions conversations') && text.includes('24'));
    expect(reminderTo(welshSpeaker)).toHaveLength(1);
    expect(reminderTo(englishSpeaker)).toHaveLength(1);
    // Built with the Welsh translator: its Welsh sentences ("Ble"), no English "Where".
    expect(reminderTo(welshSpeaker)[0]).toContain('Ble\n');
    expect(reminderTo(welshSpeaker)[0]).not.toContain('Where\n');
    expect(reminderTo(englishSpeaker)[0]).toContain('Where\n');
  });

  it('Teams: before a choice, an activity in cy-GB is answered in Welsh, one in en-GB in English', async () => {
    const welsh = { ...messageActivity('language', harness.connector.url, teamsVisitor), locale: 'cy-GB' };
    expect(await teamsText(harness, welsh)).toContain('Cedwir eich iaith gyda’ch proffil: ymunwch yn gyntaf, yna dewiswch hi.');
    const english = messageActivity('language', harness.connector.url, teamsVisitor);
    expect(await teamsText(harness, english)).toContain('Your language is kept with your profile: join first, then choose it.');
  });
});

describe('a channel’s language', () => {
  it('channel language is refused to members who are not facilitators, and nothing changes', async () => {
    const asked = person('U0CYMRU', 'C0OTHER');
    await slackCommandText(harness, person('U0ADMIN', 'C0OTHER'), 'channel link london');
    const before = await prisma().conversation.findFirstOrThrow({ where: { externalId: 'C0OTHER' } });
    // Welsh: the member chose it.
    expect(await slackCommandText(harness, asked, 'channel language both')).toBe(
      'Dim ond hwylusydd neu weinyddwr cenedlaethol all newid iaith y sianel hon, felly ni newidiwyd dim.',
    );
    expect(await slackCommandText(harness, person('U0ENGLISH', 'C0OTHER'), 'channel language cymraeg')).toBe(
      'Only a facilitator or a national admin can change the language of this channel, so nothing was changed.',
    );
    const after = await prisma().conversation.findFirstOrThrow({ where: { externalId: 'C0OTHER' } });
    expect(after.language).toBeNull();
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect(await prisma().auditEntry.count({ where: { action: 'conversation.language' } })).toBe(0);
    // A national admin may, and everyone in the channel is told.
    const done = await slackCommand(harness, person('U0ADMIN', 'C0OTHER'), 'channel language english');
    expect(done.response_type).toBe('in_channel');
    expect((await prisma().conversation.findFirstOrThrow({ where: { externalId: 'C0OTHER' } })).language).toBe('en');
  });

  it('an NHS Wales community channel gets announcements in Welsh then English, in one post within the limits', async () => {
    expect(await slackCommandText(harness, admin, 'channel link wales')).toContain('NHS Wales');
    const linked = await postActivity(harness.url, mentionActivity('channel link wales', harness.connector.url, teamsAdminInWales));
    expect(linked.status).toBeLessThan(300);
    await harness.drainOutbox();

    const event = await createEvent('Gweithio hyblyg / Flexible working', 'WALES');
    await harness.drainOutbox();
    const slackPost = await harness.slack.waitFor(postsTo('C0WALES'));
    const blocks = blocksOf(slackPost);
    expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    expect(JSON.stringify(blocks).length).toBeLessThanOrEqual(SLACK_LIMITS.messageCharacters);
    const text = textOf(slackPost);
    expect(text.indexOf('Ble\n')).toBeGreaterThan(-1);
    expect(text.indexOf('Where\n')).toBeGreaterThan(text.indexOf('Ble\n'));
    expect(blocks.filter((block) => block.type === 'divider').length).toBeGreaterThan(0);
    // One post for both languages.
    expect(harness.slack.requests.filter(postsTo('C0WALES'))).toHaveLength(1);

    const teamsActivities = `/v3/conversations/${teamsAdminInWales.conversationId}/activities`;
    const teamsPost = await harness.connector.waitFor(
      (r) => r.method === 'POST' && decodeURIComponent(r.path) === teamsActivities && r.body.includes('Flexible working'),
    );
    // Every card sent to the connector stand-in is validated with `adaptivecards` and the byte budget (harness.teamsProblems).
    const card = adaptiveCardToText(cardsOf(teamsPost.json)[0]);
    expect(card.indexOf('Where')).toBeGreaterThan(card.indexOf('Ble'));
    expect(harness.teamsProblems).toEqual([]);

    // Updated in place in both languages as answers come in.
    await slackClickText(harness, englishSpeaker, 'event.rsvp#0', `${event.id}:going`);
    await harness.drainOutbox();
    const posted = await prisma().postedMessage.findFirstOrThrow({ where: { postKey: `event:${event.id}`, platform: 'slack' } });
    const update = harness.slack.requests
      .filter((r) => r.path === '/chat.update' && (r.json as { ts?: string }).ts === posted.messageId)
      .at(-1);
    expect(update && textOf(update)).toMatch(/Ble\n[\s\S]*1 yn mynd[\s\S]*Where\n[\s\S]*1 going/);
  });

  it('a reply to someone’s own command in a channel in both languages is Welsh first, then English, in one message', async () => {
    const visitor = person('U0VISITOR', 'C0WALES');
    const reply = await slackCommandText(harness, visitor, 'language');
    const welsh = reply.indexOf('Cedwir eich iaith');
    expect(welsh).toBeGreaterThan(-1);
    expect(reply.indexOf('Your language is kept')).toBeGreaterThan(welsh);
  });
});
