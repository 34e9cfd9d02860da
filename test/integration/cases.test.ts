// The case-study library through both platforms' real endpoints: browsing themes, ranked search with
// word forms, synonyms and filters, hostile queries, paging, opening and sharing, the submission form
// with its errors, review (approve, ask for changes, reject) with its permission checks, and import of
// good and bad files. The starter library is seeded at start, so searches have real entries to find.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adaptiveCardToText, cardsOf, slackBlocksToText } from '../../src/dev/readable-text.js';
import {
  blockActionBody,
  postToSlackEndpoint,
  slackInput,
  slashCommandBody,
  viewSubmissionBody,
  type SlackIdentity,
} from '../../src/dev/slack-requests.js';
import { cardSubmitActivity, messageActivity, type TeamsIdentity } from '../../src/dev/teams-activities.js';
import { importCaseText } from '../../src/db/case-files.js';
import { joinInSlack } from '../support/members.js';
import { personalChatId, SIGNING_SECRET, startTestBot, type TestBot } from '../support/test-bot.js';
import { slackClick, slackCommandBlocks, slackCommandText, teamsCard } from '../support/chat.js';
import { cardLinkButtons, linkButton, slackLinkButtons } from '../support/links.js';

let harness: TestBot;
const prisma = () => harness.bot.database.prisma;

type Json = Record<string, unknown>;
const slackUser = (userId: string, channelId = 'C0CASES'): SlackIdentity => ({ teamId: 'T0TEST', userId, channelId });
const admin = slackUser('U0ADMIN');
const yorkshire = slackUser('U0CASENEY');
const londoner = slackUser('U0CASELON');
const reader = slackUser('U0READER');
const submitter = slackUser('U0SUBMIT');
const stranger = slackUser('U0STRANGER');

const slackBlocks = (who: SlackIdentity, text: string) => slackCommandBlocks(harness, who, text);
const slack = (who: SlackIdentity, text: string) => slackCommandText(harness, who, text);
const clickReply = async (who: SlackIdentity, actionId: string, value: string) =>
  (await slackClick(harness, who, actionId, value)) as unknown as Json;

function buttonsOf(blocks: Json[]): { action_id: string; value?: string; text: { text: string } }[] {
  return blocks.flatMap((block) =>
    block['type'] === 'actions' ? (block['elements'] as { type: string; action_id: string; value?: string; text: { text: string } }[]) : [],
  );
}

async function numberOf(sourceId: string): Promise<number> {
  return (await prisma().caseStudy.findUniqueOrThrow({ where: { sourceId } })).number;
}

/** The case numbers a Slack search shows, in order. */
async function found(who: SlackIdentity, text: string): Promise<number[]> {
  const blocks = await slackBlocks(who, text);
  return buttonsOf(blocks)
    .filter((button) => button.action_id.startsWith('case.share'))
    .map((button) => Number(button.value));
}

/** Delivers what the outbox holds, then the text of the direct messages each person got that mention `about`. */
async function directMessages(about: string): Promise<Map<string, string[]>> {
  await harness.drainOutbox();
  const sent = new Map<string, string[]>();
  for (const request of harness.slack.requests) {
    const body = request.json as { channel?: string; blocks?: unknown } | undefined;
    if (request.path !== '/chat.postMessage' || !body?.channel?.startsWith('U')) continue;
    const text = slackBlocksToText(body.blocks);
    if (text.includes(about)) sent.set(body.channel, [...(sent.get(body.channel) ?? []), text]);
  }
  return sent;
}

/** A complete, valid submission as Slack's modal sends it. */
function submission(overrides: Record<string, Json> = {}): Record<string, Json> {
  return {
    title: slackInput.text('Allied health professionals rotation scheme'),
    summary: slackInput.text('A rotation scheme for newly qualified AHPs across three hospital sites.'),
    challenge: slackInput.text('Newly qualified allied health professionals were leaving within two years.'),
    actions: slackInput.text('Rotations across sites, a named supervisor, and monthly peer learning sessions.'),
    results: slackInput.text('Leavers in the first two years fell from 14 to 6.'),
    resultsPeriod: slackInput.text('April 2023 to March 2024'),
    organisationName: slackInput.text('Leeds Teaching Hospitals NHS Trust'),
    organisationType: slackInput.select('Acute'),
    region: slackInput.select('Y63'),
    staffGroups: slackInput.multi(['scientific-therapeutic-technical-staff']),
    promiseElements: slackInput.multi(['always-learning']),
    tags: slackInput.text('Rotation, Peer learning'),
    links: slackInput.text('https://example.org/rotation'),
    contactName: slackInput.text('Robin Rota'),
    contactRole: slackInput.text('AHP lead'),
    contactConsent: slackInput.checkbox(true),
    ...overrides,
  };
}

async function submit(who: SlackIdentity, values: Record<string, Json>, state = ''): Promise<{ status: number; body: string }> {
  const response = await postToSlackEndpoint(harness.url, viewSubmissionBody('case.submit', values, state, who), SIGNING_SECRET);
  return { status: response.status, body: await response.text() };
}

