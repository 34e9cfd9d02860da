// The retention metric definitions, written once and used by every digest. Rates are always derived
// from counts, so a region's or the nation's rate is a weighted sum of its organisations' counts, never
// an average of their rates.
//
// - Leaver rate (12-month rolling) = leavers in the 12 months ending the month / average headcount over
//   those months. A month's headcount is the average of its start and end headcount when both are given,
//   else its end headcount. Joiner rate and newly-qualified leaver rate are built the same way.
// - Stability index = staff in post at the start of the 12 months still in post at the end / staff in
//   post at the start.
// - Vacancy rate = vacant FTE / (FTE in post + vacant FTE), at the month's end.
// - Sickness absence rate = FTE days lost / FTE days available, for the month.
// - Staff retained (estimate) = (baseline leaver rate - current leaver rate) x current average headcount.
//
// Organisational change (see isOrganisationalChange): a month in which an organisation's leavers or
// joiners reach ORGANISATIONAL_CHANGE_SHARE of its headcount is a staff transfer, merger or dissolution,
// not turnover. That month is left out of the organisation's 12-month window and the rest annualised
// (x 12 / months used), and the digest names it. A month whose count is blank (suppressed at source) is
// left out the same way for regional and national totals; the organisation's own rate is then not published.
//
// Small numbers (see suppressionOf): a rate is not published when fewer than SMALL_DENOMINATOR staff are
// behind it, or when the count it is built on is 1 to SMALL_COUNT_MAX people, as official statistics do.
import { addMonths, type Month } from './period.js';

/** One month of one organisation (or of a sum of them), for one staff group. Null: not given. */
export interface MonthCounts {
  readonly month: Month;
  readonly startHeadcount: number | null;
  readonly headcount: number | null;
  readonly fte: number | null;
  readonly leavers: number | null;
  readonly joiners: number | null;
  readonly stabilityBase: number | null;
  readonly stabilityStayed: number | null;
  readonly vacancyFte: number | null;
  readonly nqHeadcount: number | null;
  readonly nqLeavers: number | null;
  readonly sicknessDaysLost: number | null;
  readonly sicknessDaysAvailable: number | null;
}

export const EMPTY_COUNTS: Omit<MonthCounts, 'month'> = {
  startHeadcount: null,
  headcount: null,
  fte: null,
  leavers: null,
  joiners: null,
  stabilityBase: null,
  stabilityStayed: null,
  vacancyFte: null,
  nqHeadcount: null,
  nqLeavers: null,
  sicknessDaysLost: null,
  sicknessDaysAvailable: null,
};

/** One organisation's months for one staff group. */
export interface Series {
  readonly organisationCode: string;
  /** The organisation's region as its latest observation gives it (null: a national body). */
  readonly regionCode?: string | null;
  readonly months: ReadonlyMap<Month, MonthCounts>;
}

export function seriesOf(organisationCode: string, months: readonly MonthCounts[], regionCode?: string | null): Series {
  return { organisationCode, regionCode, months: new Map(months.map((counts) => [counts.month, counts])) };
}

/** A month's leavers or joiners at or above this share of its headcount is an organisational change. */
export const ORGANISATIONAL_CHANGE_SHARE = 0.1;
/** ...and at least this many people, so that a small team losing two people is not called a transfer. */
export const ORGANISATIONAL_CHANGE_MIN_PEOPLE = 20;
/** Rates built on fewer staff than this are not published. */
export const SMALL_DENOMINATOR = 50;
/** Rates built on a count of 1 to this many people are not published. */
export const SMALL_COUNT_MAX = 4;
/** Months of a 12-month window that may be left out (organisational change, suppressed counts) before no rate is given. */
export const MAX_MONTHS_LEFT_OUT = 3;

