// Slack over real HTTP: signed slash commands, button clicks and events reach the bot through Bolt's
// receiver and signature check; replies reach a local server standing in for Slack.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackBlocksToText } from '../../src/dev/readable-text.js';
import {
  blockActionBody,
  eventCallbackBody,
  postToSlackEndpoint,
  slashCommandBody,
  type SlackIdentity,
} from '../../src/dev/slack-requests.js';
import { slackSignatureHeaders } from '../../src/dev/slack-signature.js';
import { BOT_USER_ID, SIGNING_SECRET, startTestBot, type TestBot } from '../support/test-bot.js';
import { slackCommand } from '../support/chat.js';

let harness: TestBot;
const who: SlackIdentity = { teamId: 'T0TEST', userId: 'U0ALICE', channelId: 'C0RETENTION' };

beforeAll(async () => {
  harness = await startTestBot();
});
afterAll(async () => {
  await harness?.stop();
});

/** Sends `/cop <text>` and returns what reached the command's response_url. */
const slashCommand = (text: string) => slackCommand(harness, who, text);

describe('the /cop slash command', () => {
  it('answers help by topic, privately, through the response_url', async () => {
    const reply = await slashCommand('help');
    expect(reply.response_type).toBe('ephemeral');
    const text = slackBlocksToText(reply.blocks);
    expect(text).toContain('COP BOT');
    expect(text).toContain('Getting started');
    expect(text).toContain('/cop regions');
    expect(text).toContain('[Events]');
    expect(reply.text).toContain('/cop regions');
  });

  it('lists the eight regions', async () => {
    const text = slackBlocksToText((await slashCommand('regions')).blocks);
    for (const region of [
      'East of England',
      'London',
      'Midlands',
      'North East and Yorkshire',
      'North West',
      'South East',
      'South West',
      'NHS Wales',
    ]) {
      expect(text).toContain(region);
    }
  });

  it('suggests the closest command for a typo', async () => {
    const text = slackBlocksToText((await slashCommand('regins')).blocks);
    expect(text).toContain(`I don't know the command "regins"`);
    expect(text).toContain('Did you mean `/cop regions`?');
  });

  it('answers an empty command with help', async () => {
    expect(slackBlocksToText((await slashCommand('')).blocks)).toContain('/cop regions');
  });

  it('shows usage when a command gets words it does not take', async () => {
    const text = slackBlocksToText((await slashCommand('regions please now')).blocks);
    expect(text).toContain('That is not quite how "regions" works.');
    expect(text).toContain('Usage');
  });

  it('acknowledges before the reply is sent', async () => {
    const started = Date.now();
    const response = await postToSlackEndpoint(
      harness.url,
      slashCommandBody('help', `${harness.slack.url}/respond/ack`, who),
      SIGNING_SECRET,
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    // Far inside Slack's 3-second limit; the reply itself arrives separately through the response_url.
    expect(Date.now() - started).toBeLessThan(3_000);
    await harness.slack.waitFor((request) => request.path === '/respond/ack');
  });
});

describe('request signatures', () => {
  async function auditCount(): Promise<number> {
    return harness.bot.database.prisma.auditEntry.count();
  }

  it('rejects a forged signature and changes nothing', async () => {
    const before = await auditCount();
    const body = eventCallbackBody({
      type: 'member_joined_channel',
      user: BOT_USER_ID,
      channel: 'C0FORGED',
      channel_type: 'C',
      team: who.teamId,
    });
    const response = await postToSlackEndpoint(harness.url, body, 'not-the-secret', { json: true });
    expect(response.status).toBe(401);
    expect(await auditCount()).toBe(before);
    expect(await harness.bot.database.prisma.conversation.count({ where: { externalId: 'C0FORGED' } })).toBe(0);
  });

  it('rejects a request signed ten minutes ago', async () => {
    const body = slashCommandBody('help', `${harness.slack.url}/respond/stale`, who);
    const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
    const response = await postToSlackEndpoint(harness.url, body, SIGNING_SECRET, {
      headers: slackSignatureHeaders(SIGNING_SECRET, body, tenMinutesAgo),
    });
    expect(response.status).toBe(401);
    await harness.idle();
    expect(harness.slack.requests.some((request) => request.path === '/respond/stale')).toBe(false);
  });
});

describe('buttons', () => {
  it('runs the command a button carries', async () => {
    const body = blockActionBody('cop.run#0', 'regions', `${harness.slack.url}/respond/button`, who);
    const response = await postToSlackEndpoint(harness.url, body, SIGNING_SECRET);
    expect(response.status).toBe(200);
    const reply = await harness.slack.waitFor((request) => request.path === '/respond/button');
    expect(slackBlocksToText((reply.json as { blocks: unknown[] }).blocks)).toContain('North East and Yorkshire');
  });

  it('treats a replayed payload with made-up words as typed words, not as trusted input', async () => {
    const body = blockActionBody('cop.run#0', 'drop table regions', `${harness.slack.url}/respond/tampered`, who);
    await postToSlackEndpoint(harness.url, body, SIGNING_SECRET);
    const reply = await harness.slack.waitFor((request) => request.path === '/respond/tampered');
    // Not a command: read as a question, which only ever runs a read-only command (here `regions`).
    expect(slackBlocksToText((reply.json as { blocks: unknown[] }).blocks)).toContain('I read that as `/cop regions`');
    expect(await harness.bot.database.prisma.region.count()).toBe(8);
  });
});

describe('channel membership events', () => {
  it('stores a channel when the bot joins it, and marks it when the bot leaves', async () => {
    const prisma = harness.bot.database.prisma;
    const joined = eventCallbackBody({
      type: 'member_joined_channel',
      user: BOT_USER_ID,
      channel: 'C0JOINED',
      channel_type: 'C',
      team: who.teamId,
    });
    expect((await postToSlackEndpoint(harness.url, joined, SIGNING_SECRET, { json: true })).status).toBe(200);
    await expect
      .poll(() => prisma.conversation.findFirst({ where: { externalId: 'C0JOINED' } }))
      .toMatchObject({
        platform: 'slack',
        workspaceId: who.teamId,
        kind: 'channel',
        removedAt: null,
      });

    const left = eventCallbackBody({ type: 'channel_left', channel: 'C0JOINED', actor_id: 'U0ADMIN' }, who.teamId);
    expect((await postToSlackEndpoint(harness.url, left, SIGNING_SECRET, { json: true })).status).toBe(200);
    await expect
      .poll(async () => (await prisma.conversation.findFirst({ where: { externalId: 'C0JOINED' } }))?.removedAt)
      .toBeInstanceOf(Date);
    const actions = (await prisma.auditEntry.findMany({ orderBy: { id: 'asc' } })).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['conversation.installed', 'conversation.removed']));
  });

  it('ignores other people joining a channel', async () => {
    const body = eventCallbackBody({
      type: 'member_joined_channel',
      user: 'U0SOMEONE',
      channel: 'C0OTHER',
      channel_type: 'C',
      team: who.teamId,
    });
    expect((await postToSlackEndpoint(harness.url, body, SIGNING_SECRET, { json: true })).status).toBe(200);
    await harness.idle();
    expect(await harness.bot.database.prisma.conversation.count({ where: { externalId: 'C0OTHER' } })).toBe(0);
  });

  it('marks every channel of a workspace removed when the app is uninstalled', async () => {
    const prisma = harness.bot.database.prisma;
    const joined = eventCallbackBody({
      type: 'member_joined_channel',
      user: BOT_USER_ID,
      channel: 'C0UNINSTALL',
      channel_type: 'C',
      team: who.teamId,
    });
    await postToSlackEndpoint(harness.url, joined, SIGNING_SECRET, { json: true });
    await expect.poll(() => prisma.conversation.count({ where: { externalId: 'C0UNINSTALL' } })).toBe(1);
    await postToSlackEndpoint(harness.url, eventCallbackBody({ type: 'app_uninstalled' }, who.teamId), SIGNING_SECRET, { json: true });
    await expect.poll(() => prisma.conversation.count({ where: { platform: 'slack', workspaceId: who.teamId, removedAt: null } })).toBe(0);
  });

  it('marks every channel removed when the bot token is revoked', async () => {
    const prisma = harness.bot.database.prisma;
    const joined = eventCallbackBody({
      type: 'member_joined_channel',
      user: BOT_USER_ID,
      channel: 'C0REVOKED',
      channel_type: 'C',
      team: who.teamId,
    });
    await postToSlackEndpoint(harness.url, joined, SIGNING_SECRET, { json: true });
    await expect.poll(() => prisma.conversation.count({ where: { externalId: 'C0REVOKED', removedAt: null } })).toBe(1);
    const revoked = eventCallbackBody({ type: 'tokens_revoked', tokens: { bot: [BOT_USER_ID] } }, who.teamId);
    await postToSlackEndpoint(harness.url, revoked, SIGNING_SECRET, { json: true });
    await expect.poll(() => prisma.conversation.count({ where: { externalId: 'C0REVOKED', removedAt: null } })).toBe(0);
  });
});
