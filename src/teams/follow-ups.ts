// What Teams does after a form's reply: a keyed hash of the person's verified email is recorded, so that
// `link` in Slack can find them. Inviting to region channels has no Teams API: nothing to do for it.
import type { Client as ApiClient } from '@microsoft/teams.api';
import type { BotCore } from '../core/bot-core.js';
import type { FollowUp } from '../core/forms/form-handler.js';
import type { Logger } from '../logger.js';
import { teamsRequestContext, type InboundActivity } from './teams-context.js';
import { teamsVerifiedEmail } from './verified-email.js';

export async function runFollowUps(
  followUps: readonly FollowUp[],
  api: ApiClient,
  activity: InboundActivity,
  core: BotCore,
  logger: Logger,
): Promise<void> {
  for (const followUp of followUps) {
    try {
      switch (followUp.kind) {
        case 'invite-to-region-channels':
          break;
        case 'record-verified-email': {
          const email = await teamsVerifiedEmail(api, activity, logger);
          if (email !== undefined) await core.recordVerifiedEmail(teamsRequestContext(activity), email);
          break;
        }
      }
    } catch (error) {
      logger.error({ err: error, component: 'teams', followUp: followUp.kind }, 'could not finish the work after a form');
    }
  }
}
