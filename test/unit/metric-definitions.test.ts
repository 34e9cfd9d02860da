import { describe, expect, it } from 'vitest';
import {
  changeInPoints,
  combinedRate,
  EMPTY_COUNTS,
  isOrganisationalChange,
  organisationRate,
  organisationalChanges,
  rankOf,
  seriesOf,
  sicknessRate,
  stabilityIndex,
  staffRetained,
  vacancyRate,
  windowTotals,
  type MonthCounts,
} from '../../src/core/metrics/definitions.js';
import { addMonths, monthsBetween } from '../../src/core/metrics/period.js';

const months = monthsBetween('2024-04', '2025-03');

function steady(headcount: number, leavers: number, extra: Partial<MonthCounts> = {}): MonthCounts[] {
  return months.map((month) => ({ ...EMPTY_COUNTS, month, startHeadcount: headcount, headcount, leavers, joiners: leavers, ...extra }));
}

/** 1,000 staff, 8 leavers and 8 joiners a month, except September 2024: 150 staff transferred out (and 10 joined). */
function withTransfer(): MonthCounts[] {
  return months.map((month, i) => {
    if (i < 5) return { ...EMPTY_COUNTS, month, startHeadcount: 1000, headcount: 1000, leavers: 8, joiners: 8 };
    if (i === 5) return { ...EMPTY_COUNTS, month, startHeadcount: 1000, headcount: 860, leavers: 150, joiners: 10 };
    return { ...EMPTY_COUNTS, month, startHeadcount: 860, headcount: 860, leavers: 8, joiners: 8 };
  });
}

