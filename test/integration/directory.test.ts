// The member directory through Slack's real endpoint: who sees whom, filters, and paging.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { adaptiveCardToText, slackBlocksToText } from '../../src/dev/readable-text.js';
import { cardSubmitActivity, messageActivity, type TeamsIdentity } from '../../src/dev/teams-activities.js';
import { blockActionBody, postToSlackEndpoint, type SlackIdentity } from '../../src/dev/slack-requests.js';
import { joinInSlack } from '../support/members.js';
import { SIGNING_SECRET, startTestBot, type TestBot } from '../support/test-bot.js';
import { PrismaFileLinkStore } from '../../src/db/repositories/file-link-repository.js';
import { slackCommand, teamsCard } from '../support/chat.js';

let harness: TestBot;
const person = (userId: string): SlackIdentity => ({ teamId: 'T0TEST', userId, channelId: 'C0DIRECTORY' });
const admin = person('U0ADMIN');
const facilitator = person('U0FACILITATOR');
const listed = person('U0LISTED');
const unlisted = person('U0UNLISTED');
const northWest = person('U0NORTHWEST');

async function slack(who: SlackIdentity, text: string) {
  const reply = await slackCommand(harness, who, text);
  return {
    text: slackBlocksToText(reply.blocks),
    blocks: reply.blocks as { type: string; elements?: { action_id?: string; value?: string }[] }[],
  };
}

