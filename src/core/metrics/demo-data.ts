// Synthetic demo data: generated figures, marked synthetic in the database and in every digest built on
// them, so that a newcomer sees a digest at once. NOT real figures. Calibrated so that the whole data set
// tells the story the seed pages tell: a 12-month leaver rate of about 9.4% in August 2022 falling to
// about 7.9% in September 2023, on about 1.1 million staff. Deterministic: the same months and
// organisations always give the same figures.
import { ALL_STAFF, type SicknessRow, type WorkforceRow } from './layouts.js';
import type { ImportWriter, MetricStore, OrganisationInfo } from './metric-store.js';
import { addMonths, monthsBetween, type Month } from './period.js';

export const DEMO_SOURCE = 'Synthetic demo data (generated, not real figures)';
export const DEMO_FIRST_MONTH: Month = '2021-09';
export const DEMO_TOTAL_HEADCOUNT = 1_100_000;
export const NURSES = 'nurses-health-visitors';

/** The national 12-month leaver rate the data is calibrated to: straight lines between these points. */
export const DEMO_LEAVER_RATE_PATH: readonly (readonly [Month, number])[] = [
  ['2021-03', 0.082],
  ['2022-08', 0.094],
  ['2023-09', 0.079],
  ['2024-09', 0.075],
  ['2027-12', 0.071],
];

/** Typical headcount by organisation type, before scaling to DEMO_TOTAL_HEADCOUNT. */
const TYPICAL_HEADCOUNT: Readonly<Record<string, number>> = {
  Acute: 6000,
  'Mental Health': 3500,
  'Community Provider Trust': 2000,
  Ambulance: 4500,
  'Integrated Care Board': 500,
  'Commissioning Support Unit': 700,
  'Local Health Board': 9000,
  'NHS Trust': 3000,
  'NHS Trust (ambulance)': 3000,
};
const OTHER_HEADCOUNT = 400;

function monthIndex(month: Month): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** The calibration path at a month (held flat beyond its ends). */
export function targetRate(month: Month): number {
  const at = monthIndex(month);
  const points = DEMO_LEAVER_RATE_PATH.map(([m, rate]) => [monthIndex(m), rate] as const);
  if (at <= points[0]![0]) return points[0]![1];
  for (let i = 1; i < points.length; i += 1) {
    const [x1, y1] = points[i]!;
    const [x0, y0] = points[i - 1]!;
    if (at <= x1) return y0 + ((y1 - y0) * (at - x0)) / (x1 - x0);
  }
  return points.at(-1)![1];
}

