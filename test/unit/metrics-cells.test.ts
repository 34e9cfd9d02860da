// How cells of real statistics files are read: numbers as pandas and spreadsheets write them, the
// suppression and missing-value markers of NHS and ONS tables, months in NHS forms, staff group labels.
import { describe, expect, it } from 'vitest';
import { markerOf, readCount, readMonth, readNumber } from '../../src/core/metrics/cells.js';
import { cleanHeader, recogniseHeader } from '../../src/core/metrics/layouts.js';
import { staffGroupLabels } from '../../src/core/metrics/staff-group-labels.js';

describe('counts and amounts', () => {
  it.each([
    ['91', 91],
    ['91.0', 91],
    ['91.00', 91],
    [' 91 ', 91],
    ['1,234', 1234],
    ['12,345,678', 12345678],
    ['0', 0],
    ['-0', 0],
  ])('reads %j as the whole number %d', (cell, value) => {
    expect(readCount('leavers', cell)).toEqual({ kind: 'number', value });
  });

  it.each([
    ['91.5', 'leavers must be a whole number of people, not 91.5'],
    ['NaN', 'leavers is "NaN", which is not a figure'],
    ['inf', 'leavers is "inf", which is not a figure'],
    ['-Infinity', 'leavers is "-Infinity", which is not a figure'],
    ['-3', 'leavers must not be negative'],
    ['lots', 'leavers must be a number, not "lots"'],
    ['1,23', 'leavers must be a number, not "1,23"'],
    ['12 345', 'leavers must be a number, not "12 345"'],
  ])('refuses %j as a count: %s', (cell, reason) => {
    expect(readCount('leavers', cell)).toEqual({ kind: 'bad', reason });
  });

  it('reads amounts with decimals and separators', () => {
    expect(readNumber('fte', '1,234.5')).toEqual({ kind: 'number', value: 1234.5 });
    expect(readNumber('fte', '.5')).toEqual({ kind: 'number', value: 0.5 });
  });
});

describe('markers', () => {
  it.each(['*', 'c', 'C', '[c]'])('reads %j as suppressed', (cell) => {
    expect(markerOf(cell)).toBe('suppressed');
  });

  it.each(['', '  ', '-', '..', 'x', '[x]', 'z', '[z]'])('reads %j as not given', (cell) => {
    expect(markerOf(cell)).toBe('notGiven');
  });

  it.each(['0', '91.0', 'n/a?'])('reads %j as no marker', (cell) => {
    expect(markerOf(cell)).toBeUndefined();
  });
});

describe('months', () => {
  it.each([
    ['202503', '2025-03'],
    ['2025-03', '2025-03'],
    ['2025-3', '2025-03'],
    ['2025-03-31', '2025-03'],
    ['2025-03-31 00:00:00', '2025-03'],
    ['31/03/2025', '2025-03'],
    ['MAR2025', '2025-03'],
    ['March 2025', '2025-03'],
    ['202502 to 202503', '2025-03'],
    ['202503 to 202503', '2025-03'],
    ['2024-12 to 2025-01', '2025-01'],
  ])('reads %j as %s', (cell, month) => {
    expect(readMonth('period_end', cell)).toEqual({ kind: 'month', month });
  });

  it('refuses a period longer than a month, saying why', () => {
    expect(readMonth('period_end', '202403 to 202503')).toEqual({
      kind: 'bad',
      reason: 'period_end "202403 to 202503" covers more than a month; I read monthly figures, so please export one row per month',
    });
  });

  it.each(['202513', '2025-00', 'soon', '03/2025', '202503 to later'])('refuses %j', (cell) => {
    expect(readMonth('period', cell)).toMatchObject({
      kind: 'bad',
      reason: expect.stringContaining('is not a month I can read') as string,
    });
  });
});

describe('headers', () => {
  it('are matched in any case, with extra columns named', () => {
    const header = ['Period_End', 'ORG_CODE', 'org name', 'NHSE_Region_Code', 'Staff_Group', 'leavers_hc', 'JOINERS_HC'];
    const check = recogniseHeader([...header, 'denom_start_hc', 'denom_end_hc', 'Unnamed: 0', 'Notes'].map(cleanHeader));
    expect(check).toMatchObject({ kind: 'ok', layout: { name: 'nhs-turnover' }, ignored: ['unnamed:_0', 'notes'] });
  });

  it('refuse a header with the columns of two layouts, and a repeated column', () => {
    const both =
      'period,org_code,staff_group,headcount_end,leavers,joiners,date,nhse_region_code,fte_days_lost,fte_days_available,sickness_absence_rate_percent';
    expect(recogniseHeader(both.split(','))).toMatchObject({ kind: 'mixed', layouts: [{ name: 'cop' }, { name: 'nhs-sickness' }] });
    expect(recogniseHeader(['period', 'org_code', 'period'])).toEqual({ kind: 'repeated', column: 'period' });
  });
});

describe('staff group labels', () => {
  const labels = staffGroupLabels([
    { code: 'all-staff-groups', name: 'All staff groups' },
    { code: 'nurses-health-visitors', name: 'Nurses & health visitors' },
    { code: 'support-to-doctors-nurses-midwives', name: 'Support to doctors, nurses & midwives' },
    { code: 'scientific-therapeutic-technical-staff', name: 'Scientific, therapeutic & technical staff' },
    { code: 'hotel-property-estates', name: 'Hotel, property & estates' },
    { code: 'hchs-doctors', name: 'HCHS doctors' },
  ]);

  it.each([
    ['Nurses & health visitors', 'nurses-health-visitors'],
    ['Nurses and Health Visitors', 'nurses-health-visitors'],
    ['NURSES & HEALTH VISITORS', 'nurses-health-visitors'],
    ['14 Nurses & health visitors', 'nurses-health-visitors'],
    ['Support to doctors, nurses and midwives', 'support-to-doctors-nurses-midwives'],
    ['Scientific, therapeutic and technical', 'scientific-therapeutic-technical-staff'],
    ['ST&T', 'scientific-therapeutic-technical-staff'],
    ['Hotel, property and estates', 'hotel-property-estates'],
    ['HCHS Doctors - All grades', 'hchs-doctors'],
    ['Total', 'all-staff-groups'],
    ['All Staff', 'all-staff-groups'],
    ['01 All staff groups', 'all-staff-groups'],
  ])('reads %j', (label, code) => {
    expect(labels.codeOf(label)).toBe(code);
  });

  it('never guesses, but suggests the closest name', () => {
    expect(labels.codeOf('Nurses')).toBeUndefined();
    expect(labels.suggestionFor('Nurse & HV')).toBe('Nurses & health visitors');
    expect(labels.suggestionFor('Hotel property')).toBe('Hotel, property & estates');
  });
});
