// `link` and `link <code>`: one member, two platforms. On the platform where the person is a member,
// `link` gives a one-time code (15 minutes, stored hashed); typed as `link <code>` on the other platform,
// it adds that account to the same member. Someone who is not a member on this platform and types `link`
// is first matched by the email their platform has verified (see email-link.ts); the code is the fallback.
// An account that types too many wrong codes must wait, so codes cannot be guessed.
import { z } from 'zod';
import { defineCommand } from '../commands/command.js';
import { message, textMessage } from '../reply/reply.js';
import { CODE_VALID_MINUTES, MAX_FAILED_ATTEMPTS, newLinkCode, normaliseLinkCode } from './link-code.js';
import { linkByVerifiedEmail } from './email-link.js';
import type { CoreServices } from '../services.js';

/** The services this module's handlers use. */
export type LinkCommandsServices = Pick<CoreServices, 'clock' | 'emailLinks' | 'links' | 'members'>;

export const linkCommand = defineCommand({
  words: 'link',
  cy: ['cysylltu'],
  // A code can be typed with a space in the middle, as people copy it: up to two words.
  args: z
    .array(z.string())
    .max(2)
    .transform((words) => ({ code: words.length > 0 ? words.join('') : undefined })),
  usage: 'link [code]',
  summary: 'link.commandSummary',
  needs: 'link.needs',
  examples: ['link', 'link K7QM2XPA'],
  async run(args, context, services: LinkCommandsServices) {
    const { t, actor } = context;
    const member = await services.members.findByIdentity(actor);
    if (args.code === undefined) {
      if (!member || member.status === 'erased') {
        const linked = await linkByVerifiedEmail(context, services);
        return textMessage(linked ? t('link.byEmail.done', { name: linked }) : t('link.notMember'));
      }
      if (member.status !== 'active') return textMessage(t('link.left'));
      // Slack answers a command privately wherever it is typed; Teams shows a reply in a channel to all.
      if (actor.platform === 'teams' && context.conversation.kind !== 'personal') return textMessage(t('link.personalOnly'));
      const code = newLinkCode();
      await services.links.createCode(
        member.id,
        actor.platform,
        code,
        new Date(services.clock.now().getTime() + CODE_VALID_MINUTES * 60_000),
      );
      const created = t(actor.platform === 'slack' ? 'link.created.toTeams' : 'link.created.toSlack', {
        code,
        minutes: CODE_VALID_MINUTES,
      });
      return message(created, [
        { kind: 'text', text: created },
        { kind: 'note', text: t('link.created.replaces') },
      ]);
    }
    const code = normaliseLinkCode(args.code);
    if (code === undefined) return textMessage(t('link.badCode'));
    const outcome = await services.links.redeem(code, actor, { maxFailures: MAX_FAILED_ATTEMPTS, windowMinutes: CODE_VALID_MINUTES });
    if (outcome.kind === 'refused') return textMessage(t(`link.refused.${outcome.reason}`));
    const linked = await services.members.findByIdentity(actor);
    return textMessage(t('link.done', { name: linked?.displayName ?? '' }));
  },
});
