// Metrics CSVs shared with the bot in chat, through both platforms' real endpoints: a Slack file_share
// message in the bot's direct messages (the file downloaded from Slack's stand-in with the bot token) and
// a Teams personal-chat attachment (downloaded from its pre-authorised link). The same import and report
// as the command line: a good file is stored, a bad file is rejected whole with its lines and reasons,
// members who are not facilitators are refused without the file being read, and a facilitator's rows of
// another region's organisations are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_DOWNLOAD_INFO } from '../../src/teams/listeners/file-uploads.js';
import { adaptiveCardToText, cardsOf, slackBlocksToText } from '../../src/dev/readable-text.js';
import { eventCallbackBody, postToSlackEndpoint, type SlackIdentity } from '../../src/dev/slack-requests.js';
import { cardSubmitActivity, messageActivity, postActivity, type TeamsIdentity } from '../../src/dev/teams-activities.js';
import type { RecordedRequest } from '../../src/dev/recording-server.js';
import { slackCommandText, teamsText } from '../support/chat.js';
import { joinInSlack } from '../support/members.js';
import { SIGNING_SECRET, startTestBot, type SharedTestFile, type TestBot } from '../support/test-bot.js';

let harness: TestBot;
const ADMIN: SlackIdentity = { teamId: 'T0TEST', userId: 'U0UPADMIN', channelId: 'C0UPADMIN' };
const FACILITATOR: SlackIdentity = { teamId: 'T0TEST', userId: 'U0UPFAC', channelId: 'D0UPFAC' };
const MEMBER: SlackIdentity = { teamId: 'T0TEST', userId: 'U0UPMEM', channelId: 'D0UPMEM' };
const TEAMS_ADMIN = '29:upload-admin';
const teamsFacilitator: TeamsIdentity = {
  tenantId: 'tenant-up',
  userId: '29:upload-fac',
  aadObjectId: 'aad-up-fac',
  conversationId: 'a:upload-fac-chat',
  conversationType: 'personal',
};
const teamsStranger: TeamsIdentity = {
  tenantId: 'tenant-up',
  userId: '29:upload-stranger',
  aadObjectId: 'aad-up-str',
  conversationId: 'a:upload-str-chat',
  conversationType: 'personal',
};
type Json = Record<string, unknown>;

const HEADER =
  'period,org_code,staff_group,headcount_start,headcount_end,fte,leavers,joiners,stability_base,stability_stayed,vacancy_fte,nq_headcount,nq_leavers';
/** Two good North West rows (RTX), January and February 2025. */
const GOOD = `${HEADER}\n2025-01,RTX,All staff groups,1000,1000,,9,8,,,,,\n2025-02,RTX,All staff groups,1000,1000,,7,6,,,,,\n`;
/** RW5 (North West): one good row and one with negative leavers. */
const BAD = `${HEADER}\r\n2025-01,RW5,All staff groups,500,500,,3,3,,,,,\r\n2025-02,RW5,All staff groups,500,500,,-2,3,,,,,\r\n`;
/** RW5 (North West) and RJ1 (London). */
const MIXED = `${HEADER}\n2025-03,RJ1,All staff groups,1000,1000,,8,8,,,,,\n2025-03,RW5,All staff groups,500,500,,3,3,,,,,\n`;

const observations = (code: string) => harness.bot.database.prisma.workforceObservation.count({ where: { organisationCode: code } });
const downloads = (file: SharedTestFile, server: 'slack' | 'connector') =>
  harness[server].requests.filter(
    (request) => request.method === 'GET' && file[server === 'slack' ? 'slackUrl' : 'teamsUrl'].endsWith(request.path),
  ).length;

beforeAll(async () => {
  harness = await startTestBot({ COP_ADMINS: `${ADMIN.userId},${TEAMS_ADMIN}` });
  await joinInSlack(harness, FACILITATOR, 'Nia North West', { odsCode: 'RTX' });
  await joinInSlack(harness, MEMBER, 'Mo Member', { odsCode: 'RTX' });
  expect(await slackCommandText(harness, ADMIN, `admin grant facilitator <@${FACILITATOR.userId}> north west`)).toContain('Done');
}, 120_000);

afterAll(async () => {
  await harness.stop();
});

let messages = 0;
/** Shares files in the bot's direct messages as Slack does; resolves with the report posted back there. */
async function shareInSlack(who: SlackIdentity, files: readonly Json[], text = ''): Promise<string> {
  const ts = `1700000100.${String(++messages).padStart(6, '0')}`;
  const body = eventCallbackBody(
    { type: 'message', subtype: 'file_share', channel: who.channelId, channel_type: 'im', user: who.userId, text, ts, files },
    who.teamId,
  );
  const before = harness.slack.requests.length;
  const response = await postToSlackEndpoint(harness.url, body, SIGNING_SECRET, { json: true });
  expect(response.status).toBe(200);
  const posted = await harness.slack.waitFor(
    (request) =>
      harness.slack.requests.indexOf(request) >= before &&
      request.path === '/chat.postMessage' &&
      (request.json as Json)['channel'] === who.channelId,
    60_000,
  );
  return slackBlocksToText((posted.json as Json)['blocks']);
}

