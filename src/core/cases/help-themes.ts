// What could help when a retention figure gets worse: for each figure, the case-study themes (tags, as
// stored: lower case with hyphens) that address it, and the phrases a masterclass's title or description
// must hold to be offered for it. Drawn from the interventions the NHS retention programmes describe
// (the seed pages): flexible working and flexible retirement for leavers, preceptorship and legacy
// mentoring for newly qualified staff, health and wellbeing and menopause support for sickness absence.
// Only case studies tagged with one of these themes, and events whose words hold one of these phrases,
// are shown: nothing is offered when nothing matches.
import type { WorsenedFigure } from '../digests/digest-section.js';

export interface HelpThemes {
  readonly tags: readonly string[];
  readonly phrases: readonly string[];
}

export const HELP_THEMES: Readonly<Record<WorsenedFigure, HelpThemes>> = {
  // Leaver rate rising: keeping people who would otherwise leave or retire.
  leaverRate: {
    tags: ['flexible-working', 'flexible-retirement', 'retire-and-return', 'legacy-mentoring', 'pensions', 'stay-conversations'],
    phrases: ['flexible working', 'flexible retirement', 'retire and return', 'legacy mentor', 'pension', 'stay conversation'],
  },
  // Joiner rate falling: bringing people in and back.
  joinerRate: {
    tags: ['retire-and-return', 'return-to-practice', 'recruitment', 'international-recruitment', 'apprenticeships', 'preceptorship'],
    phrases: ['retire and return', 'return to practice', 'recruitment', 'apprentice', 'preceptorship'],
  },
  // Stability falling: fewer of last year's staff still in post.
  stability: {
    tags: ['legacy-mentoring', 'flexible-working', 'stay-conversations', 'career-conversations', 'line-managers'],
    phrases: ['legacy mentor', 'flexible working', 'stay conversation', 'career conversation', 'line manager'],
  },
  // Vacancy rate rising: posts standing empty.
  vacancy: {
    tags: ['retire-and-return', 'return-to-practice', 'recruitment', 'international-recruitment', 'flexible-working'],
    phrases: ['retire and return', 'return to practice', 'recruitment', 'vacanc', 'flexible working'],
  },
  // Sickness absence rising.
  sickness: {
    tags: ['health-and-wellbeing', 'wellbeing', 'menopause', 'occupational-health', 'psychological-support'],
    phrases: ['wellbeing', 'well-being', 'menopause', 'occupational health', 'sickness absence', 'psychological'],
  },
  // Newly-qualified leaver rate rising.
  newlyQualifiedLeaverRate: {
    tags: ['preceptorship', 'newly-qualified', 'legacy-mentoring'],
    phrases: ['preceptorship', 'newly qualified', 'newly-qualified', 'legacy mentor'],
  },
};
