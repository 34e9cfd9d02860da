// Welsh sentences of the events feature (Cymraeg, for NHS Wales); part of the catalogue in src/core/i18n/cy.ts.
// Terms chosen are listed with their sources in docs/welsh-glossary-events-cases.md. Placeholders that
// hold free text (titles, names, regions) are never put straight after a word that mutates what follows
// ("i", "yn", "gan"), since a title cannot be mutated: the sentence names "y digwyddiad" or uses a colon.
// Counted nouns follow the numeral in the singular, mutated as the spoken numeral needs (dau ddigwyddiad,
// tri chyfarfod, chwe pherson), through plural() with the Welsh plural categories.
import type { CatalogueOf } from '../i18n/catalogue.js';
import { plural, type PluralForms } from '../i18n/plural.js';
import type { eventsEn } from './messages.en.js';

const PERSON: PluralForms = { zero: 'person', one: 'person', two: 'berson', few: 'pherson', many: 'pherson', other: 'person' };
const MEETING: PluralForms = { zero: 'cyfarfod', one: 'cyfarfod', two: 'gyfarfod', few: 'chyfarfod', many: 'chyfarfod', other: 'cyfarfod' };
const EVENT: PluralForms = { zero: 'digwyddiad', one: 'digwyddiad', two: 'ddigwyddiad', other: 'digwyddiad' };
const MINUTE: PluralForms = { zero: 'munud', one: 'munud', two: 'funud', other: 'munud' };
const HOUR: PluralForms = { other: 'awr' };

/** "y dydd Mawrth cyntaf", "yr ail ddydd Mawrth": cyntaf and olaf follow the day, other ordinals precede it. */
function ordinalDay(ordinal: string, weekday: string): string {
  if (ordinal === 'ail') return `yr ail ${weekday.replace(/^dydd\b/, 'ddydd')}`;
  if (ordinal === 'trydydd' || ordinal === 'pedwerydd') return `y ${ordinal} ${weekday}`;
  return `y ${weekday} ${ordinal}`;
}

