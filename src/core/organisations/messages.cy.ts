// Welsh sentences of the organisations feature (Cymraeg); part of the catalogue in src/core/i18n/cy.ts.
// Needs review by a qualified Welsh translator before production use (docs/welsh-glossary.md).
import type { CatalogueOf } from '../i18n/catalogue.js';
import { plural } from '../i18n/plural.js';
import type { organisationsEn } from './messages.en.js';

export const organisationsCy: CatalogueOf<typeof organisationsEn> = {
  'organisations.pendingSummary': 'Sefydliadau a ychwanegwyd gan aelodau, sy’n aros i hwylusydd eu cadarnhau',
  'organisations.match.none': (p) =>
    `Nid oes sefydliad yn cyfateb i "${p.typed}", felly ni newidiwyd dim. Rhowch gynnig ar ran o’i enw neu ei god ODS.`,
  'organisations.match.which': (p) => `Mae sawl sefydliad yn cyfateb i "${p.typed}". Pa un?`,
  'organisations.match.tooMany': (p) =>
    `Mae mwy na ${p.count} o sefydliadau yn cyfateb i "${p.typed}", felly ni newidiwyd dim. Teipiwch ragor o’r enw, neu ei god ODS.`,
  'organisations.confirmSummary': 'Cadarnhau sefydliad a ychwanegwyd gan aelod, wrth ei enw, rhan ohono neu ei god ODS',
  'organisations.needs': 'Hwyluswyr rhanbarth y sefydliad, a gweinyddwyr cenedlaethol',
  'organisations.pendingRefused': 'Dim ond hwyluswyr a gweinyddwyr cenedlaethol sy’n gweld y sefydliadau sy’n aros am gadarnhad.',
  'organisations.pendingRefusedRegion': (p) =>
    `Dim ond hwylusydd rhanbarth ${p.region} neu weinyddwr cenedlaethol all weld y sefydliadau sy’n aros am gadarnhad yno.`,
  'organisations.refused':
    'Dim ond hwyluswyr a gweinyddwyr cenedlaethol all weld a chadarnhau sefydliadau a ychwanegwyd gan aelodau, felly ni newidiwyd dim.',
  'organisations.refusedOne':
    'Dim ond hwylusydd rhanbarth y sefydliad hwnnw neu weinyddwr cenedlaethol all ei gadarnhau, felly ni newidiwyd dim.',
  'organisations.unknownRegion': (p) => `Nid wyf yn adnabod y rhanbarth "${p.typed}". Teipiwch regions i’w gweld.`,
  'organisations.pendingHeading': 'Sefydliadau sy’n aros am gadarnhad',
  'organisations.pendingCount': (p) => `${plural(p.count, { other: 'sefydliad' }, 'cy')} yn aros am gadarnhad`,
  'organisations.pendingNone': 'Nid oes unrhyw sefydliadau’n aros am gadarnhad.',
  'organisations.pendingMore': (p) => `Yn dangos y ${p.count} cyntaf: cadarnhewch y rhain i weld rhagor.`,
  'organisations.pendingDetail': (p) => `${p.region}. ${p.source}, ${p.added}`,
  'organisations.confirmButton': 'Cadarnhau',
  'organisations.gone': 'Nid yw’r sefydliad hwnnw’n bodoli mwyach, felly ni newidiwyd dim.',
  'organisations.confirmed': (p) => `Wedi’i wneud: mae ${p.name} bellach wedi’i gadarnhau. Mae’r newid hwn wedi’i gofnodi.`,
  'organisations.alreadyConfirmed': (p) => `Mae ${p.name} wedi’i gadarnhau eisoes: ni newidiwyd dim.`,
  'organisations.noRegion': 'Dim rhanbarth',
  'organisations.exemplar.summary':
    'Nodi sefydliad yn sefydliad enghreifftiol People Promise mewn carfan, fel bod crynodebau’n cymharu’r sefydliadau enghreifftiol â’r lleill',
  'organisations.exemplar.removeSummary': 'Nodi nad yw sefydliad yn sefydliad enghreifftiol People Promise mwyach',
  'organisations.exemplar.refused':
    'Dim ond hwyluswyr a gweinyddwyr cenedlaethol all nodi sefydliadau enghreifftiol People Promise, felly ni newidiwyd dim.',
  'organisations.exemplar.refusedOne': (p) =>
    `Dim ond hwylusydd rhanbarth ${p.name} neu weinyddwr cenedlaethol all ei nodi’n sefydliad enghreifftiol, felly ni newidiwyd dim.`,
  'organisations.exemplar.unknown': (p) => `Ni allaf ddod o hyd i sefydliad â’r cod ODS ${p.code}, felly ni newidiwyd dim.`,
  'organisations.exemplar.marked': (p) =>
    `Wedi’i wneud: mae ${p.name} bellach yn sefydliad enghreifftiol People Promise (carfan ${p.cohort}). Mae crynodebau’n cymharu’r sefydliadau enghreifftiol â’r sefydliadau eraill. Mae’r newid hwn wedi’i gofnodi.`,
  'organisations.exemplar.removed': (p) =>
    `Wedi’i wneud: nid yw ${p.name} wedi’i nodi’n sefydliad enghreifftiol People Promise mwyach. Mae’r newid hwn wedi’i gofnodi.`,
  'organisations.exemplar.already': (p) =>
    `Mae ${p.name} eisoes yn sefydliad enghreifftiol People Promise yng ngharfan ${p.cohort}: ni newidiwyd dim.`,
  'organisations.exemplar.alreadyNot': (p) => `Nid yw ${p.name} wedi’i nodi’n sefydliad enghreifftiol People Promise: ni newidiwyd dim.`,
  'join.field.newOrganisation': 'Onid yw’r sefydliad yn y rhestr? Teipiwch ei enw llawn',
  'join.error.organisationOrNew': 'Dewiswch eich sefydliad o’r rhestr, neu deipiwch ei enw llawn isod os nad yw yno.',
  'join.error.organisationBoth': 'Dewiswch sefydliad o’r rhestr neu deipiwch un newydd, nid y ddau.',
  'join.error.newOrganisationName': 'Rhowch enw llawn y sefydliad, hyd at 150 nod.',
  'join.error.newOrganisationExists': (p) => `Dewiswch ${p.name} o’r rhestr uchod: mae yno eisoes.`,
  'join.error.newOrganisationRegion': 'Dewiswch ranbarth y sefydliad a deipiwyd gennych.',
};
