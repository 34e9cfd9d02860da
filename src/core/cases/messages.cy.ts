// Welsh sentences of the case-study library (Cymraeg, for NHS Wales); part of the catalogue in
// src/core/i18n/cy.ts. Terms chosen are listed with their sources in docs/welsh-glossary-events-cases.md.
// "Astudiaeth achos" is feminine: its pronouns and adjectives mutate accordingly (ei chyhoeddi, i’w hadolygu).
// Search filters (theme:, staff:, region:, type:), their values and the command words stay as typed in English.
import type { CatalogueOf } from '../i18n/catalogue.js';
import { plural, type PluralForms } from '../i18n/plural.js';
import type { casesEn } from './messages.en.js';

const CASE_STUDY: PluralForms = { other: 'astudiaeth achos' };
const THEME: PluralForms = { other: 'thema' };
const WEB_ADDRESS: PluralForms = {
  zero: 'cyfeiriad gwe',
  one: 'cyfeiriad gwe',
  two: 'gyfeiriad gwe',
  few: 'chyfeiriad gwe',
  many: 'chyfeiriad gwe',
  other: 'cyfeiriad gwe',
};

export const casesCy: CatalogueOf<typeof casesEn> = {
  'cases.commandSummary':
    'Chwilio’r llyfrgell astudiaethau achos (yn ôl perthnasedd, gyda hidlwyr); heb eiriau chwilio, y themâu a nifer yr astudiaethau ym mhob un',
  'cases.openSummary': 'Agor un astudiaeth achos yn llawn, gyda botwm i’w rhannu yn y sgwrs',
  'cases.submitSummary': 'Cyflwyno astudiaeth achos: mae’n mynd at hwyluswyr eich rhanbarth i’w hadolygu',
  'cases.editSummary': 'Diwygio un o’ch astudiaethau achos a anfonwyd yn ôl am newidiadau, a’i chyflwyno eto',
  'cases.mineSummary': 'Yr astudiaethau achos a gyflwynwyd gennych, a ble mae pob un arni',
  'cases.pendingSummary': 'Astudiaethau achos sy’n aros am adolygiad, gyda botymau Cymeradwyo, Gofyn am newidiadau a Gwrthod',
  'cases.approveSummary': 'Cyhoeddi astudiaeth achos a gyflwynwyd',
  'cases.changesSummary': 'Anfon astudiaeth achos a gyflwynwyd yn ôl at yr aelod a’i chyflwynodd, gan ddweud beth i’w newid',
  'cases.rejectSummary': 'Gwrthod astudiaeth achos a gyflwynwyd, gan roi’r rheswm',
  'cases.needsMember': 'Aelodau',
  'cases.needsSubmitter': 'Yr aelod a’i chyflwynodd',
  'cases.needsReviewer': 'Hwyluswyr rhanbarth yr astudiaeth achos, a gweinyddwyr cenedlaethol',
  'cases.joinFirst': 'Mae’r llyfrgell astudiaethau achos ar gyfer aelodau. Teipiwch join i ddod yn aelod.',
  'cases.compose.joinHeading': 'CoP Bot: ymunwch i chwilio astudiaethau achos',

  'cases.libraryEmpty': 'Mae’r llyfrgell astudiaethau achos yn wag hyd yma. Teipiwch case submit i ychwanegu’r un gyntaf.',
  'cases.themesHeading': 'Astudiaethau achos yn ôl thema',
  'cases.themesSummary': (p) => `Astudiaethau achos mewn ${plural(p.count, THEME, 'cy')}`,
  'cases.themesIntro': 'Dewiswch thema, neu chwiliwch yn eich geiriau eich hun.',
  'cases.themeCount': (p) => `(${plural(p.count, CASE_STUDY, 'cy')})`,
  'cases.searchHint': 'Chwiliwch gyda geiriau a hidlwyr (theme:, staff:, region:, type:), er enghraifft',

  'cases.resultsHeading': (p) => `Astudiaethau achos: ${p.typed}`,
  'cases.resultsSummary': (p) =>
    p.capped !== undefined
      ? `Mwy na ${p.capped} o astudiaethau achos ar gyfer ${p.typed}`
      : `${plural(p.total, CASE_STUDY, 'cy')} ar gyfer ${p.typed}`,
  'cases.looseMatch': 'Nid oes un astudiaeth achos yn cynnwys pob un o’r geiriau hynny; mae rhai ohonynt yn y rhain.',
  'cases.range': (p) => `${p.from} i ${p.to} o ${p.total}`,
  'cases.rangeCapped': (p) => `${p.from} i ${p.to} o fwy na ${p.ranked}`,
  'cases.cappedEnd': (p) =>
    `Mae mwy na ${p.ranked} o astudiaethau achos yn cyfateb: cafodd y rhain eu trefnu o blith y ${p.ranked} cyntaf a ganfuwyd a’r rhai sydd â’ch geiriau yn eu teitl, eu crynodeb neu eu themâu. Ychwanegwch air neu hidlydd i weld eraill.`,
  'cases.more': 'Mwy',
  'cases.noMatch': (p) => `Nid oes astudiaeth achos gyhoeddedig yn cyfateb i "${p.typed}".`,
  'cases.noMatchHint':
    'Rhowch gynnig ar lai o eiriau neu eiriau ehangach (flexible working yn hytrach na self-rostering app; mae’r llyfrgell yn Saesneg ar hyn o bryd), neu un o’r themâu hyn:',
  'cases.noMatchFiltered': 'Rhowch gynnig ar lai o hidlwyr neu eiriau ehangach, neu un o’r themâu hyn:',
  'cases.unknownTheme': (p) => `Nid oes thema yn cyfateb i "${p.typed}". Themâu yn y llyfrgell: ${p.themes}.`,
  'cases.unknownStaff': (p) =>
    `Nid wyf yn adnabod y grŵp staff "${p.typed}". Rhowch gynnig ar staff:nurses, staff:midwives, staff:ahp, staff:doctors neu staff:ambulance.`,
  'cases.unknownRegion': (p) => `Nid wyf yn adnabod y rhanbarth "${p.typed}". Teipiwch regions i’w gweld.`,
  'cases.unknownType': (p) =>
    `Nid oes astudiaeth achos gan sefydliad o’r math "${p.typed}". Mathau o sefydliad yn y llyfrgell: ${p.types}.`,

  'cases.cardTitle': (p) => `#${p.number} ${p.title}`,
  'cases.open': 'Agor',
  'cases.share': 'Rhannu',
  'cases.shareToChannel': 'Rhannu yn y sianel',
  'cases.demo': 'Data enghreifftiol: mae’r astudiaeth achos hon wedi’i dyfeisio, i ddangos sut mae’r llyfrgell yn gweithio.',
  'cases.demoShort': 'data enghreifftiol',
  'cases.fact.organisation': 'Sefydliad',
  'cases.fact.region': 'Rhanbarth',
  'cases.fact.staffGroups': 'Grwpiau staff',
  'cases.fact.promise': 'People Promise',
  'cases.fact.themes': 'Themâu',
  'cases.fact.source': 'Ffynhonnell',
  'cases.fact.contact': 'Cyswllt',
  'cases.section.challenge': 'Yr her',
  'cases.section.actions': 'Beth a wnaed',
  'cases.section.results': 'Canlyniadau',
  'cases.section.resultsPeriod': (p) => `Canlyniadau (${p.period})`,
  'cases.button.source': (p) => `Darllen y ffynhonnell (${p.site})`,
  'cases.status.draft': 'Wedi’i hanfon yn ôl am newidiadau: heb ei chyhoeddi.',
  'cases.status.submitted': 'Yn aros am adolygiad: heb ei chyhoeddi eto.',
  'cases.status.published': 'Wedi’i chyhoeddi.',
  'cases.status.rejected': 'Wedi’i gwrthod: heb ei chyhoeddi.',
  'cases.status.archived': 'Wedi’i harchifo: nid yw yn y llyfrgell mwyach.',
  'cases.notFound': (p) => `Nid oes astudiaeth achos #${p.number} y gallwch ei gweld. Teipiwch cases i chwilio’r llyfrgell.`,
  'cases.notShareable': 'Nid yw’r astudiaeth achos honno yn y llyfrgell mwyach, felly ni chafodd ei rhannu.',
  'cases.sharedBy': (p) => `Rhannwyd gan ${p.name}`,
  'cases.sharedSummary': (p) => `Rhannodd ${p.name} astudiaeth achos: ${p.title}`,
  'cases.aMember': 'aelod',

  'cases.form.title': 'Cyflwyno astudiaeth achos',
  'cases.form.editTitle': 'Diwygio eich astudiaeth achos',
  'cases.form.submit': 'Cyflwyno i’w hadolygu',
  'cases.form.changesAsked': 'Gofynnodd yr adolygydd am y newidiadau hyn:',
  'cases.form.intro':
    'Dywedwch wrth aelodau eraill beth wnaeth eich sefydliad a beth a gyflawnodd. Bydd hwylusydd y rhanbarth yn adolygu’r astudiaeth achos cyn iddi gael ei chyhoeddi. Rhowch ffigurau gyda’r cyfnod y maent yn ei gwmpasu, ac enwch gyswllt dim ond os yw’r person hwnnw wedi cytuno i gael ei enwi.',
  'cases.field.title': 'Teitl',
  'cases.field.summary': 'Crynodeb (dwy neu dair brawddeg)',
  'cases.field.challenge': 'Yr her',
  'cases.field.actions': 'Beth a wnaed',
  'cases.field.results': 'Canlyniadau, gyda ffigurau',
  'cases.field.resultsPeriod': 'Y cyfnod y mae’r canlyniadau’n ei gwmpasu (e.e. Ebrill 2023 i Fawrth 2024)',
  'cases.field.organisation': 'Sefydliad',
  'cases.field.organisationType': 'Math o sefydliad',
  'cases.organisationType.acute': 'Acíwt',
  'cases.organisationType.community': 'Cymunedol',
  'cases.organisationType.mentalHealth': 'Iechyd meddwl',
  'cases.organisationType.ambulance': 'Ambiwlans',
  'cases.organisationType.primaryCare': 'Gofal sylfaenol',
  'cases.organisationType.icb': 'Bwrdd gofal integredig',
  'cases.organisationType.localHealthBoard': 'Bwrdd iechyd lleol (Cymru)',
  'cases.organisationType.walesTrust': 'Ymddiriedolaeth GIG (Cymru)',
  'cases.organisationType.nationalBody': 'Corff cenedlaethol',
  'cases.organisationType.other': 'Arall',
  'cases.field.region': 'Rhanbarth',
  'cases.field.staffGroups': 'Grwpiau staff',
  'cases.field.promiseElements': 'Elfennau’r People Promise',
  'cases.field.tags': 'Themâu, wedi’u gwahanu gan atalnodau',
  // Themes are matched against the library's themes, which are in English for now.
  'cases.field.tags.placeholder': 'flexible retirement, legacy mentoring',
  'cases.field.links': 'Dolenni, un ar bob llinell (https://…)',
  'cases.field.contactName': 'Enw’r cyswllt',
  'cases.field.contactRole': 'Rôl y cyswllt',
  'cases.field.contactConsent': 'Cytunodd y cyswllt i gael ei enwi gyda’r astudiaeth achos hon',
  'cases.field.source': 'Ble y cafodd ei chyhoeddi neu ei hadrodd, os o gwbl',
  'cases.field.sourceDate': 'Dyddiad y ffynhonnell honno',
  'cases.sourceMember': 'Cyflwynwyd gan aelod',
  'cases.error.required': 'Llenwch y maes hwn.',
  'cases.error.tooLong': (p) => `Cadwch hwn o fewn ${p.max} nod.`,
  'cases.error.choose': 'Dewiswch un o’r rhestr.',
  'cases.error.choices': 'Dewiswch o’r rhestr yn unig.',
  'cases.error.tags': (p) => `Rhowch ${plural(p.max, THEME, 'cy')} ar y mwyaf, pob un hyd at 40 nod.`,
  'cases.error.links': (p) =>
    `Rhowch ${plural(p.max, WEB_ADDRESS, 'cy')} ar y mwyaf sy’n dechrau gyda https:// neu http://, un ar bob llinell.`,
  'cases.error.contactConsent': 'Cadarnhewch fod y cyswllt wedi cytuno i gael ei enwi, neu gadewch y cyswllt allan.',
  'cases.error.contactName': 'Rhowch enw’r cyswllt gyda’i rôl, neu gadewch y ddau allan.',
  'cases.error.sourceDate': 'Rhowch ddyddiad go iawn nad yw yn y dyfodol.',
  'cases.error.reason': (p) => `Rhowch y rheswm, hyd at ${p.max} nod.`,
  'cases.submitted': (p) =>
    `Diolch: mae astudiaeth achos #${p.number} "${p.title}" gyda hwyluswyr ${p.region} i’w hadolygu. Cewch wybod pan fyddant wedi edrych arni; mae cases mine yn dangos ble mae hi arni.`,
  'cases.notEditable': (p) => `Nid yw astudiaeth achos #${p.number} yn aros am newidiadau gennych chi, felly ni newidiwyd dim.`,
  'cases.changesAsked': (p) => `Gofynnwyd am newidiadau: ${p.reason}`,
  'cases.noRegion': 'dim rhanbarth',
  'cases.notice.toReview': (p) => `Astudiaeth achos i’w hadolygu: #${p.number} ${p.title}`,
  'cases.notice.toReviewDetail': (p) =>
    `Cyflwynwyd gan ${p.name} ar gyfer ${p.region}. Cymeradwywch hi, gofynnwch am newidiadau neu gwrthodwch hi:`,
  'cases.notice.approve': (p) =>
    `Mae eich astudiaeth achos #${p.number} "${p.title}" wedi’i chyhoeddi yn y llyfrgell. Diolch am ei rhannu.`,
  'cases.notice.changes': (p) =>
    `Mae eich astudiaeth achos #${p.number} "${p.title}" wedi dod yn ôl gyda newidiadau i’w gwneud cyn iddi gael ei chyhoeddi: ${p.reason}`,
  'cases.notice.reject': (p) =>
    `Ni chafodd eich astudiaeth achos #${p.number} "${p.title}" ei derbyn i’r llyfrgell. Y rheswm a roddwyd: ${p.reason}`,
  'cases.rejectedBecause': (p) => `Y rheswm a roddwyd: ${p.reason}`,
  'cases.editButton': 'Diwygio ac ailgyflwyno',
  'cases.mineHeading': 'Astudiaethau achos a gyflwynwyd gennych',
  'cases.mineNone': 'Nid ydych wedi cyflwyno astudiaeth achos eto. Teipiwch case submit i ychwanegu un.',

  'cases.pendingRefused': 'Dim ond hwyluswyr a gweinyddwyr cenedlaethol sy’n gweld yr astudiaethau achos sy’n aros am adolygiad.',
  'cases.pendingRefusedRegion': (p) =>
    `Dim ond hwylusydd ${p.region} neu weinyddwr cenedlaethol sy’n gallu gweld yr astudiaethau achos sy’n aros am adolygiad yno.`,
  'cases.reviewRefused': 'Dim ond hwyluswyr a gweinyddwyr cenedlaethol sy’n adolygu astudiaethau achos, felly ni newidiwyd dim.',
  'cases.reviewRefusedCase':
    'Dim ond hwylusydd yn rhanbarth yr astudiaeth achos honno neu weinyddwr cenedlaethol sy’n gallu ei hadolygu, felly ni newidiwyd dim.',
  'cases.pendingHeading': 'Astudiaethau achos sy’n aros am adolygiad',
  'cases.pendingCount': (p) => `${plural(p.count, CASE_STUDY, 'cy')} yn aros am adolygiad`,
  'cases.pendingNone': 'Nid oes astudiaethau achos yn aros am adolygiad.',
  'cases.pendingMore': (p) => `Yn dangos y ${p.count} cyntaf: adolygwch y rhain i weld rhagor.`,
  'cases.review.approve': 'Cymeradwyo',
  'cases.review.changes': 'Gofyn am newidiadau',
  'cases.review.reject': 'Gwrthod',
  'cases.reviewForm.rejectTitle': 'Gwrthod astudiaeth achos',
  'cases.reviewForm.changesTitle': 'Gofyn am newidiadau',
  'cases.reviewForm.send': 'Anfon',
  'cases.reviewForm.reason': 'Rheswm (bydd yr aelod a’i chyflwynodd yn ei weld)',
  'cases.reviewForm.changes': 'Beth i’w newid (bydd yr aelod a’i chyflwynodd yn ei weld)',
  'cases.alreadyReviewed': (p) => `Nid yw astudiaeth achos #${p.number} yn aros am adolygiad (${p.status}), felly ni newidiwyd dim.`,
  'cases.decided.approve': (p) =>
    `Gwnaed: mae astudiaeth achos #${p.number} "${p.title}" wedi’i chyhoeddi. Bydd yr aelod a’i chyflwynodd yn cael gwybod.`,
  'cases.decided.changes': (p) =>
    `Gwnaed: aeth astudiaeth achos #${p.number} "${p.title}" yn ôl at yr aelod a’i chyflwynodd, gyda’r hyn i’w newid.`,
  'cases.decided.reject': (p) =>
    `Gwnaed: mae astudiaeth achos #${p.number} "${p.title}" wedi’i gwrthod. Bydd yr aelod a’i chyflwynodd yn cael gwybod pam.`,
};
