// Welsh sentences of the members feature (Cymraeg); part of the catalogue in src/core/i18n/cy.ts.
// Needs review by a qualified Welsh translator before production use (docs/welsh-glossary.md).
// Command words (join, my data, erase my data, ...) stay in English: they are what the bot reads.
import type { CatalogueOf } from '../i18n/catalogue.js';
import type { membersEn } from './messages.en.js';

export const membersCy: CatalogueOf<typeof membersEn> = {
  'member.role.retention_lead': 'Arweinydd cadw staff',
  'member.role.people_promise_lead': 'Arweinydd People Promise',
  'member.role.workforce_hr': 'Gweithlu neu Adnoddau Dynol',
  'member.role.clinical_lead': 'Arweinydd nyrsio, bydwreigiaeth neu broffesiynau perthynol i iechyd (AHP)',
  'member.role.staff_side': 'Cynrychiolydd ochr y staff',
  'member.role.icb_workforce': 'Gweithlu ICB neu ICS',
  'member.role.other': 'Arall',

  'join.commandSummary': 'Ymuno â chymuned ymarfer eich rhanbarth',
  'profile.commandSummary': 'Gweld eich proffil',
  'profileEdit.commandSummary': 'Newid eich proffil',
  'leave.commandSummary': 'Gadael y gymuned (cedwir eich proffil nes i chi ei ddileu)',
  'erase.commandSummary': 'Dileu popeth sydd gan y bot amdanoch',
  'myData.commandSummary': 'Gweld popeth sydd gan y bot amdanoch',

  'form.required': 'Llenwch hwn, os gwelwch yn dda.',
  'join.form.title': 'Ymuno â’r gymuned',
  'join.form.editTitle': 'Eich proffil',
  'join.form.submit': 'Cadw',
  'join.form.privacy':
    'Mae CoP Bot yn cadw eich enw, eich sefydliad, eich rhanbarth, eich rôl a’ch diddordebau er mwyn i hwyluswyr allu rhedeg eich cymuned ranbarthol a’ch gwahodd i ddigwyddiadau. Nid yw’n cadw dim arall. Gallwch weld y cyfan gyda "my data", ei newid gyda "profile edit", a’i ddileu gyda "erase my data".',
  'join.field.displayName': 'Eich enw fel y mae cydweithwyr yn eich adnabod',
  'join.field.organisation': 'Sefydliad',
  'join.field.organisation.placeholder': 'Teipiwch ran o’r enw',
  'join.field.region': 'Rhanbarth (gadewch yn wag i ddefnyddio rhanbarth eich sefydliad)',
  'join.field.role': 'Eich rôl',
  'join.field.staffGroups': 'Y grwpiau staff y mae eich gwaith yn ymwneud â nhw',
  'join.field.promiseElements': 'Themâu People Promise sydd o ddiddordeb i chi',
  'join.field.inDirectory': 'Cynnwys fy manylion yng nghyfeiriadur aelodau fy rhanbarth',
  'join.field.consent': 'Rwy’n cytuno bod CoP Bot yn cadw’r wybodaeth hon fel y disgrifir uchod',
  'join.error.displayName': 'Rhowch enw rhwng 1 ac 80 nod.',
  'join.error.organisation': 'Dewiswch eich sefydliad o’r rhestr.',
  'join.error.region': 'Dewiswch ranbarth: nid oes un gan eich sefydliad.',
  'join.error.unknownRegion': 'Dewiswch ranbarth o’r rhestr.',
  'join.error.role': 'Dewiswch y rôl sydd agosaf at eich rôl chi.',
  'join.error.choices': 'Dewiswch o’r rhestr yn unig.',
  'join.error.consent': 'Cadarnhewch eich bod yn cytuno, neu gaewch y ffurflen hon: nid oes dim wedi’i gadw.',
  'join.error.erased':
    'Mae’r ffurflen hon wedi dyddio: cafodd eich data eu dileu tra oedd hi ar agor, neu cafodd ei hagor gan rywun arall. Ni chadwyd dim. Dechreuwch eto gyda join.',
  'join.welcome': (p) => `Croeso, ${p.name}: rydych bellach yn aelod o gymuned ymarfer ${p.region}.`,
  'join.updated': 'Mae eich proffil wedi’i gadw.',
  'welcome.channels': (p) => `Sianeli cymunedol ${p.region}:`,
  'welcome.noChannel': (p) => `Nid oes sianel gymunedol ar gyfer ${p.region} eto: teipiwch regions i ddod o hyd iddi pan fydd un ar gael.`,
  'welcome.start': 'Gorchmynion i ddechrau arni',

  'profile.notMember': 'Nid ydych wedi ymuno eto.',
  'profile.heading': 'Eich proffil',
  'profile.name': 'Enw',
  'profile.organisation': 'Sefydliad',
  'profile.unverified': '(heb ei gadarnhau gan hwylusydd eto)',
  'profile.region': 'Rhanbarth',
  'profile.role': 'Rôl',
  'profile.staffGroups': 'Grwpiau staff',
  'profile.promiseElements': 'Themâu People Promise',
  'profile.directory': 'Yn y cyfeiriadur rhanbarthol',
  'profile.yes': 'Ie',
  'profile.no': 'Na',
  'profile.none': 'Dim',
  'profile.left': 'Rydych wedi gadael y gymuned. Teipiwch join i ddod yn ôl.',
  'profile.button.edit': 'Golygu’r proffil',
  'profile.button.myData': 'Fy nata',

  'leave.done': 'Rydych wedi gadael y gymuned. Cedwir eich proffil rhag ofn i chi ddod yn ôl; i’w ddileu, teipiwch erase my data.',
  'leave.confirm':
    'Gadael y gymuned? Ni fyddwch yn aelod o gymuned ymarfer eich rhanbarth mwyach. Cedwir eich proffil rhag ofn i chi ddod yn ôl (teipiwch join); i’w ddileu, teipiwch erase my data.',
  'leave.confirmEvents':
    'Caiff eich atebion i’r digwyddiadau hyn eu tynnu’n ôl, a bydd y lleoedd sydd gennych yn mynd i’r bobl ar y rhestr aros:',
  'leave.confirmMore': 'A rhagor o ddigwyddiadau ar ôl y rhain: caiff eich atebion iddynt hwythau eu tynnu’n ôl hefyd.',
  'leave.confirmNoEvents': 'Nid oes gennych atebion i ddigwyddiadau sydd eto i ddod, felly nid oes lle’n cael ei ildio.',
  'leave.button': 'Gadael y gymuned',
  'leave.notYours': 'Mae’r botwm hwnnw’n perthyn i rywun arall, felly ni newidiwyd dim.',
  'leave.notMember': 'Nid ydych yn aelod, felly nid oes dim i’w adael.',

  'erase.confirm':
    'Mae hyn yn dileu eich enw, eich sefydliad, eich rhanbarth, eich rôl, eich diddordebau a’ch cyfrifon platfform o CoP Bot. Ni ellir dadwneud hyn. Dileu eich data?',
  'erase.button': 'Dileu fy nata',
  'erase.done': 'Mae eich data wedi’u dileu. Diolch am gymryd rhan.',
  'erase.nothing': 'Nid oes gan CoP Bot unrhyw ddata amdanoch.',
  'erase.notYours': 'Mae’r botwm hwnnw’n perthyn i rywun arall, felly ni ddilëwyd dim.',

  'myData.heading': 'Beth sydd gan CoP Bot amdanoch',
  'myData.nothing': 'Nid oes gan CoP Bot unrhyw ddata amdanoch.',
  'myData.status': 'Aelodaeth',
  'myData.joined': 'Dyddiad ymuno',
  'myData.updated': 'Newidiwyd ddiwethaf',
  'myData.consented': 'Dyddiad rhoi cydsyniad',
  'myData.accounts': 'Cyfrifon',
  'myData.roles': 'Rolau',
  'myData.status.active': 'Gweithredol',
  'myData.status.left': 'Wedi gadael',

  'home.heading': (p) => `Croeso yn ôl, ${p.name}`,
  'home.visitorSummary': 'CoP Bot: ymunwch â chymuned ymarfer eich rhanbarth',
  'home.joinPrompt':
    'Ymunwch â chymuned ymarfer eich rhanbarth i gwrdd â chydweithwyr, clywed am ddosbarthiadau meistr a rhannu’r hyn sy’n gweithio.',
  'home.button.join': 'Ymuno',
  'home.button.help': 'Cymorth',
  'home.button.members': 'Aelodau fy rhanbarth',
};
