// A digest as the platform-neutral message: headline figures with their period and source, the
// changes, the 12-month trend (a chart where it can be published, always as text too), the ranking, the
// organisations that improved most, organisational changes left out of turnover, then the sections
// other features add (digest-section.ts). Built once; Slack and Teams render it.
import { organisationWithCode } from '../organisations/organisation-name.js';
import { regionName } from '../regions/region-names.js';
import { RUN_COMMAND_ACTION } from '../actions.js';
import type { Translate } from '../i18n/translator.js';
import type { Figure } from '../metrics/definitions.js';
import { ALL_STAFF } from '../metrics/layouts.js';
import type { Scope, StaffGroupInfo } from '../metrics/metric-store.js';
import { addMonths, monthName, type Month } from '../metrics/period.js';
import { longDate, wholeNumber } from '../i18n/format.js';
import { message, textMessage, type Block, type Message, type Span } from '../reply/reply.js';
import type { CoreServices } from '../services.js';
import { digestFigures, type DigestFigures } from './digest-figures.js';
import type { WorsenedFigure, Worsening } from './digest-section.js';
import { targetWords, type DigestTarget, type TargetChoice } from './digest-scope.js';
import { staffGroupNames } from './staff-groups.js';

/** The services this module's handlers use. */
export type DigestMessageServices = Pick<CoreServices, 'cases' | 'charts' | 'digestSections' | 'events' | 'metrics' | 'reference'>;

export interface DigestOptions {
  readonly now: Date;
  /** Posted for a period that was due earlier (after a restart): says so, with when it was due. */
  readonly lateSince?: Date | undefined;
  /** When the previous digest went to the same place (for "new since the last digest" sections). */
  readonly since?: Date | undefined;
  readonly visibility: Message['visibility'];
  /** One staff group's digest (its code); all staff when not given. */
  readonly staffGroup?: string | undefined;
}

/** Buttons opening a staff group's preview each, at most this many (the sentence names them all). */
const MAX_STAFF_GROUP_BUTTONS = 12;

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

function figureText(figure: Figure, t: Translate): string {
  switch (figure.kind) {
    case 'published':
      return percent(figure.value);
    case 'suppressed':
      return t(`digest.notPublished.${figure.reason}`);
    case 'missing':
      return t('digest.notGiven');
  }
}

function changeText(current: Figure, earlier: Figure, t: Translate): string {
  if (current.kind !== 'published' || earlier.kind !== 'published') return t('digest.noComparison');
  const points = Math.round((current.value - earlier.value) * 1000) / 10;
  if (points === 0) return t('digest.same');
  return points < 0 ? t('digest.down', { points: Math.abs(points).toFixed(1) }) : t('digest.up', { points: points.toFixed(1) });
}

/** The headline: the month's 12-month leaver rate, in bold, and how it changed on the month and the year. */
function headlineSpans(figures: DigestFigures, t: Translate): Span[] {
  return [
    {
      kind: 'strong',
      text: t('digest.headline', { month: monthName(figures.month, t.language), rate: figureText(figures.leaverRate, t) }),
    },
    ` ${t('digest.changes', { lastMonth: changeText(figures.leaverRate, figures.leaverRateLastMonth, t), lastYear: changeText(figures.leaverRate, figures.leaverRateLastYear, t) })}`,
  ];
}

/** A digest's headline for all staff of the scope, as a digest would show it now; undefined when it has no figures. */
export async function digestHeadline(
  scope: Scope,
  services: Pick<CoreServices, 'metrics' | 'reference'>,
  t: Translate,
): Promise<Span[] | undefined> {
  const regions = await services.reference.regions();
  const figures = await digestFigures(scope, services.metrics, new Map(regions.map((region) => [region.value, region.label])), ALL_STAFF);
  return figures ? headlineSpans(figures, t) : undefined;
}

/** The scope's name: a region's, an organisation's, or the nation. */
export async function scopeName(scope: Scope, services: DigestMessageServices, t: Translate): Promise<string> {
  if (scope.kind === 'national') return t('digest.national');
  if (scope.kind === 'region') {
    const region = (await services.reference.regions()).find((one) => one.value === scope.code);
    return region ? regionName({ code: region.value, name: region.label }, t.language) : scope.code;
  }
  const [organisation] = await services.metrics.organisations([scope.code]);
  return organisation ? organisationWithCode({ ...organisation, odsCode: organisation.code }, t.language) : scope.code;
}