/** The month's headcount: the average of start and end when both are given, else the end. */
export function monthHeadcount(counts: MonthCounts): number | null {
  if (counts.headcount === null) return null;
  return counts.startHeadcount === null ? counts.headcount : (counts.startHeadcount + counts.headcount) / 2;
}

/**
 * A month whose leavers or joiners are at least 10% of headcount and at least 20 people. Normal NHS
 * turnover is under 1% of headcount a month, so such a month is a transfer of staff between
 * organisations, a merger or a dissolution.
 */
export function isOrganisationalChange(counts: MonthCounts): boolean {
  const headcount = monthHeadcount(counts);
  if (headcount === null || headcount <= 0) return false;
  const large = (count: number | null) =>
    count !== null && count >= ORGANISATIONAL_CHANGE_MIN_PEOPLE && count >= ORGANISATIONAL_CHANGE_SHARE * headcount;
  return large(counts.leavers) || large(counts.joiners);
}

export type FlowField = 'leavers' | 'joiners' | 'nqLeavers';

/** The 12-month totals behind a rolling rate, with the months left out and why. */
export interface WindowTotals {
  /** People over the window, annualised when months were left out. */
  readonly count: number;
  /** Average headcount (for newly-qualified leavers: average newly-qualified headcount). */
  readonly average: number;
  readonly monthsUsed: number;
  readonly organisationalChanges: readonly Month[];
  readonly suppressedAtSource: readonly Month[];
}

/**
 * Totals for the 12 months ending `end`. Undefined when a month has no row or no headcount, or when
 * more than MAX_MONTHS_LEFT_OUT months had to be left out.
 */
export function windowTotals(series: Series, end: Month, field: FlowField): WindowTotals | undefined {
  let count = 0;
  let headcountSum = 0;
  let used = 0;
  const organisationalChanges: Month[] = [];
  const suppressedAtSource: Month[] = [];
  for (let i = 11; i >= 0; i -= 1) {
    const month = addMonths(end, -i);
    const counts = series.months.get(month);
    if (!counts) return undefined;
    const headcount = field === 'nqLeavers' ? counts.nqHeadcount : monthHeadcount(counts);
    if (headcount === null) return undefined;
    if (isOrganisationalChange(counts)) {
      organisationalChanges.push(month);
      continue;
    }
    const people = counts[field];
    if (people === null) {
      suppressedAtSource.push(month);
      continue;
    }
    count += people;
    headcountSum += headcount;
    used += 1;
  }
  if (12 - used > MAX_MONTHS_LEFT_OUT) return undefined;
  return { count: (count * 12) / used, average: headcountSum / used, monthsUsed: used, organisationalChanges, suppressedAtSource };
}

export type SuppressionReason = 'fewStaff' | 'fewPeople' | 'suppressedAtSource';

export type Figure =
  | { readonly kind: 'published'; readonly value: number; readonly count: number; readonly base: number }
  | { readonly kind: 'suppressed'; readonly reason: SuppressionReason }
  | { readonly kind: 'missing' };

export const MISSING: Figure = { kind: 'missing' };

/** Why a rate of `count` people out of `base` staff is not published, or undefined when it may be. */
export function suppressionOf(count: number, base: number): SuppressionReason | undefined {
  if (base < SMALL_DENOMINATOR) return 'fewStaff';
  const people = Math.round(count);
  if (people >= 1 && people <= SMALL_COUNT_MAX) return 'fewPeople';
  return undefined;
}

/** A rate as a figure: published, or suppressed with its reason. `disclosed` is the count of people it reveals. */
export function rateFigure(count: number, base: number, disclosed: number = count): Figure {
  if (base <= 0) return MISSING;
  const reason = suppressionOf(disclosed, base);
  return reason ? { kind: 'suppressed', reason } : { kind: 'published', value: count / base, count, base };
}