describe('metric definitions', () => {
  it('gives the seeds’ national example: 9.4% to 7.9% on 1.1 million staff is about 16,500 retained', () => {
    expect(staffRetained(0.094, 0.079, 1_100_000)).toBeCloseTo(16_500, 6);
    // And one point on 1.1 million is about 11,000 people.
    expect(staffRetained(0.01, 0, 1_100_000)).toBeCloseTo(11_000, 6);
  });

  it('computes a 12-month leaver and joiner rate from counts', () => {
    const series = seriesOf('RXX', steady(1000, 8));
    const rate = organisationRate(series, '2025-03', 'leavers');
    // 12 x 8 = 96 leavers over an average of 1,000 staff.
    expect(rate).toEqual({ kind: 'published', value: 0.096, count: 96, base: 1000 });
    expect(organisationRate(series, '2025-03', 'joiners')).toMatchObject({ value: 0.096 });
    // A month short of 12 gives no rate at all.
    expect(organisationRate(series, '2025-04', 'leavers')).toEqual({ kind: 'missing' });
  });

  it('averages the start and end headcount of a month when both are given', () => {
    const counts = months.map((month) => ({ ...EMPTY_COUNTS, month, startHeadcount: 900, headcount: 1100, leavers: 10, joiners: 10 }));
    // 120 leavers over an average of (900 + 1100) / 2 = 1,000.
    expect(organisationRate(seriesOf('RXX', counts), '2025-03', 'leavers')).toMatchObject({ value: 0.12 });
  });

  it('detects a staff transfer and leaves it out of turnover, annualising the other months', () => {
    const counts = withTransfer();
    expect(isOrganisationalChange(counts[5]!)).toBe(true);
    expect(isOrganisationalChange(counts[4]!)).toBe(false);
    const series = seriesOf('RXX', counts);
    expect(organisationalChanges(series, '2025-03')).toEqual(['2024-09']);
    const totals = windowTotals(series, '2025-03', 'leavers');
    // 11 months of 8 leavers = 88, annualised x 12/11 = 96; average headcount (5 x 1000 + 6 x 860) / 11.
    expect(totals?.count).toBeCloseTo(96, 9);
    expect(totals?.average).toBeCloseTo(10160 / 11, 9);
    expect(organisationRate(series, '2025-03', 'leavers')).toMatchObject({ value: expect.closeTo(1056 / 10160, 12) as number });
  });

  it('does not call a small team’s two leavers a transfer', () => {
    expect(isOrganisationalChange({ ...EMPTY_COUNTS, month: '2025-01', headcount: 15, leavers: 2 })).toBe(false);
  });

  it('suppresses rates built on few staff or on 1 to 4 people', () => {
    expect(organisationRate(seriesOf('A', steady(40, 1)), '2025-03', 'leavers')).toEqual({ kind: 'suppressed', reason: 'fewStaff' });
    const threeLeavers = steady(200, 0).map((counts, i) => (i < 3 ? { ...counts, leavers: 1 } : counts));
    expect(organisationRate(seriesOf('B', threeLeavers), '2025-03', 'leavers')).toEqual({ kind: 'suppressed', reason: 'fewPeople' });
    // Nobody leaving is published: it reveals no one.
    expect(organisationRate(seriesOf('C', steady(200, 0)), '2025-03', 'leavers')).toMatchObject({ kind: 'published', value: 0 });
  });

  it('does not publish an organisation’s rate with a blank count, but counts its other months in regional totals', () => {
    const blank = steady(500, 5).map((counts, i) => (i === 2 ? { ...counts, leavers: null } : counts));
    const b = seriesOf('B', blank);
    expect(organisationRate(b, '2025-03', 'leavers')).toEqual({ kind: 'suppressed', reason: 'suppressedAtSource' });
    // A: 96 leavers on 1,000 (transfer left out); B: 55 in 11 months, annualised 60, on 500.
    const region = combinedRate([seriesOf('A', withTransfer()), b], '2025-03', 'leavers');
    expect(region.kind).toBe('published');
    if (region.kind !== 'published') return;
    expect(region.count).toBeCloseTo(156, 9);
    expect(region.base).toBeCloseTo(10160 / 11 + 500, 9);
  });

  it('weights regional rates by headcount, never averaging rates', () => {
    // 10% of 100 and 5% of 900: 55 / 1000 = 5.5%, not (10% + 5%) / 2.
    const small = months.map((month, i) => ({ ...EMPTY_COUNTS, month, headcount: 100, leavers: i < 10 ? 1 : 0 }));
    const large = months.map((month, i) => ({ ...EMPTY_COUNTS, month, headcount: 900, leavers: i < 9 ? 5 : 0 }));
    expect(combinedRate([seriesOf('S', small), seriesOf('L', large)], '2025-03', 'leavers')).toMatchObject({ value: 0.055 });
  });

  it('computes the stability index, vacancy rate and sickness rate as sums of counts', () => {
    const end = '2025-03';
    const a = seriesOf('A', [
      {
        ...EMPTY_COUNTS,
        month: end,
        headcount: 1000,
        stabilityBase: 1000,
        stabilityStayed: 880,
        fte: 900,
        vacancyFte: 100,
        sicknessDaysLost: 1500,
        sicknessDaysAvailable: 30000,
      },
    ]);
    const b = seriesOf('B', [
      {
        ...EMPTY_COUNTS,
        month: end,
        headcount: 500,
        stabilityBase: 500,
        stabilityStayed: 450,
        fte: 450,
        vacancyFte: 0,
        sicknessDaysLost: 500,
        sicknessDaysAvailable: 10000,
      },
    ]);
    expect(stabilityIndex([a, b], end)).toMatchObject({ value: 1330 / 1500 });
    expect(vacancyRate([a, b], end)).toMatchObject({ value: 100 / 1450 });
    expect(sicknessRate([a, b], end)).toMatchObject({ value: 2000 / 40000 });
    // An organisation with a transfer in its window is left out of stability.
    const moved = seriesOf(
      'M',
      withTransfer().map((counts) => (counts.month === end ? { ...counts, stabilityBase: 1000, stabilityStayed: 700 } : counts)),
    );
    expect(stabilityIndex([a, moved], end)).toMatchObject({ value: 0.88 });
  });

  it('gives changes in percentage points and ranks with the lowest rate first', () => {
    const series = seriesOf('A', [
      ...steady(1000, 10).map((c) => ({ ...c, month: addMonths(c.month, -1) })),
      { ...EMPTY_COUNTS, month: '2025-03', startHeadcount: 1000, headcount: 1000, leavers: 4, joiners: 4 },
    ]);
    const now = organisationRate(series, '2025-03', 'leavers');
    const before = organisationRate(series, '2025-02', 'leavers');
    // 120 -> 114 leavers on 1,000: down 0.6 points.
    expect(changeInPoints(now, before)).toBeCloseTo(-0.6, 9);
    expect(changeInPoints(now, { kind: 'missing' })).toBeUndefined();
    expect(rankOf(0.08, [0.07, 0.09, 0.08])).toBe(2);
    expect(rankOf(0.06, [0.07, 0.09])).toBe(1);
  });
});