/** A small deterministic generator (mulberry32) seeded from a string. */
function random(seed: string): () => number {
  let state = 0;
  for (const char of seed) state = (Math.imul(state ^ char.charCodeAt(0), 2654435761) + 1) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Profile {
  readonly organisation: OrganisationInfo;
  readonly headcount: number;
  /** Leaving more or less than the nation. */
  readonly level: number;
  /** How much faster than the nation it improves (per year, as a share of its rate). */
  readonly improvement: number;
  readonly noise: () => number;
}

export interface DemoData {
  readonly workforce: readonly WorkforceRow[];
  readonly sickness: readonly SicknessRow[];
}

/**
 * Figures for every organisation from DEMO_FIRST_MONTH to `lastMonth`, all staff and nurses. Each
 * month's national leavers are what puts the national 12-month rate exactly on the path; organisations
 * share them by their size, their own level and how fast they improve.
 */
export function generateDemoData(organisations: readonly OrganisationInfo[], lastMonth: Month): DemoData {
  const months = monthsBetween(DEMO_FIRST_MONTH, lastMonth);
  const raw = organisations.map((organisation) => {
    const draw = random(organisation.code);
    return {
      organisation,
      headcount: (TYPICAL_HEADCOUNT[organisation.type] ?? OTHER_HEADCOUNT) * (0.6 + 0.8 * draw()),
      level: 0.75 + 0.5 * draw(),
      improvement: -0.04 + 0.12 * draw(),
      noise: draw,
    };
  });
  const scale = DEMO_TOTAL_HEADCOUNT / raw.reduce((sum, one) => sum + one.headcount, 0);
  const profiles: Profile[] = raw.map((one) => ({ ...one, headcount: Math.round(one.headcount * scale) }));

  const workforce: WorkforceRow[] = [];
  const sickness: SicknessRow[] = [];
  const headcount = new Map(profiles.map((p) => [p.organisation.code, p.headcount]));
  const nursesHeadcount = new Map(profiles.map((p) => [p.organisation.code, Math.round(p.headcount * 0.3)]));
  const leaverHistory = new Map<string, number[]>(profiles.map((p) => [p.organisation.code, []]));
  const headcountHistory = new Map<string, number[]>(profiles.map((p) => [p.organisation.code, []]));

  const nationalLeavers: number[] = [];
  const nationalHeadcounts: number[] = [];
  for (const month of months) {
    const years = (monthIndex(month) - monthIndex('2023-01')) / 12;
    // Joiners a little above leavers: the workforce grows by about 2% a year, whatever the leavers.
    const growth = profiles.map((p) => Math.round(headcount.get(p.organisation.code)! * (0.0017 + 0.001 * (p.noise() - 0.5))));
    const monthHeadcount = profiles.reduce((sum, p, i) => sum + headcount.get(p.organisation.code)! + growth[i]! / 2, 0);
    nationalHeadcounts.push(monthHeadcount);
    let total: number;
    if (nationalLeavers.length >= 11) {
      // Exactly on the path: the 12-month leavers needed, less the 11 months already counted.
      const average = nationalHeadcounts.slice(-12).reduce((sum, value) => sum + value, 0) / 12;
      total = targetRate(month) * average - nationalLeavers.slice(-11).reduce((sum, value) => sum + value, 0);
    } else {
      // Before a full window: the path 6 months ahead (a rolling sum of a straight line is the line at its middle).
      total = (targetRate(addMonths(month, 6)) / 12) * monthHeadcount;
    }
    nationalLeavers.push(total);
    const wanted = profiles.map(
      (p) => headcount.get(p.organisation.code)! * p.level * Math.max(0.5, 1 - p.improvement * years) * (0.9 + 0.2 * p.noise()),
    );
    const fit = total / wanted.reduce((sum, value) => sum + value, 0);
    profiles.forEach((p, i) => {
      const code = p.organisation.code;
      const start = headcount.get(code)!;
      const leavers = Math.round(wanted[i]! * fit);
      const joiners = leavers + growth[i]!;
      const end = start - leavers + joiners;
      headcount.set(code, end);
      const leavers12 = leaverHistory.get(code)!;
      leavers12.push(leavers);
      const headcounts = headcountHistory.get(code)!;
      headcounts.push(start);
      const base = headcounts.length >= 12 ? headcounts[headcounts.length - 12]! : null;
      const leftOfBase = leavers12.slice(-12).reduce((sum, value) => sum + value, 0);
      const fte = Math.round(end * 0.88 * 10) / 10;
      const nqHeadcount = Math.round(end * 0.04);
      workforce.push({
        organisationCode: code,
        regionCode: p.organisation.regionCode,
        month,
        staffGroupCode: ALL_STAFF,
        startHeadcount: start,
        headcount: end,
        fte,
        leavers,
        joiners,
        leaversFte: Math.round(leavers * 0.85 * 10) / 10,
        // Some leavers had joined within the year, so fewer of the base left than all leavers.
        stabilityBase: base,
        stabilityStayed: base === null ? null : Math.max(0, base - Math.round(leftOfBase * 0.85)),
        vacancyFte: Math.round(fte * (0.06 + 0.04 * p.level - 0.005 * years) * 10) / 10,
        nqHeadcount,
        nqLeavers: Math.round((nqHeadcount * 0.13 * p.level) / 12),
      });
      const nursesStart = nursesHeadcount.get(code)!;
      const nurseLeavers = Math.round(leavers * 0.28);
      const nurseJoiners = Math.round(joiners * 0.3);
      nursesHeadcount.set(code, nursesStart - nurseLeavers + nurseJoiners);
      workforce.push({
        organisationCode: code,
        regionCode: p.organisation.regionCode,
        month,
        staffGroupCode: NURSES,
        startHeadcount: nursesStart,
        headcount: nursesStart - nurseLeavers + nurseJoiners,
        fte: null,
        leavers: nurseLeavers,
        joiners: nurseJoiners,
        leaversFte: null,
        stabilityBase: null,
        stabilityStayed: null,
        vacancyFte: null,
        nqHeadcount: null,
        nqLeavers: null,
      });
      const available = Math.round(fte * 30.4);
      sickness.push({
        organisationCode: code,
        regionCode: p.organisation.regionCode,
        month,
        fteDaysAvailable: available,
        fteDaysLost: Math.round(available * (0.042 + 0.012 * p.noise() + 0.008 * Math.cos((monthIndex(month) % 12) / 1.9))),
      });
    });
  }
  return { workforce, sickness };
}

/** Writes the demo data through an import writer (one transaction, marked synthetic by the caller's plan). */
export async function writeDemoData(writer: ImportWriter, data: DemoData): Promise<void> {
  const batch = 5_000;
  for (let i = 0; i < data.workforce.length; i += batch) await writer.writeWorkforce(data.workforce.slice(i, i + batch));
  for (let i = 0; i < data.sickness.length; i += batch) await writer.writeSickness(data.sickness.slice(i, i + batch));
  await writer.finish(data.workforce.length + data.sickness.length, [], 'workforce');
}

/**
 * Loads the demo data (figures up to the month before `currentMonth`) when no metrics are stored yet.
 * Returns the rows written, or 0 when there were metrics already.
 */
export async function loadDemoDataIfEmpty(store: MetricStore, currentMonth: Month): Promise<number> {
  if (!(await store.isEmpty())) return 0;
  const data = generateDemoData(await store.allOrganisations(), addMonths(currentMonth, -1));
  const loaded = await store.importIfEmpty({ layout: 'demo', source: DEMO_SOURCE, synthetic: true }, (writer) =>
    writeDemoData(writer, data),
  );
  return loaded ? data.workforce.length + data.sickness.length : 0;
}
