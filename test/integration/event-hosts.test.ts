// Hosts and cancelling series, on Slack and Teams through their real endpoints: the member named as an
// event's host is told by direct message (once per naming, not on unrelated edits, never when they named
// themselves); `event cancel` on a meeting of a series offers that meeting (naming its date) or the
// series' meetings to come (how many), and the confirmation names the dates; those who answered are told.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adaptiveCardToText, cardsOf, slackBlocksToText } from '../../src/dev/readable-text.js';
import type { RecordedRequest } from '../../src/dev/recording-server.js';
import { slackInput, type SlackIdentity } from '../../src/dev/slack-requests.js';
import { botAddedActivity, cardSubmitActivity, messageActivity, postActivity, type TeamsIdentity } from '../../src/dev/teams-activities.js';
import { ukDate, ukDateAndTime } from '../../src/core/events/london-time.js';
import { slackActionButtons, slackClick, slackClickText, slackCommandBlocks, teamsCard } from '../support/chat.js';
import { eventValues, futureDate, PUBLIC_URL, submitEventForm } from '../support/events.js';
import { joinInSlack } from '../support/members.js';
import { personalChatId, startTestBot, type TestBot } from '../support/test-bot.js';

type Json = Record<string, unknown>;
let harness: TestBot;
const prisma = () => harness.bot.database.prisma;

const inSlack = (userId: string): SlackIdentity => ({ teamId: 'T0TEST', userId, channelId: 'C0HOSTS' });
const ada = inSlack('U0ADA');
const hal = inSlack('U0HAL');
const TENANT = 'tenant-hosts';
const personal = (userId: string): TeamsIdentity => ({
  tenantId: TENANT,
  userId,
  aadObjectId: `aad-${userId}`,
  conversationId: personalChatId(userId),
  conversationType: 'personal',
});
const tess = personal('29:hosts-admin');
const theo = personal('29:hosts-host');

const memberIdOf = async (userId: string) => (await prisma().platformIdentity.findFirstOrThrow({ where: { userId } })).memberId;

/** The text of the Slack direct messages to `userId` that mention `about`, after delivering what is due. */
async function slackDms(userId: string, about: string): Promise<string[]> {
  await harness.drainOutbox();
  return harness.slack.requests
    .filter((r) => r.path === '/chat.postMessage' && (r.json as Json)['channel'] === userId)
    .map((r) => slackBlocksToText((r.json as Json)['blocks']))
    .filter((text) => text.includes(about));
}

/** The text of the Teams messages to `who`'s personal chat that mention `about`, after delivering what is due. */
async function teamsDms(who: TeamsIdentity, about: string): Promise<string[]> {
  await harness.drainOutbox();
  const path = `/v3/conversations/${personalChatId(who.userId)}/activities`;
  return harness.connector.requests
    .filter((r: RecordedRequest) => r.method === 'POST' && decodeURIComponent(r.path) === path)
    .map((r) => cardsOf(r.json).map(adaptiveCardToText).join('\n'))
    .filter((text) => text.includes(about));
}

/** The Teams form card's submit data (form id and state). */
function formData(card: unknown): Json {
  const found: Json[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const element = node as Json;
      if (element['type'] === 'Action.Execute' && element['verb'] === 'cop.form') found.push((element['data'] ?? {}) as Json);
      Object.values(element).forEach(walk);
    }
  };
  walk(card);
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** Every Action.Execute of a card, with its verb and data. */
function executeActions(card: unknown): { title: string; verb: string; data: Json }[] {
  const found: { title: string; verb: string; data: Json }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const element = node as Json;
      if (element['type'] === 'Action.Execute')
        found.push({ title: element['title'] as string, verb: element['verb'] as string, data: (element['data'] ?? {}) as Json });
      Object.values(element).forEach(walk);
    }
  };
  walk(card);
  return found;
}

const teamsInputs = (hostId: string, overrides: Record<string, string> = {}) => ({
  type: 'masterclass',
  title: 'Teams hosted masterclass',
  description: 'On Teams.',
  region: 'Y63',
  date: futureDate(),
  start: '14:00',
  end: '15:00',
  onlineUrl: 'https://teams.example.nhs.uk/meet/hosts',
  venue: '',
  capacity: '',
  host: hostId,
  recurrence: 'none',
  meetings: '',
  waitlist: 'automatic',
  offerHours: '',
  ...overrides,
});

/** Types `text` in Teams as `who` and submits the form it opens with `inputs`; resolves with the answer's text. */
async function teamsForm(who: TeamsIdentity, text: string, inputs: Record<string, string>): Promise<string> {
  const form = await teamsCard(harness, messageActivity(text, harness.connector.url, who));
  const saved = await teamsCard(
    harness,
    cardSubmitActivity({ verb: 'cop.form', ...formData(form), ...inputs }, harness.connector.url, who),
  );
  return adaptiveCardToText(saved);
}

