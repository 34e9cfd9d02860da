// What Slack shows a person whose request the bot had no room to take on (see bounded-work.ts): only to
// them, in the acknowledgement of a command, through the response_url of a click, or in the app's direct
// messages for a click on the App Home tab. The same words every time, so it is built once: it is sent
// most when the bot is busiest.
import { busyReply } from '../core/commands/command-replies.js';
import { renderMessage, type SlackMessage } from './block-kit.js';

type BusyNotice = SlackMessage & { response_type: 'ephemeral'; replace_original: false };
let notice: BusyNotice | undefined;

export function busyNotice(): BusyNotice {
  notice ??= { response_type: 'ephemeral', replace_original: false, ...renderMessage(busyReply()) };
  return notice;
}
