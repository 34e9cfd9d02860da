// Welsh sentences about where an answer went (Cymraeg); part of the catalogue in src/core/i18n/cy.ts.
// Needs review by a qualified Welsh translator before production use (docs/welsh-glossary.md).
import type { CatalogueOf } from '../i18n/catalogue.js';
import type { deliveryEn } from './messages.en.js';

export const deliveryCy: CatalogueOf<typeof deliveryEn> = {
  'delivery.sentPrivately': 'Rwyf wedi anfon y manylion atoch yn ein sgwrs breifat.',
  'delivery.privateChatUnavailable':
    'Mae’r ateb hwn i chi yn unig, felly ni fyddaf yn ei bostio yma, ac ni allwn agor sgwrs breifat gyda chi. Agorwch sgwrs gyda mi, yna gofynnwch eto yno.',
  'delivery.openPrivateChat': 'Agor sgwrs breifat gyda CoP Bot',
  'delivery.shared': 'Wedi’i bostio yn y sgwrs hon.',
  'delivery.done': 'Wedi’i wneud.',
};
