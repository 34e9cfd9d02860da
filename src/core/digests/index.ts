// Retention digests: previews on request, and channels' scheduled digests posted once per period.
import type { Feature } from '../feature.js';
import { runDigestJobs } from './digest-jobs.js';
import {
  digestListCommand,
  digestNowCommand,
  digestPauseCommand,
  digestResumeCommand,
  digestScheduleCommand,
  digestSubscribeCommand,
  digestUnsubscribeCommand,
  unsubscribeAction,
} from './subscription-commands.js';
import { digestPreviewCommand } from './digest-commands.js';

export const digestFeature: Feature = {
  name: 'digests',
  commands: [
    digestPreviewCommand,
    digestSubscribeCommand,
    digestListCommand,
    digestPauseCommand,
    digestResumeCommand,
    digestScheduleCommand,
    digestUnsubscribeCommand,
    digestNowCommand,
  ],
  actions: [unsubscribeAction],
  // Subscribed digests coming due, unreachable channels and failed posts: checked every 30 seconds.
  jobs: [
    {
      name: 'digests',
      schedule: '15,45 * * * * *',
      async run(services, now) {
        await runDigestJobs(services, now);
      },
    },
  ],
};
