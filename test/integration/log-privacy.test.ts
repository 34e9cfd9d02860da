// No personal data in the logs, at any level: the bot runs at LOG_LEVEL=trace (the libraries' own debug
// and trace lines included: Bolt and its Web API client, the Teams SDK), and people join with distinctive
// names, emails and free text on Slack and Teams, submit a case study and ask a question in their own
// words. None of those strings may appear in any log line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adaptiveCardToText } from '../../src/dev/readable-text.js';
import { postToSlackEndpoint, slackInput, viewSubmissionBody, type SlackIdentity } from '../../src/dev/slack-requests.js';
import { botAddedActivity, cardSubmitActivity, messageActivity, postActivity, type TeamsIdentity } from '../../src/dev/teams-activities.js';
import { slackCommandText, teamsCard } from '../support/chat.js';
import { joinInSlack } from '../support/members.js';
import { personalChatId, SIGNING_SECRET, startTestBot, type TestBot } from '../support/test-bot.js';

const SLACK_NAME = 'Zephyrine Quillfeather-Okonjo';
const SLACK_EMAIL = 'zephyrine.quillfeather@nhs-marker.example';
const TEAMS_NAME = 'Barnaby Vexworth-Ilunga';
const TEAMS_EMAIL = 'barnaby.vexworth@nhs-marker.example';
const TEAMS_ORGANISATION = 'Vexworth Marker Health Board 9Z';
const CASE_TEXT = 'Marmalade rotation of thistlewick mentors';
const CASE_TITLE = 'Quorbling retention pilot';
const QUESTION = 'how do trusts stop plinkerton nurses leaving';

const slackPerson: SlackIdentity = { teamId: 'T0TEST', userId: 'U0ZEPHYR', channelId: 'C0LOGS' };
const teamsPerson: TeamsIdentity = {
  tenantId: 'tenant-logs',
  userId: '29:barnaby',
  aadObjectId: 'aad-barnaby',
  conversationId: personalChatId('29:barnaby'),
  conversationType: 'personal',
};

const lines: string[] = [];
let harness: TestBot;

beforeAll(async () => {
  harness = await startTestBot(
    { LOG_LEVEL: 'trace' },
    { logLines: lines, emails: { [slackPerson.userId]: SLACK_EMAIL, [teamsPerson.userId]: TEAMS_EMAIL } },
  );
}, 120_000);
afterAll(async () => {
  await harness?.stop();
});

describe('logs at trace level', () => {
  it('hold no name, email or free text people gave, on Slack or Teams', async () => {
    // Slack: join (the verified email is read from Slack after the reply), a case study, a question.
    await joinInSlack(harness, slackPerson, SLACK_NAME);
    const response = await postToSlackEndpoint(
      harness.url,
      viewSubmissionBody(
        'case.submit',
        {
          title: slackInput.text(CASE_TITLE),
          summary: slackInput.text(`${CASE_TEXT} in three hospitals.`),
          challenge: slackInput.text(`Before the ${CASE_TEXT}, people left.`),
          actions: slackInput.text(CASE_TEXT),
          results: slackInput.text('Fewer leavers.'),
          organisationName: slackInput.text('Leeds Teaching Hospitals NHS Trust'),
          organisationType: slackInput.select('Acute'),
          region: slackInput.select('Y63'),
          contactName: slackInput.text(SLACK_NAME),
          contactRole: slackInput.text('Lead'),
          contactConsent: slackInput.checkbox(true),
        },
        '',
        slackPerson,
      ),
      SIGNING_SECRET,
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(await slackCommandText(harness, slackPerson, QUESTION)).toBeTruthy();

    // Teams: the app added, a join with an organisation of their own, a question.
    expect((await postActivity(harness.url, botAddedActivity(harness.connector.url, teamsPerson))).status).toBeLessThan(300);
    const joined = await teamsCard(
      harness,
      cardSubmitActivity(
        {
          verb: 'cop.form',
          form: 'member.profile',
          displayName: TEAMS_NAME,
          organisation: '',
          newOrganisation: TEAMS_ORGANISATION,
          region: 'WALES',
          role: 'retention_lead',
          consent: 'true',
        },
        harness.connector.url,
        teamsPerson,
      ),
    );
    expect(adaptiveCardToText(joined)).toContain(TEAMS_NAME);
    expect(adaptiveCardToText(await teamsCard(harness, messageActivity(QUESTION, harness.connector.url, teamsPerson)))).toBeTruthy();
    await harness.idle();

    // The email lookups happened (so the check below covers them), and the logs did say things.
    expect(harness.slack.requests.some((r) => r.path === '/users.info')).toBe(true);
    expect(lines.length).toBeGreaterThan(20);
    expect(lines.some((line) => line.includes('"level":10') || line.includes('"level":20'))).toBe(true);
    // The Web API client's request dumps are still logged, without their bodies.
    expect(lines.some((line) => line.includes('http request body') && line.includes('[payload omitted]'))).toBe(true);
    const markers = [
      SLACK_NAME,
      'Quillfeather',
      SLACK_EMAIL,
      TEAMS_NAME,
      'Vexworth',
      TEAMS_EMAIL,
      TEAMS_ORGANISATION,
      CASE_TITLE,
      'thistlewick',
      'plinkerton',
    ];
    const leaks = lines.flatMap((line) =>
      markers.filter((marker) => line.toLowerCase().includes(marker.toLowerCase())).map((marker) => `${marker}: ${line.slice(0, 400)}`),
    );
    expect(leaks).toEqual([]);
  });
});