beforeAll(async () => {
  harness = await startTestBot({ COP_ADMINS: 'U0ADMIN, 29:cases-admin' });
  await joinInSlack(harness, yorkshire, 'Yara Yorkshire');
  await joinInSlack(harness, londoner, 'Lin London', { region: 'Y56' });
  await joinInSlack(harness, reader, 'Rae Reader');
  await joinInSlack(harness, submitter, 'Sol Submitter');
  expect(await slack(admin, 'admin grant facilitator <@U0CASENEY> north east and yorkshire')).toContain('Done');
  expect(await slack(admin, 'admin grant facilitator <@U0CASELON> london')).toContain('Done');
});
afterAll(async () => {
  await harness?.stop();
});

describe('the starter library', () => {
  it('is seeded once, published, each entry naming its source', async () => {
    const rows = await prisma().caseStudy.findMany({ where: { sourceId: { startsWith: 'starter:' } } });
    expect(rows).toHaveLength(7);
    for (const row of rows) {
      expect(row.status).toBe('published');
      expect(row.source.length).toBeGreaterThan(20);
      expect(row.demo).toBe(false);
    }
  });
});

describe('browsing and searching in Slack', () => {
  it('is for members only', async () => {
    expect(await slack(stranger, 'cases flexible')).toContain('The case-study library is for members');
    expect(await slack(stranger, 'case 1')).toContain('The case-study library is for members');
  });

  it('lists the themes with their counts when cases is typed alone', async () => {
    const text = await slack(reader, 'cases');
    expect(text).toContain('CASE STUDIES BY THEME');
    expect(text).toContain('community of practice (2 case studies)');
    expect(text).toContain('flexible retirement (1 case study)');
    expect(text).toContain('/cop cases theme:flexible-retirement');
    expect(text).toContain('[quality improvement]');
  });

  it('finds flexible retirement by any form of the word and by its synonym', async () => {
    const retirement = await numberOf('starter:flexible-retirement-return');
    for (const words of ['retire', 'retirement', 'retirees', 'retiring', 'retire and return', 'Flexible Retirement']) {
      const numbers = await found(reader, `cases ${words}`);
      expect(numbers[0], words).toBe(retirement);
    }
  });

  it('knows the field’s abbreviations', async () => {
    const mentoring = await numberOf('starter:legacy-mentoring-preceptorship');
    expect(await found(reader, 'cases NQ')).toContain(mentoring);
    expect(await found(reader, 'cases newly qualified')).toContain(mentoring);
    expect(await found(reader, 'cases preceptees')).toContain(mentoring);
  });

  it('ranks a title match first and shows compact cards with Open and Share', async () => {
    const blocks = await slackBlocks(reader, 'cases belong thrive stay');
    const text = slackBlocksToText(blocks);
    expect(text).toContain('Belong, Thrive, Stay: the NHS Wales national retention hub');
    expect(text).toContain('[Open] [Share]');
    expect((await found(reader, 'cases belong thrive stay'))[0]).toBe(await numberOf('starter:belong-thrive-stay-hub'));
  });

  it('ranks the case studies with the words in their title first when most others mention them too', async () => {
    const titled = await Promise.all(
      ['starter:ney-retention-community-of-practice', 'starter:belong-thrive-stay-hub', 'starter:nhs-retention-support-programme'].map(
        numberOf,
      ),
    );
    const results = await found(reader, 'cases retention');
    expect(results.length).toBeGreaterThan(titled.length);
    expect(results.slice(0, titled.length).sort()).toEqual([...titled].sort());
    // A synonym phrase in the title outranks the same phrase in the account of other case studies.
    expect((await found(reader, 'cases retire and return'))[0]).toBe(await numberOf('starter:flexible-retirement-return'));
  });

  it('filters by theme, staff group, region and organisation type', async () => {
    const liverpool = await numberOf('starter:liverpool-partnership-working');
    const wales = await numberOf('starter:belong-thrive-stay-hub');
    expect(await found(reader, 'cases type:acute')).toEqual([liverpool]);
    expect(await found(reader, 'cases region:wales')).toEqual([wales]);
    expect(await found(reader, 'cases community region:north-west')).toEqual([]);
    // A theme filter takes every theme holding the word: flexible retirement and flexible working.
    expect((await found(reader, 'cases theme:flexible')).sort()).toEqual(
      [await numberOf('starter:flexible-retirement-return'), await numberOf('starter:legacy-mentoring-preceptorship')].sort(),
    );
    expect(await found(reader, 'cases theme:flexible-retirement')).toEqual([await numberOf('starter:flexible-retirement-return')]);
    const nurses = await found(reader, 'cases mentoring staff:nurses');
    expect(nurses).toEqual([await numberOf('starter:legacy-mentoring-preceptorship')]);
    // "All staff groups" applies to nurses too.
    expect(await found(reader, 'cases pensions staff:nursing')).toContain(await numberOf('starter:flexible-retirement-return'));
  });

  it('says which filter value it does not know', async () => {
    expect(await slack(reader, 'cases theme:astronomy')).toContain('No theme matches "astronomy"');
    expect(await slack(reader, 'cases staff:wizards')).toContain('I don\'t know the staff group "wizards"');
    expect(await slack(reader, 'cases region:atlantis')).toContain('I don\'t know the region "atlantis"');
    expect(await slack(reader, 'cases type:spaceport')).toContain('No case study is from an organisation of type "spaceport"');
  });

  it('pages with a More button that carries the search', async () => {
    const blocks = await slackBlocks(reader, 'cases retention');
    const text = slackBlocksToText(blocks);
    const total = Number(/1 to 5 of (\d+)/.exec(text)?.[1]);
    expect(total).toBeGreaterThan(5);
    const more = buttonsOf(blocks).find((button) => button.text.text === 'More');
    expect(more?.value).toBe('cases retention page:2');
    const next = slackBlocksToText((await clickReply(reader, more?.action_id ?? '', more?.value ?? ''))['blocks']);
    expect(next).toContain(`6 to ${total} of ${total}`);
    const first = await found(reader, 'cases retention');
    const second = await found(reader, 'cases retention page:2');
    expect(new Set([...first, ...second]).size).toBe(total);
  });

  it('falls back to any of the words, saying so, when no case has all of them', async () => {
    const text = await slack(reader, 'cases menopause partnership');
    expect(text).toContain('No case study has all of those words');
    expect(text).toContain('Liverpool');
  });

  it('suggests broader words and the nearest themes when nothing matches', async () => {
    const blocks = await slackBlocks(reader, 'cases pensionz');
    const text = slackBlocksToText(blocks);
    expect(text).toContain('No published case study matches "pensionz"');
    expect(text).toContain('Try fewer or broader words');
    expect(buttonsOf(blocks).map((button) => button.value)).toContain('cases theme:pensions');
  });

  const hostile = [
    ['quotes and operators', '"flexible retirement" -nurses * NEAR/2 OR | & ! ( ) <->'],
    ['an unbalanced quote', '"retire'],
    ['SQL', '\'; DROP TABLE "CaseStudy"; -- \' OR 1=1'],
    ['tsquery syntax', "retir:* & !'x' | (a <-> b)"],
    ['emoji only', '🧓🏽 🏥 ✨'],
    ['stop words only', 'the and of'],
    ['a pasted essay', `${'retention '.repeat(150)}${'x'.repeat(500)}`],
    ['backslashes and percent signs', '\\ %% _ \\\\ $1 ${x}'],
  ] as const;

  it.each(hostile)('answers %s without an error and changes nothing', async (_what, words) => {
    const before = await prisma().caseStudy.count();
    const text = await slack(reader, `cases ${words}`);
    expect(text).not.toContain('something went wrong');
    expect(text).toMatch(/Case studies|No published case study matches|CASE STUDIES/i);
    expect(await prisma().caseStudy.count()).toBe(before);
  });

  it('still finds the words inside an operator-laden query', async () => {
    expect(await found(reader, 'cases "flexible retirement" OR pensions*')).toContain(await numberOf('starter:flexible-retirement-return'));
  });
});

