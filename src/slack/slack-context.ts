// Turns Slack payloads into the core's request context. Slack does not send a locale with commands
// or actions: the person's locale is looked up (user-locale.ts) only when the language rule needs it.
import type { ConversationAddress, RequestContext } from '../core/context.js';
import { requestContext } from '../core/request-context.js';

/** Slack channel ids start with C (public), G (private or group DM) or D (direct message). */
export function conversationKind(channelId: string): ConversationAddress['kind'] {
  if (channelId.startsWith('D')) return 'personal';
  if (channelId.startsWith('G')) return 'group';
  return 'channel';
}

export function slackConversation(teamId: string, channelId: string): ConversationAddress {
  return { platform: 'slack', workspaceId: teamId, externalId: channelId, kind: conversationKind(channelId) };
}

/**
 * Slack's escaped command text (the manifest sets should_escape) to the core's words: a mention
 * `<@U123|sam>` becomes `<@U123>`, and `&amp;`, `&lt;`, `&gt;` become the characters typed.
 */
export function commandWords(text: string): string {
  return text
    .replace(/<@([UW][A-Z0-9]+)(\|[^>]*)?>/g, '<@$1>')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

export function slackRequestContext(
  teamId: string,
  userId: string,
  channelId: string,
  channelName?: string,
  verifiedEmail?: () => Promise<string | undefined>,
  platformLocale?: () => Promise<string | undefined>,
): RequestContext {
  // Slash commands name direct messages and some private channels with placeholders, not their names.
  const name = channelName && !['directmessage', 'privategroup'].includes(channelName) ? channelName : undefined;
  return requestContext(
    { platform: 'slack', workspaceId: teamId, userId },
    slackConversation(teamId, channelId),
    undefined,
    name ? { name } : undefined,
    verifiedEmail,
    platformLocale,
  );
}
