// Welsh sentences of the metrics import (Cymraeg); part of the catalogue in src/core/i18n/cy.ts.
// Needs review by a qualified Welsh translator before production use (docs/welsh-glossary.md).
// Terms (cyfradd gadael, cyfrif pennau, trosiant, ymadawyr, ymunwyr) are listed in docs/welsh-glossary.md.
import type { CatalogueOf } from '../i18n/catalogue.js';
import { plural } from '../i18n/plural.js';
import type { metricsEn } from './messages.en.js';

/** "rhes" (a row) is feminine: "dwy res" after 2. */
const rows = (count: number) => plural(count, { one: 'rhes', two: 'res', other: 'rhes' }, 'cy');

export const metricsCy: CatalogueOf<typeof metricsEn> = {
  'metrics.import.imported': (p) =>
    `Mewnforiwyd ${rows(p.rows)} o’r ffeil ${p.source} (fformat ${p.layout}) ar gyfer ${p.months}. Disodlwyd ffigurau blaenorol ar gyfer yr un sefydliadau a’r un misoedd.`,
  'metrics.import.importedSkipping': (p) => `Rhesi gwallus a hepgorwyd (wedi’u rhestru isod): ${p.count}.`,
  'metrics.import.rejected': (p) =>
    `Ni fewnforiwyd dim o’r ffeil ${p.source}: rhesi â phroblemau, wedi’u rhestru isod: ${p.count}. Cywirwch nhw a mewnforiwch y ffeil eto, neu fewnforiwch gyda --skip-invalid i’w hepgor.`,
  'metrics.import.rejectedFile': (p) => `Ni fewnforiwyd dim o’r ffeil ${p.source}: ${p.reason}.`,
  'metrics.import.nothingGood': (p) => `Ni fewnforiwyd dim o’r ffeil ${p.source}: nid oedd modd defnyddio unrhyw res.`,
  'metrics.import.line': (p) => `Llinell ${p.line}: ${p.reason}`,
  'metrics.import.moreLines': (p) => `...a rhagor (${p.count} arall).`,
  'metrics.import.warningsHeading': (p) => `Rhesi a fewnforiwyd gyda sylw: ${p.count}.`,
  'metrics.import.problemsHeading': 'Rhesi â phroblemau:',
  'metrics.import.ignoredColumns': (p) => `Colofnau nad yw’r fformat hwn yn eu defnyddio, wedi’u hepgor: ${p.columns}.`,
  'metrics.import.unnamedColumn': 'colofn heb enw',
  'metrics.import.suppressed': (p) => `Ffigurau wedi’u hatal yn y ffeil (*, c), wedi’u cadw fel rhai anhysbys, nid fel sero: ${p.columns}.`,
  'metrics.import.notGiven': (p) => `Ffigurau heb eu rhoi yn y ffeil (gwag, -, .., x, z), wedi’u cadw fel rhai anhysbys: ${p.columns}.`,
  'metrics.import.unknownStaffGroupsHeading': 'Grwpiau staff nad wyf yn eu hadnabod:',
  'metrics.import.unknownStaffGroup': (p) => `"${p.label}" (${rows(p.rows)}): oeddech chi’n golygu "${p.suggestion}"?`,
  'metrics.import.changesHeading': (p) =>
    `Newidiadau sefydliadol a ganfuwyd (mae mis lle mae’r ymadawyr neu’r ymunwyr yn ${p.share}% o’r cyfrif pennau o leiaf, ac yn ${plural(p.people, { other: 'unigolyn' }, 'cy')} o leiaf, yn drosglwyddiad staff, yn gyfuniad neu’n ddiddymiad, nid yn drosiant). Caiff y misoedd hyn eu hepgor o gyfnodau 12 mis, ac mae’r crynodebau’n eu henwi:`,
  'metrics.import.change': (p) =>
    `${p.organisation}, ${p.month}, ${p.staffGroup}: nifer yr ${p.flow === 'leavers' ? 'ymadawyr' : 'ymunwyr'} oedd ${p.count}, sef ${p.share}% o gyfrif pennau o ${p.headcount}.`,
  'metrics.upload.heading': (p) => `Mewnforio metrigau: ${p.name}`,
  'metrics.upload.refused':
    'Dim ond hwyluswyr a gweinyddwyr cenedlaethol all fewnforio ffigurau cadw staff, felly nid wyf wedi darllen na chadw’r ffeil hon. Os dylai ffigurau eich sefydliad fod yn y crynodebau, anfonwch nhw at hwylusydd eich rhanbarth.',
  'metrics.upload.notCsv': (p) =>
    `Nid yw ${p.name} yn ffeil CSV, felly nid wyf wedi’i mewnforio. Rhannwch y ffigurau fel ffeil .csv yn un o’r fformatau a ddisgrifir yn y README (templates/metrics-template.csv, neu fformatau trosiant neu absenoldeb salwch y GIG).`,
  'metrics.upload.tooLarge': (p) =>
    `Mae ${p.name} yn rhy fawr i’w mewnforio o’r sgwrs (${p.size}; y terfyn yw ${p.limit}), felly ni fewnforiwyd dim. Rhannwch hi’n ffeiliau llai, neu ofynnwch i weinyddwr ei mewnforio gyda npm run cli -- metrics import.`,
  'metrics.upload.moreThan': 'mwy na’r terfyn',
  'metrics.upload.unavailable': (p) => `Ni allwn lawrlwytho ${p.name}, felly ni fewnforiwyd dim. Rhannwch hi eto ymhen munud.`,
  'metrics.upload.moreLines': (p) =>
    `…a rhagor (${plural(p.count, { one: 'llinell', two: 'linell', other: 'llinell' }, 'cy')} arall): mae’r llinell orchymyn (npm run cli -- metrics import) yn rhestru hyd at 1,000.`,
  'metrics.upload.skipHint': 'I fewnforio’r rhesi da a hepgor y rhain, rhannwch y ffeil eto gyda’r neges: skip invalid',
  'metrics.upload.preview': 'I weld y crynodeb gyda’r ffigurau hyn, teipiwch',
  'metrics.exemplars.rejected': (p) => `Ni newidiwyd dim o’r ffeil ${p.source}: rhesi â phroblemau, wedi’u rhestru isod: ${p.count}.`,
  'metrics.exemplars.done': (p) =>
    `O’r ffeil ${p.source}: ${p.marked} wedi’u nodi’n sefydliadau enghreifftiol People Promise, ${p.unmarked} wedi’u nodi’n rhai nad ydynt yn enghreifftiol; newidiwyd ${plural(p.changed, { other: 'sefydliad' }, 'cy')} (mae pob newid wedi’i gofnodi).`,
};
