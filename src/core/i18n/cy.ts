// Welsh messages (Cymraeg), for NHS Wales. Each feature keeps its translation beside its English
// (<feature>/messages.cy.ts, typed CatalogueOf<its English>) and this catalogue gathers them.
// Needs review by a qualified Welsh translator before production use (see docs/welsh-glossary.md).
import type { Messages } from './en.js';
import { coreCy } from './messages.cy.js';

import { channelsCy } from '../channels/messages.cy.js';
import { directoryCy } from '../directory/messages.cy.js';
import { deliveryCy } from '../delivery/messages.cy.js';
import { linksCy } from '../links/messages.cy.js';
import { linkingCy } from '../linking/messages.cy.js';
import { membersCy } from '../members/messages.cy.js';
import { organisationsCy } from '../organisations/messages.cy.js';
import { rolesCy } from '../roles/messages.cy.js';
import { metricsCy } from '../metrics/messages.cy.js';
import { digestCy } from '../digests/messages.cy.js';
import { subscriptionsCy } from '../digests/subscription-messages.cy.js';
import { questionsCy } from '../questions/messages.cy.js';
import { helpCy } from '../help/messages.cy.js';
import { casesCy } from '../cases/messages.cy.js';
import { eventsCy } from '../events/messages.cy.js';
import { homeCy } from '../home/messages.cy.js';
import { languageCy } from '../language/messages.cy.js';

/** Complete: a key missing here fails `npm run typecheck`. */
export const cy: Messages = {
  ...coreCy,
  ...membersCy,
  ...linkingCy,
  ...directoryCy,
  ...rolesCy,
  ...channelsCy,
  ...organisationsCy,
  ...metricsCy,
  ...digestCy,
  ...subscriptionsCy,
  ...linksCy,
  ...deliveryCy,
  ...questionsCy,
  ...helpCy,
  ...casesCy,
  ...eventsCy,
  ...homeCy,
  ...languageCy,
};
