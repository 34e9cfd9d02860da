// What Slack shows a person whose request the bot had no room to take on (see bounded-work.ts): only to
// them, in the acknowledgement of a command or through the response_url of a click.
import { busyReply } from '../core/commands/command-replies.js';
import { renderMessage, type SlackMessage } from './block-kit.js';

export function busyNotice(): SlackMessage & { response_type: 'ephemeral'; replace_original: false } {
  return { response_type: 'ephemeral', replace_original: false, ...renderMessage(busyReply()) };
}
