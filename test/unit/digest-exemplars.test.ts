// The exemplar comparison, worked out by hand: each group's leaver rate is the weighted sum of its
// organisations' counts, with the same small-number suppression as any rate. The store here is an
// in-memory implementation of the MetricStore port holding hand-made series (no database: pure figures).
import { describe, expect, it } from 'vitest';
import { digestFigures } from '../../src/core/digests/digest-figures.js';
import { EMPTY_COUNTS, seriesOf, type MonthCounts, type Series } from '../../src/core/metrics/definitions.js';
import type { MetricStore, OrganisationInfo } from '../../src/core/metrics/metric-store.js';
import { addMonths } from '../../src/core/metrics/period.js';

const LAST = '2025-03';

/** 24 months to LAST with the same headcount and leavers every month. */
function steady(code: string, headcount: number, leavers: number): Series {
  const months: MonthCounts[] = [];
  for (let i = 23; i >= 0; i -= 1)
    months.push({ ...EMPTY_COUNTS, month: addMonths(LAST, -i), headcount, startHeadcount: headcount, leavers, joiners: leavers });
  return seriesOf(code, months, 'Y62');
}

function store(series: readonly Series[], organisations: readonly OrganisationInfo[]): MetricStore {
  const unused = () => Promise.reject(new Error('not used by digestFigures'));
  return {
    importReference: unused,
    importInTransaction: unused,
    importIfEmpty: unused,
    isEmpty: () => Promise.resolve(false),
    series: () => Promise.resolve(series),
    latestMonth: () => Promise.resolve(LAST),
    sources: () => Promise.resolve(undefined),
    organisations: (codes) => Promise.resolve(organisations.filter((one) => codes.includes(one.code))),
    allOrganisations: () => Promise.resolve(organisations),
    staffGroups: unused,
    staffGroupsWithFigures: unused,
    organisationsWithoutAllStaff: () => Promise.resolve([]),
  };
}

const organisation = (code: string, exemplarCohort: number | null): OrganisationInfo => ({
  code,
  name: code,
  type: 'Acute',
  regionCode: 'Y62',
  exemplarCohort,
});

describe('exemplars against the other organisations', () => {
  it('sums each group’s counts: (24 + 36) / (200 + 500) for the exemplars, 96 / 1,000 for the others', async () => {
    const series = [steady('A', 200, 2), steady('B', 500, 3), steady('C', 1000, 8)];
    const figures = await digestFigures(
      { kind: 'region', code: 'Y62' },
      store(series, [organisation('A', 1), organisation('B', 2), organisation('C', null)]),
      new Map(),
    );
    expect(figures?.exemplars?.exemplar).toMatchObject({
      organisations: 2,
      leaverRate: { kind: 'published', value: 60 / 700 },
      leaverRateLastYear: { kind: 'published', value: 60 / 700 },
    });
    expect(figures?.exemplars?.others).toMatchObject({ organisations: 1, leaverRate: { kind: 'published', value: 0.096 } });
  });

  it('does not publish a group’s rate built on fewer than 50 staff, nor one revealing 1 to 4 people', async () => {
    const few = await digestFigures(
      { kind: 'region', code: 'Y62' },
      store([steady('A', 40, 1), steady('C', 1000, 8)], [organisation('A', 1), organisation('C', null)]),
      new Map(),
    );
    expect(few?.exemplars?.exemplar.leaverRate).toEqual({ kind: 'suppressed', reason: 'fewStaff' });
    // 60 staff with 4 leavers a year: the count is 1 to 4 people.
    const months: MonthCounts[] = [];
    for (let i = 23; i >= 0; i -= 1)
      months.push({
        ...EMPTY_COUNTS,
        month: addMonths(LAST, -i),
        headcount: 60,
        startHeadcount: 60,
        leavers: i % 3 === 0 ? 1 : 0,
        joiners: 0,
      });
    const small = await digestFigures(
      { kind: 'region', code: 'Y62' },
      store([seriesOf('A', months, 'Y62'), steady('C', 1000, 8)], [organisation('A', 1), organisation('C', null)]),
      new Map(),
    );
    expect(small?.exemplars?.exemplar.leaverRate).toEqual({ kind: 'suppressed', reason: 'fewPeople' });
    expect(small?.exemplars?.others.leaverRate).toMatchObject({ kind: 'published', value: 0.096 });
  });

  it('has no comparison without an exemplar, nor for one organisation', async () => {
    const series = [steady('A', 200, 2), steady('C', 1000, 8)];
    expect(
      (await digestFigures({ kind: 'region', code: 'Y62' }, store(series, [organisation('A', null), organisation('C', null)]), new Map()))
        ?.exemplars,
    ).toBeUndefined();
    expect(
      (await digestFigures({ kind: 'organisation', code: 'A' }, store(series.slice(0, 1), [organisation('A', 1)]), new Map()))?.exemplars,
    ).toBeUndefined();
  });
});

describe('figures kept per version of the data', () => {
  it('computes once for the same data, scope and staff group, shares a computation under way, and again when the data changes', async () => {
    const series = [steady('A', 200, 2), steady('B', 500, 3)];
    let version = 'v1';
    let reads = 0;
    const base = store(series, [organisation('A', null), organisation('B', null)]);
    const counting: MetricStore = {
      ...base,
      dataVersion: () => Promise.resolve(version),
      series: (...args) => {
        reads += 1;
        return base.series(...args);
      },
    };
    const region = { kind: 'region', code: 'Y62' } as const;
    const [first, second] = await Promise.all([digestFigures(region, counting, new Map()), digestFigures(region, counting, new Map())]);
    expect(second).toBe(first);
    const readsForOne = reads;
    expect(await digestFigures(region, counting, new Map())).toBe(first);
    expect(reads).toBe(readsForOne);
    // Another scope is computed on its own.
    await digestFigures({ kind: 'national' }, counting, new Map());
    expect(reads).toBeGreaterThan(readsForOne);
    const before = reads;
    version = 'v2';
    const changed = await digestFigures(region, counting, new Map());
    expect(reads).toBeGreaterThan(before);
    expect(changed).toEqual(first);
    expect(changed).not.toBe(first);
  });
});
