// What a digest says, as figures: computed once from the stored counts with the metric definitions,
// then written out as a message (digest-message.ts). Regional and national figures are sums of counts.
import {
  changeInPoints,
  combinedRate,
  organisationRate,
  organisationalChanges,
  rankOf,
  sicknessRate,
  stabilityIndex,
  staffRetained,
  vacancyRate,
  type Figure,
  type FlowField,
  type Series,
} from '../metrics/definitions.js';
import { ALL_STAFF } from '../metrics/layouts.js';
import type { MetricStore, OrganisationInfo, Scope, SourceInfo } from '../metrics/metric-store.js';
import { addMonths, shortMonthName, type Month } from '../metrics/period.js';
import type { TrendPoint } from './trend.js';

/** Organisations listed as improving most. */
export const MOST_IMPROVED_COUNT = 3;

export interface Ranked {
  readonly name: string;
  readonly code: string;
  readonly value: number;
}

/** A group of organisations' leaver rate: the weighted sum over the group's counts (combinedRate). */
export interface GroupFigures {
  /** Organisations in the group that have figures in the 24 months read. */
  readonly organisations: number;
  readonly leaverRate: Figure;
  readonly leaverRateLastYear: Figure;
}

export interface DigestFigures {
  readonly month: Month;
  readonly leaverRate: Figure;
  readonly leaverRateLastMonth: Figure;
  readonly leaverRateLastYear: Figure;
  readonly joinerRate: Figure;
  readonly stability: Figure;
  readonly vacancy: Figure;
  readonly sickness: Figure;
  readonly newlyQualifiedLeaverRate: Figure;
  /** The same figures a year earlier, for what got worse (digest-message.ts worsened). */
  readonly lastYear: {
    readonly joinerRate: Figure;
    readonly stability: Figure;
    readonly vacancy: Figure;
    readonly sickness: Figure;
    readonly newlyQualifiedLeaverRate: Figure;
  };
  readonly headcount: number | undefined;
  /** Against the same month a year earlier: positive when more staff stayed. */
  readonly retainedSinceLastYear: number | undefined;
  readonly trend: readonly TrendPoint[];
  /** Among regions (a region or the nation) or peer organisations of the same type (an organisation). */
  readonly ranking:
    { readonly position: number; readonly of: number; readonly among: 'regions' | 'peers'; readonly peerType?: string } | undefined;
  /** For the nation: every region's leaver rate, lowest first. */
  readonly regionTable: readonly Ranked[];
  /** Largest falls in leaver rate over the year, in percentage points. */
  readonly mostImproved: readonly Ranked[];
  /** People Promise exemplars against the other organisations of a region or the nation, when it has exemplars. */
  readonly exemplars: { readonly exemplar: GroupFigures; readonly others: GroupFigures } | undefined;
  /**
   * All-staff figures of a region or the nation: organisations left out because they have staff-group
   * figures only (staff groups are never added up into all staff), by name.
   */
  readonly withoutAllStaff: readonly string[];
  /** Organisational changes left out of turnover in the 12 months. */
  readonly organisationalChanges: readonly { readonly name: string; readonly month: Month }[];
  readonly sources: SourceInfo | undefined;
}

function rateOf(series: readonly Series[], scope: Scope, month: Month, field: FlowField): Figure {
  // One organisation's own rate is not published when a count was suppressed at source.
  return scope.kind === 'organisation' && series.length === 1
    ? organisationRate(series[0]!, month, field)
    : combinedRate(series, month, field);
}

const published = (figure: Figure) => (figure.kind === 'published' ? figure.value : undefined);

/** Figures kept per store, at most this many (scopes × staff groups asked for lately). */
const KEPT_FIGURES = 64;
/** By store: figures (or their computation under way) by data version, scope, staff group and region names. */
const keptFigures = new WeakMap<MetricStore, Map<string, Promise<DigestFigures | undefined>>>();