beforeAll(async () => {
  harness = await startTestBot({ COP_ADMINS: `U0ADA ${tess.userId}`, PUBLIC_URL });
  await joinInSlack(harness, ada, 'Ada Admin');
  await joinInSlack(harness, hal, 'Hal Host');
  const leeds = await prisma().organisation.findFirstOrThrow({ where: { odsCode: 'RR8' } });
  for (const [name, who] of [
    ['Tess Teams-Admin', tess],
    ['Theo Teams-Host', theo],
  ] as const) {
    expect((await postActivity(harness.url, botAddedActivity(harness.connector.url, who))).status).toBeLessThan(300);
    const joined = await teamsCard(
      harness,
      cardSubmitActivity(
        {
          verb: 'cop.form',
          form: 'member.profile',
          displayName: name,
          organisation: leeds.id,
          region: 'Y63',
          role: 'retention_lead',
          consent: 'true',
        },
        harness.connector.url,
        who,
      ),
    );
    expect(adaptiveCardToText(joined)).toContain(`Welcome, ${name}`);
  }
}, 120_000);
afterAll(async () => {
  await harness?.stop();
});

describe('the host is told', () => {
  it('in Slack: once when named, not on unrelated edits, not when they named themselves', async () => {
    const halId = await memberIdOf(hal.userId);
    const adaId = await memberIdOf(ada.userId);
    const values = (host: string, extra: Record<string, Record<string, unknown>> = {}) =>
      eventValues(host, { title: slackInput.text('Hosted in Slack'), region: slackInput.select('Y63'), ...extra });
    expect(await submitEventForm(harness, ada, values(halId))).toBeUndefined();
    const event = await prisma().event.findFirstOrThrow({ where: { title: 'Hosted in Slack' } });
    const told = await slackDms(hal.userId, 'Hosted in Slack');
    expect(told).toHaveLength(1);
    expect(told[0]).toContain(`You are named as the host of Hosted in Slack, `);
    expect(told[0]).toContain(`(event ${event.number})`);
    expect(told[0]).toContain(`event cancel ${event.number}`);
    expect(told[0]).toContain('See the event');

    // An edit that leaves the host as they were tells them nothing new.
    expect(await submitEventForm(harness, ada, values(halId, { description: slackInput.text('New words.') }), event.id)).toBeUndefined();
    expect(await slackDms(hal.userId, 'Hosted in Slack')).toHaveLength(1);
    // Ada names herself: no message to her.
    expect(await submitEventForm(harness, ada, values(adaId), event.id)).toBeUndefined();
    expect(await slackDms(ada.userId, 'You are named as the host')).toEqual([]);
    // Naming Hal again is news again.
    expect(await submitEventForm(harness, ada, values(halId), event.id)).toBeUndefined();
    expect(await slackDms(hal.userId, 'Hosted in Slack')).toHaveLength(2);

    // A series: one message naming its meetings, not one per meeting.
    expect(
      await submitEventForm(
        harness,
        ada,
        values(halId, {
          title: slackInput.text('Hosted series'),
          recurrence: slackInput.select('weekly'),
          meetings: slackInput.text('3'),
        }),
      ),
    ).toBeUndefined();
    const series = await slackDms(hal.userId, 'Hosted series');
    expect(series).toHaveLength(1);
    expect(series[0]).toContain('3 meetings, the first');
  });

  it('in Teams: once when named, in their personal chat, not on an unrelated edit', async () => {
    const theoId = await memberIdOf(theo.userId);
    expect(await teamsForm(tess, 'event new', teamsInputs(theoId))).toContain('Teams hosted masterclass');
    const event = await prisma().event.findFirstOrThrow({ where: { title: 'Teams hosted masterclass' } });
    const told = await teamsDms(theo, 'Teams hosted masterclass');
    expect(told).toHaveLength(1);
    expect(told[0]).toContain(`You are named as the host of Teams hosted masterclass`);
    expect(told[0]).toContain(`event cancel ${event.number}`);
    expect(await teamsForm(tess, `event edit ${event.number}`, teamsInputs(theoId, { description: 'Changed.' }))).toContain('Saved');
    expect(await teamsDms(theo, 'Teams hosted masterclass')).toHaveLength(1);
  });
});