beforeAll(async () => {
  harness = await startTestBot({ COP_ADMINS: 'U0ADMIN, 29:teams-admin' });
  // RJ1: Guy's and St Thomas' (London); RBT: Mid Cheshire Hospitals (North West).
  await joinInSlack(harness, facilitator, 'Fran Facilitator', { odsCode: 'RJ1', inDirectory: false });
  await joinInSlack(harness, listed, 'Lee Listed', {
    odsCode: 'RJ1',
    inDirectory: true,
    role: 'people_promise_lead',
    staffGroups: ['midwives'],
  });
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
    expect((await slack(listed, 'members london astronauts')).text).toContain(
      'I don\'t know "astronauts" as a region, role or staff group.',
    );
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

describe('exporting the directory', () => {
  const uploads = () => harness.slack.requests.filter((request) => request.path.startsWith('/upload/'));

  it("uploads the region as a CSV to the facilitator's direct messages, with formula-like cells neutralised", async () => {
    const formula = person('U0FORMULA');
    await joinInSlack(harness, formula, '=HYPERLINK("http://example.test","Click")', { odsCode: 'RJ1', role: 'other' });
    const before = uploads().length;
    const { text } = await slack(facilitator, 'members export london');
    expect(text).toContain('I have sent you the file in a direct message.');

    const upload = await harness.slack.waitFor((request) => request.path.startsWith('/upload/') && uploads().indexOf(request) >= before);
    const complete = await harness.slack.waitFor((request) => request.path === '/files.completeUploadExternal');
    const asked = await harness.slack.waitFor((request) => request.path === '/files.getUploadURLExternal');
    expect((asked.json as { filename?: string }).filename).toMatch(/^cop-members-london-\d{4}-\d{2}-\d{2}\.csv$/);
    expect((complete.json as { channel_id?: string }).channel_id).toBe('D0FACILITATOR');
    const form = await new Response(upload.body, { headers: { 'content-type': String(upload.headers['content-type']) } }).formData();
    const file = [...form.values()].find((value) => typeof value !== 'string');
    if (file === undefined || typeof file === 'string') throw new Error('no file in the upload');
    const bytes = Buffer.from(await file.arrayBuffer());
    // A byte-order mark first (which text() would hide), so Excel reads the names as UTF-8.
    expect(bytes.subarray(0, 3).toString('hex')).toBe('efbbbf');
    const csv = bytes.subarray(3).toString('utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      '"Name","Organisation","ODS code","Region","Role","Staff groups","People Promise themes","Listed in directory","Joined"',
    );
    const londoners = await harness.bot.database.prisma.member.count({ where: { regionCode: 'Y56', status: 'active' } });
    expect(lines).toHaveLength(1 + londoners);
    expect(csv).toContain(
      '"Lee Listed","Guy\'s and St Thomas\' NHS Foundation Trust","RJ1","London","People Promise lead","Midwives","","Yes","',
    );
    // Read by another CSV parser: every row has every column, and the ODS code sits under its heading.
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(londoners);
    expect(parsed.data.find((row) => row['Name'] === 'Lee Listed')?.['ODS code']).toBe('RJ1');
    for (const row of parsed.data) expect(row['ODS code']).toMatch(/^[A-Z0-9]{3,5}$|^$/);
    expect(csv).toContain('Una Unlisted');
    expect(csv).not.toContain('Nia Northwest');
    // The formula is kept as text: an apostrophe first, so spreadsheets show it and never run it.
    expect(csv).toContain('"\'=HYPERLINK(""http://example.test"",""Click"")"');
  });

  it('heads the columns in Welsh for a facilitator who reads Welsh, the ODS code under "Cod ODS"', async () => {
    expect((await slack(facilitator, 'iaith cymraeg')).text).not.toMatch(/don.t know/);
    const before = uploads().length;
    await slack(facilitator, 'allforio aelodau llundain');
    const upload = await harness.slack.waitFor((request) => request.path.startsWith('/upload/') && uploads().indexOf(request) >= before);
    const form = await new Response(upload.body, { headers: { 'content-type': String(upload.headers['content-type']) } }).formData();
    const file = [...form.values()].find((value) => typeof value !== 'string');
    if (file === undefined || typeof file === 'string') throw new Error('no file in the upload');
    const parsed = Papa.parse<Record<string, string>>(
      Buffer.from(await file.arrayBuffer())
        .subarray(3)
        .toString('utf8'),
      {
        header: true,
        skipEmptyLines: true,
      },
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields?.slice(0, 3)).toEqual(['Enw', 'Sefydliad', 'Cod ODS']);
    expect(parsed.data.find((row) => row['Enw'] === 'Lee Listed')?.['Cod ODS']).toBe('RJ1');
    await slack(facilitator, 'language english');
  });

  it('offers facilitators an export button under the directory, and members none', async () => {
    const buttonsOf = (blocks: { type: string; elements?: { action_id?: string; value?: string }[] }[]) =>
      blocks.filter((block) => block.type === 'actions').flatMap((block) => block.elements ?? []);
    expect(buttonsOf((await slack(facilitator, 'members london')).blocks).map((button) => button.value)).toContain('members export Y56');
    const memberButtons = buttonsOf((await slack(listed, 'members london')).blocks).map((button) => button.value ?? '');
    expect(memberButtons.filter((value) => value.includes('export'))).toEqual([]);
  });

  it('refuses members who do not facilitate the region, and uploads nothing', async () => {
    const before = uploads().length;
    expect((await slack(listed, 'members export london')).text).toContain(
      'Only facilitators of London and national admins can export its members',
    );
    expect((await slack(facilitator, 'members export north west')).text).toContain('Only facilitators of North West');
    expect(uploads()).toHaveLength(before);
  });
});

describe('exporting the directory in Teams', () => {
  const admin: TeamsIdentity = {
    tenantId: 'tenant-directory',
    userId: '29:teams-admin',
    aadObjectId: 'aad-admin',
    conversationId: 'a:admin-personal',
    conversationType: 'personal',
  };

  const teams = (activity: { id: string }) => teamsCard(harness, activity);

  function openUrlOf(card: unknown): string {
    const found = JSON.stringify(card).match(/"type":"Action.OpenUrl","title":"[^"]*","url":"([^"]+)"/);
    if (!found?.[1]) throw new Error('no download link in the card');
    return found[1];
  }

  it('gives a national admin a link that downloads the CSV for a short time only', async () => {
    const organisation = await harness.bot.database.prisma.organisation.findFirstOrThrow({ where: { odsCode: 'RJ1' } });
    await teams(
      cardSubmitActivity(
        {
          verb: 'cop.form',
          form: 'member.profile',
          displayName: 'Ada Admin',
          organisation: organisation.id,
          role: 'other',
          consent: 'true',
        },
        harness.connector.url,
        admin,
      ),
    );

    const card = await teams(messageActivity('members export london', harness.connector.url, admin));
    expect(adaptiveCardToText(card)).toContain('The link works for 15 minutes');
    const url = openUrlOf(card);
    expect(url).toMatch(
      new RegExp(`^http://localhost:${harness.bot.port}/links/[A-Za-z0-9_-]{43}/cop-members-london-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
    );
    const local = url.replace(`http://localhost:${harness.bot.port}`, harness.url);

    const response = await fetch(local);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="?cop-members-london-\d{4}-\d{2}-\d{2}\.csv"?$/);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const csv = await response.text();
    expect(csv).toContain('Ada Admin');
    expect(csv).toContain('Una Unlisted');

    // Only the token's hash is stored; a made-up token and an expired link find nothing.
    const stored = await harness.bot.database.prisma.fileLink.findFirstOrThrow({ where: { kind: 'file' } });
    const token = url.split('/links/')[1]!.split('/')[0]!;
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.tokenHash).not.toBe(createHash('sha256').update(token).digest('hex'));
    const unknown = await fetch(`${harness.url}/links/${'x'.repeat(43)}/members.csv`);
    expect(unknown.status).toBe(404);
    const unknownText = await unknown.text();
    await harness.bot.database.prisma.fileLink.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await fetch(local);
    expect(expired.status).toBe(404);
    // An expired link and a made-up one get the same answer.
    expect(await expired.text()).toBe(unknownText);
    expect(unknownText).toContain('This link has expired');
  });

  it('deletes stored files once they expire, not before (the scheduler runs this every minute)', async () => {
    const prisma = harness.bot.database.prisma;
    const store = new PrismaFileLinkStore(prisma, 's'.repeat(32));
    const file = (tokenHash: string, expiresAt: Date) => ({
      tokenHash,
      kind: 'file',
      filename: 'members.csv',
      mediaType: 'text/csv',
      content: Buffer.from('Name\r\nSam\r\n'),
      expiresAt,
    });
    const soon = new Date(Date.now() + 30_000);
    await prisma.fileLink.create({ data: file('a'.repeat(64), soon) });
    await prisma.fileLink.create({ data: file('b'.repeat(64), new Date(Date.now() + 3_600_000)) });
    expect(await store.deleteExpired(new Date(soon.getTime() + 1))).toBeGreaterThanOrEqual(1);
    expect(
      await prisma.fileLink.findMany({ where: { tokenHash: { in: ['a'.repeat(64), 'b'.repeat(64)] } }, select: { tokenHash: true } }),
    ).toEqual([{ tokenHash: 'b'.repeat(64) }]);
  });
});
