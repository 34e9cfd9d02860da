// A near miss of a region's name gets the same answer from every command that takes a region, on both
// platforms: "Did you mean North East and Yorkshire?" with a button running the command with the region
// filled in; clicking it runs the command.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackIdentity } from '../../src/dev/slack-requests.js';
import { cardSubmitActivity, messageActivity, type TeamsIdentity } from '../../src/dev/teams-activities.js';
import { slackActionButtons, slackClick, slackCommand, teamsCard, teamsText } from '../support/chat.js';
import { joinInSlack } from '../support/members.js';
import { startTestBot, type TestBot } from '../support/test-bot.js';

let harness: TestBot;
const admin: SlackIdentity = { teamId: 'T0TEST', userId: 'U0NEARADMIN', channelId: 'C0NEAR' };
const teamsAdmin: TeamsIdentity = {
  tenantId: '11111111-2222-3333-4444-55555555near',
  userId: '29:near-admin',
  aadObjectId: 'aaaaaaaa-0000-0000-0000-00000000near',
  conversationId: 'a:personal-near-admin',
  conversationType: 'personal',
};
const DID_YOU_MEAN = 'Did you mean North East and Yorkshire?';

beforeAll(async () => {
  harness = await startTestBot({ COP_ADMINS: `${admin.userId}, ${teamsAdmin.userId}` });
  await joinInSlack(harness, admin, 'Nia Near', { region: 'Y56' });
}, 120_000);
afterAll(async () => {
  await harness?.stop();
});

/**
 * Each command with a near miss ("yorkshre"), and the words its button runs; in Teams, those the
 * admin may use in a personal chat without having joined.
 */
const COMMANDS: readonly { typed: string; retry: string; teams: boolean }[] = [
  { typed: 'events yorkshre', retry: 'events North East and Yorkshire', teams: true },
  { typed: 'digest preview yorkshre', retry: 'digest preview North East and Yorkshire', teams: true },
  { typed: 'digest preview yorkshre staff:nurses', retry: 'digest preview North East and Yorkshire staff:nurses', teams: true },
  { typed: 'cases pending yorkshre', retry: 'cases pending North East and Yorkshire', teams: true },
  { typed: 'cases region:yorkshre', retry: 'cases region:North-East-and-Yorkshire', teams: false },
  { typed: 'organisations pending yorkshre', retry: 'organisations pending North East and Yorkshire', teams: true },
  {
    typed: 'admin grant facilitator <@U0SOMEONE> yorkshre',
    retry: 'admin grant facilitator <@U0SOMEONE> North East and Yorkshire',
    teams: false,
  },
  { typed: 'members yorkshre', retry: 'members North East and Yorkshire', teams: false },
  { typed: 'members yorkshre midwives', retry: 'members North East and Yorkshire midwives', teams: false },
  { typed: 'members export yorkshre', retry: 'members export North East and Yorkshire', teams: false },
  { typed: 'channel link yorkshre', retry: 'channel link North East and Yorkshire', teams: false },
];

describe('a region near miss in Slack', () => {
  it.each(COMMANDS)('/cop $typed offers the region with a button', async ({ typed, retry }) => {
    const reply = await slackCommand(harness, admin, typed);
    expect(JSON.stringify(reply.blocks)).toContain(DID_YOU_MEAN);
    const buttons = slackActionButtons(reply.blocks);
    expect(buttons.map(({ label, value }) => ({ label, value }))).toEqual([{ label: 'North East and Yorkshire', value: retry }]);
  });

  it('runs the command with the region when the button is clicked', async () => {
    const reply = await slackCommand(harness, admin, 'events yorkshre');
    const [button] = slackActionButtons(reply.blocks);
    const clicked = await slackClick(harness, admin, button!.action_id, button!.value);
    expect(JSON.stringify(clicked.blocks)).toContain('North East and Yorkshire');
    expect(JSON.stringify(clicked.blocks)).not.toContain(DID_YOU_MEAN);
  });

  it('says only that the region is unknown when nothing is near', async () => {
    const reply = await slackCommand(harness, admin, 'events atlantis');
    expect(JSON.stringify(reply.blocks)).not.toContain('Did you mean');
    expect(slackActionButtons(reply.blocks)).toEqual([]);
  });
});

describe('a region near miss in Teams', () => {
  const buttonsOf = (card: { body: unknown[]; actions?: unknown[] }) =>
    JSON.stringify(card).match(/"type":"Action.Execute","title":"[^"]*","verb":"cop.run","data":\{"value":"[^"]*"\}/g) ?? [];

  it.each(COMMANDS.filter((command) => command.teams))('$typed offers the region with a button', async ({ typed, retry }) => {
    const card = await teamsCard(harness, messageActivity(typed, harness.connector.url, teamsAdmin));
    expect(JSON.stringify(card)).toContain(DID_YOU_MEAN);
    expect(buttonsOf(card)).toEqual([
      `"type":"Action.Execute","title":"North East and Yorkshire","verb":"cop.run","data":{"value":"${retry}"}`,
    ]);
  });

  it('runs the command with the region when the button is clicked', async () => {
    const text = await teamsText(
      harness,
      cardSubmitActivity({ verb: 'cop.run', value: 'events North East and Yorkshire' }, harness.connector.url, teamsAdmin),
    );
    expect(text).not.toContain(DID_YOU_MEAN);
  });
});
