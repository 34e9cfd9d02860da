// Which figures a digest counts as worse on a year ago: the direction differs per figure, a change that
// shows as "no change" (under 0.05 points) never counts, unpublished figures never count, worst first.
import { describe, expect, it } from 'vitest';
import { worsened } from '../../src/core/digests/digest-message.js';
import type { DigestFigures } from '../../src/core/digests/digest-figures.js';
import type { Figure } from '../../src/core/metrics/definitions.js';
import { HELP_THEMES } from '../../src/core/cases/help-themes.js';
import { tagOf } from '../../src/core/cases/case-study.js';

const rate = (value: number): Figure => ({ kind: 'published', value, count: value * 1000, base: 1000 });
const missing: Figure = { kind: 'missing' };
const suppressed: Figure = { kind: 'suppressed', reason: 'fewStaff' };

function figures(now: Partial<Record<string, Figure>>, before: Partial<Record<string, Figure>>): DigestFigures {
  const pick = (from: Partial<Record<string, Figure>>, key: string) => from[key] ?? missing;
  return {
    month: '2025-03',
    leaverRate: pick(now, 'leaverRate'),
    leaverRateLastMonth: missing,
    leaverRateLastYear: pick(before, 'leaverRate'),
    joinerRate: pick(now, 'joinerRate'),
    stability: pick(now, 'stability'),
    vacancy: pick(now, 'vacancy'),
    sickness: pick(now, 'sickness'),
    newlyQualifiedLeaverRate: pick(now, 'newlyQualifiedLeaverRate'),
    lastYear: {
      joinerRate: pick(before, 'joinerRate'),
      stability: pick(before, 'stability'),
      vacancy: pick(before, 'vacancy'),
      sickness: pick(before, 'sickness'),
      newlyQualifiedLeaverRate: pick(before, 'newlyQualifiedLeaverRate'),
    },
    headcount: undefined,
    retainedSinceLastYear: undefined,
    trend: [],
    ranking: undefined,
    regionTable: [],
    mostImproved: [],
    exemplars: undefined,
    withoutAllStaff: [],
    organisationalChanges: [],
    sources: undefined,
  };
}

describe('worsened', () => {
  it('counts rising leaver, vacancy, sickness and newly qualified leaver rates, and falling joiner rate and stability, worst first', () => {
    const result = worsened(
      figures(
        {
          leaverRate: rate(0.104),
          joinerRate: rate(0.088),
          stability: rate(0.85),
          vacancy: rate(0.06),
          sickness: rate(0.052),
          newlyQualifiedLeaverRate: rate(0.24),
        },
        {
          leaverRate: rate(0.088),
          joinerRate: rate(0.104),
          stability: rate(0.86),
          vacancy: rate(0.05),
          sickness: rate(0.05),
          newlyQualifiedLeaverRate: rate(0.12),
        },
      ),
    );
    expect(result).toEqual([
      { figure: 'newlyQualifiedLeaverRate', points: 12 },
      { figure: 'leaverRate', points: 1.6 },
      { figure: 'joinerRate', points: 1.6 },
      { figure: 'stability', points: 1 },
      { figure: 'vacancy', points: 1 },
      { figure: 'sickness', points: 0.2 },
    ]);
  });

  it('ignores improvements, changes too small to show, and figures not published', () => {
    const result = worsened(
      figures(
        { leaverRate: rate(0.079), joinerRate: rate(0.11), stability: rate(0.8604), vacancy: suppressed, sickness: rate(0.05) },
        { leaverRate: rate(0.094), joinerRate: rate(0.1), stability: rate(0.8608), vacancy: rate(0.01), sickness: missing },
      ),
    );
    expect(result).toEqual([]);
  });
});

describe('help themes', () => {
  it('name every figure, with tags written as the library stores them and phrases to match events', () => {
    for (const themes of Object.values(HELP_THEMES)) {
      expect(themes.tags.length).toBeGreaterThan(0);
      expect(themes.phrases.length).toBeGreaterThan(0);
      for (const tag of themes.tags) expect(tagOf(tag)).toBe(tag);
    }
    expect(HELP_THEMES.newlyQualifiedLeaverRate.tags).toContain('preceptorship');
    expect(HELP_THEMES.sickness.tags).toEqual(expect.arrayContaining(['health-and-wellbeing', 'menopause']));
    expect(HELP_THEMES.leaverRate.tags).toEqual(expect.arrayContaining(['flexible-working', 'retire-and-return', 'legacy-mentoring']));
  });
});
