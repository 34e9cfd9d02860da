// Action ids that buttons carry. Adapters route clicks with these ids back into the core.
import type { Button } from './reply/reply.js';

/** A button that runs a command, as if its words were typed: `value` holds the words. */
export const RUN_COMMAND_ACTION = 'cop.run';

/**
 * Buttons that open a web address (`link.calendar`, `link.meeting`…) rather than ask the bot for
 * anything. Teams opens them without telling the bot; Slack still sends the click, which its adapter
 * acknowledges and nothing more. The part after the prefix only names the link, for logs and tests.
 */
export const LINK_ACTION_PREFIX = 'link.';

export type LinkKind = 'calendar' | 'meeting' | 'recording' | 'source' | 'download' | 'chart';

/** A button opening `url`: how the bot shows every web address, never as text to copy. */
export function linkButton(kind: LinkKind, label: string, url: string): Button {
  return { label, action: linkAction(kind), url };
}

/** The action id of a button opening a link of this kind. */
export function linkAction(kind: LinkKind): string {
  return `${LINK_ACTION_PREFIX}${kind}`;
}
