// Messages that show live data are re-rendered from the database when they are refreshed (see
// Outbox.refresh). Each feature registers a renderer for its postKey prefix, the part before the first
// `:` (`event:<id>` → `event`), which is given the rest of the key.
import type { Message } from '../reply/reply.js';
import type { CoreServices } from '../services.js';

/** The message as it should look now, or undefined to leave the posted one as it is. */
export type PostRenderer = (id: string, services: CoreServices) => Promise<Message | undefined>;

export const POST_RENDERERS: Readonly<Record<string, PostRenderer>> = {};

export function postRenderer(postKey: string): { render: PostRenderer; id: string } | undefined {
  const colon = postKey.indexOf(':');
  if (colon <= 0) return undefined;
  const render = POST_RENDERERS[postKey.slice(0, colon)];
  return render ? { render, id: postKey.slice(colon + 1) } : undefined;
}
