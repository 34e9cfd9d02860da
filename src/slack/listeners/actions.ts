// Button clicks (block_actions). Every action but a `link.` one is acknowledged at once and handed to the
// core, as Teams does: the core knows the actions its features declare, answers an old button whose
// action is gone with a polite line, and re-checks the payload: anyone who can see a message can replay
// its buttons. The core's work and its reply run a few clicks at a time, in arrival order; with the queue
// full (bounded-work.ts), a click gets the busy notice instead. `link.` buttons open a web address and are only acknowledged.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { LINK_ACTION_PREFIX } from '../../core/actions.js';
import type { BotCore } from '../../core/bot-core.js';
import type { Logger } from '../../logger.js';
import { BoundedWork } from '../bounded-work.js';
import { ACTION_ID_SEPARATOR } from '../block-kit.js';
import { busyNotice } from '../busy-notice.js';
import { sendReply } from '../send-reply.js';
import { slackRequestContext } from '../slack-context.js';
import { slackVerifiedEmail } from '../verified-email.js';
import { slackUserLocale } from '../user-locale.js';

/**
 * Clicks whose work runs at once: below the server pool's ten connections, so commands and the outbox
 * dispatcher keep one. A burst of clicks (hundreds on one announcement) would otherwise start all their
 * database work together: every query would wait in the pool's queue behind all the others, the
 * announcement's updates among them, while new clicks waited for their acknowledgement. In turns, each
 * click's work finishes sooner and acknowledgements stay fast.
 */
const CLICKS_AT_ONCE = 8;
/** Clicks acknowledged and waiting for their turn, at most (see bounded-work.ts). */
const CLICKS_WAITING = 500;

const linkPrefix = LINK_ACTION_PREFIX.replaceAll('.', '\\.');
/** `link.calendar#0` and the like: the core's buttons that open a web address. */
const LINK_ACTION = new RegExp(`^${linkPrefix}`);
/** Every other action id. */
const CORE_ACTION = new RegExp(`^(?!${linkPrefix})`);

export function registerActions(app: App, core: BotCore, logger: Logger): void {
  const clicks = new BoundedWork(CLICKS_AT_ONCE, CLICKS_WAITING);
  app.action<BlockAction<ButtonAction>>(CORE_ACTION, async ({ action, body, ack, respond, client }) => {
    // Form fields in modals send nothing (no dispatch_action); anything but a button is not the core's.
    if (action.type !== 'button') {
      await ack();
      return;
    }
    // A click's acknowledgement carries no message: the busy notice goes to its response_url, or, for a
    // button on the App Home tab (which has none), to the app's direct messages with the clicker.
    if (clicks.full) {
      await ack();
      const notice = busyNotice();
      if (typeof (body as { response_url?: unknown }).response_url === 'string') await respond(notice);
      else await client.chat.postMessage({ channel: body.user.id, text: notice.text, blocks: notice.blocks });
      return;
    }
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const container = body.container as { channel_id?: string } | undefined;
    const channelId = body.channel?.id ?? container?.channel_id ?? '';
    const context = slackRequestContext(
      teamId,
      body.user.id,
      channelId,
      undefined,
      () => slackVerifiedEmail(client, body.user.id, logger),
      () => slackUserLocale(client, core.services.clock, teamId, body.user.id, logger),
    );
    const actionId = action.action_id.split(ACTION_ID_SEPARATOR)[0] ?? action.action_id;
    // Buttons on the App Home tab come without a response_url.
    const canRespond = typeof (body as { response_url?: unknown }).response_url === 'string';
    // Queued before the acknowledgement, so that the place is taken; it starts once Slack has its answer.
    // The reply's delivery is part of the work, as for commands: replies cannot pile up behind a slow Slack.
    const acknowledged = ack();
    await clicks.run(async () => {
      await acknowledged;
      const reply = await core.handleAction(actionId, action.value, context);
      await sendReply(
        reply,
        {
          respond: canRespond ? respond : undefined,
          client,
          triggerId: body.trigger_id,
          userId: body.user.id,
          channelId: channelId || undefined,
        },
        logger,
      );
    });
  });
  // The browser has opened the address already; Slack still sends the click and, unless it is
  // acknowledged within 3 seconds, shows the clicker a warning. There is nothing else to do.
  app.action<BlockAction<ButtonAction>>(LINK_ACTION, async ({ ack }) => {
    await ack();
  });
}
