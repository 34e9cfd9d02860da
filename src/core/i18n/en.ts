// English messages: every sentence the bot says, keyed. Features keep theirs beside them
// (<feature>/messages.en.ts) and this catalogue gathers them; handlers never hold sentences, so that a
// Welsh catalogue (NHS Wales) can be added beside this one.
import type { CatalogueOf } from './catalogue.js';
import { coreEn } from './messages.en.js';

import { channelsEn } from '../channels/messages.en.js';
import { directoryEn } from '../directory/messages.en.js';
import { deliveryEn } from '../delivery/messages.en.js';
import { linksEn } from '../links/messages.en.js';
import { linkingEn } from '../linking/messages.en.js';
import { membersEn } from '../members/messages.en.js';
import { organisationsEn } from '../organisations/messages.en.js';
import { rolesEn } from '../roles/messages.en.js';
import { casesEn } from '../cases/messages.en.js';
import { eventsEn } from '../events/messages.en.js';
import { metricsEn } from '../metrics/messages.en.js';
import { digestEn } from '../digests/messages.en.js';
import { subscriptionsEn } from '../digests/subscription-messages.en.js';
import { questionsEn } from '../questions/messages.en.js';
import { helpEn } from '../help/messages.en.js';
import { homeEn } from '../home/messages.en.js';
import { languageEn } from '../language/messages.en.js';

export const en = {
  ...coreEn,
  ...membersEn,
  ...linkingEn,
  ...directoryEn,
  ...rolesEn,
  ...channelsEn,
  ...organisationsEn,
  ...casesEn,
  ...metricsEn,
  ...digestEn,
  ...subscriptionsEn,
  ...linksEn,
  ...deliveryEn,
  ...eventsEn,
  ...questionsEn,
  ...helpEn,
  ...homeEn,
  ...languageEn,
} as const;

/** The shape of a catalogue: every key of the English, each a sentence or a function of its parameters. */
export type Messages = CatalogueOf<typeof en>;
export type MessageKey = keyof Messages;