export const eventsCy: CatalogueOf<typeof eventsEn> = {
  'events.newSummary': 'Trefnu dosbarth meistr, cyfarfod cymunedol, digwyddiad lansio neu weminar',
  'events.editSummary': 'Newid digwyddiad (un cyfarfod o gyfres)',
  'events.cancelSummary': 'Canslo digwyddiad; rhoddir gwybod i bawb a atebodd',
  'events.listSummary': 'Digwyddiadau sydd i ddod mewn rhanbarth (eich un chi yn ddiofyn) a rhai cenedlaethol',
  'events.detailSummary': 'Manylion digwyddiad a’ch ateb chi',
  'events.mineSummary': 'Y digwyddiadau rydych chi’n mynd iddynt, y gallech fynd iddynt, neu rydych ar y rhestr aros ar eu cyfer',
  'events.attendeesSummary': 'Pwy atebodd beth, gyda ffeil CSV i’w lawrlwytho',
  'events.needs.organisers':
    'Hwyluswyr (digwyddiadau yn eu rhanbarthau) a gweinyddwyr cenedlaethol (unrhyw ddigwyddiad, gan gynnwys rhai cenedlaethol)',
  'events.needs.managers': 'Gwesteiwr y digwyddiad, hwyluswyr ei ranbarth, a gweinyddwyr cenedlaethol',

  'events.type.masterclass': 'Dosbarth meistr',
  'events.type.community_meeting': 'Cyfarfod cymunedol',
  'events.type.launch_event': 'Digwyddiad lansio',
  'events.type.webinar': 'Gweminar',
  'events.recurrence.none': 'Nid yw’n ailadrodd',
  'events.recurrence.weekly': 'Bob wythnos',
  'events.recurrence.fortnightly': 'Bob pythefnos',
  'events.recurrence.monthly': 'Bob mis, ar yr un diwrnod o’r wythnos (fel y dydd Mawrth cyntaf)',
  'events.recurrence.monthlyOn': (p) => `Bob mis, ar ${ordinalDay(p.ordinal, p.weekday)} o’r mis`,
  'events.ordinal.1': 'cyntaf',
  'events.ordinal.2': 'ail',
  'events.ordinal.3': 'trydydd',
  'events.ordinal.4': 'pedwerydd',
  'events.ordinal.last': 'olaf',
  'events.weekday.1': 'dydd Llun',
  'events.weekday.2': 'dydd Mawrth',
  'events.weekday.3': 'dydd Mercher',
  'events.weekday.4': 'dydd Iau',
  'events.weekday.5': 'dydd Gwener',
  'events.weekday.6': 'dydd Sadwrn',
  'events.weekday.7': 'dydd Sul',
  'events.waitlist.automatic': 'Rhoi lleoedd sy’n dod yn rhydd i’r rhestr aros yn awtomatig',
  'events.waitlist.offer': 'Cynnig lleoedd sy’n dod yn rhydd, i un person ar y tro',
  'events.answer.going': 'Yn mynd',
  'events.answer.maybe': 'Efallai',
  'events.answer.not_going': 'Methu mynd',
  'events.status.going': 'Yn mynd',
  'events.status.maybe': 'Efallai',
  'events.status.not_going': 'Methu mynd',
  'events.status.waitlisted': 'Ar y rhestr aros',
  'events.national': 'Cenedlaethol (pob rhanbarth)',
  'events.ukTime': '(amser y DU)',
  'events.noHost': 'I’w gadarnhau',
  'events.whereUnknown': 'I’w gadarnhau',
  'events.online': 'Ar-lein',

  'events.form.title': 'Digwyddiad newydd',
  'events.form.editTitle': 'Newid digwyddiad',
  'events.form.submit': 'Creu',
  'events.form.save': 'Cadw’r newidiadau',
  'events.form.intro':
    'Amser y DU yw’r amseroedd (GMT neu BST, fel y mae ar y diwrnod). Cyhoeddir y digwyddiad yn sianeli cymunedol y rhanbarth (sianeli pob rhanbarth, ar gyfer digwyddiad cenedlaethol) gyda botymau i ateb.',
  'events.field.type': 'Math',
  'events.field.title': 'Teitl',
  'events.field.description': 'Pwnc y digwyddiad',
  'events.field.region': 'Rhanbarth',
  'events.field.date': 'Dyddiad',
  'events.field.start': 'Yn dechrau (amser y DU)',
  'events.field.end': 'Yn gorffen (amser y DU)',
  'events.field.onlineUrl': 'Dolen ar-lein (Teams, Zoom…)',
  'events.field.venue': 'Lleoliad',
  'events.field.capacity': 'Lleoedd (gadewch yn wag os nad oes terfyn)',
  'events.field.host': 'Gwesteiwr',
  'events.field.recurrence': 'Ailadrodd',
  'events.field.meetings': (p) => `Nifer y cyfarfodydd os yw’n ailadrodd (${p.min} i ${p.max})`,
  'events.field.waitlist': 'Pan fydd y digwyddiad yn llawn',
  'events.field.offerHours': 'Am faint o oriau y cedwir lle a gynigir',

  'events.error.form': 'Nid oedd modd darllen rhywbeth yn y ffurflen. Agorwch hi eto.',
  'events.error.type': 'Dewiswch y math o ddigwyddiad.',
  'events.error.title': (p) => `Rhowch deitl o 3 i ${p.max} nod.`,
  'events.error.description': (p) => `Disgrifiwch bwnc y digwyddiad, mewn hyd at ${p.max} nod.`,
  'events.error.region': 'Dewiswch ranbarth, neu’r dewis cenedlaethol.',
  'events.error.regionRefused':
    'Dim ond yn y rhanbarthau rydych chi’n eu hwyluso y gallwch greu digwyddiadau; mae digwyddiadau cenedlaethol ar gyfer gweinyddwyr cenedlaethol.',
  'events.error.date': 'Dewiswch ddyddiad.',
  'events.error.past': 'Mae’r amser hwnnw wedi mynd heibio. Dewiswch ddyddiad ac amser yn y dyfodol.',
  'events.error.time': 'Rhowch amser fel 14:30.',
  'events.error.timeSkipped': (p) =>
    `Nid yw’r amser hwnnw’n bodoli yn y DU ar ${p.date}: mae’r clociau’n mynd ymlaen awr. Dewiswch amser arall.`,
  'events.error.timeRepeated': (p) =>
    `Mae’r amser hwnnw’n digwydd ddwywaith yn y DU ar ${p.date}: mae’r clociau’n mynd yn ôl awr. Dewiswch amser arall.`,
  'events.error.endBeforeStart': 'Rhaid i’r diwedd fod ar ôl y dechrau, ar yr un diwrnod.',
  'events.error.onlineUrl': 'Rhowch y cyfeiriad gwe llawn, gan ddechrau gyda https://',
  'events.error.venueLength': (p) => `Cadwch y lleoliad o fewn ${p.max} nod.`,
  'events.error.where': 'Rhowch leoliad neu ddolen ar-lein (neu’r ddau).',
  'events.error.capacity': (p) => `Rhaid i nifer y lleoedd fod yn rhif cyfan o 1 i ${p.max}, neu’n wag os nad oes terfyn.`,
  'events.error.host': 'Dewiswch westeiwr sy’n aelod.',
  'events.error.recurrence': 'Dewiswch sut mae’r digwyddiad yn ailadrodd.',
  'events.error.meetings': (p) => `Rhowch nifer cyfan o gyfarfodydd o ${p.min} i ${p.max}.`,
  'events.error.waitlist': 'Dewiswch beth sy’n digwydd pan fydd y digwyddiad yn llawn.',
  'events.error.offerHours': (p) => `Rhowch nifer cyfan o oriau o 1 i ${p.max}.`,

  'events.created': (p) => `Wedi’i greu: digwyddiad ${p.number} yw ${p.title}.`,
  'events.createdSeries': (p) => `Wedi’i greu: ${p.title}, ${plural(p.count, MEETING, 'cy')}, sef digwyddiadau ${p.first} i ${p.last}.`,
  'events.changed': (p) => `Wedi’i gadw: mae digwyddiad ${p.number}, ${p.title}, wedi newid. Rhoddir gwybod i bawb a atebodd.`,
  'events.cancelConfirm': (p) =>
    `Canslo ${p.title}? Rhoddir gwybod i’r ${plural(p.people, PERSON, 'cy')} sy’n mynd, a allai fynd neu sydd ar y rhestr aros. Ni ellir dadwneud hyn.`,
  'events.button.cancelConfirm': 'Canslo’r digwyddiad',
  'events.button.open': 'Agor',
  'events.cancelled': (p) => `Mae ${p.title} wedi’i ganslo. Rhoddir gwybod i bawb a atebodd.`,
  'events.cancelChoose': (p) =>
    `Mae ${p.title} yn un cyfarfod mewn cyfres. Canslo’r cyfarfod hwn yn unig (${p.when}), neu’r gyfres gyfan: y ${plural(p.count, MEETING, 'cy')} sydd i ddod, a’r olaf: ${p.last}? Rhoddir gwybod i’r rhai sy’n mynd, a allai fynd neu sydd ar y rhestr aros. Ni ellir dadwneud hyn.`,
  'events.button.cancelMeeting': (p) => `Canslo ${p.date} yn unig`,
  'events.button.cancelSeries': (p) => `Canslo pob un o’r ${plural(p.count, MEETING, 'cy')}`,
  'events.cancelledMeeting': (p) =>
    `Mae ${p.title} (${p.when}) wedi’i ganslo; bydd cyfarfodydd eraill y gyfres yn mynd yn eu blaen. Rhoddir gwybod i bawb a atebodd.`,
  'events.cancelledSeries': (p) =>
    `Mae ${p.title} wedi’i ganslo: ${plural(p.count, MEETING, 'cy')}. Rhoddir gwybod i bawb a atebodd. Wedi’u canslo:`,
  'events.alreadyCancelled': 'Mae’r digwyddiad hwnnw wedi’i ganslo eisoes: ni newidiwyd dim.',
  'events.isCancelled': 'Mae’r digwyddiad hwn wedi’i ganslo.',
  'events.cancelledHeading': (p) => `Wedi’i ganslo: ${p.title}`,
  'events.cancelledText': (p) => `Ni fydd y digwyddiad hwn (${p.when}, amser y DU) yn cael ei gynnal.`,
  'events.unknown': (p) => `Nid oes digwyddiad ${p.number}. Teipiwch events i weld y rhai sydd i ddod.`,
  'events.unknownButton': 'Nid yw’r botwm hwnnw’n enwi digwyddiad rwy’n ei adnabod, felly ni newidiwyd dim.',
  'events.joinFirst': 'Ymunwch yn gyntaf: teipiwch join.',
  'events.refusedCreate': 'Dim ond hwyluswyr a gweinyddwyr cenedlaethol sy’n gallu creu digwyddiadau, felly ni newidiwyd dim.',
  'events.refusedManage':
    'Dim ond gwesteiwr y digwyddiad, hwylusydd ei ranbarth neu weinyddwr cenedlaethol sy’n gallu gwneud hynny, felly ni newidiwyd dim.',

  'events.fact.when': 'Pryd',
  'events.fact.where': 'Ble',
  'events.fact.type': 'Math',
  'events.fact.region': 'Rhanbarth',
  'events.fact.host': 'Gwesteiwr',
  'events.fact.repeats': 'Ailadrodd',
  'events.button.calendar': 'Ychwanegu at y calendr',
  'events.button.calendarUpdate': 'Diweddaru eich calendr',
  'events.button.meeting': 'Ymuno ar-lein',
  'events.button.recording': 'Recordiad a sleidiau',
  'events.button.csv': 'Lawrlwytho CSV',
  'events.counts': (p) =>
    `${p.going} yn mynd · ${p.maybe} efallai · ${p.notGoing} yn methu mynd · ${p.waitlisted} ar y rhestr aros · ${p.places}`,
  'events.counts.noLimit': 'dim terfyn ar nifer y lleoedd',
  'events.counts.places': (p) => `${p.left} o ${p.capacity} lle ar ôl`,
  'events.myAnswer': 'Eich ateb:',
  'events.myAnswer.none': 'dim ateb eto.',
  'events.myAnswer.going': 'yn mynd.',
  'events.myAnswer.maybe': 'efallai.',
  'events.myAnswer.not_going': 'methu mynd.',
  'events.myAnswer.waitlisted': (p) => `ar y rhestr aros, rhif ${p.position} yn y ciw.`,
  'events.myAnswer.offered': 'mae lle yn cael ei gynnig i chi: hawliwch ef gyda’r botwm yn eich negeseuon.',
  'events.button.attendees': 'Mynychwyr',
  'events.button.edit': 'Newid',
  'events.button.cancel': 'Canslo digwyddiad',
  'events.button.join': 'Ymuno â’r gymuned',

  'events.listHeading': (p) => `Digwyddiadau sydd i ddod: ${p.region} a rhai cenedlaethol`,
  'events.listHeadingAll': 'Digwyddiadau sydd i ddod ym mhob rhanbarth',
  'events.listEmpty': 'Nid oes digwyddiadau i ddod eto.',
  'events.listRange': (p) => `${p.from} i ${p.to} o ${p.total}`,
  'events.listHint': 'I weld y manylion ac i ateb, teipiwch',
  'events.more': 'Mwy',
  'events.mineHeading': 'Eich digwyddiadau sydd i ddod',
  'events.mineEmpty': 'Nid oes gennych ddigwyddiadau i ddod. Teipiwch events i weld beth sydd ymlaen.',

  'events.rsvp.going': (p) => `Rydych chi’n mynd i’r digwyddiad hwn: ${p.title}, ${p.when} (amser y DU).`,
  'events.rsvp.maybe': (p) => `Efallai y byddwch chi’n mynd i’r digwyddiad hwn: ${p.title}, ${p.when} (amser y DU).`,
  'events.rsvp.not_going': (p) => `Wedi’i nodi, ni allwch chi fynd i’r digwyddiad hwn: ${p.title}.`,
  'events.rsvp.waitlisted': (p) =>
    `Mae ${p.title} yn llawn, felly rydych chi ar y rhestr aros: rhif ${p.position}. Os daw lle yn rhydd, fe rof wybod i chi.`,
  'events.rsvp.unchanged': 'Dim newid:',
  'events.rsvp.cancelled': 'Mae’r digwyddiad hwnnw wedi’i ganslo, felly ni chofnodwyd dim.',
  'events.rsvp.past': 'Mae’r digwyddiad hwnnw wedi dechrau eisoes, felly ni chofnodwyd dim.',
  'events.rsvp.joinFirst': (p) =>
    `I ateb ar gyfer ${p.title}, ymunwch â’r gymuned yn gyntaf. Caiff eich ateb (${p.answer}) ei gofnodi cyn gynted ag y byddwch wedi ymuno.`,
  'events.rsvp.joinIntro': (p) => `Unwaith y byddwch wedi ymuno, caiff eich ateb ar gyfer ${p.title} (${p.answer}) ei gofnodi.`,
  'events.claim.notYours': 'Cafodd y lle hwnnw ei gynnig i rywun arall, felly ni newidiwyd dim.',
  'events.claim.none': 'Nid oes lle yn cael ei gynnig i chi ar gyfer y digwyddiad hwnnw.',
  'events.claim.expired': 'Mae’n ddrwg gen i, mae’r cynnig hwnnw wedi dod i ben; rydych chi’n dal ar y rhestr aros.',

  'events.attendeesHeading': (p) => `Mynychwyr: ${p.title} (#${p.number})`,
  'events.attendeesGroup': (p) => `${p.status}: ${p.count}`,
  'events.attendeesNone': 'Nid oes neb wedi ateb eto.',
  'events.attendeesMore': (p) => `Yn dangos ${p.shown} o ${p.total}: mae pawb yn y ffeil CSV.`,
  'events.attendeesCsv': (p) => `Pawb a atebodd, fel ffeil CSV: bydd y ddolen lawrlwytho’n gweithio am ${plural(p.minutes, MINUTE, 'cy')}.`,
  'events.calendar.findIt': (p) => `CoP Bot: digwyddiad ${p.number}`,
  'events.csv.name': 'Enw',
  'events.csv.organisation': 'Sefydliad',
  'events.csv.answer': 'Ateb',
  'events.csv.position': 'Safle ar y rhestr aros',
  'events.csv.attended': 'Yn bresennol',
  'events.csv.rating': 'Sgôr',
  'events.csv.yes': 'Ie',
  'events.csv.no': 'Na',
  'events.csv.date': 'Dyddiad',
  'events.csv.start': 'Dechrau (amser y DU)',
  'events.csv.end': 'Diwedd (amser y DU)',
  'events.csv.hours': 'Oriau',
  'events.csv.type': 'Math',
  'events.csv.title': 'Teitl',
  'events.csv.host': 'Gwesteiwr',

  'events.notice.promoted': (p) =>
    `Newyddion da: daeth lle yn rhydd a chi sy’n ei gael. Rydych chi’n mynd i’r digwyddiad hwn: ${p.title}, ${p.when}.`,
  'events.notice.offered': (p) =>
    `Daeth lle yn rhydd yn y digwyddiad hwn: ${p.title}, ${p.when}. Caiff ei gadw i chi tan ${p.until} (amser y DU): hawliwch ef gyda’r botwm.`,
  'events.button.claim': 'Hawlio’r lle',
  'events.notice.changed': (p) =>
    `Mae ${p.title} wedi newid. Yr amser newydd yw ${p.when}; ble: ${p.where}. (Yr hen amser oedd ${p.before}.)`,
  'events.notice.host': (p) => `Rydych wedi’ch enwi fel gwesteiwr ${p.title}, ${p.when} (digwyddiad ${p.number}).`,
  'events.notice.hostSeries': (p) =>
    `Rydych wedi’ch enwi fel gwesteiwr ${p.title}: ${plural(p.count, MEETING, 'cy')}, y cyntaf: ${p.when} (digwyddiadau ${p.first} i ${p.last}).`,
  'events.notice.hostManage': (p) =>
    `Fel gwesteiwr gallwch ei newid (event edit ${p.number}), gweld pwy sy’n dod (attendees ${p.number}) neu ei ganslo (event cancel ${p.number}).`,
  'events.button.see': 'Gweld y digwyddiad',
  'events.notice.cancelled': (p) => `Mae ${p.title}, ${p.when}, wedi’i ganslo ac ni fydd yn cael ei gynnal.`,
  'events.notice.reminder': (p) => `Nodyn atgoffa: mae ${p.title} yn dechrau ymhen ${p.before}, ${p.when}.`,
  'events.notice.followUp': (p) => `Diolch am ddod i’r digwyddiad hwn: ${p.title}. Mae’r recordiad a’r sleidiau y tu ôl i’r botwm isod.`,
  'events.notice.rate': 'Pa mor ddefnyddiol oedd y digwyddiad, o 1 (ddim o gwbl) i 5 (defnyddiol iawn)?',
  'events.attendanceSummary': 'Ar ôl digwyddiad: nodi pwy oedd yn bresennol ac anfon y recordiad a’r sleidiau atynt',
  'events.summarySummary': 'Ar ôl digwyddiad: atebion, presenoldeb a sgoriau',
  'events.recordSummary': 'Y digwyddiadau y buoch ynddynt, gyda dyddiadau ac oriau, fel tystiolaeth DPP',
  'events.attendance.title': 'Presenoldeb',
  'events.attendance.submit': 'Cadw',
  'events.attendance.intro': (p) => `${p.title}, ${p.when} (amser y DU). Mae tic wrth y rhai a ddywedodd eu bod yn mynd.`,
  'events.attendance.field': 'Pwy oedd yn bresennol',
  'events.attendance.followUp': 'Dolen i’r recordiad a’r sleidiau, a anfonir at y rhai a oedd yn bresennol',
  'events.attendance.notYet': 'Gellir nodi presenoldeb unwaith y bydd y digwyddiad wedi dechrau.',
  'events.attendance.unknown': 'Dewiswch ddim ond pobl a atebodd ar gyfer y digwyddiad hwn.',
  'events.attendance.done': (p) => `Wedi’i gadw: ${p.title}, roedd ${plural(p.count, PERSON, 'cy')} yn bresennol.`,
  'events.attendance.doneSent': (p) =>
    `Wedi’i gadw: ${p.title}, roedd ${plural(p.count, PERSON, 'cy')} yn bresennol; anfonir y ddolen atynt a gofynnir iddynt roi sgôr.`,
  'events.rate.thanks': (p) => `Diolch: rhoesoch sgôr o ${p.rating} allan o 5.`,
  'events.rate.notAttended': 'Dim ond y rhai a oedd yn bresennol sy’n gallu rhoi sgôr i ddigwyddiad, felly ni chofnodwyd dim.',
  'events.summaryHeading': (p) => `Crynodeb: ${p.title} (#${p.number})`,
  'events.summary.answers': 'Atebion',
  'events.summary.attended': 'Yn bresennol',
  'events.summary.notMarked': 'Heb ei nodi eto',
  'events.summary.ratings': 'Sgoriau',
  'events.summary.ratingValue': (p) => `${p.average} allan o 5 gan ${plural(p.count, PERSON, 'cy')} (${p.spread})`,
  'events.summary.noRatings': 'Dim eto',
  'events.summary.followUp': 'Neges ddilynol wedi’i hanfon',
  'events.summary.followUpSent': 'Do',
  'events.recordHeading': 'Eich cofnod: digwyddiadau y buoch ynddynt',
  'events.recordEmpty':
    'Nid oes unrhyw ddigwyddiadau y buoch ynddynt wedi’u cofnodi i chi eto. Mae gwesteiwyr yn nodi presenoldeb ar ôl pob digwyddiad.',
  'events.recordHours': (p) => plural(p.hours, HOUR, 'cy'),
  'events.recordTotal': (p) => `${plural(p.count, EVENT, 'cy')}, ${plural(p.hours, HOUR, 'cy')} i gyd.`,
  'events.recordCsv': (p) =>
    `Eich cofnod fel ffeil CSV, ar gyfer eich tystiolaeth ailddilysu: bydd y ddolen lawrlwytho’n gweithio am ${plural(p.minutes, MINUTE, 'cy')}.`,
  'welcome.events': (p) => `Ar y gweill yn rhanbarth ${p.region} ac yn genedlaethol; i ateb, teipiwch`,
  'events.hours': (p) => plural(p.count, HOUR, 'cy'),
  'events.minutes': (p) => plural(p.count, MINUTE, 'cy'),
};
