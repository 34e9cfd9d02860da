// Membership through Teams: the join card, its submission (with errors shown on a new copy of the card),
// profile, and erasure with its confirmation button, over the real /api/messages endpoint.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adaptiveCardToText } from '../../src/dev/readable-text.js';
import { cardSubmitActivity, messageActivity, typeaheadActivity, type TeamsIdentity } from '../../src/dev/teams-activities.js';
import { teamsCard, teamsInvoke } from '../support/chat.js';
import { startTestBot, type TestBot } from '../support/test-bot.js';

let harness: TestBot;
let people = 0;
/** A person of their own for each test, in a personal chat with the bot. */
function newPerson(): TeamsIdentity {
  people += 1;
  return {
    tenantId: '11111111-2222-3333-4444-555555555555',
    userId: `29:person-${people}`,
    aadObjectId: `aaaaaaaa-0000-0000-0000-${String(people).padStart(12, '0')}`,
    conversationId: `a:personal-${people}`,
    conversationType: 'personal',
  };
}

beforeAll(async () => {
  harness = await startTestBot();
});
afterAll(async () => {
  await harness?.stop();
});

type Card = { body: Record<string, unknown>[]; actions?: Record<string, unknown>[] };

/** Sends an activity and returns the card the bot posted back to the connector. */
async function send(activity: { id: string; conversation: { id: string } }): Promise<Card> {
  return await teamsCard(harness, activity);
}

const input = (card: Card, id: string) => card.body.find((element) => element['id'] === id);

async function leeds(): Promise<string> {
  return (await harness.bot.database.prisma.organisation.findFirstOrThrow({ where: { odsCode: 'RR8' } })).id;
}

async function validAnswers(): Promise<Record<string, string>> {
  return {
    displayName: 'Sam Taylor',
    organisation: await leeds(),
    region: '',
    role: 'retention_lead',
    staffGroups: 'nurses-health-visitors,midwives',
    promiseElements: 'work-flexibly',
    inDirectory: 'true',
    consent: 'true',
  };
}

const submit = (who: TeamsIdentity, values: Record<string, string>, state?: string) =>
  send(
    cardSubmitActivity({ verb: 'cop.form', form: 'member.profile', ...(state ? { state } : {}), ...values }, harness.connector.url, who),
  );

async function memberOf(who: TeamsIdentity) {
  const identity = await harness.bot.database.prisma.platformIdentity.findUnique({
    where: { platform_workspaceId_userId: { platform: 'teams', workspaceId: who.tenantId, userId: who.userId } },
    include: { member: true },
  });
  return identity?.member;
}