/**
 * Everything a digest shows for the scope and staff group (ALL_STAFF: the all-staff rows, never a sum of
 * staff groups) at its latest month; undefined when it has no figures.
 *
 * Computed once per version of the data (MetricStore.dataVersion) and kept: a national or regional
 * digest reads every organisation's 24 months, so computing it for each preview, or for each of many
 * previews asked for at once, costs memory and time the unchanged answer does not need. Requests for
 * the same figures while they are being computed share that computation.
 */
export async function digestFigures(
  scope: Scope,
  store: MetricStore,
  regionNames: ReadonlyMap<string, string>,
  staffGroup: string = ALL_STAFF,
): Promise<DigestFigures | undefined> {
  if (!store.dataVersion) return computeDigestFigures(scope, store, regionNames, staffGroup);
  const version = await store.dataVersion();
  const key = JSON.stringify([version, scope, staffGroup, [...regionNames]]);
  let kept = keptFigures.get(store);
  if (!kept) keptFigures.set(store, (kept = new Map<string, Promise<DigestFigures | undefined>>()));
  const found = kept.get(key);
  if (found) {
    // Most recently used last, so the oldest goes first when the map is full.
    kept.delete(key);
    kept.set(key, found);
    return found;
  }
  const computing = computeDigestFigures(scope, store, regionNames, staffGroup);
  kept.set(key, computing);
  // A failure is not kept: the next request tries again.
  computing.catch(() => kept.delete(key));
  for (const oldest of kept.keys()) {
    if (kept.size <= KEPT_FIGURES) break;
    kept.delete(oldest);
  }
  return computing;
}

