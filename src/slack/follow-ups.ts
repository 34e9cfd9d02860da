// What Slack does after a form's reply: a new or returning member is invited to their region's
// community channels in this workspace (conversations.invite), and a keyed hash of the person's verified
// email is recorded (users.info), so that `link` in Teams can find them. A failed invitation (already in the
// channel, the bot not in it, the channel gone) is logged with Slack's error code and the channel id,
// never the person, and changes nothing else.
import type { webApi } from '@slack/bolt';
import type { BotCore } from '../core/bot-core.js';
import type { FollowUp } from '../core/forms/form-handler.js';
import type { Logger } from '../logger.js';
import { slackRequestContext } from './slack-context.js';
import { slackErrorCode } from './slack-errors.js';
import { slackVerifiedEmail } from './verified-email.js';

export interface SlackPerson {
  readonly teamId: string;
  readonly userId: string;
}

async function inviteToRegionChannels(
  regionCode: string,
  person: SlackPerson,
  core: BotCore,
  client: webApi.WebClient,
  logger: Logger,
): Promise<void> {
  const channels = await core.regionChannels('slack', person.teamId, regionCode);
  for (const channel of channels) {
    try {
      await client.conversations.invite({ channel, users: person.userId });
    } catch (error) {
      logger.warn({ component: 'slack', channel, code: slackErrorCode(error) }, 'could not invite a new member to a region channel');
    }
  }
}

export async function runFollowUps(
  followUps: readonly FollowUp[],
  person: SlackPerson,
  core: BotCore,
  client: webApi.WebClient,
  logger: Logger,
): Promise<void> {
  for (const followUp of followUps) {
    try {
      switch (followUp.kind) {
        case 'invite-to-region-channels':
          await inviteToRegionChannels(followUp.regionCode, person, core, client, logger);
          break;
        case 'record-verified-email': {
          const email = await slackVerifiedEmail(client, person.userId, logger);
          if (email !== undefined) await core.recordVerifiedEmail(slackRequestContext(person.teamId, person.userId, person.userId), email);
          break;
        }
      }
    } catch (error) {
      logger.error({ err: error, component: 'slack', followUp: followUp.kind }, 'could not finish the work after a form');
    }
  }
}
