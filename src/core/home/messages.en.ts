// English sentences of the home page (Slack's App Home, Teams' personal welcome and `home`); part of
// the catalogue in src/core/i18n/en.ts. The profile part of the page keeps its sentences in members.
import { plural } from '../i18n/plural.js';

export const homeEn = {
  'home.commandSummary': 'Your page at a glance: your next events, your region’s latest digest, new case studies and what waits for you',
  'home.slackHint': 'This page is also on the Home tab of CoP Bot, kept up to date when you answer an event or change your profile.',
  'home.teamsHint': 'Type home at any time to see this page again.',

  'home.events.mine': 'Your next events',
  'home.events.mineNone': 'You have not answered any event coming up.',
  'home.events.region': (p: { region: string }) => `Coming up in ${p.region}`,
  'home.events.regionNone': (p: { region: string }) => `Nothing else is coming up in ${p.region} yet.`,
  'home.button.events': 'Events',

  'home.digest.heading': 'Your region’s latest digest',
  'home.digest.posted': (p: { region: string; date: string }) => `${p.region}, last posted ${p.date}:`,
  'home.digest.none': (p: { region: string }) => `No digest has been posted to ${p.region}’s channels yet.`,
  'home.digest.noFigures': (p: { region: string }) => `${p.region} has no published figures yet.`,
  'home.button.digest': 'See the digest',

  'home.cases.heading': 'New case studies',
  'home.cases.none': 'No case study has been published yet.',
  'home.button.cases': 'Case studies',

  'home.queues.heading': 'Waiting for you',
  'home.queues.cases': (p: { count: number }) => `${plural(p.count, { one: 'case study', other: 'case studies' })} waiting for review`,
  'home.queues.organisations': (p: { count: number }) =>
    `${plural(p.count, { one: 'organisation', other: 'organisations' })} waiting for confirmation`,
  'home.button.reviewCases': 'Review case studies',
  'home.button.confirmOrganisations': 'Confirm organisations',

  'home.visitor.suggest': 'You can look around first: case studies of what worked elsewhere, and the events coming up.',
} as const;
