import { describe, expect, it } from 'vitest';
import {
  combinedRate,
  EMPTY_COUNTS,
  seriesOf,
  stabilityIndex,
  staffRetained,
  type MonthCounts,
  type Series,
} from '../../src/core/metrics/definitions.js';
import { DEMO_TOTAL_HEADCOUNT, generateDemoData, targetRate } from '../../src/core/metrics/demo-data.js';
import { ALL_STAFF } from '../../src/core/metrics/layouts.js';
import type { OrganisationInfo } from '../../src/core/metrics/metric-store.js';

const TYPES = ['Acute', 'Mental Health', 'Community Provider Trust', 'Ambulance', 'Integrated Care Board', 'Others'];
const REGIONS = ['Y56', 'Y58', 'Y59', 'Y60', 'Y61', 'Y62', 'Y63', 'WALES'];
const organisations: OrganisationInfo[] = Array.from({ length: 240 }, (_, i) => ({
  code: `R${i}`,
  name: `Trust ${i}`,
  type: TYPES[i % TYPES.length]!,
  regionCode: REGIONS[i % REGIONS.length]!,
  exemplarCohort: null,
}));

function nationalSeries(): Series[] {
  const data = generateDemoData(organisations, '2024-12');
  const byOrganisation = new Map<string, MonthCounts[]>();
  for (const row of data.workforce) {
    if (row.staffGroupCode !== ALL_STAFF) continue;
    const list = byOrganisation.get(row.organisationCode) ?? [];
    list.push({ ...EMPTY_COUNTS, ...row });
    byOrganisation.set(row.organisationCode, list);
  }
  return [...byOrganisation].map(([code, months]) => seriesOf(code, months));
}

describe('synthetic demo data', () => {
  const series = nationalSeries();

  it('is calibrated to the seeds: about 9.4% in August 2022 and 7.9% in September 2023 on about 1.1 million staff', () => {
    const august2022 = combinedRate(series, '2022-08', 'leavers');
    const september2023 = combinedRate(series, '2023-09', 'leavers');
    if (august2022.kind !== 'published' || september2023.kind !== 'published') throw new Error('rates not published');
    expect(august2022.value).toBeCloseTo(0.094, 3);
    expect(september2023.value).toBeCloseTo(0.079, 3);
    expect(september2023.base / DEMO_TOTAL_HEADCOUNT).toBeGreaterThan(0.98);
    expect(september2023.base / DEMO_TOTAL_HEADCOUNT).toBeLessThan(1.05);
    // About 16,500 staff retained, as the seeds say.
    const retained = staffRetained(august2022.value, september2023.value, september2023.base);
    expect(retained).toBeGreaterThan(16_000);
    expect(retained).toBeLessThan(17_500);
  });

  it('follows its path in every month and varies between organisations', () => {
    for (const month of ['2022-09', '2023-03', '2024-06', '2024-12']) {
      const rate = combinedRate(series, month, 'leavers');
      expect(rate.kind === 'published' && Math.abs(rate.value - targetRate(month)) < 0.0002).toBe(true);
    }
    const rates = series
      .map((one) => combinedRate([one], '2024-12', 'leavers'))
      .map((rate) => (rate.kind === 'published' ? rate.value : 0));
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(0.02);
    expect(stabilityIndex(series, '2024-12')).toMatchObject({ kind: 'published' });
  });

  it('gives the same figures every time', () => {
    expect(generateDemoData(organisations.slice(0, 3), '2022-03')).toEqual(generateDemoData(organisations.slice(0, 3), '2022-03'));
  });
});