async function computeDigestFigures(
  scope: Scope,
  store: MetricStore,
  regionNames: ReadonlyMap<string, string>,
  staffGroup: string = ALL_STAFF,
): Promise<DigestFigures | undefined> {
  const month = await store.latestMonth(scope, staffGroup);
  if (!month) return undefined;
  // 12 months for the year-ago rate, and 12 more before them for its window.
  const first = addMonths(month, -23);
  const needsNation = scope.kind !== 'organisation';
  const [own, nation, organisations, sources, withoutAllStaff] = await Promise.all([
    store.series(scope, staffGroup, first, month),
    scope.kind === 'national' ? Promise.resolve(undefined) : store.series({ kind: 'national' }, staffGroup, first, month),
    store.allOrganisations(),
    store.sources(scope, first, month),
    staffGroup === ALL_STAFF && scope.kind !== 'organisation'
      ? store.organisationsWithoutAllStaff(scope, addMonths(month, -11), month)
      : Promise.resolve([]),
  ]);
  const national = nation ?? own;
  const byCode = new Map<string, OrganisationInfo>(organisations.map((organisation) => [organisation.code, organisation]));
  // Organisations are named with their ODS code: `Guy's and St Thomas' NHS Foundation Trust (RJ1)`.
  const nameOf = (code: string) => {
    const name = byCode.get(code)?.name;
    return name === undefined ? code : `${name} (${code})`;
  };

  const leaverRate = rateOf(own, scope, month, 'leavers');
  const yearAgo = addMonths(month, -12);
  const leaverRateLastYear = rateOf(own, scope, yearAgo, 'leavers');
  const headcountNow = own.reduce((sum, one) => sum + (one.months.get(month)?.headcount ?? 0), 0);
  const retained =
    leaverRate.kind === 'published' && leaverRateLastYear.kind === 'published'
      ? staffRetained(leaverRateLastYear.value, leaverRate.value, leaverRate.base)
      : undefined;

  const trend: TrendPoint[] = [];
  for (let i = 11; i >= 0; i -= 1) {
    const at = addMonths(month, -i);
    trend.push({ month: at, label: shortMonthName(at), value: published(rateOf(own, scope, at, 'leavers')) ?? null });
  }

  // Regions by leaver rate, from the nation's organisations.
  const regionTable: Ranked[] = [];
  if (needsNation) {
    const byRegion = new Map<string, Series[]>();
    for (const one of national) {
      if (!one.regionCode) continue;
      byRegion.set(one.regionCode, [...(byRegion.get(one.regionCode) ?? []), one]);
    }
    for (const [code, members] of byRegion) {
      const value = published(combinedRate(members, month, 'leavers'));
      if (value !== undefined) regionTable.push({ code, name: regionNames.get(code) ?? code, value });
    }
    regionTable.sort((a, b) => a.value - b.value);
  }

  let ranking: DigestFigures['ranking'];
  const own12 = published(leaverRate);
  if (scope.kind === 'region' && own12 !== undefined) {
    ranking = {
      position: rankOf(
        own12,
        regionTable.filter((region) => region.code !== scope.code).map((region) => region.value),
      ),
      of: regionTable.length,
      among: 'regions',
    };
  } else if (scope.kind === 'organisation' && own12 !== undefined) {
    const type = byCode.get(scope.code)?.type;
    const peers = national
      .filter((one) => one.organisationCode !== scope.code && type !== undefined && byCode.get(one.organisationCode)?.type === type)
      .map((one) => published(organisationRate(one, month, 'leavers')))
      .filter((value): value is number => value !== undefined);
    if (type !== undefined && peers.length > 0)
      ranking = { position: rankOf(own12, peers), of: peers.length + 1, among: 'peers', peerType: type };
  }

  const mostImproved: Ranked[] = [];
  if (scope.kind !== 'organisation') {
    for (const one of own) {
      const change = changeInPoints(organisationRate(one, month, 'leavers'), organisationRate(one, addMonths(month, -12), 'leavers'));
      if (change !== undefined && change < 0)
        mostImproved.push({ code: one.organisationCode, name: nameOf(one.organisationCode), value: change });
    }
    mostImproved.sort((a, b) => a.value - b.value);
    mostImproved.splice(MOST_IMPROVED_COUNT);
  }

  // Exemplars against the rest, for a region or the nation with any exemplar: each group's counts summed,
  // with the same suppression rules as any rate.
  let exemplars: DigestFigures['exemplars'];
  if (scope.kind !== 'organisation') {
    const isExemplar = (one: Series) => (byCode.get(one.organisationCode)?.exemplarCohort ?? null) !== null;
    const group = (members: readonly Series[]): GroupFigures => ({
      organisations: members.length,
      leaverRate: combinedRate(members, month, 'leavers'),
      leaverRateLastYear: combinedRate(members, yearAgo, 'leavers'),
    });
    const exemplarSeries = own.filter(isExemplar);
    if (exemplarSeries.length > 0) exemplars = { exemplar: group(exemplarSeries), others: group(own.filter((one) => !isExemplar(one))) };
  }

  return {
    month,
    leaverRate,
    leaverRateLastMonth: rateOf(own, scope, addMonths(month, -1), 'leavers'),
    leaverRateLastYear,
    joinerRate: rateOf(own, scope, month, 'joiners'),
    stability: stabilityIndex(own, month),
    vacancy: vacancyRate(own, month),
    sickness: sicknessRate(own, month),
    newlyQualifiedLeaverRate: rateOf(own, scope, month, 'nqLeavers'),
    lastYear: {
      joinerRate: rateOf(own, scope, yearAgo, 'joiners'),
      stability: stabilityIndex(own, yearAgo),
      vacancy: vacancyRate(own, yearAgo),
      sickness: sicknessRate(own, yearAgo),
      newlyQualifiedLeaverRate: rateOf(own, scope, yearAgo, 'nqLeavers'),
    },
    headcount: headcountNow > 0 ? headcountNow : undefined,
    retainedSinceLastYear: retained,
    trend,
    ranking,
    regionTable: scope.kind === 'national' ? regionTable : [],
    mostImproved,
    exemplars,
    withoutAllStaff: withoutAllStaff.map(nameOf).sort((a, b) => a.localeCompare(b, 'en-GB')),
    organisationalChanges: own.flatMap((one) =>
      organisationalChanges(one, month).map((at) => ({ name: nameOf(one.organisationCode), month: at })),
    ),
    sources,
  };
}