const slackFile = (file: SharedTestFile, extra: Json = {}): Json => ({
  id: file.id,
  name: file.name,
  size: file.size,
  filetype: 'csv',
  url_private_download: file.slackUrl,
  ...extra,
});

describe('uploading metrics in Slack', () => {
  it('imports a facilitator’s good file, downloaded with the bot token, and reports as the command line does', async () => {
    const file = harness.shareFile('north-west-jan-feb.csv', GOOD);
    const text = await shareInSlack(FACILITATOR, [slackFile(file)]);
    expect(text).toContain('METRICS IMPORT: NORTH-WEST-JAN-FEB.CSV');
    expect(text).toContain('Imported 2 rows from north-west-jan-feb.csv (cop layout) for January 2025 to February 2025.');
    expect(text).toContain('To see the digest with these figures, type `/cop digest preview`');
    expect(await observations('RTX')).toBe(2);
    const download = harness.slack.requests.find((request) => file.slackUrl.endsWith(request.path))!;
    expect(download.headers.authorization).toBe('Bearer xoxb-test-token');
  }, 60_000);

  it('rejects a bad file whole with each line and reason; shared again with "skip invalid", imports the good rows', async () => {
    const file = harness.shareFile('rw5.csv', BAD);
    const rejected = await shareInSlack(FACILITATOR, [slackFile(file)]);
    expect(rejected).toContain('Nothing was imported from rw5.csv: rows with problems, listed below: 1.');
    expect(rejected).toContain('Line 3: leavers must not be negative');
    expect(rejected).toContain('share the file again with the message: skip invalid');
    expect(await observations('RW5')).toBe(0);

    const skipped = await shareInSlack(FACILITATOR, [slackFile(file)], 'skip invalid');
    expect(skipped).toContain('Imported 1 row from rw5.csv');
    expect(skipped).toContain('Line 3: leavers must not be negative');
    expect(await observations('RW5')).toBe(1);
  }, 60_000);

  it('refuses a facilitator’s rows of another region’s organisations, storing nothing of the file', async () => {
    const file = harness.shareFile('mixed.csv', MIXED);
    const text = await shareInSlack(FACILITATOR, [slackFile(file)]);
    expect(text).toContain('Nothing was imported from mixed.csv');
    expect(text).toContain('Line 2: RJ1 is not in a region you facilitate, so you cannot import its figures');
    expect(text).not.toContain('Line 3');
    expect(await observations('RJ1')).toBe(0);
    expect(await observations('RW5')).toBe(1);
  }, 60_000);

  it('refuses a member who is not a facilitator without reading the file', async () => {
    const file = harness.shareFile('member.csv', GOOD);
    const text = await shareInSlack(MEMBER, [slackFile(file)]);
    expect(text).toContain('Only facilitators and national admins can import retention figures, so I have not read or stored this file.');
    expect(downloads(file, 'slack')).toBe(0);
  }, 60_000);

  it('refuses a file over 50 MB before downloading it, and a file that is not a CSV', async () => {
    const file = harness.shareFile('huge.csv', GOOD);
    const large = await shareInSlack(FACILITATOR, [slackFile(file, { size: 60 * 1024 * 1024 })]);
    expect(large).toContain('huge.csv is too large to import from chat (60 MB; the limit is 50 MB), so nothing was imported.');
    expect(downloads(file, 'slack')).toBe(0);
    const pdf = harness.shareFile('report.pdf', '%PDF-1.7');
    expect(await shareInSlack(FACILITATOR, [slackFile(pdf, { filetype: 'pdf' })])).toContain('report.pdf is not a CSV file');
    expect(downloads(pdf, 'slack')).toBe(0);
  }, 60_000);

  it('asks files.info for the name, size and download address when the event gives only the id (a national admin imports any region)', async () => {
    const file = harness.shareFile('admin.csv', MIXED);
    const text = await shareInSlack({ ...ADMIN, channelId: 'D0UPADMIN' }, [{ id: file.id, file_access: 'check_file_info' }]);
    expect(text).toContain('Imported 2 rows from admin.csv (cop layout) for March 2025.');
    expect(harness.slack.requests.some((request) => request.path === '/files.info' && (request.json as Json)['file'] === file.id)).toBe(
      true,
    );
    expect(await observations('RJ1')).toBe(1);
  }, 60_000);
});

