// Welsh sentences of digest subscriptions (Cymraeg); part of the catalogue in src/core/i18n/cy.ts.
// Needs review by a qualified Welsh translator before production use (docs/welsh-glossary.md).
// Schedule words (weekly, monthly) and command words stay in English: they are what the bot reads.
// A date or time ("next", "due", "since") is said after a colon or "ers", where Welsh does not mutate it.
import type { CatalogueOf } from '../i18n/catalogue.js';
import { plural } from '../i18n/plural.js';
import type { subscriptionsEn } from './subscription-messages.en.js';

export const subscriptionsCy: CatalogueOf<typeof subscriptionsEn> = {
  'subscriptions.subscribeSummary':
    'Postio crynodeb cadw staff i’r sianel hon yn ôl amserlen: weekly (bob dydd Llun, 09:00), monthly (y diwrnod gwaith cyntaf, 09:00) neu fynegiad cron, mewn cylchfa amser (Europe/London os na roddir un); ar gyfer yr holl staff, neu un grŵp staff gyda staff:<group>',
  'subscriptions.listSummary': 'Tanysgrifiadau crynodeb y sianel hon, a phryd mae disgwyl pob un nesaf',
  'subscriptions.pauseSummary': 'Oedi un o danysgrifiadau crynodeb y sianel hon',
  'subscriptions.resumeSummary':
    'Ailddechrau tanysgrifiad crynodeb sydd wedi’i oedi (ni chaiff cyfnodau a gollwyd tra oedd wedi’i oedi eu postio)',
  'subscriptions.unsubscribeSummary': 'Dod ag un o danysgrifiadau crynodeb y sianel hon i ben',
  'subscriptions.scheduleSummary':
    'Newid pryd mae un o grynodebau’r sianel hon yn cael ei bostio: weekly, monthly neu fynegiad cron, mewn cylchfa amser (cylchfa amser y tanysgrifiad os na roddir un)',
  'subscriptions.nowSummary': 'Postio crynodeb sydd wedi’i danysgrifio i’r sianel hon nawr',
  'subscriptions.needs': 'Hwyluswyr rhanbarth y crynodeb (gweinyddwyr cenedlaethol ar gyfer y crynodeb cenedlaethol), yn y sianel ei hun',
  'subscriptions.listNeeds': 'Unrhyw un, yn y sianel ei hun',

  'subscriptions.notInChannel':
    'Mae tanysgrifiadau crynodeb yn perthyn i sianeli: teipiwch hyn yn y sianel a ddylai gael y crynodeb, nid mewn sgwrs bersonol.',
  'subscriptions.unknownChannel':
    'Nid wyf yn y sianel hon eto, felly ni allwn bostio crynodeb yma. Ychwanegwch fi yn gyntaf (Slack: /invite @CoP Bot; Teams: ychwanegwch yr ap at y tîm), yna rhowch gynnig arall arni.',
  'subscriptions.missingScope':
    'Dywedwch am beth mae’r crynodeb a phryd, er enghraifft: digest subscribe london weekly, neu digest subscribe national monthly.',
  'subscriptions.missingSchedule': (p) =>
    `Dywedwch pryd i bostio’r crynodeb ar ôl "${p.typed}": weekly (bob dydd Llun, 09:00), monthly (diwrnod gwaith cyntaf y mis, 09:00) neu fynegiad cron fel 0 9 * * 1.`,
  'subscriptions.unknownScope': (p) =>
    `Nid wyf yn adnabod "${p.typed}" fel rhanbarth, national, na chod neu enw sefydliad. Rhowch gynnig ar digest subscribe london weekly, digest subscribe RJ1 monthly neu digest subscribe london weekly staff:nurses.`,
  'subscriptions.badTimeZone': (p) =>
    `Nid yw "${p.typed}" yn gylchfa amser rwy’n ei hadnabod. Defnyddiwch enw IANA fel Europe/London (y rhagosodiad), Europe/Dublin neu UTC.`,
  'subscriptions.badCron.fields': (p) =>
    `Nid yw "${p.typed}" yn amserlen. Defnyddiwch weekly, monthly, neu fynegiad cron o bum maes (munud awr diwrnod-o’r-mis mis diwrnod-o’r-wythnos), fel 0 9 * * 1 ar gyfer dyddiau Llun am 09:00.`,
  'subscriptions.badCron.invalid': (p) =>
    `Nid yw "${p.typed}" yn fynegiad cron y gallaf ei ddarllen (${p.detail}). Er enghraifft, mae 0 9 * * 1 yn golygu dyddiau Llun am 09:00.`,
  'subscriptions.badCron.tooOften': (p) =>
    `Byddai "${p.typed}" yn postio mwy nag unwaith y dydd. Dim ond unwaith y dydd ar y mwyaf y gall crynodeb fynd, felly rhowch un munud ac un awr, fel 0 9 * * 1-5 (dyddiau’r wythnos am 09:00).`,
  'subscriptions.badCron.hashed': (p) =>
    `Mae "${p.typed}" yn defnyddio H (amser a ddewisir ar hap), ac ni allaf ddefnyddio hynny: rhowch y munud a’r awr fel rhifau.`,
  'subscriptions.refused': (p) =>
    `Dim ond hwylusydd rhanbarth y crynodeb neu weinyddwr cenedlaethol all newid tanysgrifiadau crynodeb ${p.scope}, felly ni newidiwyd dim.`,
  'subscriptions.refusedNational':
    'Dim ond gweinyddwr cenedlaethol all newid tanysgrifiadau’r crynodeb cenedlaethol, felly ni newidiwyd dim.',
  'subscriptions.exists': (p) =>
    `Mae’r sianel hon eisoes yn cael crynodeb ${p.scope} (tanysgrifiad ${p.number}), felly ni newidiwyd dim. I newid ei amserlen, teipiwch digest schedule ${p.number} a’r amserlen newydd.`,
  'subscriptions.full': (p) =>
    `Mae gan y sianel hon ${p.max} o danysgrifiadau crynodeb eisoes, sef yr uchafswm i sianel, felly ni newidiwyd dim.`,
  'subscriptions.subscribed': (p) =>
    `Wedi’i wneud: bydd y sianel hon yn cael crynodeb cadw staff ${p.scope} ${p.when} (tanysgrifiad ${p.number}). Disgwylir y cyntaf: ${p.next}. Mae’r newid hwn wedi’i gofnodi.`,
  'subscriptions.when.weekly': (p) => `bob dydd Llun am 09:00 (${p.zone})`,
  'subscriptions.when.monthly': (p) => `am 09:00 ar ddiwrnod gwaith cyntaf pob mis (${p.zone})`,
  'subscriptions.when.cron': (p) => `yn ôl yr amserlen cron ${p.expression} (${p.zone})`,
  'subscriptions.noNext': 'byth: nid yw’r amserlen yn enwi dyddiad i ddod',

  'subscriptions.none': 'Nid oes gan y sianel hon danysgrifiadau crynodeb. Gall hwylusydd ychwanegu un: digest subscribe london weekly.',
  'subscriptions.listHeading': 'Tanysgrifiadau crynodeb yn y sianel hon',
  'subscriptions.listSummaryLine': (p) =>
    `${plural(p.count, { one: 'tanysgrifiad crynodeb', two: 'danysgrifiad crynodeb', few: 'thanysgrifiad crynodeb', many: 'thanysgrifiad crynodeb', other: 'tanysgrifiad crynodeb' }, 'cy')} yn y sianel hon`,
  'subscriptions.listTitle': (p) => `${p.number}. ${p.scope}`,
  'subscriptions.listActive': (p) => `Yn cael ei bostio ${p.when}. Nesaf: ${p.next}.`,
  'subscriptions.listPaused': (p) => `Wedi’i oedi gan hwylusydd ers ${p.since} (${p.when}).`,
  'subscriptions.listUnreachable': (p) =>
    `Wedi’i oedi ers ${p.since}: ni allwn bostio yn y sianel hon (${p.when}). Ailddechreuwch ef pan fyddaf yn ôl yn y sianel.`,
  'subscriptions.button.pause': 'Oedi',
  'subscriptions.button.resume': 'Ailddechrau',
  'subscriptions.button.unsubscribe': 'Dad-danysgrifio',
  'subscriptions.button.now': 'Postio nawr',

  'subscriptions.whichOne': (p) =>
    `Mae gan y sianel hon sawl tanysgrifiad crynodeb (${p.numbers}): dywedwch pa un, er enghraifft ${p.command}. Mae digest list yn eu dangos.`,
  'subscriptions.notHere': (p) =>
    `Nid oes gan y sianel hon danysgrifiad crynodeb rhif ${p.number}. Mae digest list yn dangos tanysgrifiadau’r sianel hon.`,
  'subscriptions.paused': (p) =>
    `Wedi’i oedi: ni fydd crynodeb ${p.scope} (tanysgrifiad ${p.number}) yn cael ei bostio yma nes i hwylusydd ei ailddechrau. Mae’r newid hwn wedi’i gofnodi.`,
  'subscriptions.alreadyPaused': (p) => `Mae tanysgrifiad ${p.number} wedi’i oedi eisoes: ni newidiwyd dim.`,
  'subscriptions.resumed': (p) =>
    `Wedi ailddechrau: crynodeb ${p.scope} (tanysgrifiad ${p.number}). Disgwylir y nesaf: ${p.next}. Ni chaiff cyfnodau a gollwyd tra oedd wedi’i oedi eu postio. Mae’r newid hwn wedi’i gofnodi.`,
  'subscriptions.notPaused': (p) => `Nid yw tanysgrifiad ${p.number} wedi’i oedi: ni newidiwyd dim.`,
  'subscriptions.unsubscribed': (p) =>
    `Wedi’i wneud: ni fydd y sianel hon yn cael crynodeb ${p.scope} (tanysgrifiad ${p.number}) mwyach. Mae’r newid hwn wedi’i gofnodi.`,
  'subscriptions.unsubscribeConfirm': (p) =>
    `Rhoi’r gorau i grynodeb ${p.scope} (tanysgrifiad ${p.number}) yn y sianel hon? Mae’n cael ei bostio ${p.when}. Ni ellir dadwneud hyn: i’w gael eto, bydd rhaid i rywun danysgrifio o’r newydd. I’w atal am gyfnod yn lle hynny, oedwch ef.`,
  'subscriptions.button.unsubscribeConfirm': 'Rhoi’r gorau i’r crynodeb hwn',
  'subscriptions.button.pauseInstead': 'Oedi yn lle hynny',
  'subscriptions.goneNoNumber': 'Nid yw’r tanysgrifiad crynodeb hwnnw yn y sianel hon mwyach: ni newidiwyd dim.',
  'subscriptions.scheduleMissing':
    'Dywedwch beth yw’r amserlen newydd, er enghraifft: digest schedule 2 monthly, neu digest schedule 2 0 8 * * 1-5 Europe/London. Mae digest list yn dangos y rhifau.',
  'subscriptions.scheduleSame': (p) => `Mae tanysgrifiad ${p.number} eisoes yn cael ei bostio ${p.when}: ni newidiwyd dim.`,
  'subscriptions.rescheduled': (p) =>
    `Wedi’i wneud: mae crynodeb ${p.scope} (tanysgrifiad ${p.number}) bellach yn cael ei bostio ${p.when}. Disgwylir y nesaf: ${p.next}. Mae’r newid hwn wedi’i gofnodi.`,
  'subscriptions.gone': (p) => `Nid yw tanysgrifiad ${p.number} yn bodoli mwyach: ni newidiwyd dim.`,
  'subscriptions.queuedNow': (p) => `Mae crynodeb ${p.scope} ar ei ffordd i’r sianel hon. Mae hyn wedi’i gofnodi.`,

  'subscriptions.footer': (p) =>
    `Tanysgrifiad ${p.number}: yn cael ei bostio ${p.when}. Gall hwyluswyr ei oedi neu ei atal gyda digest list.`,
  'subscriptions.failedNotice': (p) =>
    `Ni fu modd postio crynodeb cadw staff ${p.scope} (tanysgrifiad ${p.number}, disgwyliedig: ${p.due}) yn y sianel isod ar ôl sawl ymgais (atebodd y platfform: ${p.error}). Rhoddir cynnig ar y cyfnod nesaf yn ôl yr arfer; mae digest now yn y sianel yn ei bostio eto.`,
  'subscriptions.unreachableNotice': (p) =>
    `Ni allaf bostio yn y sianel isod mwyach (cefais fy nhynnu ohoni, neu cafodd ei harchifo neu ei dileu), felly mae crynodeb cadw staff ${p.scope} (tanysgrifiad ${p.number}) wedi’i oedi yno. Ychwanegwch fi yn ôl a theipiwch digest resume ${p.number} yn y sianel i’w ailddechrau.`,
  'subscriptions.channelLine': 'Sianel:',
};
