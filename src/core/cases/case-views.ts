// How case studies look: compact result cards with Open and Share buttons, and a case study in full.
import { linkButton, RUN_COMMAND_ACTION } from '../actions.js';
import type { Translate } from '../i18n/translator.js';
import type { Choice } from '../members/member.js';
import type { Block, Button, ListItem } from '../reply/reply.js';
import { organisationTypeLabel } from './case-form.js';
import { tagLabel, type CaseHit, type CaseStudy } from './case-study.js';

export const SHARE_CASE_ACTION = 'case.share';
export const APPROVE_CASE_ACTION = 'case.approve';
export const CHANGES_CASE_ACTION = 'case.changes';
export const REJECT_CASE_ACTION = 'case.reject';

/** Names of the reference data a case study shows. */
export interface CaseNames {
  readonly regions: readonly Choice[];
  readonly staffGroups: readonly Choice[];
  readonly promiseElements: readonly Choice[];
}

const SUMMARY_ON_CARD = 220;

/** The seeded staff group that means every group: offered for case studies, which often apply to all staff. */
export const ALL_STAFF_GROUPS: Choice = { value: 'all-staff-groups', label: 'All staff groups' };

export function caseNamesOf(regions: readonly Choice[], staffGroups: readonly Choice[], promiseElements: readonly Choice[]): CaseNames {
  return {
    regions,
    staffGroups: [ALL_STAFF_GROUPS, ...staffGroups.filter((group) => group.value !== ALL_STAFF_GROUPS.value)],
    promiseElements,
  };
}

export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const nameOf = (choices: readonly Choice[], value: string | undefined) =>
  value === undefined ? undefined : (choices.find((c) => c.value === value)?.label ?? value);

/** One search result: number, title, where from, the start of the summary; Open and Share underneath. */
export function hitBlocks(hit: CaseHit, names: CaseNames, t: Translate): Block[] {
  const where = [hit.organisationName, nameOf(names.regions, hit.regionCode)].filter(Boolean).join(', ');
  const item: ListItem = {
    title: [{ kind: 'strong', text: t('cases.cardTitle', { number: hit.number, title: hit.title }) }],
    detail: [where, shorten(hit.summary, SUMMARY_ON_CARD), hit.demo ? t('cases.demoShort') : ''].filter((part) => part !== '').join(' · '),
  };
  return [
    { kind: 'list', items: [item] },
    {
      kind: 'buttons',
      buttons: [
        { label: t('cases.open'), action: RUN_COMMAND_ACTION, value: `case ${hit.number}` },
        { label: t('cases.share'), action: SHARE_CASE_ACTION, value: String(hit.number) },
      ],
    },
  ];
}

/**
 * A button for each of the case study's links, named by its site ("Read the source (nhsemployers.org)")
 * so that several can be told apart. A link that is not a web address (an import predating the checks)
 * is left out: Slack would refuse the whole message for it.
 */
function sourceButtons(links: readonly string[], t: Translate): Button[] {
  return links.flatMap((link) => {
    const url = URL.canParse(link) ? new URL(link) : undefined;
    return url && /^https?:$/.test(url.protocol)
      ? [linkButton('source', t('cases.button.source', { site: url.hostname.replace(/^www\./, '') }), link)]
      : [];
  });
}

/** A case study in full, with its source; `sharedBy` attributes a shared copy to the person who shared it. */
export function caseBlocks(found: CaseStudy, names: CaseNames, t: Translate, options: { share: boolean; sharedBy?: string }): Block[] {
  const facts: { label: string; value: string }[] = [];
  const add = (label: string, value: string | undefined) => {
    if (value !== undefined && value !== '') facts.push({ label, value });
  };
  add(
    t('cases.fact.organisation'),
    [found.organisationName, found.organisationType && organisationTypeLabel(t, found.organisationType)].filter(Boolean).join(', '),
  );
  add(t('cases.fact.region'), nameOf(names.regions, found.regionCode));
  add(t('cases.fact.staffGroups'), found.staffGroups.map((code) => nameOf(names.staffGroups, code)).join(', '));
  add(t('cases.fact.promise'), found.promiseElements.map((code) => nameOf(names.promiseElements, code)).join(', '));
  add(t('cases.fact.themes'), found.tags.map(tagLabel).join(', '));
  add(t('cases.fact.source'), [found.source, found.sourceDate].filter(Boolean).join(', '));
  if (found.contactName) add(t('cases.fact.contact'), [found.contactName, found.contactRole].filter(Boolean).join(', '));

  const blocks: Block[] = [{ kind: 'heading', text: t('cases.cardTitle', { number: found.number, title: found.title }) }];
  if (options.sharedBy) blocks.push({ kind: 'note', text: t('cases.sharedBy', { name: options.sharedBy }) });
  if (found.demo) blocks.push({ kind: 'note', text: t('cases.demo') });
  blocks.push(
    { kind: 'text', text: found.summary },
    { kind: 'facts', facts },
    { kind: 'text', text: [{ kind: 'strong', text: t('cases.section.challenge') }, `\n${found.challenge}`] },
    { kind: 'text', text: [{ kind: 'strong', text: t('cases.section.actions') }, `\n${found.actions}`] },
    {
      kind: 'text',
      text: [
        {
          kind: 'strong',
          text: found.resultsPeriod ? t('cases.section.resultsPeriod', { period: found.resultsPeriod }) : t('cases.section.results'),
        },
        `\n${found.results}`,
      ],
    },
  );
  const sources = sourceButtons(found.links, t);
  if (sources.length > 0) blocks.push({ kind: 'buttons', buttons: sources });
  if (found.status !== 'published') blocks.push({ kind: 'note', text: t(`cases.status.${found.status}`) });
  if (options.share && found.status === 'published') {
    blocks.push({
      kind: 'buttons',
      buttons: [{ label: t('cases.shareToChannel'), action: SHARE_CASE_ACTION, value: String(found.number) }],
    });
  }
  return blocks;
}

/** Approve, ask for changes, reject: under a submission waiting for review. */
export function reviewActions(number: number, t: Translate): Button[] {
  return [
    { label: t('cases.review.approve'), action: APPROVE_CASE_ACTION, value: String(number), style: 'primary' },
    { label: t('cases.review.changes'), action: CHANGES_CASE_ACTION, value: String(number) },
    { label: t('cases.review.reject'), action: REJECT_CASE_ACTION, value: String(number), style: 'danger' },
  ];
}

export function reviewButtons(number: number, t: Translate): Block {
  return { kind: 'buttons', buttons: reviewActions(number, t) };
}