/** The name of a scope and staff group: `London`, `London, Nurses & health visitors`. */
export async function targetName(target: DigestTarget, services: DigestMessageServices, t: Translate): Promise<string> {
  const name = await scopeName(target.scope, services, t);
  if (target.staffGroup === ALL_STAFF) return name;
  const group = (await services.metrics.staffGroups()).find((one) => one.code === target.staffGroup)?.name ?? target.staffGroup;
  return t('digest.scopeWithGroup', { scope: name, group });
}

/** A button per staff group opening its preview for the scope. */
function staffGroupButtons(scope: Scope, groups: readonly StaffGroupInfo[]): Block {
  return {
    kind: 'buttons',
    buttons: groups.slice(0, MAX_STAFF_GROUP_BUTTONS).map((group) => ({
      label: group.name,
      action: RUN_COMMAND_ACTION,
      value: `digest preview ${targetWords({ scope, staffGroup: group.code })}`,
    })),
  };
}

/** The reply to a staff group that is not known (or could be several): the groups the scope has figures for, as buttons. */
export async function staffGroupProblem(
  choice: Extract<TargetChoice, { kind: 'unknownStaffGroup' }>,
  services: DigestMessageServices,
  t: Translate,
): Promise<Message> {
  const scope = await scopeName(choice.scope, services, t);
  const list = choice.withFigures.map((group) => group.name).join(', ');
  const example = (group: StaffGroupInfo | undefined) =>
    `digest preview ${targetWords({ scope: choice.scope, staffGroup: group?.code ?? ALL_STAFF })}`;
  const text =
    choice.closest.length > 1
      ? t('digest.ambiguousStaffGroup', {
          typed: choice.typed,
          groups: choice.closest.map((group) => group.name).join(', '),
          scope,
          withFigures: list === '' ? t('digest.noStaffGroupFigures') : list,
        })
      : choice.withFigures.length > 0
        ? t('digest.unknownStaffGroup', { typed: choice.typed, scope, groups: list, example: example(choice.withFigures[0]) })
        : t('digest.unknownStaffGroupNone', { typed: choice.typed, scope, example: example(undefined) });
  if (choice.withFigures.length === 0) return textMessage(text);
  return message(text, [{ kind: 'text', text }, staffGroupButtons(choice.scope, choice.withFigures)]);
}

/** Which way is worse for each figure: a rising leaver rate, a falling joiner rate, and so on. */
const WORSE_WHEN: Readonly<Record<WorsenedFigure, 'rises' | 'falls'>> = {
  leaverRate: 'rises',
  joinerRate: 'falls',
  stability: 'falls',
  vacancy: 'rises',
  sickness: 'rises',
  newlyQualifiedLeaverRate: 'rises',
};

/**
 * Figures that got worse on the same month a year earlier, by at least 0.1 percentage points (the
 * precision the digest shows, so a change shown as "no change" never counts), worst first.
 */
export function worsened(figures: DigestFigures): Worsening[] {
  const pairs: Record<WorsenedFigure, readonly [Figure, Figure]> = {
    leaverRate: [figures.leaverRate, figures.leaverRateLastYear],
    joinerRate: [figures.joinerRate, figures.lastYear.joinerRate],
    stability: [figures.stability, figures.lastYear.stability],
    vacancy: [figures.vacancy, figures.lastYear.vacancy],
    sickness: [figures.sickness, figures.lastYear.sickness],
    newlyQualifiedLeaverRate: [figures.newlyQualifiedLeaverRate, figures.lastYear.newlyQualifiedLeaverRate],
  };
  const out: Worsening[] = [];
  for (const [figure, [now, before]] of Object.entries(pairs) as [WorsenedFigure, readonly [Figure, Figure]][]) {
    if (now.kind !== 'published' || before.kind !== 'published') continue;
    const points = Math.round((now.value - before.value) * 1000) / 10;
    const worse = WORSE_WHEN[figure] === 'rises' ? points : -points;
    if (worse >= 0.1) out.push({ figure, points: worse });
  }
  return out.sort((a, b) => b.points - a.points);
}

