// Welsh sentences of the roles feature (Cymraeg); part of the catalogue in src/core/i18n/cy.ts.
// Needs review by a qualified Welsh translator before production use (docs/welsh-glossary.md).
// A role ("hwylusydd rhanbarth London", "gweinyddwr cenedlaethol") is said after "rôl", where Welsh does
// not mutate it, so the same words serve every sentence.
import type { CatalogueOf } from '../i18n/catalogue.js';
import type { rolesEn } from './messages.en.js';

export const rolesCy: CatalogueOf<typeof rolesEn> = {
  'roles.grantSummary': 'Gwneud rhywun yn hwylusydd rhanbarth, neu’n weinyddwr cenedlaethol',
  'roles.revokeSummary': 'Dileu rôl hwylusydd neu weinyddwr cenedlaethol',
  'roles.needs.facilitatorOrAdmin': 'Hwyluswyr y rhanbarth, a gweinyddwyr cenedlaethol',
  'roles.needs.anyone': 'Unrhyw un',
  'roles.needs.member': 'Aelodau',
  'roles.refused.admin': 'Dim ond gweinyddwr cenedlaethol all roi neu ddileu rôl gweinyddwr cenedlaethol, felly ni newidiwyd dim.',
  'roles.refused.facilitator': (p) =>
    `Dim ond hwylusydd rhanbarth ${p.region} neu weinyddwr cenedlaethol all newid pwy sy’n hwyluso rhanbarth ${p.region}, felly ni newidiwyd dim.`,
  'roles.unknownRegion': (p) => `Nid wyf yn adnabod y rhanbarth "${p.typed}". Teipiwch regions i’w gweld.`,
  'roles.regionNeeded': 'Enwch y rhanbarth, er enghraifft: admin grant facilitator @name london',
  'roles.noRegionForAdmin': 'Nid oes rhanbarth yn perthyn i rôl gweinyddwr cenedlaethol: gadewch y rhanbarth allan.',
  'roles.notMember': 'Nid yw’r unigolyn hwnnw wedi ymuno eto: gofynnwch i’r unigolyn deipio join yn gyntaf, yna rhowch gynnig arall arni.',
  'roles.granted': (p) => `Wedi’i wneud: mae ${p.name} bellach yn dal rôl ${p.role}. Mae’r newid hwn wedi’i gofnodi.`,
  'roles.alreadyHad': (p) => `Mae ${p.name} eisoes yn dal rôl ${p.role}: ni newidiwyd dim.`,
  'roles.revoked': (p) => `Wedi’i wneud: nid yw ${p.name} yn dal rôl ${p.role} mwyach. Mae’r newid hwn wedi’i gofnodi.`,
  'roles.didNotHave': (p) => `Nid oedd ${p.name} yn dal rôl ${p.role}: ni newidiwyd dim.`,
  'roles.unnamed': 'aelod heb enw',
  'roles.facilitatorOf': (p) => `hwylusydd rhanbarth ${p.region}`,
  'roles.nationalAdmin': 'gweinyddwr cenedlaethol',
  'roles.notice.granted': (p) => `Mae gennych rôl ${p.role} yn y gymuned bellach. Teipiwch help i weld beth y gallwch ei wneud.`,
  'roles.notice.revoked': (p) => `Nid oes gennych rôl ${p.role} yn y gymuned mwyach.`,
};
