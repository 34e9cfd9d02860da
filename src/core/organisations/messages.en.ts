// English sentences of the organisations feature; part of the catalogue in src/core/i18n/en.ts.
import { plural } from '../i18n/plural.js';

export const organisationsEn = {
  'organisations.match.none': (p: { typed: string }) =>
    `No organisation matches "${p.typed}", so nothing was changed. Try part of its name or its ODS code.`,
  'organisations.match.which': (p: { typed: string }) => `Several organisations match "${p.typed}". Which one?`,
  'organisations.match.tooMany': (p: { typed: string; count: number }) =>
    `More than ${p.count} organisations match "${p.typed}", so nothing was changed. Please type more of the name, or its ODS code.`,
  'organisations.pendingSummary': 'Organisations added by members, waiting for a facilitator to confirm them',
  'organisations.confirmSummary': 'Confirm an organisation added by a member, by its name, part of it or its ODS code',
  'organisations.needs': 'Facilitators of the organisation’s region, and national admins',
  'organisations.pendingRefused': 'Only facilitators and national admins see the organisations waiting for confirmation.',
  'organisations.pendingRefusedRegion': (p: { region: string }) =>
    `Only a facilitator of ${p.region} or a national admin can see the organisations waiting for confirmation there.`,
  'organisations.refused':
    'Only facilitators and national admins can see and confirm organisations added by members, so nothing was changed.',
  'organisations.refusedOne':
    'Only a facilitator of that organisation’s region or a national admin can confirm it, so nothing was changed.',
  'organisations.unknownRegion': (p: { typed: string }) => `I don't know the region "${p.typed}". Type regions to see them.`,
  'organisations.pendingHeading': 'Organisations waiting for confirmation',
  'organisations.pendingCount': (p: { count: number }) =>
    `${plural(p.count, { one: 'organisation', other: 'organisations' })} waiting for confirmation`,
  'organisations.pendingNone': 'No organisations are waiting for confirmation.',
  'organisations.pendingMore': (p: { count: number }) => `Showing the first ${p.count}: confirm these to see more.`,
  'organisations.pendingDetail': (p: { region: string; source: string; added: string }) => `${p.region}. ${p.source}, ${p.added}`,
  'organisations.confirmButton': 'Confirm',
  'organisations.gone': 'That organisation no longer exists, so nothing was changed.',
  'organisations.confirmed': (p: { name: string }) => `Done: ${p.name} is now confirmed. This change is recorded.`,
  'organisations.alreadyConfirmed': (p: { name: string }) => `${p.name} is already confirmed: nothing changed.`,
  'organisations.noRegion': 'No region',
  'organisations.exemplar.summary':
    'Mark an organisation as a People Promise exemplar of a cohort, so digests compare exemplars with the others',
  'organisations.exemplar.removeSummary': 'Mark an organisation as no longer a People Promise exemplar',
  'organisations.exemplar.refused': 'Only facilitators and national admins can mark People Promise exemplars, so nothing was changed.',
  'organisations.exemplar.refusedOne': (p: { name: string }) =>
    `Only a facilitator of ${p.name}’s region or a national admin can mark it as an exemplar, so nothing was changed.`,
  'organisations.exemplar.unknown': (p: { code: string }) =>
    `I can't find an organisation with the ODS code ${p.code}, so nothing was changed.`,
  'organisations.exemplar.marked': (p: { name: string; cohort: number }) =>
    `Done: ${p.name} is now a People Promise exemplar (cohort ${p.cohort}). Digests compare exemplars with the other organisations. This change is recorded.`,
  'organisations.exemplar.removed': (p: { name: string }) =>
    `Done: ${p.name} is no longer marked as a People Promise exemplar. This change is recorded.`,
  'organisations.exemplar.already': (p: { name: string; cohort: number }) =>
    `${p.name} is already a People Promise exemplar of cohort ${p.cohort}: nothing changed.`,
  'organisations.exemplar.alreadyNot': (p: { name: string }) => `${p.name} is not marked as a People Promise exemplar: nothing changed.`,
  'join.field.newOrganisation': 'Organisation not in the list? Type its full name',
  'join.error.organisationOrNew': 'Please choose your organisation from the list, or type its full name below if it is missing.',
  'join.error.organisationBoth': 'Please either choose an organisation from the list or type a new one, not both.',
  'join.error.newOrganisationName': 'Please give the organisation’s full name, up to 150 characters.',
  'join.error.newOrganisationExists': (p: { name: string }) => `Please choose ${p.name} from the list above: it is already there.`,
  'join.error.newOrganisationRegion': 'Please choose the region of the organisation you typed.',
} as const;