describe('opening and sharing', () => {
  it('opens a case study in full with its source and a Share to channel button', async () => {
    const number = await numberOf('starter:flexible-retirement-return');
    const blocks = await slackBlocks(reader, `case ${number}`);
    const text = slackBlocksToText(blocks);
    expect(text).toContain(`#${number} FLEXIBLE RETIREMENT`);
    expect(text).toContain('30 per cent of retirees return to the NHS');
    expect(text).toContain('Social Partnership Forum');
    expect(text).toContain('What was done');
    expect(buttonsOf(blocks).map((button) => button.text.text)).toEqual(['Share to channel']);
    expect(await slack(reader, 'case 99999')).toContain('There is no case study #99999');
    expect(await slack(reader, 'case banana')).toContain('That is not quite how "case" works');
  });

  it('shares into the channel, attributed to the member who shared it', async () => {
    const number = await numberOf('starter:liverpool-partnership-working');
    const reply = await clickReply(reader, 'case.share#0', String(number));
    expect(reply['response_type']).toBe('in_channel');
    const text = slackBlocksToText(reply['blocks']);
    expect(text).toContain('Shared by Rae Reader');
    expect(text).toContain('Liverpool University Hospitals');
    expect(text).not.toContain('[Share');
  });

  it('refuses to share for a non-member, and an unknown or tampered value', async () => {
    expect(slackBlocksToText((await clickReply(stranger, 'case.share#0', '1'))['blocks'])).toContain('for members');
    for (const value of ['999999', 'DROP', '']) {
      const reply = await clickReply(reader, 'case.share#0', value);
      expect(reply['response_type']).toBe('ephemeral');
      expect(slackBlocksToText(reply['blocks'])).toContain('not shared');
    }
  });
});

