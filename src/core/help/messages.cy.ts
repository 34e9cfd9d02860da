// Welsh help by topic (Cymraeg): the topics' titles and introductions; part of src/core/i18n/cy.ts.
// Needs review by a qualified Welsh translator before production use (docs/welsh-glossary.md).
import type { CatalogueOf } from '../i18n/catalogue.js';
import type { helpEn } from './messages.en.js';

export const helpCy: CatalogueOf<typeof helpEn> = {
  'help.forExample': 'Er enghraifft:',
  'help.orCommand': 'neu am un gorchymyn:',
  'help.moreTopics': 'Pynciau eraill isod, neu’r cyfan gyda',
  // The examples stay in English: questions in free text are matched mostly on English words for now.
  'help.askFreely':
    'Gallwch hefyd ofyn yn eich geiriau eich hun, fel "when is the next masterclass" neu "menopause support": byddaf yn dod o hyd i’r gorchymyn neu’n chwilio’r astudiaethau achos.',
  'help.topicNotForYou': 'Nid oes yr un o’r rhain ar gael i chi eto. Ymunwch yn gyntaf, neu ofynnwch i hwylusydd eich rhanbarth.',
  'help.topic.start': 'Dechrau arni',
  'help.topic.start.intro':
    'Ymunwch â chymuned eich rhanbarth, gwelwch a newidiwch yr hyn y mae’r bot yn ei gadw amdanoch, neu adewch y gymuned.',
  'help.topic.events': 'Digwyddiadau',
  'help.topic.events.intro':
    'Dosbarthiadau meistr, cyfarfodydd cymunedol a gweminarau: gwelwch beth sydd ar y gweill a dywedwch a ydych yn mynd.',
  'help.topic.cases': 'Astudiaethau achos',
  'help.topic.cases.intro':
    'Chwiliwch yr hyn y mae sefydliadau GIG eraill wedi’i wneud, yn eich geiriau eich hun, a rhannwch eich gwaith chi.',
  'help.topic.digests': 'Crynodebau',
  'help.topic.digests.intro':
    'Ffigurau cadw staff ar gyfer rhanbarth neu sefydliad: cyfradd gadael, sefydlogrwydd, tueddiadau a chymariaethau.',
  'help.topic.facilitators': 'Ar gyfer hwyluswyr',
  'help.topic.facilitators.intro':
    'Rhedeg eich rhanbarth: digwyddiadau, adolygu astudiaethau achos, cadarnhau sefydliadau, sianeli a rolau.',
  'help.topic.admins': 'Ar gyfer gweinyddwyr cenedlaethol',
  'help.topic.admins.intro': 'Rolau cenedlaethol, sefydliadau enghreifftiol People Promise a chrynodebau cenedlaethol.',
};
