// Joining as a person does in Slack: the membership modal submitted over the harness's Slack transport.
import { expect } from 'vitest';
import { slackInput, type SlackIdentity } from '../../src/dev/slack-requests.js';
import { slackSubmit } from './chat.js';
import type { TestBot } from './test-bot.js';

export interface JoinOptions {
  /** ODS code of the organisation; Leeds Teaching Hospitals (North East and Yorkshire) by default. */
  readonly odsCode?: string;
  readonly region?: string;
  readonly role?: string;
  readonly inDirectory?: boolean;
  readonly staffGroups?: readonly string[];
  /** The language choice in the form (cy, en or both); none leaves it to the region. */
  readonly language?: string;
}

/** Submits the membership modal; fails the test unless the modal closes without errors. */
export async function joinInSlack(harness: TestBot, who: SlackIdentity, name: string, options: JoinOptions = {}): Promise<void> {
  const organisation = await harness.bot.database.prisma.organisation.findFirstOrThrow({ where: { odsCode: options.odsCode ?? 'RR8' } });
  const errors = await slackSubmit(harness, who, 'member.profile', {
    displayName: slackInput.text(name),
    organisation: slackInput.search(organisation.id),
    ...(options.region ? { region: slackInput.select(options.region) } : {}),
    role: slackInput.select(options.role ?? 'retention_lead'),
    staffGroups: slackInput.multi([...(options.staffGroups ?? [])]),
    ...(options.language ? { language: slackInput.select(options.language) } : {}),
    inDirectory: slackInput.checkbox(options.inDirectory ?? false),
    consent: slackInput.checkbox(true),
  });
  expect(errors).toBeUndefined();
}