describe('submitting and reviewing', () => {
  let number = 0;

  it('opens the form prefilled with the member’s organisation and region', async () => {
    const triggerId = '1.2.cases-submit';
    const body = new URLSearchParams(slashCommandBody('case submit', `${harness.slack.url}/respond/cases-form`, submitter));
    body.set('trigger_id', triggerId);
    const opened = harness.slack.waitFor(
      (request) => request.path === '/views.open' && (request.json as Json | undefined)?.['trigger_id'] === triggerId,
    );
    await postToSlackEndpoint(harness.url, body.toString(), SIGNING_SECRET);
    const view = ((await opened).json as { view: { callback_id: string; blocks: { block_id?: string; element?: Json }[] } }).view;
    expect(view.callback_id).toBe('case.submit');
    const element = (id: string) => view.blocks.find((block) => block.block_id === id)?.element;
    expect(element('organisationName')?.['initial_value']).toBe('Leeds Teaching Hospitals NHS Trust');
    expect((element('region')?.['initial_option'] as Json | undefined)?.['value']).toBe('Y63');
  });

  const invalid: [string, Record<string, Json>, string, RegExp][] = [
    ['a missing title', { title: slackInput.text('   ') }, 'title', /fill this in/],
    ['an oversized summary', { summary: slackInput.text('s'.repeat(501)) }, 'summary', /500 characters/],
    ['oversized results', { results: slackInput.text('r'.repeat(3001)) }, 'results', /3000 characters/],
    ['a contact without consent', { contactConsent: slackInput.checkbox(false) }, 'contactConsent', /agreed to be named/],
    ['a link that is not a web address', { links: slackInput.text('javascript:alert(1)') }, 'links', /https:\/\//],
    ['an unknown region', { region: slackInput.select('Y99') }, 'region', /choose one/],
    ['eleven themes', { tags: slackInput.text('a,b,c,d,e,f,g,h,i,j,k') }, 'tags', /at most 10/],
    ['a future date', { sourceDate: { type: 'datepicker', selected_date: '2999-01-01' } }, 'sourceDate', /not in the future/],
  ];

  it.each(invalid)('answers %s with an error beside the field and saves nothing', async (_what, overrides, field, says) => {
    const before = await prisma().caseStudy.count();
    const answer = await submit(submitter, submission(overrides));
    expect(answer.status).toBe(200);
    const body = JSON.parse(answer.body) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors)).toEqual([field]);
    expect(body.errors[field]).toMatch(says);
    expect(await prisma().caseStudy.count()).toBe(before);
  });

  it('saves a valid submission as waiting for review, out of search', async () => {
    const sent = harness.slack.waitFor(
      (request) => request.path === '/chat.postMessage' && JSON.stringify(request.json).includes('for review'),
    );
    expect(await submit(submitter, submission())).toEqual({ status: 200, body: '' });
    const row = await prisma().caseStudy.findFirstOrThrow({ where: { title: 'Allied health professionals rotation scheme' } });
    number = row.number;
    expect(row).toMatchObject({
      status: 'submitted',
      regionCode: 'Y63',
      tags: ['rotation', 'peer-learning'],
      contactName: 'Robin Rota',
      contactConsent: true,
      source: 'Submitted by a member',
    });
    expect(JSON.stringify((await sent).json)).toContain(`case study #${number}`);
    expect(await found(reader, 'cases rotation')).toEqual([]);
    expect(await slack(submitter, 'cases mine')).toContain('Waiting for review');
    // Others cannot open it yet; its submitter can.
    expect(await slack(reader, `case ${number}`)).toContain(`There is no case study #${number}`);
    expect(await slack(submitter, `case ${number}`)).toContain('Waiting for review');
  });

  it("tells the region's facilitators by direct message, with the review buttons, and no one else", async () => {
    const sent = await directMessages(`Case study to review: #${number}`);
    expect([...sent.keys()]).toEqual([yorkshire.userId]);
    const [notice] = sent.get(yorkshire.userId) ?? [];
    expect(notice).toContain('Submitted by Sol Submitter for North East and Yorkshire');
    expect(notice).toContain('[Open] [Approve] [Ask for changes] [Reject]');
    // Delivering again sends nothing more.
    expect((await directMessages(`Case study to review: #${number}`)).get(yorkshire.userId)).toHaveLength(1);
  });

  it('refuses review by a member, and by a facilitator of another region, by command and by button', async () => {
    expect(await slack(reader, `case approve ${number}`)).toContain('Only facilitators and national admins');
    const pendingRefused = await slack(reader, 'cases pending');
    expect(pendingRefused).toContain('Only facilitators and national admins');
    // Listing changes nothing, so the refusal does not say that nothing was changed.
    expect(pendingRefused).not.toContain('nothing was changed');
    expect(await slack(londoner, 'cases pending')).toContain('No case studies are waiting');
    expect(await slack(londoner, `case approve ${number}`)).toContain('Only a facilitator of that case study’s region');
    expect(slackBlocksToText((await clickReply(londoner, 'case.approve#0', String(number)))['blocks'])).toContain(
      'Only a facilitator of that case study’s region',
    );
    expect(slackBlocksToText((await clickReply(londoner, 'case.reject#0', String(number)))['blocks'])).toContain(
      'Only a facilitator of that case study’s region',
    );
    expect((await prisma().caseStudy.findUniqueOrThrow({ where: { number } })).status).toBe('submitted');
  });

  it("lets the region's facilitator ask for changes through the reason form", async () => {
    const blocks = await slackBlocks(yorkshire, 'cases pending');
    expect(slackBlocksToText(blocks)).toContain('Allied health professionals rotation scheme');
    const changes = buttonsOf(blocks).find((button) => button.action_id.startsWith('case.changes') && button.value === String(number));
    expect(changes).toBeDefined();
    // The button opens the reason form in a modal.
    const opened = harness.slack.waitFor(
      (request) => request.path === '/views.open' && JSON.stringify(request.json).includes('case.review'),
    );
    await postToSlackEndpoint(
      harness.url,
      blockActionBody(changes?.action_id ?? '', String(number), `${harness.slack.url}/respond/cases-changes`, yorkshire),
      SIGNING_SECRET,
    );
    const view = ((await opened).json as { view: { private_metadata: string } }).view;
    expect(view.private_metadata).toBe(`changes:${number}`);

    const empty = await postToSlackEndpoint(
      harness.url,
      viewSubmissionBody('case.review', { reason: slackInput.text(' ') }, view.private_metadata, yorkshire),
      SIGNING_SECRET,
    );
    expect(((await empty.json()) as { errors: Json }).errors['reason']).toMatch(/give the reason/);

    const done = harness.slack.waitFor(
      (request) => request.path === '/chat.postMessage' && JSON.stringify(request.json).includes('went back to its submitter'),
    );
    const response = await postToSlackEndpoint(
      harness.url,
      viewSubmissionBody(
        'case.review',
        { reason: slackInput.text('Please give the number of starters the figures are out of.') },
        view.private_metadata,
        yorkshire,
      ),
      SIGNING_SECRET,
    );
    expect(response.status).toBe(200);
    await done;
    const row = await prisma().caseStudy.findUniqueOrThrow({ where: { number } });
    expect(row).toMatchObject({ status: 'draft', reviewNote: 'Please give the number of starters the figures are out of.' });
    expect(await slack(yorkshire, `case approve ${number}`)).toContain('is not waiting for review');
  });

  it('lets the submitter revise and resubmit, and no one else', async () => {
    expect(await slack(reader, `case edit ${number}`)).toContain(`There is no case study #${number}`);
    const open = await slack(submitter, `case ${number}`);
    expect(open).toContain('Changes asked for: Please give the number of starters');
    expect(open).toContain('[Revise and resubmit]');
    // The revision form shows what the reviewer asked for.
    const triggerId = '1.2.cases-revise';
    const body = new URLSearchParams(slashCommandBody(`case edit ${number}`, `${harness.slack.url}/respond/cases-revise`, submitter));
    body.set('trigger_id', triggerId);
    const opened = harness.slack.waitFor(
      (request) => request.path === '/views.open' && (request.json as Json | undefined)?.['trigger_id'] === triggerId,
    );
    await postToSlackEndpoint(harness.url, body.toString(), SIGNING_SECRET);
    const revision = JSON.stringify((await opened).json);
    expect(revision).toContain('The reviewer asked for these changes:');
    expect(revision).toContain('Please give the number of starters the figures are out of.');
    expect(await submit(reader, submission(), String(number))).toEqual({ status: 200, body: '' });
    expect((await prisma().caseStudy.findUniqueOrThrow({ where: { number } })).status).toBe('draft');
    const revised = submission({ results: slackInput.text('Leavers in the first two years fell from 14 of 60 starters to 6 of 62.') });
    expect(await submit(submitter, revised, String(number))).toEqual({ status: 200, body: '' });
    expect(await prisma().caseStudy.findUniqueOrThrow({ where: { number } })).toMatchObject({
      status: 'submitted',
      results: 'Leavers in the first two years fell from 14 of 60 starters to 6 of 62.',
    });
    const changes = await directMessages(`Your case study #${number}`);
    expect(changes.get(submitter.userId)?.join()).toContain(
      'came back with changes to make before it is published: Please give the number of starters',
    );
    // The resubmission is a new round of review for the facilitators.
    expect((await directMessages(`Case study to review: #${number}`)).get(yorkshire.userId)).toHaveLength(2);
  });

  it('publishes on approval, once, and then search finds it by synonym', async () => {
    const blocks = await slackBlocks(yorkshire, `case ${number}`);
    const approve = buttonsOf(blocks).find((button) => button.action_id.startsWith('case.approve'));
    expect(approve?.value).toBe(String(number));
    expect(slackBlocksToText((await clickReply(yorkshire, approve?.action_id ?? '', String(number)))['blocks'])).toContain(
      `case study #${number}`,
    );
    expect(slackBlocksToText((await clickReply(yorkshire, approve?.action_id ?? '', String(number)))['blocks'])).toContain(
      'is not waiting for review (Published.)',
    );
    const row = await prisma().caseStudy.findUniqueOrThrow({ where: { number } });
    expect(row.status).toBe('published');
    expect(await prisma().auditEntry.count({ where: { action: 'case.approved', subject: row.id } })).toBe(1);
    expect(await found(reader, 'cases AHP')).toContain(number);
    expect(await found(reader, 'cases allied health professionals staff:ahp')).toContain(number);
    expect(await found(reader, 'cases NQ rotation')).toEqual([number]);
    expect((await directMessages(`Your case study #${number}`)).get(submitter.userId)?.join()).toContain('is published in the library');
  });

  it('shows its links as buttons that open them, named by their site, and never as text', async () => {
    const blocks = await slackBlocks(reader, `case ${number}`);
    expect(slackLinkButtons(blocks)).toEqual([
      { label: 'Read the source (example.org)', actionId: 'link.source#0', url: 'https://example.org/rotation' },
    ]);
    expect(buttonsOf(blocks).map((button) => button.text.text)).toEqual(['Read the source (example.org)', 'Share to channel']);
    expect(slackBlocksToText(blocks)).not.toContain('https://');
  });

  it('rejects with a reason typed by a national admin', async () => {
    expect(await submit(submitter, submission({ title: slackInput.text('A staff discount app') }))).toEqual({ status: 200, body: '' });
    const rejected = await prisma().caseStudy.findFirstOrThrow({ where: { title: 'A staff discount app' } });
    expect(await slack(admin, `case reject ${rejected.number}`)).toContain('That is not quite how');
    expect(await slack(admin, `case reject ${rejected.number} This describes a product, not an intervention.`)).toContain('is rejected');
    expect(await prisma().caseStudy.findUniqueOrThrow({ where: { id: rejected.id } })).toMatchObject({
      status: 'rejected',
      reviewNote: 'This describes a product, not an intervention.',
    });
    expect(await slack(yorkshire, `case approve ${rejected.number}`)).toContain('is not waiting for review (Rejected: not published.)');
    expect(await found(reader, 'cases discount app')).toEqual([]);
    expect(await slack(submitter, `case ${rejected.number}`)).toContain('Reason given: This describes a product, not an intervention.');
    expect((await directMessages(`Your case study #${rejected.number}`)).get(submitter.userId)?.join()).toContain(
      'was not accepted for the library. The reason given: This describes a product, not an intervention.',
    );
  });
});

