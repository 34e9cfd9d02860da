// Welsh sentences for questions typed rather than commands (Cymraeg); part of src/core/i18n/cy.ts.
// Needs review by a qualified Welsh translator before production use (docs/welsh-glossary.md).
import type { CatalogueOf } from '../i18n/catalogue.js';
import type { questionsEn } from './messages.en.js';

export const questionsCy: CatalogueOf<typeof questionsEn> = {
  'questions.readAs': 'Deallais hynny fel',
  'questions.typeNextTime': 'y tro nesaf, gallwch ei deipio’n syth.',
  'questions.offer': 'Mae hyn yn newid rhywbeth, felly nid wyf wedi’i wneud eto. Pwyswch y botwm os mai dyma rydych ei eisiau:',
  'questions.didYouMean': 'Oeddech chi’n golygu',
  'questions.orSearch': 'Neu chwiliwch yr astudiaethau achos am eich geiriau:',
  'questions.searchButton': 'Chwilio’r astudiaethau achos',
  'questions.searched': 'Nid gorchymyn yw hwnnw, felly chwiliais yr astudiaethau achos amdano.',
  'questions.nothingToSearch': 'Ni allwn ddod o hyd i orchymyn na geiriau i chwilio amdanynt yn hynny. Dyma themâu’r astudiaethau achos.',
  'questions.forMembers':
    'Nid yw hwnnw’n orchymyn rwy’n ei adnabod. Gall aelodau ofyn i mi am astudiaethau achos yn eu geiriau eu hunain; i ddod yn aelod, pwyswch Ymuno.',
  'questions.help': 'I weld popeth y gallaf ei wneud, teipiwch',
  'questions.openForm': 'Pwyswch y botwm i agor y ffurflen.',
  'questions.button.openForm': 'Agor y ffurflen',
  'questions.button.help': 'Cymorth',
  'questions.button.events': 'Digwyddiadau',
  'questions.button.join': 'Ymuno',
};