/** Sends a file in the Teams personal chat; resolves with the report the bot posts there afterwards. */
async function shareInTeams(who: TeamsIdentity, file: SharedTestFile): Promise<string> {
  const activity = {
    ...messageActivity('', harness.connector.url, who),
    attachments: [
      {
        contentType: FILE_DOWNLOAD_INFO,
        name: file.name,
        contentUrl: 'https://contoso.sharepoint.com/personal/file',
        content: { downloadUrl: file.teamsUrl, uniqueId: file.id, fileType: 'csv' },
      },
    ],
  };
  const before = harness.connector.requests.length;
  const response = await postActivity(harness.url, activity);
  expect(response.status).toBeLessThan(300);
  const posted: RecordedRequest = await harness.connector.waitFor(
    (request) =>
      harness.connector.requests.indexOf(request) >= before &&
      request.method === 'POST' &&
      // The SDK does not encode the conversation id in the path.
      decodeURIComponent(request.path) === `/v3/conversations/${who.conversationId}/activities` &&
      cardsOf(request.json).length > 0,
    60_000,
  );
  return adaptiveCardToText(cardsOf(posted.json)[0]);
}

describe('uploading metrics in Teams', () => {
  beforeAll(async () => {
    // Joins in Teams (the membership card), then a national admin makes them a facilitator of North West.
    const organisation = await harness.bot.database.prisma.organisation.findFirstOrThrow({ where: { odsCode: 'RTX' } });
    const joined = cardSubmitActivity(
      {
        verb: 'cop.form',
        form: 'member.profile',
        displayName: 'Tao Teams',
        organisation: organisation.id,
        region: '',
        role: 'retention_lead',
        staffGroups: '',
        promiseElements: '',
        inDirectory: 'false',
        consent: 'true',
      },
      harness.connector.url,
      teamsFacilitator,
    );
    expect(await teamsText(harness, joined)).toContain('Welcome');
    const grant = messageActivity(`admin grant facilitator <@${teamsFacilitator.userId}> north west`, harness.connector.url, {
      ...teamsFacilitator,
      userId: TEAMS_ADMIN,
      conversationId: 'a:upload-admin-chat',
    });
    expect(await teamsText(harness, grant)).toContain('Done');
  }, 60_000);

  it('imports a facilitator’s good file from its download link and posts the report in the chat', async () => {
    await harness.bot.database.prisma.workforceObservation.deleteMany({ where: { organisationCode: 'RTX' } });
    const text = await shareInTeams(teamsFacilitator, harness.shareFile('teams-good.csv', GOOD));
    expect(text).toContain('Metrics import: teams-good.csv');
    expect(text).toContain('Imported 2 rows from teams-good.csv (cop layout) for January 2025 to February 2025.');
    expect(await observations('RTX')).toBe(2);
  }, 60_000);

  it('reports a bad file’s lines, refuses other regions’ rows, and stores nothing of either', async () => {
    await harness.bot.database.prisma.workforceObservation.deleteMany({ where: { organisationCode: { in: ['RW5', 'RJ1'] } } });
    const bad = await shareInTeams(teamsFacilitator, harness.shareFile('teams-bad.csv', BAD));
    expect(bad).toContain('Nothing was imported from teams-bad.csv: rows with problems, listed below: 1.');
    expect(bad).toContain('Line 3: leavers must not be negative');
    const mixed = await shareInTeams(teamsFacilitator, harness.shareFile('teams-mixed.csv', MIXED));
    expect(mixed).toContain('Line 2: RJ1 is not in a region you facilitate, so you cannot import its figures');
    expect(await observations('RW5')).toBe(0);
    expect(await observations('RJ1')).toBe(0);
  }, 60_000);

  it('refuses someone who is not a facilitator without reading the file', async () => {
    const file = harness.shareFile('teams-stranger.csv', GOOD);
    expect(await shareInTeams(teamsStranger, file)).toContain('Only facilitators and national admins can import retention figures');
    expect(downloads(file, 'connector')).toBe(0);
  }, 60_000);

  it('refuses a download over 50 MB from its Content-Length, storing nothing', async () => {
    await harness.bot.database.prisma.workforceObservation.deleteMany({ where: { organisationCode: 'RTX' } });
    const big = Buffer.alloc(50 * 1024 * 1024 + 1, 'a');
    Buffer.from(GOOD).copy(big);
    const text = await shareInTeams(teamsFacilitator, harness.shareFile('teams-huge.csv', big));
    expect(text).toContain(
      'teams-huge.csv is too large to import from chat (more than the limit; the limit is 50 MB), so nothing was imported.',
    );
    expect(await observations('RTX')).toBe(0);
  }, 60_000);
});