describe('in Teams', () => {
  const tenantId = 'tenant-cases';
  const teamsAdmin: TeamsIdentity = {
    tenantId,
    userId: '29:cases-admin',
    aadObjectId: 'aad-cases-admin',
    conversationId: 'a:cases-admin',
    conversationType: 'personal',
  };
  const gwen: TeamsIdentity = {
    tenantId,
    userId: '29:gwen-cases',
    aadObjectId: 'aad-gwen-cases',
    conversationId: '19:cop-wales@thread.tacv2',
    conversationType: 'channel',
  };
  /** Gwen's personal chat with the bot, where answers to what she types in the channel go. */
  const gwenPrivately: TeamsIdentity = { ...gwen, conversationId: personalChatId(gwen.userId), conversationType: 'personal' };

  async function teams(activity: { id: string }): Promise<{ text: string; card: Json }> {
    const card = (await teamsCard(harness, activity)) as unknown as Json;
    return { text: adaptiveCardToText(card), card };
  }
  /**
   * Words typed to the bot. In a personal chat the answer comes back there. In a channel, an answer about
   * nobody (search results) is posted in the channel; anything else goes to the person's personal chat,
   * and the channel gets only a neutral line (both checked here).
   */
  async function say(text: string, who = gwen): Promise<{ text: string; card: Json }> {
    const activity = messageActivity(text, harness.connector.url, who);
    if (who.conversationType === 'personal') return teams(activity);
    const before = harness.connector.requests.length;
    const here = await teams(activity);
    if (here.text !== "I've sent you the details in our private chat.") return here;
    const posted = harness.connector.requests
      .slice(before)
      .filter((request) => request.method === 'POST' && /\/activities$/.test(request.path));
    const privately = posted.filter(
      (request) => decodeURIComponent(request.path) === `/v3/conversations/${personalChatId(who.userId)}/activities`,
    );
    expect(privately).toHaveLength(1);
    // In the channel (or any thread of it), only the neutral line. Notices to others may go out meanwhile, elsewhere.
    const channelPosts = posted.filter((request) =>
      decodeURIComponent(request.path).startsWith(`/v3/conversations/${who.conversationId.replace(/;messageid=.*$/, '')}`),
    );
    expect(channelPosts.map((request) => (request.json as Json)['replyToId'])).toEqual([activity.id]);
    const card = cardsOf(privately[0]?.json)[0] as Json;
    return { text: adaptiveCardToText(card), card };
  }

  beforeAll(async () => {
    const leeds = await prisma().organisation.findFirstOrThrow({ where: { odsCode: 'RR8' } });
    const joined = await teams(
      cardSubmitActivity(
        {
          verb: 'cop.form',
          form: 'member.profile',
          displayName: 'Gwen Cases',
          organisation: leeds.id,
          region: 'WALES',
          role: 'retention_lead',
          consent: 'true',
        },
        harness.connector.url,
        gwen,
      ),
    );
    expect(joined.text).toContain('Welcome, Gwen Cases');
  });

  it('searches, opens and shares a case study as cards', async () => {
    const hub = await numberOf('starter:belong-thrive-stay-hub');
    const results = await say('cases retention hub wales');
    expect(results.text).toContain(`#${hub} Belong, Thrive, Stay`);
    expect(results.text).toContain('[Open] [Share]');
    // Search results are about nobody: they were posted in the channel, as a reply to her message.
    // Open on them shows her the case study in place of the results, for her only: nothing is posted.
    const open = cardSubmitActivity({ verb: 'cop.run', value: `case ${hub}` }, harness.connector.url, gwen);
    const opened = await teams(open);
    expect(opened.text).toContain('Over 45 retention quality improvement projects');
    expect(harness.connector.requests.some((request) => (request.json as Json | undefined)?.['replyToId'] === open.id)).toBe(false);
    // In her personal chat, Open posts the case study below the results, as typing `case` would.
    const openPrivately = cardSubmitActivity({ verb: 'cop.run', value: `case ${hub}` }, harness.connector.url, gwenPrivately);
    expect((await teams(openPrivately)).text).toContain('Over 45 retention quality improvement projects');
    expect(
      decodeURIComponent(
        harness.connector.requests.find((request) => (request.json as Json | undefined)?.['replyToId'] === openPrivately.id)?.path ?? '',
      ),
    ).toBe(`/v3/conversations/${gwenPrivately.conversationId}/activities`);
    // Share clicked on a case study card in the channel posts it there, for everyone.
    const share = cardSubmitActivity({ verb: 'case.share', value: String(hub) }, harness.connector.url, gwen);
    const shared = await teams(share);
    expect(shared.text).toContain('Shared by Gwen Cases');
    expect(
      decodeURIComponent(
        harness.connector.requests.find((request) => (request.json as Json | undefined)?.['replyToId'] === share.id)?.path ?? '',
      ),
    ).toBe(`/v3/conversations/${gwen.conversationId}/activities`);
  });

  it('submits through the card form, with errors beside fields, and a configured admin approves by typing', async () => {
    const form = await say('case submit');
    expect(form.text).toContain('Title: ____');
    const values = {
      verb: 'cop.form',
      form: 'case.submit',
      title: 'Menopause cafés in a Welsh health board',
      summary: 'Monthly menopause cafés and trained menopause champions.',
      challenge: 'Experienced staff in their fifties were reducing hours or leaving.',
      actions: 'Menopause cafés, champions on every site, and a menopause policy.',
      results: 'Reported in the staff survey.',
      organisationName: 'Betsi Cadwaladr University Health Board',
      organisationType: 'Local health board (Wales)',
      region: 'WALES',
      staffGroups: 'nurses-health-visitors,midwives',
      promiseElements: 'safe-healthy',
      tags: 'menopause',
      links: 'https://www.gov.wales/menopause-cafes',
      contactConsent: 'false',
    };
    // The form is in her personal chat: she submits it there.
    const wrong = await teams(
      cardSubmitActivity({ ...values, title: '', staffGroups: 'nurses-health-visitors,wizards' }, harness.connector.url, gwenPrivately),
    );
    expect(wrong.text).toContain('Please fill this in.');
    expect(wrong.text).toContain('Please choose only from the list.');
    const done = await teams(cardSubmitActivity(values, harness.connector.url, gwenPrivately));
    expect(done.text).toContain('is with the facilitators of NHS Wales for review');
    const row = await prisma().caseStudy.findFirstOrThrow({ where: { title: 'Menopause cafés in a Welsh health board' } });
    expect(row).toMatchObject({ status: 'submitted', staffGroups: ['nurses-health-visitors', 'midwives'], regionCode: 'WALES' });

    expect((await say('cases pending', teamsAdmin)).text).toContain('Menopause cafés');
    // Sent back for changes: her revision form shows what the reviewer asked for; she resubmits it.
    expect((await say(`case changes ${row.number} Please say how many people came to the cafés.`, teamsAdmin)).text).toContain(
      `#${row.number}`,
    );
    const revision = await say(`case edit ${row.number}`, gwenPrivately);
    expect(revision.text).toContain('The reviewer asked for these changes: Please say how many people came to the cafés.');
    const resubmitted = await teams(cardSubmitActivity({ ...values, state: String(row.number) }, harness.connector.url, gwenPrivately));
    expect(resubmitted.text).toContain('for review');
    expect((await prisma().caseStudy.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('submitted');
    expect((await say(`case approve ${row.number}`, teamsAdmin)).text).toContain('is published');
    expect((await say(`case approve ${row.number}`, teamsAdmin)).text).toContain('is not waiting for review');
    expect(await prisma().auditEntry.findFirstOrThrow({ where: { action: 'case.approved', subject: row.id } })).toMatchObject({
      details: { by: 'configured admin' },
    });
    expect((await say('cases menopausal staff:midwives')).text).toContain('Menopause cafés');
    // Its link opens from an Action.OpenUrl button.
    const opened = await say(`case ${row.number}`);
    expect(linkButton(cardLinkButtons(opened.card), 'Read the source (gov.wales)').url).toBe('https://www.gov.wales/menopause-cafes');
    expect(opened.text).not.toContain('https://');
  });
});

describe('import', () => {
  const good = {
    sourceId: 'import:test-1',
    title: 'Imported preceptorship for international recruits',
    summary: 'A preceptorship for internationally educated nurses.',
    challenge: 'High leaver rates in the first year.',
    actions: 'Twelve-month preceptorship with pastoral support.',
    results: 'First-year leavers fell from 20% to 9%.',
    region: 'london',
    staffGroups: ['Nurses & health visitors'],
    promiseElements: ['always-learning'],
    tags: ['preceptorship', 'international recruitment'],
    source: 'Test import file',
    sourceDate: '2024-05-01',
    demo: true,
  };

  it('imports JSON, and the same file again changes nothing', async () => {
    const text = JSON.stringify([good], null, 2);
    expect(await importCaseText(prisma(), text, 'json')).toEqual({ ok: true, outcome: { created: 1, updated: 0, unchanged: 0 } });
    expect(await importCaseText(prisma(), text, 'json')).toEqual({ ok: true, outcome: { created: 0, updated: 0, unchanged: 1 } });
    const changed = JSON.stringify([{ ...good, results: 'First-year leavers fell from 20% to 8%.' }]);
    expect(await importCaseText(prisma(), changed, 'json')).toEqual({ ok: true, outcome: { created: 0, updated: 1, unchanged: 0 } });
    const rows = await prisma().caseStudy.findMany({ where: { sourceId: 'import:test-1' } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      status: 'published',
      regionCode: 'Y56',
      demo: true,
      results: 'First-year leavers fell from 20% to 8%.',
    });
    const text2 = await slack(reader, 'cases international preceptorship');
    expect(text2).toContain('Imported preceptorship');
    expect(text2).toContain('demo data');
  });

  it('imports CSV with lists in cells and multi-line text', async () => {
    const csv = [
      'sourceId,title,summary,challenge,actions,results,region,staffGroups,tags,source,contactName,contactConsent',
      'import:csv-1,Flexible rostering pilot,"Self-rostering on two wards.","Nurses wanted more say\nover shifts.",Self-rostering,Vacancies fell,north west,Nurses & health visitors; Midwives,flexible working; rostering,Test CSV,Casey Contact,yes',
    ].join('\n');
    expect(await importCaseText(prisma(), csv, 'csv')).toEqual({ ok: true, outcome: { created: 1, updated: 0, unchanged: 0 } });
    expect(await prisma().caseStudy.findUniqueOrThrow({ where: { sourceId: 'import:csv-1' } })).toMatchObject({
      regionCode: 'Y62',
      staffGroups: ['nurses-health-visitors', 'midwives'],
      tags: ['flexible-working', 'rostering'],
      challenge: 'Nurses wanted more say\nover shifts.',
      contactName: 'Casey Contact',
    });
  });

  it('rejects a bad CSV file with the line of every bad row, and imports none of it', async () => {
    const before = await prisma().caseStudy.count();
    const csv = [
      'sourceId,title,summary,challenge,actions,results,region,staffGroups,tags,source',
      'import:ok,Fine,"A summary",c,a,r,london,,,Test',
      'import:bad-region,Bad region,"A summary\nover two lines",c,a,r,atlantis,,,Test',
      ',No id,s,c,a,r,,,,Test',
      'import:ok,Duplicate id,s,c,a,r,,,,Test',
      `import:long,${'T'.repeat(151)},s,c,a,r,,Wizards,,Test`,
    ].join('\n');
    const result = await importCaseText(prisma(), csv, 'csv');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rejected.map((r) => r.line)).toEqual([3, 5, 6, 7]);
    expect(result.rejected[0]?.problems.join()).toContain('unknown region "atlantis"');
    expect(result.rejected[1]?.problems.join()).toContain('sourceId: required');
    expect(result.rejected[2]?.problems.join()).toContain('already given on line 2');
    expect(result.rejected[3]?.problems.join()).toContain('title: at most 150 characters');
    expect(await prisma().caseStudy.count()).toBe(before);
  });

  it('reports JSON records by the line they start on, and broken JSON', async () => {
    const text = `[\n  ${JSON.stringify(good)},\n  {\n    "sourceId": "import:x",\n    "title": "No body"\n  }\n]`;
    const result = await importCaseText(prisma(), text, 'json');
    expect(result).toMatchObject({ ok: false, rejected: [{ line: 3 }] });
    expect(await importCaseText(prisma(), '[{"sourceId": ', 'json')).toMatchObject({
      ok: false,
      rejected: [{ line: 1, problems: [expect.stringContaining('not valid JSON')] }],
    });
    const lines = `${JSON.stringify(good)}\n{oops}\n`;
    expect(await importCaseText(prisma(), lines, 'json')).toMatchObject({ ok: false, rejected: [{ line: 2 }] });
  });
});

describe('erasure', () => {
  it("removes a member's unpublished submissions and their name as a contact", async () => {
    const who = slackUser('U0ERASECASE');
    await joinInSlack(harness, who, 'Eri Erasable');
    expect(
      await submit(who, submission({ title: slackInput.text('Unpublished by Eri'), contactName: slackInput.text('Eri Erasable') })),
    ).toEqual({ status: 200, body: '' });
    const blocks = await slackBlocks(who, 'erase my data');
    const button = buttonsOf(blocks).find((b) => b.action_id.startsWith('member.erase'));
    await clickReply(who, button?.action_id ?? '', button?.value ?? '');
    const rows = await prisma().$queryRawUnsafe<{ row: string }[]>(`SELECT to_jsonb(t)::text AS row FROM "CaseStudy" t`);
    for (const { row } of rows) expect(row).not.toContain('Eri');
  });
});
