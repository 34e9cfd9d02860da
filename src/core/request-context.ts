// Builds the context adapters pass to the core for one request.
import type { Actor, ConversationAddress, ConversationDetails, RequestContext } from './context.js';
import { translator } from './i18n/translator.js';

export function requestContext(
  actor: Actor,
  conversation: ConversationAddress,
  locale: string | undefined,
  conversationDetails?: ConversationDetails,
  verifiedEmail?: () => Promise<string | undefined>,
  platformLocale?: () => Promise<string | undefined>,
): RequestContext {
  const resolved = locale ?? 'en-GB';
  return {
    actor,
    conversation,
    locale: resolved,
    t: translator(resolved),
    ...(conversationDetails ? { conversationDetails } : {}),
    ...(verifiedEmail ? { verifiedEmail } : {}),
    // The locale the platform gave with the request (Teams), or a lookup made only when it can decide (Slack).
    platformLocale: platformLocale ?? (() => Promise.resolve(locale)),
  };
}