export async function buildDigest(scope: Scope, services: DigestMessageServices, t: Translate, options: DigestOptions): Promise<Message> {
  const regions = await services.reference.regions();
  const staffGroup = options.staffGroup ?? ALL_STAFF;
  const name = await targetName({ scope, staffGroup }, services, t);
  const figures = await digestFigures(scope, services.metrics, new Map(regions.map((region) => [region.value, region.label])), staffGroup);
  const lateNote: Block[] = options.lateSince
    ? [{ kind: 'note', text: t('digest.late', { due: longDate(options.lateSince, t.language) }) }]
    : [];
  if (!figures) {
    // No figures for this staff group (or for all staff), but some for others: name them and offer each.
    const [groups, withFigures] = await Promise.all([services.metrics.staffGroups(), services.metrics.staffGroupsWithFigures(scope)]);
    const others = staffGroupNames(
      withFigures.filter((code) => code !== staffGroup),
      groups,
    );
    if (others.length > 0) {
      const scopeOnly = await scopeName(scope, services, t);
      const list = others.map((group) => group.name).join(', ');
      const text =
        staffGroup === ALL_STAFF
          ? t('digest.noAllStaff', { scope: scopeOnly, groups: list })
          : t('digest.noGroupFigures', {
              scope: scopeOnly,
              group: groups.find((group) => group.code === staffGroup)?.name ?? staffGroup,
              groups: list,
            });
      const blocks: Block[] = [
        { kind: 'text', text },
        staffGroupButtons(scope, others),
        ...(staffGroup === ALL_STAFF ? [{ kind: 'note' as const, text: t('digest.groupsNotAdded') }] : []),
        ...lateNote,
        ...(await sectionBlocks(scope, services, t, options, [])),
      ];
      return message(text, blocks, options.visibility);
    }
    // No figures yet, but a scheduled digest still brings what is coming up and what is new.
    const blocks: Block[] = [
      { kind: 'text', text: t('digest.noData', { scope: name }) },
      ...lateNote,
      ...(await sectionBlocks(scope, services, t, options, [])),
    ];
    return message(t('digest.noData', { scope: name }), blocks, options.visibility);
  }
  const { month } = figures;
  const synthetic = figures.sources?.synthetic ?? false;
  const blocks: Block[] = [{ kind: 'heading', text: t('digest.heading', { scope: name }) }];
  if (synthetic) blocks.push({ kind: 'note', text: [{ kind: 'strong', text: t('digest.synthetic') }] });
  blocks.push(...lateNote);

  blocks.push({ kind: 'text', text: headlineSpans(figures, t) });
  const facts: { label: string; value: string }[] = [
    { label: t('digest.fact.leaverRate'), value: figureText(figures.leaverRate, t) },
    { label: t('digest.fact.joinerRate'), value: figureText(figures.joinerRate, t) },
    { label: t('digest.fact.stability'), value: figureText(figures.stability, t) },
    { label: t('digest.fact.vacancy'), value: figureText(figures.vacancy, t) },
    { label: t('digest.fact.sickness'), value: figureText(figures.sickness, t) },
    { label: t('digest.fact.newlyQualified'), value: figureText(figures.newlyQualifiedLeaverRate, t) },
  ];
  if (figures.headcount !== undefined) facts.push({ label: t('digest.fact.headcount'), value: wholeNumber(figures.headcount, t.language) });
  if (figures.retainedSinceLastYear !== undefined && Math.round(figures.retainedSinceLastYear) !== 0) {
    const count = wholeNumber(Math.abs(figures.retainedSinceLastYear), t.language);
    facts.push({
      label: t('digest.fact.retained'),
      value: figures.retainedSinceLastYear > 0 ? t('digest.retained', { count }) : t('digest.lost', { count }),
    });
  }
  blocks.push({ kind: 'facts', facts });

  // The trend: a chart (in the message itself, with a download link), and the same figures as text for everyone.
  const values = figures.trend.map((point) => `${point.label} ${point.value === null ? '–' : percent(point.value)}`).join(', ');
  const sourceLabel = synthetic ? t('digest.synthetic').split(':')[0]! : (figures.sources?.sources.join(', ') ?? '');
  const altText = t('digest.chartAlt', { scope: name, first: figures.trend[0]!.label, last: figures.trend.at(-1)!.label, values });
  const chart = await services.charts.publish(
    {
      title: t('digest.chartTitle', { scope: name }),
      subtitle:
        staffGroup === ALL_STAFF
          ? t('digest.chartSubtitle', { source: sourceLabel })
          : t('digest.chartSubtitleGroup', {
              group: (await services.metrics.staffGroups()).find((group) => group.code === staffGroup)?.name ?? staffGroup,
              source: sourceLabel,
            }),
      axisTitle: t('digest.chartAxis'),
      altText,
      points: figures.trend,
    },
    options.now,
  );
  blocks.push({ kind: 'heading', text: t('digest.trendHeading') });
  if (chart) blocks.push({ kind: 'image', alt: altText, png: chart.png, link: { url: chart.url, label: t('digest.chartLink') } });
  blocks.push({ kind: 'note', text: t('digest.trendText', { values }) });

  if (figures.ranking?.among === 'regions') blocks.push({ kind: 'text', text: t('digest.rankRegion', figures.ranking) });
  if (figures.ranking?.among === 'peers')
    blocks.push({ kind: 'text', text: t('digest.rankPeers', { ...figures.ranking, type: figures.ranking.peerType ?? '' }) });
  if (figures.regionTable.length > 0) {
    blocks.push(
      { kind: 'heading', text: t('digest.regionsHeading') },
      { kind: 'list', items: figures.regionTable.map((region) => ({ title: region.name, detail: percent(region.value) })) },
    );
  }
  if (figures.mostImproved.length > 0) {
    blocks.push(
      { kind: 'heading', text: t('digest.improvedHeading') },
      {
        kind: 'list',
        items: figures.mostImproved.map((one) => ({
          title: one.name,
          detail: t('digest.improvedDetail', { points: Math.abs(one.value).toFixed(1) }),
        })),
      },
    );
  }
  if (figures.exemplars) {
    const { exemplar, others } = figures.exemplars;
    const line = (key: 'digest.exemplars.exemplar' | 'digest.exemplars.others', group: typeof exemplar) => ({
      title: [{ kind: 'strong' as const, text: t(key, { count: group.organisations }) }],
      detail: `${figureText(group.leaverRate, t)} (${t('digest.exemplars.onYearAgo', { change: changeText(group.leaverRate, group.leaverRateLastYear, t) })})`,
    });
    blocks.push(
      { kind: 'heading', text: t('digest.exemplars.heading') },
      {
        kind: 'list',
        items: [
          line('digest.exemplars.exemplar', exemplar),
          ...(others.organisations > 0 ? [line('digest.exemplars.others', others)] : []),
        ],
      },
    );
  }
  if (figures.withoutAllStaff.length > 0)
    blocks.push({ kind: 'note', text: t('digest.withoutAllStaff', { list: figures.withoutAllStaff.join('; ') }) });
  if (figures.organisationalChanges.length > 0) {
    const list = figures.organisationalChanges.map((change) => `${change.name} (${monthName(change.month, t.language)})`).join('; ');
    blocks.push({ kind: 'note', text: t('digest.changesNote', { list }) });
  }

  blocks.push(...(await sectionBlocks(scope, services, t, options, worsened(figures))));
  blocks.push({ kind: 'divider' }, { kind: 'note', text: sourceNote(figures, month, t) });
  return message(
    t('digest.summary', { scope: name, month: monthName(month, t.language), rate: figureText(figures.leaverRate, t) }),
    blocks,
    options.visibility,
  );
}

/** The sections other features add (digest-section.ts), in order. */
async function sectionBlocks(
  scope: Scope,
  services: DigestMessageServices,
  t: Translate,
  options: DigestOptions,
  worse: readonly Worsening[],
): Promise<Block[]> {
  const organisation = scope.kind === 'organisation' ? (await services.metrics.organisations([scope.code]))[0] : undefined;
  const input = {
    scope,
    regionCode: scope.kind === 'region' ? scope.code : (organisation?.regionCode ?? undefined),
    now: options.now,
    since: options.since,
    worsened: worse,
    t,
  };
  const blocks: Block[] = [];
  for (const section of services.digestSections) blocks.push(...(await section.build(input, services)));
  return blocks;
}

function sourceNote(figures: DigestFigures, month: Month, t: Translate): string {
  return t('digest.source', {
    month: monthName(month, t.language),
    first: monthName(addMonths(month, -11), t.language),
    sources: figures.sources?.sources.join(', ') ?? t('digest.notGiven'),
    imported: figures.sources ? longDate(figures.sources.latestImport, t.language) : t('digest.notGiven'),
  });
}
