// Welsh command words on both platforms, through the real Slack and Teams endpoints: `/cop cymorth`,
// `/cop rhanbarthau`, `digwyddiadau cymru` to the bot in Teams, Welsh typos answered in Welsh, Welsh region
// names (`events cymru`, `digest preview llundain`) and Welsh organisation names in the join form's search.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackIdentity } from '../../src/dev/slack-requests.js';
import { mentionActivity, messageActivity, typeaheadActivity, type TeamsIdentity } from '../../src/dev/teams-activities.js';
import { slackCommandText, slackSuggest, teamsInvoke, teamsText } from '../support/chat.js';
import { joinInSlack } from '../support/members.js';
import { startTestBot, type TestBot } from '../support/test-bot.js';

let harness: TestBot;
const TEAM = 'T0TEST';
const member: SlackIdentity = { teamId: TEAM, userId: 'U0CYMEMBER', channelId: 'C0CYMRU' };
const visitor: SlackIdentity = { teamId: TEAM, userId: 'U0CYVISIT', channelId: 'C0CYMRU' };
const personal: TeamsIdentity = {
  tenantId: '11111111-2222-3333-4444-5555555555cy',
  userId: '29:catrin',
  aadObjectId: 'aaaaaaaa-0000-0000-0000-0000000000c1',
  conversationId: 'a:personal-catrin',
  conversationType: 'personal',
};
const channel: TeamsIdentity = { ...personal, conversationId: '19:cymru@thread.tacv2', conversationType: 'channel' };

/** What Teams sends from a client set to Welsh: the same activity with locale cy-GB. */
const inWelsh = <A extends object>(activity: A) => ({ ...activity, locale: 'cy-GB' });

beforeAll(async () => {
  harness = await startTestBot();
  await joinInSlack(harness, member, 'Catrin Cymraes', { region: 'WALES' });
}, 120_000);
afterAll(async () => {
  await harness?.stop();
});

describe('Welsh command words in Slack', () => {
  it('/cop cymorth is help, and /cop rhanbarthau the regions', async () => {
    const help = await slackCommandText(harness, member, 'cymorth');
    expect(help).toContain(await slackCommandText(harness, member, 'help'));
    const regions = await slackCommandText(harness, visitor, 'rhanbarthau');
    expect(regions).toBe(await slackCommandText(harness, visitor, 'regions'));
    expect(regions).toContain('NHS Wales');
  });

  it('understands Welsh region names wherever regions are typed', async () => {
    const english = await slackCommandText(harness, visitor, 'events wales');
    expect(await slackCommandText(harness, visitor, 'events cymru')).toBe(english);
    expect(await slackCommandText(harness, visitor, 'digwyddiadau gig cymru')).toBe(english);
    const preview = await slackCommandText(harness, visitor, 'digest preview llundain');
    expect(preview).not.toMatch(/don.t know the region/i);
    expect(preview).toBe(await slackCommandText(harness, visitor, 'digest preview london'));
    expect(await slackCommandText(harness, visitor, 'crynodeb llundain')).toBe(preview);
  });

  it('answers a Welsh typo with the Welsh word, mutated forms included', async () => {
    expect(await slackCommandText(harness, member, 'digwydiadau')).toMatch(/Did you mean `\/cop digwyddiadau`\?/);
    expect(await slackCommandText(harness, member, 'nghymorth')).toMatch(/Did you mean `\/cop cymorth`\?/);
  });

  it('finds an NHS Wales organisation by its Welsh name in the join form', async () => {
    const first = async (typed: string) => (await slackSuggest(harness, visitor, 'member.profile', 'organisation', typed))[0]?.text.text;
    expect(await first('bae abertawe')).toBe('Swansea Bay University Health Board (7A3)');
    expect(await first("Caerdydd a'r Fro")).toBe('Cardiff and Vale University Health Board (7A4)');
    expect(await first('Iechyd Cyhoeddus Cymru')).toBe('Public Health Wales NHS Trust (RYT)');
  });
});

describe('Welsh command words in Teams', () => {
  it('@bot digwyddiadau cymru in a channel lists the events of NHS Wales', async () => {
    const welsh = await teamsText(harness, mentionActivity('digwyddiadau cymru', harness.connector.url, channel));
    expect(welsh).toBe(await teamsText(harness, mentionActivity('events wales', harness.connector.url, channel)));
  });

  it('shows a Welsh reader the Welsh words in help, with the English in brackets', async () => {
    const help = await teamsText(harness, inWelsh(messageActivity('cymorth', harness.connector.url, personal)));
    expect(help).toContain('ymuno (join)');
    expect(help).toContain('digwyddiadau [region | all] (events)');
    expect(help).toContain('cymorth digwyddiadau');
    // An English reader sees the English words only.
    const english = await teamsText(harness, messageActivity('cymorth', harness.connector.url, personal));
    expect(english).not.toContain('ymuno');
    expect(english).toContain('events [region | all]');
  });

  it('shows a Welsh reader the Welsh region names and the Welsh organisation names in the join form', async () => {
    const regions = await teamsText(harness, inWelsh(messageActivity('rhanbarthau', harness.connector.url, personal)));
    expect(regions).toContain('GIG Cymru');
    expect(regions).toContain('Llundain');
    const body = await teamsInvoke(
      harness,
      inWelsh(typeaheadActivity('member.profile#organisation', 'bae abertawe', harness.connector.url, personal)),
    );
    const results = (body['value'] as { results: { title: string }[] }).results;
    expect(results[0]?.title).toBe('Bwrdd Iechyd Prifysgol Bae Abertawe (7A3)');
  });

  it('answers a Welsh typo in Teams with the Welsh word', async () => {
    const text = await teamsText(harness, messageActivity('rhanbarthu', harness.connector.url, personal));
    expect(text).toContain('rhanbarthau');
  });
});
