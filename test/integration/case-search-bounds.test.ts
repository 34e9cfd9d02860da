// Broad case-study searches, through Slack's real endpoint on a real database: when more case studies
// match than a search ranks (CASES_RANKED), the reply says "more than", the pages end with a note and
// no More button, a case study with the words in its title is still ranked first although it was found
// last, excluded words stay excluded, and below the bound the count stays exact. A bot of its own, so
// that the imported library does not change what the other case-study tests find.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES_PAGE_SIZE, CASES_RANKED } from '../../src/core/cases/case-commands.js';
import { slackBlocksToText } from '../../src/dev/readable-text.js';
import type { SlackIdentity } from '../../src/dev/slack-requests.js';
import { importCaseText } from '../../src/db/case-files.js';
import { slackCommand } from '../support/chat.js';
import { joinInSlack } from '../support/members.js';
import { startTestBot, type TestBot } from '../support/test-bot.js';

let harness: TestBot;
const reader: SlackIdentity = { teamId: 'T0TEST', userId: 'U0BROAD', channelId: 'C0BROAD' };
type Json = Record<string, unknown>;

const slackBlocks = async (text: string): Promise<Json[]> => (await slackCommand(harness, reader, text)).blocks;

function buttonsOf(blocks: Json[]): { action_id: string; value?: string; text: { text: string } }[] {
  return blocks.flatMap((block) =>
    block['type'] === 'actions' ? (block['elements'] as { type: string; action_id: string; value?: string; text: { text: string } }[]) : [],
  );
}
const shown = (blocks: Json[]) =>
  buttonsOf(blocks)
    .filter((button) => button.action_id.startsWith('case.share'))
    .map((button) => Number(button.value));
const more = (blocks: Json[]) => buttonsOf(blocks).find((button) => button.text.text === 'More');

/** Case studies that mention "lantern rounds" in their account only, and one imported last with it in its title. */
const BODY_ONLY = CASES_RANKED + 10;
function record(n: number, overrides: Json = {}): Json {
  return {
    sourceId: `broad:${n}`,
    title: `Ward ${n} night support`,
    summary: 'Support for staff working night shifts (test data).',
    challenge: 'Night staff said they felt unseen.',
    actions: 'Lantern rounds by senior nurses on every night shift.',
    results: 'Staff said they felt supported.',
    region: n <= 3 ? 'wales' : 'london',
    staffGroups: ['Nurses & health visitors'],
    tags: ['night support'],
    source: 'Test import file',
    demo: true,
    ...overrides,
  };
}
const titled = record(BODY_ONLY + 1, {
  sourceId: 'broad:titled',
  title: 'Lantern rounds: senior nurses on the wards at night',
  actions: 'Senior nurses walk every ward at 2am, when the owls are out.',
  region: 'london',
});
const numberOf = async (sourceId: string) =>
  (await harness.bot.database.prisma.caseStudy.findUniqueOrThrow({ where: { sourceId } })).number;

beforeAll(async () => {
  harness = await startTestBot();
  await joinInSlack(harness, reader, 'Bea Broad');
  const records = [...Array.from({ length: BODY_ONLY }, (_, i) => record(i + 1)), titled];
  expect(await importCaseText(harness.bot.database.prisma, JSON.stringify(records), 'json')).toMatchObject({
    ok: true,
    outcome: { created: BODY_ONLY + 1 },
  });
});
afterAll(async () => {
  await harness?.stop();
});

describe('a search that matches more case studies than it ranks', () => {
  it('says "more than", and ranks the case study with the words in its title first although it was found last', async () => {
    const blocks = await slackBlocks('cases lantern rounds');
    const text = slackBlocksToText(blocks);
    expect(text).toContain(`1 to ${CASES_PAGE_SIZE} of more than ${CASES_RANKED}`);
    expect(shown(blocks)[0]).toBe(await numberOf('broad:titled'));
    expect(more(blocks)?.value).toBe('cases lantern rounds page:2');
  });

  it('ends its pages with a note that says how to narrow it, and no More button', async () => {
    // Ranked: the first CASES_RANKED + 1 found (the one past the bound tells the search it is capped) and the titled one.
    const ranked = CASES_RANKED + 2;
    const last = Math.ceil(ranked / CASES_PAGE_SIZE);
    const blocks = await slackBlocks(`cases lantern rounds page:${last}`);
    const text = slackBlocksToText(blocks);
    expect(text).toContain(`${(last - 1) * CASES_PAGE_SIZE + 1} to ${ranked} of more than ${CASES_RANKED}`);
    expect(text).toContain(`More than ${CASES_RANKED} case studies match`);
    expect(text).toContain('Add a word or a filter');
    expect(more(blocks)).toBeUndefined();
    expect(shown(await slackBlocks(`cases lantern rounds page:${last + 1}`))).toEqual([]);
  });

  it('keeps an excluded word excluded from the case studies about the words', async () => {
    const blocks = await slackBlocks('cases lantern rounds -owls');
    expect(slackBlocksToText(blocks)).toContain(`of more than ${CASES_RANKED}`);
    expect(shown(blocks)).not.toContain(await numberOf('broad:titled'));
  });

  it('counts exactly below the bound', async () => {
    const text = slackBlocksToText(await slackBlocks('cases lantern rounds region:wales'));
    expect(text).toContain('1 to 3 of 3');
    expect(text).not.toContain('more than');
  });

  it('lists the newest first for filters alone, capped the same way', async () => {
    const blocks = await slackBlocks('cases theme:night-support');
    expect(slackBlocksToText(blocks)).toContain(`1 to ${CASES_PAGE_SIZE} of more than ${CASES_RANKED}`);
    expect(shown(blocks)).toEqual(await Promise.all(['broad:titled', ...[0, 1, 2, 3].map((i) => `broad:${BODY_ONLY - i}`)].map(numberOf)));
  });
});
