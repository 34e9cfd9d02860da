// Commands that take an organisation take its name or part of it as well as its ODS code, in Slack and
// Teams: one match acts, a few get "Which one?" with a button each (running the command with the code),
// more ask for more of the name, none changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackIdentity } from '../../src/dev/slack-requests.js';
import { mentionActivity, messageActivity, type TeamsIdentity } from '../../src/dev/teams-activities.js';
import { slackActionButtons, slackClick, slackCommand, teamsCard, teamsText } from '../support/chat.js';
import { personalChatId, startTestBot, type TestBot } from '../support/test-bot.js';

let harness: TestBot;
const admin: SlackIdentity = { teamId: 'T0TEST', userId: 'U0ORGNAMES', channelId: 'C0ORGNAMES' };
const teamsAdmin: TeamsIdentity = {
  tenantId: '11111111-2222-3333-4444-5555555orgn',
  userId: '29:org-names-admin',
  aadObjectId: 'aaaaaaaa-0000-0000-0000-0000000orgn',
  conversationId: 'a:personal-org-names',
  conversationType: 'personal',
};

beforeAll(async () => {
  harness = await startTestBot({ COP_ADMINS: `${admin.userId}, ${teamsAdmin.userId}` });
}, 120_000);
afterAll(async () => {
  await harness?.stop();
});

const exemplars = () => harness.bot.database.prisma.organisation.count({ where: { exemplarCohort: { not: null } } });

/** What each platform answers: the text and the run-command buttons (label and words). */
const platforms = {
  slack: async (typed: string) => {
    const reply = await slackCommand(harness, admin, typed);
    return {
      text: JSON.stringify(reply.blocks),
      buttons: slackActionButtons(reply.blocks).map(({ label, value }) => ({ label, value })),
    };
  },
  teams: async (typed: string) => {
    const card = await teamsCard(harness, messageActivity(typed, harness.connector.url, teamsAdmin));
    const json = JSON.stringify(card);
    const buttons = [...json.matchAll(/"type":"Action.Execute","title":"([^"]*)","verb":"cop.run","data":\{"value":"([^"]*)"\}/g)].map(
      (match) => ({ label: match[1], value: match[2] }),
    );
    return { text: json, buttons };
  },
};

describe.each(Object.entries(platforms))('organisations by name in %s', (_, answer) => {
  it('acts at once on the one organisation part of a name matches', async () => {
    const reply = await answer('organisation exemplar remove leeds teaching');
    expect(reply.text).toContain('Leeds Teaching Hospitals NHS Trust is not marked as a People Promise exemplar: nothing changed.');
  });

  it('asks which one when a few match, with a button running the command with each code', async () => {
    const reply = await answer('organisation exemplar sheffield 1');
    expect(reply.text).toContain('Several organisations match \\"sheffield\\". Which one?');
    expect(reply.buttons.map((button) => button.value).sort()).toEqual([
      'organisation exemplar RCU 1',
      'organisation exemplar RHQ 1',
      'organisation exemplar TAH 1',
    ]);
    expect(reply.buttons.map((button) => button.label)).toContain('Sheffield Teaching Hospitals NHS Foundation Trust (RHQ)');
    expect(await exemplars()).toBe(0);
  });

  it('asks for more of the name when more than five match, and changes nothing when none does', async () => {
    const many = await answer('organisation exemplar university hospitals 1');
    expect(many.text).toContain('More than 5 organisations match');
    expect(many.buttons).toEqual([]);
    const none = await answer('organisation exemplar remove nowhere at all');
    expect(none.text).toContain('No organisation matches');
    expect(await exemplars()).toBe(0);
  });
});

describe('choosing one in Slack', () => {
  it('marks the organisation whose button is clicked, then takes it back by name', async () => {
    const reply = await slackCommand(harness, admin, 'organisation exemplar sheffield 1');
    const button = slackActionButtons(reply.blocks).find((one) => one.value === 'organisation exemplar RHQ 1');
    const clicked = await slackClick(harness, admin, button!.action_id, button!.value);
    expect(JSON.stringify(clicked.blocks)).toContain(
      'Sheffield Teaching Hospitals NHS Foundation Trust is now a People Promise exemplar (cohort 1).',
    );
    const removed = await slackCommand(harness, admin, 'organisation exemplar remove Sheffield Teaching Hospitals NHS Foundation Trust');
    expect(JSON.stringify(removed.blocks)).toContain('is no longer marked as a People Promise exemplar');
    expect(await exemplars()).toBe(0);
  });
});

