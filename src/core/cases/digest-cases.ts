// The digest's case-study sections: "New case studies" published since the last digest (or in the last
// 30 days for a preview or a first digest), and "What could help": for each figure that got worse, the
// published case studies tagged for it and the next masterclass on it (help-themes.ts). Open and Event
// details buttons run `case <number>` and `event <number>`. Nothing is shown when nothing matches.
import { longDate } from '../i18n/format.js';
import { RUN_COMMAND_ACTION } from '../actions.js';
import type { DigestSection, DigestSectionInput, DigestSectionStores } from '../digests/digest-section.js';
import { ukRange } from '../events/london-time.js';
import type { Block, Button, ListItem, Span } from '../reply/reply.js';
import type { CaseHit } from './case-study.js';
import { HELP_THEMES } from './help-themes.js';

/** Without a previous digest, "new" means published in the last this many days. */
export const NEW_CASES_DAYS = 30;
/** New case studies listed; the rest are counted. */
export const NEW_CASES_LISTED = 3;
/** Case studies offered for each figure that got worse. */
export const HELP_CASES_PER_FIGURE = 2;

const DAY_MS = 24 * 60 * 60 * 1000;
const caseButton = (label: string, number: number): Button => ({ label, action: RUN_COMMAND_ACTION, value: `case ${number}` });

export const newCasesSection = async (
  input: DigestSectionInput,
  services: Pick<DigestSectionStores, 'cases' | 'reference'>,
): Promise<readonly Block[]> => {
  const { t } = input;
  const since = input.since ?? new Date(input.now.getTime() - NEW_CASES_DAYS * DAY_MS);
  const found = await services.cases.publishedSince(since, NEW_CASES_LISTED);
  if (found.total === 0) return [];
  const regions = new Map((await services.reference.regions()).map((region) => [region.value, region.label]));
  const items: ListItem[] = found.hits.map((hit: CaseHit) => ({
    title: [{ kind: 'strong', text: t('cases.cardTitle', { number: hit.number, title: hit.title }) }],
    detail:
      [
        hit.organisationName,
        hit.regionCode === undefined ? undefined : regions.get(hit.regionCode),
        hit.demo ? t('cases.demoShort') : undefined,
      ]
        .filter(Boolean)
        .join(' · ') || undefined,
  }));
  const blocks: Block[] = [
    {
      kind: 'heading',
      text: input.since
        ? t('digest.newCases.headingSince', { date: longDate(input.since, t.language) })
        : t('digest.newCases.headingDays', { days: NEW_CASES_DAYS }),
    },
    { kind: 'list', items },
  ];
  if (found.total > found.hits.length)
    blocks.push({
      kind: 'note',
      text: [t('digest.newCases.more', { count: found.total - found.hits.length }), ' ', { kind: 'command', words: 'cases' }],
    });
  blocks.push({ kind: 'buttons', buttons: found.hits.map((hit) => caseButton(t('digest.open', { number: hit.number }), hit.number)) });
  return blocks;
};

export const whatCouldHelpSection: DigestSection['build'] = async (input, services) => {
  const { t } = input;
  if (input.worsened.length === 0) return [];
  // As for "Coming up": the region's masterclasses and national ones; the nation's digest, national ones.
  const regionCode = input.scope.kind === 'national' ? null : (input.regionCode ?? null);
  const items: ListItem[] = [];
  const buttons: Button[] = [];
  const offered = new Set<string>();
  for (const { figure, points } of input.worsened) {
    const themes = HELP_THEMES[figure];
    const [cases, masterclass] = await Promise.all([
      services.cases.search({
        terms: undefined,
        match: 'all',
        tags: themes.tags,
        offset: 0,
        limit: HELP_CASES_PER_FIGURE,
        candidates: HELP_CASES_PER_FIGURE,
      }),
      services.events.nextMatching({ type: 'masterclass', regionCode, from: input.now, phrases: themes.phrases }),
    ]);
    if (cases.hits.length === 0 && !masterclass) continue;
    const detail: Span[] = [];
    if (cases.hits.length > 0)
      detail.push(t('digest.help.cases', { list: cases.hits.map((hit) => `#${hit.number} ${hit.title}`).join('; ') }));
    if (masterclass)
      detail.push(
        `${detail.length > 0 ? ' ' : ''}${t('digest.help.masterclass', { title: `#${masterclass.number} ${masterclass.title}`, when: `${ukRange(masterclass.startsAt, masterclass.endsAt, t.language)} ${t('events.ukTime')}` })}`,
      );
    items.push({ title: [{ kind: 'strong', text: t(`digest.help.worse.${figure}`, { points: points.toFixed(1) }) }], detail });
    for (const hit of cases.hits) {
      if (offered.has(`case ${hit.number}`)) continue;
      offered.add(`case ${hit.number}`);
      buttons.push(caseButton(t('digest.open', { number: hit.number }), hit.number));
    }
    if (masterclass && !offered.has(`event ${masterclass.number}`)) {
      offered.add(`event ${masterclass.number}`);
      buttons.push({
        label: t('digest.comingUp.details', { number: masterclass.number }),
        action: RUN_COMMAND_ACTION,
        value: `event ${masterclass.number}`,
      });
    }
  }
  if (items.length === 0) return [];
  return [
    { kind: 'heading', text: t('digest.help.heading') },
    { kind: 'list', items },
    { kind: 'buttons', buttons },
  ];
};
