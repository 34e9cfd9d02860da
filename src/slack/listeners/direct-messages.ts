// Words typed in the bot's direct messages (its Messages tab): answered as if typed after `/cop`, with the
// reply posted back into the direct message. Needs the message.im event and the im:history scope, which
// the manifest asks for. Messages from bots (the bot's own replies included), edits, deletions and other
// subtypes are ignored; a shared file (subtype file_share) is the metrics import's (file-uploads.ts). A
// redelivered event is dropped before this by its event_id (redeliveries.ts).
import type { App } from '@slack/bolt';
import type { BotCore } from '../../core/bot-core.js';
import type { Logger } from '../../logger.js';
import { sendReply } from '../send-reply.js';
import { commandWords, slackRequestContext } from '../slack-context.js';
import { slackVerifiedEmail } from '../verified-email.js';
import { slackUserLocale } from '../user-locale.js';

interface DirectMessageEvent {
  readonly subtype?: string;
  readonly channel: string;
  readonly channel_type?: string;
  readonly user?: string;
  readonly bot_id?: string;
  readonly text?: string;
  readonly thread_ts?: string;
}

export function registerDirectMessages(app: App, core: BotCore, logger: Logger): void {
  app.event('message', async ({ event, body, client, context }) => {
    const typed = event as unknown as DirectMessageEvent;
    if (typed.channel_type !== 'im' || typed.subtype !== undefined || typed.bot_id !== undefined) return;
    if (!typed.user || typed.user === context.botUserId || typeof typed.text !== 'string') return;
    const userId = typed.user;
    const request = slackRequestContext(
      body.team_id,
      userId,
      typed.channel,
      undefined,
      () => slackVerifiedEmail(client, userId, logger),
      () => slackUserLocale(client, core.services.clock, body.team_id, userId, logger),
    );
    const reply = await core.handleText(commandWords(typed.text), request);
    // A message event has no trigger id to open a form with: the form is offered as a button, whose click has one.
    const answer = reply.kind === 'form' ? core.formOffer(commandWords(typed.text), request) : reply;
    await sendReply(
      answer,
      { respond: undefined, client, triggerId: undefined, userId, channelId: typed.channel, directMessage: typed.channel },
      logger,
    );
  });
}
