// Welsh sentences of the language choice (members' and channels'); part of the catalogue in src/core/i18n/cy.ts.
// Needs review by a qualified Welsh translator before production use.
import type { CatalogueOf } from '../i18n/catalogue.js';
import type { languageEn } from './messages.en.js';

export const languageCy: CatalogueOf<typeof languageEn> = {
  'language.summary': 'Dewis yr iaith rwy’n ysgrifennu atoch ynddi: Cymraeg, Saesneg (English), neu’r ddwy',
  'language.needs': 'Aelodau',
  'language.channelSummary': 'Dewis iaith fy negeseuon yn y sianel hon: Cymraeg, Saesneg (English), neu’r ddwy',
  'language.channelNeeds': 'Hwyluswyr a gweinyddwyr cenedlaethol, yn y sianel ei hun',
  'language.name.cy': 'Cymraeg',
  'language.name.en': 'Saesneg (English)',
  'language.name.both': 'Cymraeg a Saesneg, y Gymraeg yn gyntaf',
  'language.set.cy': 'Wedi’i wneud: byddaf yn ysgrifennu atoch yn Gymraeg.',
  'language.set.en': 'Wedi’i wneud: byddaf yn ysgrifennu atoch yn Saesneg (English).',
  'language.set.both': 'Wedi’i wneud: byddaf yn ysgrifennu atoch yn Gymraeg ac yn Saesneg, y Gymraeg yn gyntaf.',
  'language.current': (p) => `Rydych yn cael fy negeseuon yn: ${p.language}.`,
  'language.notChosen': (p) => `Nid ydych wedi dewis iaith, felly rydych yn cael fy negeseuon yn: ${p.language}.`,
  'language.howToChange': 'I’w newid, teipiwch',
  'language.unknown': (p) => `Nid wyf yn adnabod yr iaith "${p.typed}". Dewiswch cymraeg, saesneg neu y ddwy.`,
  'language.notMember': 'Cedwir eich iaith gyda’ch proffil: ymunwch yn gyntaf, yna dewiswch hi.',
  'language.channelSet.cy': 'Wedi’i wneud: bydd fy negeseuon yn y sianel hon yn Gymraeg. Cofnodir y newid hwn.',
  'language.channelSet.en': 'Wedi’i wneud: bydd fy negeseuon yn y sianel hon yn Saesneg (English). Cofnodir y newid hwn.',
  'language.channelSet.both':
    'Wedi’i wneud: bydd fy negeseuon yn y sianel hon yn Gymraeg ac yn Saesneg, y Gymraeg yn gyntaf. Cofnodir y newid hwn.',
  'language.channelCurrent': (p) => `Mae fy negeseuon yn y sianel hon yn: ${p.language}.`,
  'language.channelNotInChannel':
    'Mae hyn yn gweithio mewn sianel, nid mewn sgwrs bersonol: teipiwch ef yn y sianel yr ydych am osod ei hiaith.',
  'language.channelRefused': 'Dim ond hwylusydd neu weinyddwr cenedlaethol all newid iaith y sianel hon, felly ni newidiwyd dim.',
  'language.field': 'Iaith fy negeseuon atoch',
  'language.field.placeholder': 'Cymraeg, Saesneg neu’r ddwy',
};
