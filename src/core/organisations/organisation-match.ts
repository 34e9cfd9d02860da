// Finds the organisation a command names: its ODS code, its name, or part of it, with or without
// punctuation (the same search as the join form). One match acts; a few get "Which one?" with a button
// for each, running the command with that organisation's code; more ask for more of the name; none
// gets a friendly answer. Nothing is changed until one organisation is named.
import { RUN_COMMAND_ACTION } from '../actions.js';
import type { Translate } from '../i18n/translator.js';
import type { OrganisationChoice } from '../members/member.js';
import type { ReferenceData } from '../members/member-store.js';
import { message, textMessage, type Message } from '../reply/reply.js';

/** At most this many organisations are offered as buttons. */
export const MATCH_CHOICES = 5;

const plain = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export type OrganisationMatch =
  { readonly kind: 'one'; readonly organisation: OrganisationChoice } | { readonly kind: 'reply'; readonly reply: Message };

/**
 * The one organisation `typed` names, or the reply asking which. `usable` keeps the organisations the
 * command can act on (those with an ODS code, say); `retry` gives the command's words for one of them.
 */
export async function matchOrganisation(
  typed: string,
  reference: Pick<ReferenceData, 'searchOrganisations'>,
  t: Translate,
  retry: (organisation: OrganisationChoice) => string,
  usable: (organisation: OrganisationChoice) => boolean = () => true,
): Promise<OrganisationMatch> {
  const shown = typed.slice(0, 80);
  const found = plain(typed) === '' ? [] : (await reference.searchOrganisations(typed, MATCH_CHOICES + 1)).filter(usable);
  const wanted = plain(typed);
  // An ODS code or the whole name picks that one, however many others contain the words.
  const exact = found.find(
    (organisation) =>
      plain(organisation.odsCode ?? '') === wanted ||
      plain(organisation.label.replace(/ \([A-Z0-9]+\)$/, '')) === wanted ||
      plain((organisation.welshLabel ?? '').replace(/ \([A-Z0-9]+\)$/, '')) === wanted,
  );
  if (exact) return { kind: 'one', organisation: exact };
  if (found.length === 1) return { kind: 'one', organisation: found[0]! };
  if (found.length === 0) return { kind: 'reply', reply: textMessage(t('organisations.match.none', { typed: shown })) };
  if (found.length > MATCH_CHOICES)
    return { kind: 'reply', reply: textMessage(t('organisations.match.tooMany', { typed: shown, count: MATCH_CHOICES })) };
  const question = t('organisations.match.which', { typed: shown });
  return {
    kind: 'reply',
    reply: message(question, [
      { kind: 'text', text: question },
      {
        kind: 'buttons',
        buttons: found.map((organisation) => ({
          label: t.language === 'cy' && organisation.welshLabel ? organisation.welshLabel : organisation.label,
          action: RUN_COMMAND_ACTION,
          value: retry(organisation),
        })),
      },
    ]),
  };
}
