// Welsh sentences of the region channels feature (Cymraeg); part of the catalogue in src/core/i18n/cy.ts.
// Needs review by a qualified Welsh translator before production use (docs/welsh-glossary.md).
import type { CatalogueOf } from '../i18n/catalogue.js';
import type { channelsEn } from './messages.en.js';

export const channelsCy: CatalogueOf<typeof channelsEn> = {
  'channels.linkSummary': 'Gwneud y sianel hon yn sianel gymunedol i ranbarth',
  'channels.unlinkSummary': 'Peidio â defnyddio’r sianel hon fel sianel gymunedol rhanbarth',
  'channels.needs': 'Hwyluswyr y rhanbarth, a gweinyddwyr cenedlaethol, yn y sianel ei hun',
  'channels.notInChannel':
    'Mae hyn yn gweithio mewn sianel, nid mewn sgwrs bersonol: ychwanegwch y bot at y sianel, yna teipiwch y gorchymyn yno.',
  'channels.refused': (p) =>
    `Dim ond hwylusydd rhanbarth ${p.region} neu weinyddwr cenedlaethol all newid sianeli cymunedol rhanbarth ${p.region}, felly ni newidiwyd dim.`,
  'channels.linked': (p) =>
    `Wedi’i wneud: mae hon bellach yn sianel gymunedol rhanbarth ${p.region}. Mae wedi’i rhestru o dan regions, a chaiff ei dangos i aelodau newydd rhanbarth ${p.region} pan fyddant yn ymuno. Mae’r newid hwn wedi’i gofnodi.`,
  'channels.moved': (p) =>
    `Wedi’i wneud: mae hon bellach yn sianel gymunedol rhanbarth ${p.region} yn lle rhanbarth ${p.previous}. Mae’r newid hwn wedi’i gofnodi.`,
  'channels.alreadyLinked': (p) => `Mae hon eisoes yn sianel gymunedol rhanbarth ${p.region}: ni newidiwyd dim.`,
  'channels.unlinked': (p) => `Wedi’i wneud: nid yw hon yn sianel gymunedol rhanbarth ${p.region} mwyach. Mae’r newid hwn wedi’i gofnodi.`,
  'channels.notLinked': 'Nid yw’r sianel hon yn sianel gymunedol i unrhyw ranbarth, felly nid oedd dim i’w ddatgysylltu.',
};
