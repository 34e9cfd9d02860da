// Staff groups in digest commands: forgiving matching against the seeded reference data, and where
// `staff:` words begin and end.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { targetFromWords, targetWords } from '../../src/core/digests/digest-scope.js';
import { matchStaffGroup, takeStaffWords } from '../../src/core/digests/staff-groups.js';
import { splitSubscribeWords } from '../../src/core/digests/subscription-commands.js';
import { ALL_STAFF } from '../../src/core/metrics/layouts.js';
import { staffGroupCode } from '../../src/db/seed.js';

const csv = readFileSync(new URL('../../prisma/data/nhs_staff_groups.csv', import.meta.url), 'utf8');
/** The staff groups as seeded, less the all-staff total (as MetricStore.staffGroups gives them). */
const GROUPS = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true })
  .data.map((row) => ({ code: staffGroupCode(row['staff_group']!), name: row['staff_group']! }))
  .filter((group) => group.code !== ALL_STAFF);

const found = (typed: string, preferred: string[] = []) => {
  const match = matchStaffGroup(typed, GROUPS, preferred);
  return match.kind === 'found' ? match.group.name : match.kind;
};

describe('matching a typed staff group', () => {
  it.each([
    ['nurses', 'Nurses & health visitors'],
    ['Nurses', 'Nurses & health visitors'],
    ['nurse', 'Nurses & health visitors'],
    ['nursing', 'Nurses & health visitors'],
    ['nurses & health visitors', 'Nurses & health visitors'],
    ['nurses-health-visitors', 'Nurses & health visitors'],
    ['midwives', 'Midwives'],
    ['midwifes', 'Midwives'],
    ['doctors', 'HCHS doctors'],
    ['st&t', 'Scientific, therapeutic & technical staff'],
    ['ambulance', 'Ambulance staff'],
    ['managers', 'Managers'],
    ['senior managers', 'Senior managers'],
    ['consultant', 'Consultant'],
    ['support to doctors nurses and midwives', 'Support to doctors, nurses & midwives'],
  ])('"%s" finds %s', (typed, name) => {
    expect(found(typed)).toBe(name);
  });

  it('reads all, all staff and total as all staff', () => {
    for (const typed of ['all', 'all staff', 'Total', 'all-staff-groups']) expect(matchStaffGroup(typed, GROUPS).kind).toBe('all');
  });

  it('says when nothing fits, or when several fit equally well', () => {
    expect(found('plumbers')).toBe('unknown');
    expect(found('')).toBe('unknown');
    const support = matchStaffGroup('support', GROUPS);
    expect(support.kind).toBe('ambiguous');
    if (support.kind === 'ambiguous')
      expect(support.groups.map((group) => group.name)).toEqual(['Support to clinical staff', 'Support to ambulance staff']);
  });

  it('of equally close groups, takes the only one with figures', () => {
    expect(found('support', ['support-to-ambulance-staff'])).toBe('Support to ambulance staff');
  });
});

describe('staff: in a command’s words', () => {
  it('takes the words after staff: to the end, or to the schedule', () => {
    expect(takeStaffWords(['london', 'staff:midwives'])).toEqual({ words: ['london'], staff: 'midwives' });
    expect(takeStaffWords(['R0A', 'staff:', 'nurses', '&', 'health', 'visitors'])).toEqual({
      words: ['R0A'],
      staff: 'nurses & health visitors',
    });
    expect(takeStaffWords(['london', 'staff:"Nurses', '&', 'health', 'visitors"'])).toEqual({
      words: ['london'],
      staff: 'Nurses & health visitors',
    });
    expect(takeStaffWords(['london', 'nurses'])).toEqual({ words: ['london', 'nurses'], staff: undefined });
    const schedule = (word: string) => word === 'weekly' || /^\d/.test(word);
    expect(takeStaffWords(['north-west', 'staff:nurses', 'weekly'], schedule)).toEqual({
      words: ['north-west', 'weekly'],
      staff: 'nurses',
    });
    expect(takeStaffWords(['north-west', 'weekly', 'STAFF:nurses'], schedule)).toEqual({
      words: ['north-west', 'weekly'],
      staff: 'nurses',
    });
  });

  it('leaves a trailing staff group name with the scope words of a subscription', () => {
    expect(splitSubscribeWords(['R0A', 'nurses', 'monthly'])).toEqual({ scope: 'R0A nurses', schedule: 'monthly', timeZone: undefined });
  });
});

describe('a digest’s scope and staff group from the words typed', () => {
  // The stores targetFromWords reads, holding reference data only (as the seed writes it).
  const regions = [
    { value: 'Y56', label: 'London' },
    { value: 'Y62', label: 'North West' },
  ];
  const organisations = [
    { code: 'R0A', name: 'Manchester University NHS Foundation Trust', type: 'Acute', regionCode: 'Y62', exemplarCohort: null },
  ];
  const services = {
    members: { findByIdentity: () => Promise.resolve(undefined) },
    reference: { regions: () => Promise.resolve(regions) },
    metrics: {
      organisations: (codes: readonly string[]) => Promise.resolve(organisations.filter((one) => codes.includes(one.code))),
      allOrganisations: () => Promise.resolve(organisations),
      staffGroups: () => Promise.resolve(GROUPS),
      staffGroupsWithFigures: () => Promise.resolve(['nurses-health-visitors']),
    },
  } as unknown as Parameters<typeof targetFromWords>[2];
  const actor = { platform: 'slack', workspaceId: 'T0', userId: 'U0' } as unknown as Parameters<typeof targetFromWords>[1];
  const read = async (typed: string) => {
    const choice = await targetFromWords(typed.split(' ').filter(Boolean), actor, services);
    if (choice.kind === 'ok') return targetWords(choice.target);
    return choice.kind === 'unknown' ? `unknown scope "${choice.typed}"` : `unknown staff group "${choice.typed}"`;
  };

  it.each([
    ['R0A nurses', 'R0A staff:nurses-health-visitors'],
    ['r0a Nurses & health visitors', 'R0A staff:nurses-health-visitors'],
    ['north west nurses', 'Y62 staff:nurses-health-visitors'],
    ['north-west staff:nurses', 'Y62 staff:nurses-health-visitors'],
    ['staff:midwives london', 'Y56 staff:midwives'],
    ['staff:nurses & health visitors north west', 'Y62 staff:nurses-health-visitors'],
    ['london staff:plumbers north west', 'unknown staff group "plumbers north west"'],
    ['london staff:midwives', 'Y56 staff:midwives'],
    ['staff:midwives', 'national staff:midwives'],
    ['national nurses', 'national staff:nurses-health-visitors'],
    ['Manchester University NHS Foundation Trust staff:nurses', 'R0A staff:nurses-health-visitors'],
    ['Manchester University NHS Foundation Trust nurses', 'unknown scope "Manchester University NHS Foundation Trust nurses"'],
    ['Manchester University NHS Foundation Trust', 'R0A'],
    ['london', 'Y56'],
    ['london all staff', 'Y56'],
    ['london plumbers', 'unknown staff group "plumbers"'],
    ['narnia nurses', 'unknown scope "narnia nurses"'],
    ['narnia staff:nurses', 'unknown scope "narnia"'],
  ])('"%s" is %s', async (typed, expected) => {
    expect(await read(typed)).toBe(expected);
  });
});