describe('joining in Teams', () => {
  it('sends a card form with every field, the organisations to filter, and what is stored and why', async () => {
    const card = await send(messageActivity('join', harness.connector.url, newPerson()));
    expect(card.body.filter((element) => String(element['type']).startsWith('Input.')).map((element) => element['id'])).toEqual([
      'displayName',
      'organisation',
      'newOrganisation',
      'region',
      'role',
      'staffGroups',
      'promiseElements',
      'language',
      'inDirectory',
      'consent',
    ]);
    // Organisation is a typeahead: the card lists only the current choice (none yet), and Teams asks the bot for the rest.
    const organisation = input(card, 'organisation') as { style: string; choices: { title: string }[]; 'choices.data'?: unknown };
    expect(organisation.style).toBe('filtered');
    expect(organisation['choices.data']).toEqual({ type: 'Data.Query', dataset: 'member.profile#organisation' });
    expect(organisation.choices).toEqual([]);
    expect(JSON.stringify(card)).not.toContain('Leeds Teaching Hospitals NHS Trust');
    expect(adaptiveCardToText(card)).toContain('CoP Bot keeps your name, organisation, region, role and interests');
    expect(card.actions?.[0]).toMatchObject({ type: 'Action.Execute', verb: 'cop.form', data: { form: 'member.profile' } });
  });

  it('finds organisations as the person types, and answers any query with a valid list', async () => {
    const who = newPerson();
    const search = async (query: string) => {
      const body = await teamsInvoke(harness, typeaheadActivity('member.profile#organisation', query, harness.connector.url, who));
      expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.search.searchResponse' });
      const results = (body['value'] as { results: { title: unknown; value: unknown }[] }).results;
      expect(Array.isArray(results)).toBe(true);
      for (const result of results) {
        expect(typeof result.title).toBe('string');
        expect(typeof result.value).toBe('string');
      }
      return results as { title: string; value: string }[];
    };
    expect(await search('Leeds')).toContainEqual({ title: 'Leeds Teaching Hospitals NHS Trust (RR8)', value: await leeds() });
    for (const query of ['', 'x'.repeat(5000), "'; DROP TABLE organisation; --", '🏥🙂']) await search(query);
    expect(await harness.bot.database.prisma.organisation.count({ where: { odsCode: 'RR8' } })).toBe(1);
  });

  it('saves a valid submission with the region taken from the organisation, and welcomes the member', async () => {
    const who = newPerson();
    const card = await submit(who, await validAnswers());
    expect(adaptiveCardToText(card)).toContain(
      'Welcome, Sam Taylor: you are now a member of the North East and Yorkshire community of practice.',
    );
    expect(await memberOf(who)).toMatchObject({
      displayName: 'Sam Taylor',
      regionCode: 'Y63',
      role: 'retention_lead',
      staffGroups: ['nurses-health-visitors', 'midwives'],
      promiseElements: ['work-flexibly'],
      inDirectory: true,
      status: 'active',
    });
  });

  it('answers a submission with problems with the card again, errors beside the fields and the answers kept, saving nothing', async () => {
    const who = newPerson();
    const before = await harness.bot.database.prisma.member.count();
    const card = await submit(who, { ...(await validAnswers()), displayName: '   ', consent: 'false', staffGroups: 'astronauts' });
    expect(input(card, 'displayName')?.['errorMessage']).toBe('Please give a name of 1 to 80 characters.');
    expect(input(card, 'consent')?.['errorMessage']).toMatch(/^Please confirm that you agree/);
    expect(input(card, 'staffGroups')?.['errorMessage']).toBe('Please choose only from the list.');
    expect(input(card, 'role')?.['value']).toBe('retention_lead');
    expect(await harness.bot.database.prisma.member.count()).toBe(before);
  });

  it('shows the profile, then erases everything after the confirmation', async () => {
    const who = newPerson();
    await submit(who, await validAnswers());
    expect(adaptiveCardToText(await send(messageActivity('profile', harness.connector.url, who)))).toContain(
      'Leeds Teaching Hospitals NHS Trust',
    );

    const confirm = await send(messageActivity('erase my data', harness.connector.url, who));
    const button = (
      confirm.body.find((element) => element['type'] === 'ActionSet') as { actions: { verb?: string; data: Record<string, string> }[] }
    ).actions[0];
    expect(button).toMatchObject({ type: 'Action.Execute', verb: 'member.erase' });

    const member = await memberOf(who);
    const done = await send(cardSubmitActivity({ verb: button?.verb, ...button?.data }, harness.connector.url, who));
    expect(adaptiveCardToText(done)).toContain('Your data has been erased.');
    expect(await memberOf(who)).toBeUndefined();
    expect(await harness.bot.database.prisma.member.findUniqueOrThrow({ where: { id: member?.id ?? '' } })).toMatchObject({
      status: 'erased',
      displayName: null,
      organisationId: null,
    });
  });

  it('asks before leaving, then leaves on the confirmation, the profile kept', async () => {
    const who = newPerson();
    await submit(who, await validAnswers());
    const confirm = await send(messageActivity('leave', harness.connector.url, who));
    expect(adaptiveCardToText(confirm)).toContain('Leave the community?');
    expect(adaptiveCardToText(confirm)).toContain('no place is given up');
    expect((await memberOf(who))?.status).toBe('active');
    const button = (
      confirm.body.find((element) => element['type'] === 'ActionSet') as { actions: { verb?: string; data: Record<string, string> }[] }
    ).actions[0];
    expect(button).toMatchObject({ type: 'Action.Execute', verb: 'member.leave' });
    // The button is the member's own: someone else's click changes nothing.
    const other = newPerson();
    await submit(other, await validAnswers());
    expect(
      adaptiveCardToText(await send(cardSubmitActivity({ verb: button?.verb, ...button?.data }, harness.connector.url, other))),
    ).toContain('belongs to someone else');
    expect((await memberOf(who))?.status).toBe('active');
    const done = await send(cardSubmitActivity({ verb: button?.verb, ...button?.data }, harness.connector.url, who));
    expect(adaptiveCardToText(done)).toContain('You have left the community.');
    expect(await memberOf(who)).toMatchObject({ status: 'left', displayName: 'Sam Taylor' });
  });
});
