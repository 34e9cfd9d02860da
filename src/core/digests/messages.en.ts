// English sentences of the digest feature; part of the catalogue in src/core/i18n/en.ts.
import { plural } from '../i18n/plural.js';

export const digestEn = {
  'digest.previewSummary':
    'A retention digest, shown only to you: your region by default, or a region, national, or an organisation code or name; for all staff, or one staff group with staff:<group> (after a region or a code, the group’s name alone will do)',
  'digest.unknownScope': (p: { typed: string }) =>
    `I don't know "${p.typed}" as a region, national or an organisation code or name. Try digest preview london, digest preview national, digest preview RJ1 or digest preview london staff:nurses.`,
  'digest.scopeWithGroup': (p: { scope: string; group: string }) => `${p.scope}, ${p.group}`,
  'digest.unknownStaffGroup': (p: { typed: string; scope: string; groups: string; example: string }) =>
    `I don't know "${p.typed}" as a staff group. ${p.scope} has figures for these staff groups: ${p.groups}. For example: ${p.example}. Nothing was changed.`,
  'digest.unknownStaffGroupNone': (p: { typed: string; scope: string; example: string }) =>
    `I don't know "${p.typed}" as a staff group, and ${p.scope} has no figures by staff group, only for all staff (${p.example}). Nothing was changed.`,
  'digest.ambiguousStaffGroup': (p: { typed: string; groups: string; scope: string; withFigures: string }) =>
    `"${p.typed}" could be more than one staff group: ${p.groups}. Say which, for example with its full name after staff:. ${p.scope} has figures for: ${p.withFigures}. Nothing was changed.`,
  'digest.noStaffGroupFigures': 'none yet',
  'digest.noAllStaff': (p: { scope: string; groups: string }) =>
    `There are no all-staff retention figures for ${p.scope}, but there are figures for these staff groups: ${p.groups}. Choose one to see its digest.`,
  'digest.noGroupFigures': (p: { scope: string; group: string; groups: string }) =>
    `There are no retention figures for ${p.group} in ${p.scope}, but there are for these staff groups: ${p.groups}. Choose one to see its digest.`,
  'digest.groupsNotAdded':
    'Staff groups are never added together into an all-staff figure: NHS staff groups overlap and do not cover the whole workforce.',
  'digest.withoutAllStaff': (p: { list: string }) =>
    `Left out of these all-staff figures, because they have figures by staff group only: ${p.list}. Staff groups are never added together into an all-staff figure.`,
  'digest.heading': (p: { scope: string }) => `Retention digest: ${p.scope}`,
  'digest.summary': (p: { scope: string; month: string; rate: string }) =>
    `Retention digest for ${p.scope}, ${p.month}: 12-month leaver rate ${p.rate}`,
  'digest.national': 'England and Wales',
  'digest.synthetic': 'Synthetic demo data: these are generated figures, not real ones. Importing real figures replaces them.',
  'digest.late': (p: { due: string }) => `Posted late: this digest was due on ${p.due}, while the bot was not running.`,
  'digest.headline': (p: { month: string; rate: string }) => `${p.month}: the 12-month leaver rate is ${p.rate}.`,
  'digest.changes': (p: { lastMonth: string; lastYear: string }) =>
    `Compared with last month: ${p.lastMonth}. Compared with a year ago: ${p.lastYear}.`,
  'digest.down': (p: { points: string }) => `down ${p.points} points`,
  'digest.up': (p: { points: string }) => `up ${p.points} points`,
  'digest.same': 'no change',
  'digest.noComparison': 'no figure to compare',
  'digest.fact.leaverRate': 'Leaver rate (12 months)',
  'digest.fact.joinerRate': 'Joiner rate (12 months)',
  'digest.fact.stability': 'Stability index',
  'digest.fact.vacancy': 'Vacancy rate',
  'digest.fact.sickness': 'Sickness absence (month)',
  'digest.fact.newlyQualified': 'Newly qualified leaver rate (12 months)',
  'digest.fact.headcount': 'Headcount',
  'digest.fact.retained': 'Staff retained on a year ago',
  'digest.retained': (p: { count: string }) => `about ${p.count} more staff stayed than at last year's leaver rate`,
  'digest.lost': (p: { count: string }) => `about ${p.count} more staff left than at last year's leaver rate`,
  'digest.notPublished.fewStaff': 'not published: fewer than 50 staff',
  'digest.notPublished.fewPeople': 'not published: fewer than 5 people',
  'digest.notPublished.suppressedAtSource': 'not published: a count was suppressed at source',
  'digest.notGiven': 'no figures',
  'digest.trendHeading': 'Leaver rate, last 12 months',
  'digest.chartTitle': (p: { scope: string }) => `${p.scope}: 12-month leaver rate`,
  'digest.chartSubtitle': (p: { source: string }) => `All staff, percent. ${p.source}`,
  'digest.chartSubtitleGroup': (p: { group: string; source: string }) => `${p.group}, percent. ${p.source}`,
  'digest.chartAxis': 'Leaver rate (%)',
  'digest.chartLink': 'Download the chart',
  'digest.chartAlt': (p: { scope: string; first: string; last: string; values: string }) =>
    `Line chart of the 12-month leaver rate for ${p.scope} from ${p.first} to ${p.last}: ${p.values}.`,
  'digest.trendText': (p: { values: string }) => `Trend: ${p.values}`,
  'digest.rankRegion': (p: { position: number; of: number }) =>
    `Ranks ${p.position} of ${plural(p.of, { one: 'region', other: 'regions' })} (1 is the lowest leaver rate).`,
  'digest.rankPeers': (p: { position: number; of: number; type: string }) =>
    `Ranks ${p.position} of ${plural(p.of, { one: 'organisation', other: 'organisations' })} of the same type (${p.type}); 1 is the lowest leaver rate.`,
  'digest.regionsHeading': 'Regions, lowest leaver rate first',
  'digest.improvedHeading': 'Improved most on a year ago',
  'digest.improvedDetail': (p: { points: string }) => `leaver rate down ${p.points} points`,
  'digest.changesNote': (p: { list: string }) => `Organisational changes (staff transfers, mergers), not counted as turnover: ${p.list}.`,
  'digest.source': (p: { month: string; first: string; sources: string; imported: string }) =>
    `Figures for ${p.month}; 12-month figures cover ${p.first} to ${p.month}. Source: ${p.sources}, imported ${p.imported}. Rates from fewer than 50 staff or 1 to 4 people are not published.`,
  'digest.exemplars.heading': 'Exemplar organisations vs others: 12-month leaver rate',
  'digest.exemplars.exemplar': (p: { count: number }) =>
    `People Promise exemplars (${plural(p.count, { one: 'organisation', other: 'organisations' })})`,
  'digest.exemplars.others': (p: { count: number }) => `Other organisations (${p.count})`,
  'digest.exemplars.onYearAgo': (p: { change: string }) => `on a year ago: ${p.change}`,
  'digest.open': (p: { number: number }) => `Open #${p.number}`,
  'digest.comingUp.heading': 'Coming up in the next two weeks',
  'digest.comingUp.details': (p: { number: number }) => `Event details #${p.number}`,
  'digest.comingUp.full': 'full: answer Going to join the waitlist',
  'digest.comingUp.more': (p: { count: number }) => `…and ${p.count} more. To see them all, type`,
  'digest.comingUp.noNational': 'No national events in the next two weeks.',
  'digest.comingUp.regional': (p: { counts: string }) => `Regional events in the next two weeks: ${p.counts}. To see them, type`,
  'digest.newCases.headingSince': (p: { date: string }) => `New case studies since ${p.date}`,
  'digest.newCases.headingDays': (p: { days: number }) => `New case studies in the last ${plural(p.days, { one: 'day', other: 'days' })}`,
  'digest.newCases.more': (p: { count: number }) => `…and ${p.count} more. To search the library, type`,
  'digest.help.heading': 'What could help',
  'digest.help.cases': (p: { list: string }) => `Case studies: ${p.list}.`,
  'digest.help.masterclass': (p: { title: string; when: string }) => `Next masterclass on it: ${p.title}, ${p.when}.`,
  'digest.help.worse.leaverRate': (p: { points: string }) => `Leaver rate up ${p.points} points on a year ago.`,
  'digest.help.worse.joinerRate': (p: { points: string }) => `Joiner rate down ${p.points} points on a year ago.`,
  'digest.help.worse.stability': (p: { points: string }) => `Stability index down ${p.points} points on a year ago.`,
  'digest.help.worse.vacancy': (p: { points: string }) => `Vacancy rate up ${p.points} points on a year ago.`,
  'digest.help.worse.sickness': (p: { points: string }) => `Sickness absence up ${p.points} points on the same month a year ago.`,
  'digest.help.worse.newlyQualifiedLeaverRate': (p: { points: string }) =>
    `Newly qualified leaver rate up ${p.points} points on a year ago.`,
  'digest.noData': (p: { scope: string }) =>
    `There are no retention figures for ${p.scope} yet, so there is no digest to show. A facilitator can import them (see the README: npm run cli -- metrics import).`,
} as const;