describe('cancelling a meeting of a series, or the series', () => {
  it('in Slack: asks which, naming the date and the count; the confirmations name the dates; those who answered are told', async () => {
    const adaId = await memberIdOf(ada.userId);
    const values = eventValues(adaId, {
      title: slackInput.text('Weekly cancel test'),
      region: slackInput.select('Y63'),
      recurrence: slackInput.select('weekly'),
      meetings: slackInput.text('4'),
    });
    expect(await submitEventForm(harness, ada, values)).toBeUndefined();
    const meetings = await prisma().event.findMany({ where: { title: 'Weekly cancel test' }, orderBy: { startsAt: 'asc' } });
    expect(meetings).toHaveLength(4);
    const [, second, third] = meetings;
    for (const meeting of [second!, third!]) await slackClickText(harness, hal, 'event.rsvp#0', `${meeting.id}:going`);

    const asked = await slackCommandBlocks(harness, ada, `event cancel ${second!.number}`);
    const text = slackBlocksToText(asked);
    expect(text).toContain(
      `Cancel only this meeting, ${ukDateAndTime(second!.startsAt)}, or the whole series: the 4 meetings still to come`,
    );
    const buttons = slackActionButtons(asked);
    expect(buttons.map((b) => b.label)).toEqual([`Cancel only ${ukDate(second!.startsAt)}`, 'Cancel all 4 meetings']);
    // Asking cancels nothing.
    expect(await prisma().event.count({ where: { title: 'Weekly cancel test', status: 'cancelled' } })).toBe(0);

    // Someone who may not manage it clicking the button changes nothing.
    expect(slackBlocksToText((await slackClick(harness, hal, buttons[1]!.action_id, buttons[1]!.value)).blocks)).toContain(
      'Only the event’s host',
    );

    const one = slackBlocksToText((await slackClick(harness, ada, buttons[0]!.action_id, buttons[0]!.value)).blocks);
    expect(one).toContain(`Weekly cancel test, ${ukDateAndTime(second!.startsAt)}, is cancelled; the series' other meetings go ahead.`);
    const statuses = async () =>
      (await prisma().event.findMany({ where: { title: 'Weekly cancel test' }, orderBy: { startsAt: 'asc' } })).map((e) => e.status);
    expect(await statuses()).toEqual(['scheduled', 'cancelled', 'scheduled', 'scheduled']);
    expect((await slackDms(hal.userId, 'Weekly cancel test')).filter((dm) => dm.includes('is cancelled'))).toHaveLength(1);

    // The series now has 3 meetings to come.
    const again = await slackCommandBlocks(harness, ada, `event cancel ${third!.number}`);
    expect(slackBlocksToText(again)).toContain('the 3 meetings still to come');
    const all = slackActionButtons(again).find((b) => b.action_id.startsWith('event.cancelSeries'))!;
    expect(all.label).toBe('Cancel all 3 meetings');
    const done = slackBlocksToText((await slackClick(harness, ada, all.action_id, all.value)).blocks);
    expect(done).toContain('Weekly cancel test is cancelled: 3 meetings.');
    for (const meeting of [meetings[0]!, third!, meetings[3]!]) expect(done).toContain(ukDateAndTime(meeting.startsAt));
    expect(done).not.toContain(ukDateAndTime(second!.startsAt));
    expect(await statuses()).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled']);
    // Hal answered the third: told once more.
    expect((await slackDms(hal.userId, 'Weekly cancel test')).filter((dm) => dm.includes('is cancelled'))).toHaveLength(2);
    // A one-off event is asked about as before.
    const single = await prisma().event.findFirstOrThrow({ where: { title: 'Hosted in Slack' } });
    expect(slackBlocksToText(await slackCommandBlocks(harness, ada, `event cancel ${single.number}`))).toContain('Cancel Hosted in Slack?');
  });

  it('in Teams: the same choice as card buttons, and the series cancelled with its dates', async () => {
    const theoId = await memberIdOf(theo.userId);
    expect(
      await teamsForm(tess, 'event new', teamsInputs(theoId, { title: 'Teams weekly', recurrence: 'weekly', meetings: '3' })),
    ).toContain('Teams weekly');
    const meetings = await prisma().event.findMany({ where: { title: 'Teams weekly' }, orderBy: { startsAt: 'asc' } });
    expect(meetings).toHaveLength(3);
    const first = meetings[0]!;
    const asked = await teamsCard(harness, messageActivity(`event cancel ${first.number}`, harness.connector.url, tess));
    expect(adaptiveCardToText(asked)).toContain(`Cancel only this meeting, ${ukDateAndTime(first.startsAt)}`);
    const actions = executeActions(asked);
    expect(actions.map((a) => [a.title, a.verb])).toEqual([
      [`Cancel only ${ukDate(first.startsAt)}`, 'event.cancel'],
      ['Cancel all 3 meetings', 'event.cancelSeries'],
    ]);
    const series = actions[1]!;
    const done = await teamsCard(harness, cardSubmitActivity({ verb: series.verb, ...series.data }, harness.connector.url, tess));
    const text = adaptiveCardToText(done);
    expect(text).toContain('Teams weekly is cancelled: 3 meetings.');
    for (const meeting of meetings) expect(text).toContain(ukDateAndTime(meeting.startsAt));
    expect(await prisma().event.count({ where: { title: 'Teams weekly', status: 'scheduled' } })).toBe(0);
  });
});
