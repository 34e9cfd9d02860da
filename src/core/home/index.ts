// The home page: `home` in both platforms, the answer buttons on it, and the renderer that keeps a
// Slack App Home current after the person's own changes (home-key.ts).
import { defineCommand, noArguments } from '../commands/command.js';
import type { Feature } from '../feature.js';
import type { ActionHandler } from '../forms/form-handler.js';
import { rsvpAction } from '../events/rsvp-actions.js';
import { message } from '../reply/reply.js';
import { requestContext } from '../request-context.js';
import type { CoreServices } from '../services.js';
import { HOME_POST_KIND, homeActor } from './home-key.js';
import { HOME_RSVP_ACTION, homeView, type HomeServices } from './home-view.js';

export const homeCommand = defineCommand({
  words: 'home',
  cy: ['hafan'],
  args: noArguments,
  usage: 'home',
  summary: 'home.commandSummary',
  needs: 'roles.needs.anyone',
  examples: ['home'],
  async run(_args, context, services: HomeServices) {
    const { t } = context;
    const view = await homeView(context, services);
    // Slack keeps the page on the app's Home tab; in Teams the command is how to see it again.
    const hint = context.actor.platform === 'slack' ? t('home.slackHint') : t('home.teamsHint');
    return message(view.summary, [...view.blocks, { kind: 'note', text: hint }]);
  },
});

/** An answer from the home page: recorded as the announcement's buttons record it; then the page as it is now. */
export const homeRsvpAction: ActionHandler = {
  id: HOME_RSVP_ACTION,
  run: (value, context, services) => rsvpAction.run(value, context, services),
  viewAfter: (_value, context, services) => homeView(context, services),
};

/** A home kept by the outbox (the key names the person), rendered as they would see it on opening it. */
async function renderHome(id: string, services: CoreServices) {
  const actor = homeActor(id);
  if (!actor) return undefined;
  const context = requestContext(
    actor,
    { platform: actor.platform, workspaceId: actor.workspaceId, externalId: actor.userId, kind: 'personal' },
    undefined,
  );
  return homeView(context, services);
}

export const homeFeature: Feature = {
  name: 'home',
  commands: [homeCommand],
  actions: [homeRsvpAction],
  postRenderers: { [HOME_POST_KIND]: renderHome },
};
