// Welsh sentences of the bot itself (Cymraeg): its name, help's frame, regions and errors; part of the
// catalogue in src/core/i18n/cy.ts. Needs review by a qualified Welsh translator (docs/welsh-glossary.md).
import type { CatalogueOf } from './catalogue.js';
import type { coreEn } from './messages.en.js';
import { plural } from './plural.js';

export const coreCy: CatalogueOf<typeof coreEn> = {
  'bot.name': 'CoP Bot',
  'bot.tagline':
    'Rwy’n helpu cymunedau ymarfer cadw staff y GIG i weithio lle maen nhw eisoes yn sgwrsio: aelodau a rhanbarthau, dosbarthiadau meistr a chyfarfodydd, astudiaethau achos, a chrynodebau o fetrigau cadw staff.',

  'help.summary': 'Cymorth CoP Bot: beth y gallwch ei wneud, fesul pwnc',
  'help.commandsHeading': 'Gorchmynion',
  'help.moreAboutOne': 'I gael rhagor am un pwnc, teipiwch',
  'help.commandSummary': 'Beth mae’r bot yn ei wneud, a phob gorchymyn, gydag enghreifftiau',
  'help.usage': 'Defnydd',
  'help.examples': 'Enghreifftiau',
  'help.commandTitle': (p) => `Cymorth: ${p.command}`,

  'regions.commandSummary': 'Y rhanbarthau a’u sianeli cymunedol',
  'regions.heading': 'Rhanbarthau',
  'regions.summary': (p) =>
    `${plural(p.count, { zero: 'rhanbarth', one: 'rhanbarth', two: 'ranbarth', few: 'rhanbarth', many: 'rhanbarth', other: 'rhanbarth' }, 'cy')} a’u sianeli cymunedol`,
  'regions.noChannel': 'Dim sianel gymunedol wedi’i chysylltu eto',
  'regions.england': 'GIG Lloegr',
  'regions.wales': 'GIG Cymru',
  'regions.didYouMean': (p) => `Oeddech chi’n golygu ${p.region}?`,
  'regions.none': 'Nid oes unrhyw ranbarthau wedi’u sefydlu eto. Gofynnwch i weinyddwr hadu’r gronfa ddata (database seed).',

  'help.whoCanUse': 'Pwy all ei ddefnyddio',

  'error.unknownCommand': (p) => `Nid wyf yn adnabod y gorchymyn "${p.word}".`,
  'error.didYouMean': 'Oeddech chi’n golygu',
  'error.seeHelp': 'I weld pob gorchymyn, teipiwch',
  'error.badArguments': (p) => `Nid dyna’n union sut mae "${p.command}" yn gweithio.`,
  'error.tooManyWords': (p) => `Nid oeddwn yn disgwyl "${p.extra}" yn y fan honno.`,
  'error.busy':
    'Mae gen i fwy i’w wneud nag y gallaf ei gymryd ar hyn o bryd, felly wnes i mo hynny ac ni newidiwyd dim. Rhowch gynnig arall arni ymhen munud.',
  'error.internal': 'Mae’n ddrwg gennyf, aeth rhywbeth o’i le ar fy ochr i ac ni newidiwyd dim. Rhowch gynnig arall arni ymhen munud.',
  'error.unknownAction': 'Nid yw’r botwm hwnnw’n gwneud dim bellach. Teipiwch y gorchymyn eto.',
};
