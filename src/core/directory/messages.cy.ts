// Welsh sentences of the member directory (Cymraeg); part of the catalogue in src/core/i18n/cy.ts.
// Needs review by a qualified Welsh translator before production use (docs/welsh-glossary.md).
// Region names are inserted as they are stored, so sentences put them where Welsh does not mutate them
// ("rhanbarth London", not "yn London").
import type { CatalogueOf } from '../i18n/catalogue.js';
import { plural } from '../i18n/plural.js';
import type { directoryEn } from './messages.en.js';

const members = (count: number) => plural(count, { other: 'aelod' }, 'cy');

export const directoryCy: CatalogueOf<typeof directoryEn> = {
  'directory.commandSummary': 'Aelodau rhanbarth, fesul rôl neu grŵp staff',
  'directory.needs': 'Aelodau (pawb a ddewisodd gael eu rhestru); mae hwyluswyr yn gweld holl aelodau eu rhanbarthau',
  'directory.heading': (p) => `Aelodau rhanbarth ${p.region}`,
  'directory.summary': (p) => `${members(p.total)} yn rhanbarth ${p.region}`,
  'directory.range': (p) => `${p.from} i ${p.to} o ${p.total}`,
  'directory.optedInOnly': 'Yn dangos yr aelodau a ddewisodd gael eu rhestru yn y cyfeiriadur.',
  'directory.allMembers': 'Yn dangos pob aelod o’r rhanbarth, gan mai chi sy’n ei hwyluso.',
  'directory.empty': 'Nid oes unrhyw aelodau’n cyfateb.',
  'directory.more': 'Rhagor',
  'directory.export': 'Allforio fel CSV',
  'directory.exportSummary': 'Aelodau rhanbarth fel taenlen (CSV)',
  'directory.exportNeeds': 'Hwyluswyr y rhanbarth, a gweinyddwyr cenedlaethol',
  'directory.exportRefused': (p) =>
    `Dim ond hwyluswyr rhanbarth ${p.region} a gweinyddwyr cenedlaethol all allforio ei aelodau, felly ni allforiwyd dim.`,
  'directory.exportSummaryLine': (p) =>
    `${members(p.count)} yn rhanbarth ${p.region}. Mae’r ffeil yn cynnwys data personol: cadwch hi’n ddiogel a’i dileu pan fyddwch wedi gorffen.`,
  'directory.exportSent': 'Rwyf wedi anfon y ffeil atoch mewn neges uniongyrchol.',
  'directory.exportFailed': 'Mae’n ddrwg gennyf, ni allwn anfon y ffeil atoch. Rhowch gynnig arall arni ymhen ychydig.',
  'directory.csv.name': 'Enw',
  'directory.csv.organisation': 'Sefydliad',
  'directory.csv.odsCode': 'Cod ODS',
  'directory.csv.region': 'Rhanbarth',
  'directory.csv.role': 'Rôl',
  'directory.csv.staffGroups': 'Grwpiau staff',
  'directory.csv.themes': 'Themâu People Promise',
  'directory.csv.listed': 'Wedi’i restru yn y cyfeiriadur',
  'directory.csv.joined': 'Dyddiad ymuno',
  'directory.csv.yes': 'Ie',
  'directory.csv.no': 'Na',
  'directory.joinFirst': 'Mae’r cyfeiriadur ar gyfer aelodau: teipiwch join i ddod yn aelod.',
  'directory.whichRegion': 'Pa ranbarth? Er enghraifft: members london',
  'directory.unknownFilter': (p) =>
    `Nid wyf yn adnabod "${p.typed}" fel rhanbarth, rôl na grŵp staff. Teipiwch help members i weld enghreifftiau.`,
};
