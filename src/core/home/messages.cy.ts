// Welsh sentences of the home page; part of the catalogue in src/core/i18n/cy.ts.
import type { CatalogueOf } from '../i18n/catalogue.js';
import { plural } from '../i18n/plural.js';
import type { homeEn } from './messages.en.js';

export const homeCy: CatalogueOf<typeof homeEn> = {
  'home.commandSummary':
    'Eich tudalen yn gryno: eich digwyddiadau nesaf, crynodeb diweddaraf eich rhanbarth, astudiaethau achos newydd a’r hyn sy’n aros amdanoch',
  'home.slackHint':
    'Mae’r dudalen hon hefyd ar dab Hafan CoP Bot, ac mae’n cael ei diweddaru pan fyddwch yn ateb digwyddiad neu’n newid eich proffil.',
  'home.teamsHint': 'Teipiwch hafan ar unrhyw adeg i weld y dudalen hon eto.',

  'home.events.mine': 'Eich digwyddiadau nesaf',
  'home.events.mineNone': 'Nid ydych wedi ateb unrhyw ddigwyddiad sydd i ddod.',
  'home.events.region': (p) => `Ar y gweill yn rhanbarth ${p.region}`,
  'home.events.regionNone': (p) => `Nid oes dim arall ar y gweill yn rhanbarth ${p.region} eto.`,
  'home.button.events': 'Digwyddiadau',

  'home.digest.heading': 'Crynodeb diweddaraf eich rhanbarth',
  'home.digest.posted': (p) => `${p.region} (postiwyd ddiwethaf: ${p.date}):`,
  'home.digest.none': (p) => `Nid oes crynodeb wedi’i bostio i sianeli rhanbarth ${p.region} eto.`,
  'home.digest.noFigures': (p) => `Nid oes ffigurau wedi’u cyhoeddi ar gyfer rhanbarth ${p.region} eto.`,
  'home.button.digest': 'Gweld y crynodeb',

  'home.cases.heading': 'Astudiaethau achos newydd',
  'home.cases.none': 'Nid oes astudiaeth achos wedi’i chyhoeddi eto.',
  'home.button.cases': 'Astudiaethau achos',

  'home.queues.heading': 'Yn aros amdanoch',
  // Nouns stay singular after a Welsh numeral; neither noun mutates after "dwy"/"dau".
  'home.queues.cases': (p) => `${plural(p.count, { other: 'astudiaeth achos' }, 'cy')} yn aros am adolygiad`,
  'home.queues.organisations': (p) => `${plural(p.count, { other: 'sefydliad' }, 'cy')} yn aros i gael eu cadarnhau`,
  'home.button.reviewCases': 'Adolygu astudiaethau achos',
  'home.button.confirmOrganisations': 'Cadarnhau sefydliadau',

  'home.visitor.suggest':
    'Gallwch edrych o gwmpas yn gyntaf: astudiaethau achos o’r hyn a weithiodd mewn mannau eraill, a’r digwyddiadau sydd i ddod.',
};
