// Welsh sentences of linking a member's Slack and Teams accounts (Cymraeg); part of src/core/i18n/cy.ts.
// Needs review by a qualified Welsh translator before production use (docs/welsh-glossary.md).
import type { CatalogueOf } from '../i18n/catalogue.js';
import { plural } from '../i18n/plural.js';
import type { linkingEn } from './messages.en.js';

const minutes = (count: number) => plural(count, { one: 'munud', two: 'funud', other: 'munud' }, 'cy');

export const linkingCy: CatalogueOf<typeof linkingEn> = {
  'link.commandSummary':
    'Cysylltu eich cyfrifon Slack a Teams ag un aelodaeth: mae link yn cysylltu’r cyfrif hwn drwy eich cyfeiriad e-bost wedi’i ddilysu, neu’n rhoi cod i’w deipio ar y platfform arall',
  'link.needs':
    'Mae aelodau’n cael cod; ar y platfform arall, gall unrhyw un gysylltu drwy ei gyfeiriad e-bost wedi’i ddilysu neu drwy god',
  'link.created.toTeams': (p) =>
    `Eich cod cysylltu yw ${p.code}. Yn Microsoft Teams, teipiwch link ${p.code} i CoP Bot o fewn ${minutes(p.minutes)}. Mae’n gweithio unwaith; cadwch ef i chi’ch hun.`,
  'link.created.toSlack': (p) =>
    `Eich cod cysylltu yw ${p.code}. Yn Slack, teipiwch /cop link ${p.code} o fewn ${minutes(p.minutes)}. Mae’n gweithio unwaith; cadwch ef i chi’ch hun.`,
  'link.created.replaces': 'Nid yw unrhyw god a gawsoch o’r blaen yn gweithio mwyach.',
  'link.notMember':
    'Nid ydych wedi ymuno ar y platfform hwn. Os ydych yn aelod ar y platfform arall, teipiwch link yno i gael cod, yna teipiwch link a’r cod yma.',
  'link.left': 'Rydych wedi gadael y gymuned. Teipiwch join i ddod yn ôl, yna link.',
  'link.personalOnly':
    'Er mwyn i neb arall weld eich cod, dim ond mewn sgwrs bersonol y byddaf yn rhoi codau cysylltu. Agorwch sgwrs gyda CoP Bot a theipiwch link yno.',
  'link.badCode': 'Nid yw hwnnw’n god cysylltu: mae cod yn cynnwys 8 llythyren a rhif, fel K7QM2XPA.',
  'link.byEmail.done': (p) =>
    `Wedi’i wneud: mae’r cyfeiriad e-bost y mae eich platfformau wedi’i ddilysu yr un fath yma ac ar y platfform arall, felly mae’r cyfrif hwn bellach wedi’i gysylltu ag aelodaeth ${p.name}. Mae eich proffil, eich rhanbarth a’ch rolau yr un fath ar y ddau blatfform; mae my data yn rhestru’r ddau gyfrif.`,
  'link.done': (p) =>
    `Wedi’i wneud: mae’r cyfrif hwn bellach wedi’i gysylltu ag aelodaeth ${p.name}. Mae eich proffil, eich rhanbarth a’ch rolau yr un fath ar y ddau blatfform; mae my data yn rhestru’r ddau gyfrif.`,
  'link.refused.invalid':
    'Nid yw’r cod hwnnw’n gweithio: efallai ei fod wedi’i gamdeipio, wedi dod i ben (mae codau’n para 15 munud) neu wedi’i ddefnyddio eisoes. Ni newidiwyd dim. Teipiwch link ar y platfform lle rydych yn aelod i gael un newydd.',
  'link.refused.samePlatform':
    'Cafodd y cod hwnnw ei greu ar y platfform hwn. Teipiwch ef i’r bot ar y platfform arall, lle rydych am ychwanegu eich cyfrif. Ni newidiwyd dim.',
  'link.refused.alreadyLinked': 'Mae’r cyfrif hwn eisoes wedi’i gysylltu â’r aelodaeth honno. Ni newidiwyd dim.',
  'link.refused.alreadyMember':
    'Rydych eisoes yn aelod ar y platfform hwn, gyda phroffil ar wahân, ac nid yw CoP Bot yn cyfuno dau broffil. I gysylltu, teipiwch erase my data yn gyntaf ar yr ochr lle nad ydych eisiau’r proffil mwyach (nid yw leave yn ddigon: mae’n cadw’r proffil), yna mynnwch god newydd gyda link ar yr ochr arall. Ni newidiwyd dim.',
  'link.refused.tooManyAttempts':
    'Mae gormod o godau nad oeddent yn gweithio wedi’u teipio o’r cyfrif hwn, felly ni fyddaf yn gwirio codau ar ei gyfer am y 15 munud nesaf. Ni newidiwyd dim. Wedyn, teipiwch y cod yn union fel y’i rhoddwyd, neu fynnwch un newydd gyda link ar y platfform arall.',
  'link.refused.platformTaken':
    'Mae gan yr aelodaeth honno gyfrif ar y platfform hwn eisoes, a dim ond un cyfrif ar bob platfform y gall aelod ei gael. Ni newidiwyd dim.',
};
