// The member directory through Slack's real endpoint: who sees whom, filters, and paging.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackBlocksToText } from '../../src/dev/readable-text.js';
import { blockActionBody, postToSlackEndpoint, slashCommandBody, type SlackIdentity } from '../../src/dev/slack-requests.js';
import { joinInSlack } from '../support/members.js';
import { SIGNING_SECRET, startTestBot, type TestBot } from '../support/test-bot.js';

let harness: TestBot;
const person = (userId: string): SlackIdentity => ({ teamId: 'T0TEST', userId, channelId: 'C0DIRECTORY' });
const admin = person('U0ADMIN');
const facilitator = person('U0FACILITATOR');
const listed = person('U0LISTED');
const unlisted = person('U0UNLISTED');
const northWest = person('U0NORTHWEST');


let replies = 0;
async function slack(who: SlackIdentity, text: string) {
  const path = `/respond/directory-${++replies}`;
  await postToSlackEndpoint(harness.url, slashCommandBody(text, `${harness.slack.url}${path}`, who), SIGNING_SECRET);
  const reply = (await harness.slack.waitFor((request) => request.path === path)).json as { blocks: { type: string; elements?: { action_id?: string; value?: string }[] }[] };
  return { text: slackBlocksToText(reply.blocks), blocks: reply.blocks };
}

beforeAll(async () => {
  harness = await startTestBot({ COP_ADMINS: 'U0ADMIN' });
  // RJ1: Guy's and St Thomas' (London); RBT: Mid Cheshire Hospitals (North West).
  await joinInSlack(harness, facilitator, 'Fran Facilitator', { odsCode: 'RJ1', inDirectory: false });
  await joinInSlack(harness, listed, 'Lee Listed', { odsCode: 'RJ1', inDirectory: true, role: 'people_promise_lead', staffGroups: ['midwives'] });
  await joinInSlack(harness, unlisted, 'Una Unlisted', { odsCode: 'RJ1', inDirectory: false, staffGroups: ['nurses-health-visitors'] });
  await joinInSlack(harness, northWest, 'Nia Northwest', { odsCode: 'RBT', inDirectory: true });
  await slack(admin, 'admin grant facilitator <@U0FACILITATOR> london');
});
afterAll(async () => {
  await harness?.stop();
});

describe('the member directory', () => {
  it('shows a member their own region, only those who chose to be listed', async () => {
    const { text } = await slack(listed, 'members');
    expect(text).toContain('MEMBERS IN LONDON');
    expect(text).toContain('Showing the members who chose to be listed');
    expect(text).toContain('Lee Listed');
    expect(text).not.toContain('Una Unlisted');
    expect(text).not.toContain('Fran Facilitator');
  });

  it('shows another region only its listed members', async () => {
    const { text } = await slack(unlisted, 'members north west');
    expect(text).toContain('Nia Northwest');
    expect((await slack(northWest, 'members london')).text).not.toContain('Una Unlisted');
  });

  it('shows a facilitator every member of their region, and only the listed ones elsewhere', async () => {
    const london = (await slack(facilitator, 'members london')).text;
    expect(london).toContain('Showing every member of the region');
    for (const name of ['Fran Facilitator', 'Lee Listed', 'Una Unlisted']) expect(london).toContain(name);
    expect((await slack(facilitator, 'members north west')).text).toContain('Showing the members who chose to be listed');
  });

  it('filters by role and by staff group', async () => {
    const byRole = (await slack(facilitator, 'members london people promise lead')).text;
    expect(byRole).toContain('Lee Listed');
    expect(byRole).not.toContain('Una Unlisted');
    const byGroup = (await slack(facilitator, 'members london nurses & health visitors')).text;
    expect(byGroup).toContain('Una Unlisted');
    expect(byGroup).not.toContain('Lee Listed');
  });

  it('says so for a filter it does not know, and asks people to join first', async () => {
    expect((await slack(listed, 'members london astronauts')).text).toContain('I don\'t know "astronauts" as a region, role or staff group.');
    expect((await slack(person('U0NOBODY'), 'members london')).text).toContain('The directory is for members');
  });

  it('pages through a long directory with a More button', async () => {
    const prisma = harness.bot.database.prisma;
    const organisation = await prisma.organisation.findFirstOrThrow({ where: { odsCode: 'RJ1' } });
    await prisma.member.createMany({
      data: Array.from({ length: 45 }, (_, i) => ({
        displayName: `Zed ${String(i).padStart(2, '0')}`,
        organisationId: organisation.id,
        regionCode: 'Y56',
        role: 'other' as const,
        inDirectory: true,
        consentedAt: new Date(),
      })),
    });
    const first = await slack(listed, 'members london');
    expect(first.text).toContain('1 to 20 of 46');
    const more = first.blocks.flatMap((block) => block.elements ?? []).find((element) => element.action_id?.startsWith('cop.run'));
    expect(more?.value).toBe('members Y56 page:2');

    const body = blockActionBody(more?.action_id ?? '', more?.value ?? '', `${harness.slack.url}/respond/page-2`, listed);
    await postToSlackEndpoint(harness.url, body, SIGNING_SECRET);
    const second = await harness.slack.waitFor((request) => request.path === '/respond/page-2');
    expect(slackBlocksToText((second.json as { blocks: unknown[] }).blocks)).toContain('21 to 40 of 46');
  });
});