describe.each(Object.entries(platforms))('digests by part of an organisation’s name in %s', (_, answer) => {
  it('previews the one organisation part of a name matches', async () => {
    const byName = await answer('digest preview leeds teaching');
    const byCode = await answer('digest preview RR8');
    expect(byName.text).toContain('Leeds Teaching Hospitals');
    expect(byName.text).not.toContain('know');
    expect(byName.buttons).toEqual(byCode.buttons);
  });

  it('asks which one for preview and subscribe, with buttons running the command with each code', async () => {
    const preview = await answer('digest preview sheffield');
    expect(preview.text).toContain('Several organisations match \\"sheffield\\". Which one?');
    expect(preview.buttons.map((button) => button.value)).toContain('digest preview RHQ');
    expect(preview.buttons.every((button) => /^digest preview [A-Z0-9]{3,5}$/.test(button.value ?? ''))).toBe(true);
  });
});

describe('digest subscribe by part of an organisation’s name', () => {
  const subscriptions = () => harness.bot.database.prisma.digestSubscription.count();
  const teamsChannel: TeamsIdentity = { ...teamsAdmin, conversationId: '19:org-names@thread.tacv2', conversationType: 'channel' };
  /** Typed in a Teams channel: the answer goes to the admin's personal chat. */
  async function inTeamsChannel(typed: string) {
    const mark = harness.connector.requests.length;
    await teamsCard(harness, mentionActivity(typed, harness.connector.url, teamsChannel));
    const personal = `/v3/conversations/${personalChatId(teamsAdmin.userId)}/activities`;
    const posted = harness.connector.requests.slice(mark).find((request) => decodeURIComponent(request.path) === personal);
    const json = JSON.stringify(posted?.json ?? {});
    const buttons = [...json.matchAll(/"type":"Action.Execute","title":"([^"]*)","verb":"cop.run","data":\{"value":"([^"]*)"\}/g)].map(
      (match) => match[2],
    );
    return { text: json, buttons };
  }

  it('asks which one in Slack, and subscribes the one chosen', async () => {
    const channel = { ...admin, channelId: 'C0ORGSUB' };
    expect(JSON.stringify((await slackCommand(harness, channel, 'channel link london')).blocks)).toContain('Done');
    const reply = await slackCommand(harness, channel, 'digest subscribe sheffield weekly staff:nurses');
    expect(JSON.stringify(reply.blocks)).toContain('Which one?');
    const buttons = slackActionButtons(reply.blocks);
    expect(buttons.map((button) => button.value)).toContain('digest subscribe RHQ weekly staff:nurses');
    expect(await subscriptions()).toBe(0);
    const button = buttons.find((one) => one.value === 'digest subscribe RHQ weekly staff:nurses')!;
    await slackClick(harness, channel, button.action_id, button.value);
    expect(await subscriptions()).toBe(1);
    // One match subscribes at once.
    await slackCommand(harness, channel, 'digest subscribe leeds teaching monthly');
    expect(await harness.bot.database.prisma.digestSubscription.count({ where: { scopeCode: 'RR8' } })).toBe(1);
  });

  it('asks which one in a Teams channel', async () => {
    expect(await teamsText(harness, mentionActivity('channel link london', harness.connector.url, teamsChannel))).toContain('Done');
    const before = await subscriptions();
    const reply = await inTeamsChannel('digest subscribe sheffield weekly');
    expect(reply.text).toContain('Which one?');
    expect(reply.buttons).toContain('digest subscribe RHQ weekly');
    expect(await subscriptions()).toBe(before);
  });

  it('still says so in both when no organisation or region matches', async () => {
    for (const answer of Object.values(platforms)) {
      const none = await answer('digest preview nowhere at all');
      expect(none.text).toContain('nowhere at all');
      expect(none.buttons).toEqual([]);
    }
  });
});