/** An organisation's rolling rate. Not published when a month's count was suppressed at source. */
export function organisationRate(series: Series, end: Month, field: FlowField): Figure {
  const totals = windowTotals(series, end, field);
  if (!totals) return MISSING;
  if (totals.suppressedAtSource.length > 0) return { kind: 'suppressed', reason: 'suppressedAtSource' };
  return rateFigure(totals.count, totals.average);
}

/** A region's or the nation's rolling rate: the sum of its organisations' window totals. */
export function combinedRate(series: readonly Series[], end: Month, field: FlowField): Figure {
  let count = 0;
  let average = 0;
  for (const one of series) {
    const totals = windowTotals(one, end, field);
    if (!totals) continue;
    count += totals.count;
    average += totals.average;
  }
  return average > 0 ? rateFigure(count, average) : MISSING;
}

/** Stability index at a month. Organisations with an organisational change in the 12 months are left out (their stability is not comparable). */
export function stabilityIndex(series: readonly Series[], end: Month): Figure {
  let base = 0;
  let stayed = 0;
  for (const one of series) {
    const counts = one.months.get(end);
    if (counts?.stabilityBase == null || counts.stabilityStayed == null) continue;
    if (hasOrganisationalChange(one, end)) continue;
    base += counts.stabilityBase;
    stayed += counts.stabilityStayed;
  }
  // The people it reveals are those who did not stay.
  return base > 0 ? rateFigure(stayed, base, base - stayed) : MISSING;
}

/** Vacancy rate at a month's end, over every organisation that gives both figures. */
export function vacancyRate(series: readonly Series[], end: Month): Figure {
  let vacant = 0;
  let establishment = 0;
  for (const one of series) {
    const counts = one.months.get(end);
    if (counts?.vacancyFte == null || counts.fte == null) continue;
    vacant += counts.vacancyFte;
    establishment += counts.fte + counts.vacancyFte;
  }
  // FTE is not people: publish unless the establishment is small.
  if (establishment <= 0) return MISSING;
  return establishment < SMALL_DENOMINATOR
    ? { kind: 'suppressed', reason: 'fewStaff' }
    : { kind: 'published', value: vacant / establishment, count: vacant, base: establishment };
}

/** Sickness absence rate for a month, over every organisation that gives it. */
export function sicknessRate(series: readonly Series[], month: Month): Figure {
  let lost = 0;
  let available = 0;
  for (const one of series) {
    const counts = one.months.get(month);
    if (counts?.sicknessDaysLost == null || counts.sicknessDaysAvailable == null) continue;
    lost += counts.sicknessDaysLost;
    available += counts.sicknessDaysAvailable;
  }
  return available > 0 ? { kind: 'published', value: lost / available, count: lost, base: available } : MISSING;
}

/** Organisational changes in the 12 months ending `end`. */
export function organisationalChanges(series: Series, end: Month): Month[] {
  const months: Month[] = [];
  for (let i = 11; i >= 0; i -= 1) {
    const month = addMonths(end, -i);
    const counts = series.months.get(month);
    if (counts && isOrganisationalChange(counts)) months.push(month);
  }
  return months;
}

function hasOrganisationalChange(series: Series, end: Month): boolean {
  return organisationalChanges(series, end).length > 0;
}

/** Difference of two published rates in percentage points (positive: the rate rose). */
export function changeInPoints(current: Figure, earlier: Figure): number | undefined {
  if (current.kind !== 'published' || earlier.kind !== 'published') return undefined;
  return (current.value - earlier.value) * 100;
}

/**
 * Staff retained against a baseline: (baseline leaver rate - current leaver rate) x average headcount.
 * Rates as fractions; positive when the leaver rate fell.
 */
export function staffRetained(baselineRate: number, currentRate: number, averageHeadcount: number): number {
  return (baselineRate - currentRate) * averageHeadcount;
}

/** 1 for the lowest rate. Ties share a rank; unpublished rates are not ranked. */
export function rankOf(own: number, others: readonly number[]): number {
  return 1 + others.filter((rate) => rate < own).length;
}
