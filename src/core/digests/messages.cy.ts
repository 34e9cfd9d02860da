// Welsh sentences of the digest feature (Cymraeg); part of the catalogue in src/core/i18n/cy.ts.
// Needs review by a qualified Welsh translator before production use (docs/welsh-glossary.md).
// Metric terms (cyfradd gadael, mynegai sefydlogrwydd, cyfrif pennau, ...) are in docs/welsh-glossary.md.
// Scope, month and date values are inserted as given, so sentences put them where Welsh does not mutate
// them (after "ar gyfer", a colon or a genitive), never after "o", "i", "yn" or "a".
import type { CatalogueOf } from '../i18n/catalogue.js';
import { plural } from '../i18n/plural.js';
import type { digestEn } from './messages.en.js';

const organisations = (count: number) => plural(count, { other: 'sefydliad' }, 'cy');

export const digestCy: CatalogueOf<typeof digestEn> = {
  'digest.previewSummary':
    'Crynodeb cadw staff, wedi’i ddangos i chi yn unig: eich rhanbarth chi yn ddiofyn, neu ranbarth, national, neu god neu enw sefydliad; ar gyfer yr holl staff, neu un grŵp staff gyda staff:<group> (ar ôl rhanbarth neu god, mae enw’r grŵp ar ei ben ei hun yn ddigon)',
  'digest.unknownScope': (p) =>
    `Nid wyf yn adnabod "${p.typed}" fel rhanbarth, national, na chod neu enw sefydliad. Rhowch gynnig ar digest preview london, digest preview national, digest preview RJ1 neu digest preview london staff:nurses.`,
  'digest.scopeWithGroup': (p) => `${p.scope}, ${p.group}`,
  'digest.unknownStaffGroup': (p) =>
    `Nid wyf yn adnabod "${p.typed}" fel grŵp staff. Ar gyfer ${p.scope}, mae ffigurau ar gael ar gyfer y grwpiau staff hyn: ${p.groups}. Er enghraifft: ${p.example}. Ni newidiwyd dim.`,
  'digest.unknownStaffGroupNone': (p) =>
    `Nid wyf yn adnabod "${p.typed}" fel grŵp staff, ac nid oes ffigurau fesul grŵp staff ar gyfer ${p.scope}, dim ond ar gyfer yr holl staff (${p.example}). Ni newidiwyd dim.`,
  'digest.ambiguousStaffGroup': (p) =>
    `Gallai "${p.typed}" olygu mwy nag un grŵp staff: ${p.groups}. Dywedwch pa un, er enghraifft gyda’i enw llawn ar ôl staff:. Ar gyfer ${p.scope}, mae ffigurau ar gael ar gyfer: ${p.withFigures}. Ni newidiwyd dim.`,
  'digest.noStaffGroupFigures': 'dim eto',
  'digest.noAllStaff': (p) =>
    `Nid oes ffigurau cadw staff i’r holl staff ar gyfer ${p.scope}, ond mae ffigurau ar gyfer y grwpiau staff hyn: ${p.groups}. Dewiswch un i weld ei grynodeb.`,
  'digest.noGroupFigures': (p) =>
    `${p.scope}: nid oes ffigurau cadw staff ar gyfer ${p.group}, ond mae ffigurau ar gyfer y grwpiau staff hyn: ${p.groups}. Dewiswch un i weld ei grynodeb.`,
  'digest.groupsNotAdded':
    'Ni chaiff grwpiau staff byth eu hadio at ei gilydd i greu ffigur ar gyfer yr holl staff: mae grwpiau staff y GIG yn gorgyffwrdd ac nid ydynt yn cwmpasu’r gweithlu cyfan.',
  'digest.withoutAllStaff': (p) =>
    `Wedi’u hepgor o’r ffigurau hyn ar gyfer yr holl staff, am mai ffigurau fesul grŵp staff yn unig sydd ar gael ar eu cyfer: ${p.list}. Ni chaiff grwpiau staff byth eu hadio at ei gilydd i greu ffigur ar gyfer yr holl staff.`,
  'digest.heading': (p) => `Crynodeb cadw staff: ${p.scope}`,
  'digest.summary': (p) => `Crynodeb cadw staff ar gyfer ${p.scope}, ${p.month}: cyfradd gadael 12 mis ${p.rate}`,
  'digest.national': 'Cymru a Lloegr',
  'digest.synthetic':
    'Data arddangos synthetig: ffigurau wedi’u cynhyrchu yw’r rhain, nid rhai go iawn. Bydd mewnforio ffigurau go iawn yn cymryd eu lle.',
  'digest.late': (p) => `Postiwyd yn hwyr: roedd disgwyl y crynodeb hwn ar ${p.due}, pan nad oedd y bot yn rhedeg.`,
  'digest.headline': (p) => `${p.month}: y gyfradd gadael 12 mis yw ${p.rate}.`,
  'digest.changes': (p) => `O’i gymharu â’r mis diwethaf: ${p.lastMonth}. O’i gymharu â blwyddyn yn ôl: ${p.lastYear}.`,
  'digest.down': (p) => `i lawr ${p.points} pwynt`,
  'digest.up': (p) => `i fyny ${p.points} pwynt`,
  'digest.same': 'dim newid',
  'digest.noComparison': 'dim ffigur i’w gymharu',
  'digest.fact.leaverRate': 'Cyfradd gadael (12 mis)',
  'digest.fact.joinerRate': 'Cyfradd ymuno (12 mis)',
  'digest.fact.stability': 'Mynegai sefydlogrwydd',
  'digest.fact.vacancy': 'Cyfradd swyddi gwag',
  'digest.fact.sickness': 'Absenoldeb salwch (mis)',
  'digest.fact.newlyQualified': 'Cyfradd gadael staff newydd gymhwyso (12 mis)',
  'digest.fact.headcount': 'Cyfrif pennau',
  'digest.fact.retained': 'Staff a gadwyd o’i gymharu â blwyddyn yn ôl',
  'digest.retained': (p) => `arhosodd tua ${p.count} yn fwy o staff nag a fyddai wedi aros ar gyfradd gadael y llynedd`,
  'digest.lost': (p) => `gadawodd tua ${p.count} yn fwy o staff nag a fyddai wedi gadael ar gyfradd gadael y llynedd`,
  'digest.notPublished.fewStaff': 'heb ei gyhoeddi: llai na 50 o staff',
  'digest.notPublished.fewPeople': 'heb ei gyhoeddi: llai na 5 unigolyn',
  'digest.notPublished.suppressedAtSource': 'heb ei gyhoeddi: ataliwyd cyfrif yn y ffynhonnell',
  'digest.notGiven': 'dim ffigurau',
  'digest.trendHeading': 'Cyfradd gadael, y 12 mis diwethaf',
  'digest.chartTitle': (p) => `${p.scope}: cyfradd gadael 12 mis`,
  'digest.chartSubtitle': (p) => `Yr holl staff, canran. ${p.source}`,
  'digest.chartSubtitleGroup': (p) => `${p.group}, canran. ${p.source}`,
  'digest.chartAxis': 'Cyfradd gadael (%)',
  'digest.chartLink': 'Lawrlwytho’r siart',
  'digest.chartAlt': (p) =>
    `Siart llinell o’r gyfradd gadael 12 mis ar gyfer ${p.scope}. Mis cyntaf: ${p.first}; mis olaf: ${p.last}. Gwerthoedd: ${p.values}.`,
  'digest.trendText': (p) => `Tuedd: ${p.values}`,
  'digest.rankRegion': (p) =>
    `Safle ${p.position} o ${plural(p.of, { one: 'rhanbarth', two: 'ranbarth', other: 'rhanbarth' }, 'cy')} (1 yw’r gyfradd gadael isaf).`,
  'digest.rankPeers': (p) => `Safle ${p.position} o ${organisations(p.of)} o’r un math (${p.type}); 1 yw’r gyfradd gadael isaf.`,
  'digest.regionsHeading': 'Rhanbarthau, y gyfradd gadael isaf yn gyntaf',
  'digest.improvedHeading': 'Wedi gwella fwyaf o’i gymharu â blwyddyn yn ôl',
  'digest.improvedDetail': (p) => `cyfradd gadael i lawr ${p.points} pwynt`,
  'digest.changesNote': (p) => `Newidiadau sefydliadol (trosglwyddiadau staff, cyfuniadau), na chânt eu cyfrif fel trosiant: ${p.list}.`,
  'digest.source': (p) =>
    `Ffigurau ar gyfer ${p.month}. Cyfnod y ffigurau 12 mis: mis cyntaf ${p.first}, mis olaf ${p.month}. Ffynhonnell: ${p.sources}, mewnforiwyd ar ${p.imported}. Ni chyhoeddir cyfraddau sy’n seiliedig ar lai na 50 o staff neu ar 1 i 4 unigolyn.`,
  'digest.exemplars.heading': 'Sefydliadau enghreifftiol o’u cymharu â’r lleill: cyfradd gadael 12 mis',
  'digest.exemplars.exemplar': (p) => `Sefydliadau enghreifftiol People Promise (${organisations(p.count)})`,
  'digest.exemplars.others': (p) => `Sefydliadau eraill (${p.count})`,
  'digest.exemplars.onYearAgo': (p) => `o’i gymharu â blwyddyn yn ôl: ${p.change}`,
  'digest.open': (p) => `Agor #${p.number}`,
  'digest.comingUp.heading': 'Ar y gweill yn ystod y pythefnos nesaf',
  'digest.comingUp.details': (p) => `Manylion y digwyddiad #${p.number}`,
  'digest.comingUp.full': 'llawn: atebwch eich bod yn mynd, i ymuno â’r rhestr aros',
  'digest.comingUp.more': (p) => `…a rhagor (${p.count} arall). I’w gweld i gyd, teipiwch`,
  'digest.comingUp.noNational': 'Dim digwyddiadau cenedlaethol yn ystod y pythefnos nesaf.',
  'digest.comingUp.regional': (p) => `Digwyddiadau rhanbarthol yn ystod y pythefnos nesaf: ${p.counts}. I’w gweld, teipiwch`,
  'digest.newCases.headingSince': (p) => `Astudiaethau achos newydd ers ${p.date}`,
  'digest.newCases.headingDays': (p) =>
    `Astudiaethau achos newydd yn ystod y ${plural(p.days, { one: 'diwrnod', two: 'ddiwrnod', other: 'diwrnod' }, 'cy')} diwethaf`,
  'digest.newCases.more': (p) => `…a rhagor (${p.count} arall). I chwilio’r llyfrgell, teipiwch`,
  'digest.help.heading': 'Beth allai helpu',
  'digest.help.cases': (p) => `Astudiaethau achos: ${p.list}.`,
  'digest.help.masterclass': (p) => `Y dosbarth meistr nesaf ar y pwnc: ${p.title}, ${p.when}.`,
  'digest.help.worse.leaverRate': (p) => `Cyfradd gadael i fyny ${p.points} pwynt o’i chymharu â blwyddyn yn ôl.`,
  'digest.help.worse.joinerRate': (p) => `Cyfradd ymuno i lawr ${p.points} pwynt o’i chymharu â blwyddyn yn ôl.`,
  'digest.help.worse.stability': (p) => `Mynegai sefydlogrwydd i lawr ${p.points} pwynt o’i gymharu â blwyddyn yn ôl.`,
  'digest.help.worse.vacancy': (p) => `Cyfradd swyddi gwag i fyny ${p.points} pwynt o’i chymharu â blwyddyn yn ôl.`,
  'digest.help.worse.sickness': (p) => `Absenoldeb salwch i fyny ${p.points} pwynt o’i gymharu â’r un mis flwyddyn yn ôl.`,
  'digest.help.worse.newlyQualifiedLeaverRate': (p) =>
    `Cyfradd gadael staff newydd gymhwyso i fyny ${p.points} pwynt o’i chymharu â blwyddyn yn ôl.`,
  'digest.noData': (p) =>
    `Nid oes ffigurau cadw staff ar gyfer ${p.scope} eto, felly nid oes crynodeb i’w ddangos. Gall hwylusydd eu mewnforio (gweler y README: npm run cli -- metrics import).`,
};
