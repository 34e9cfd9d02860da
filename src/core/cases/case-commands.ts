// The case-study library: `cases [words] [filters]` (search, or the themes when alone), `case <number>`
// (open), the Share button, `case submit` / `case edit <number>` (the form), `cases mine`, and review:
// `cases pending`, Approve / Ask for changes / Reject (buttons or typed). Permissions are checked on
// every command and every click, since anyone who can see a message can replay its buttons.
import { distance } from 'fastest-levenshtein';
import { z } from 'zod';
import { RUN_COMMAND_ACTION } from '../actions.js';
import { defineCommand, noArguments } from '../commands/command.js';
import type { RequestContext } from '../context.js';
import type { ActionHandler, FormHandler } from '../forms/form-handler.js';
import { withSubmission } from '../forms/form-handler.js';
import type { MemberRecord } from '../members/member.js';
import { findRegion, unknownRegionReply } from '../regions/region-names.js';
import { message, textMessage, type Block, type Form, type Message, type Reply } from '../reply/reply.js';
import type { Translate } from '../i18n/translator.js';
import { inLanguages, settled } from '../reply/bilingual.js';
import { channelLanguage } from '../i18n/language-resolution.js';
import { permissionsOf, type Permissions } from '../roles/permissions.js';
import type { CoreServices } from '../services.js';
import { buildCaseForm, CASE_FORM_ID, cleanParagraphs, parseCaseForm } from './case-form.js';
import type { CaseSearch, CaseSearchResult, ReviewDecision } from './case-store.js';
import { CASE_LIMITS, tagLabel, tagOf, type CaseStudy } from './case-study.js';
import {
  ALL_STAFF_GROUPS,
  APPROVE_CASE_ACTION,
  caseBlocks,
  caseNamesOf,
  CHANGES_CASE_ACTION,
  hitBlocks,
  REJECT_CASE_ACTION,
  reviewActions,
  reviewButtons,
  SHARE_CASE_ACTION,
  shorten,
  type CaseNames,
} from './case-views.js';
import { notifyOutcome, notifyReviewers } from './case-notifications.js';
import { hasTerms, parseCaseQuery, type CaseQuery } from './search-query.js';
import { bareWord } from './synonyms.js';
import { activeMember } from '../members/active-member.js';

/** The services this module's handlers use. */
export type CaseCommandsServices = Pick<
  CoreServices,
  'cases' | 'clock' | 'configuredAdmins' | 'members' | 'outbox' | 'reference' | 'roles'
>;

export const CASES_PAGE_SIZE = 5;
/** Matches a search ranks at most (CaseSearch.candidates): 20 pages. */
export const CASES_RANKED = 100;
export const PENDING_CASES_LIMIT = 10;
export const REVIEW_FORM_ID = 'case.review';
const SUGGESTED_THEMES = 5;
const BROWSE_THEMES = 30;
const THEME_BUTTONS = 8;

export async function caseNames(services: CaseCommandsServices): Promise<CaseNames> {
  const [regions, staffGroups, promiseElements] = await Promise.all([
    services.reference.regions(),
    services.reference.staffGroups(),
    services.reference.promiseElements(),
  ]);
  return caseNamesOf(regions, staffGroups, promiseElements);
}

/** National admins review every case study; facilitators those of their regions. */
export function mayReview(permissions: Permissions, regionCode: string | undefined): boolean {
  return permissions.nationalAdmin || (regionCode !== undefined && permissions.facilitates.includes(regionCode));
}

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Staff groups people name by another word. */
const STAFF_ALIASES: Readonly<Record<string, string>> = {
  nursing: 'nurses-health-visitors',
  nurse: 'nurses-health-visitors',
  ahp: 'scientific-therapeutic-technical-staff',
  ahps: 'scientific-therapeutic-technical-staff',
  allied: 'scientific-therapeutic-technical-staff',
  doctors: 'hchs-doctors',
  medical: 'hchs-doctors',
  midwifery: 'midwives',
  ambulance: 'ambulance-staff',
  estates: 'hotel-property-estates',
};

// ---- search and browse -------------------------------------------------------------------------

async function browse(context: RequestContext, services: CaseCommandsServices): Promise<Message> {
  const { t } = context;
  const themes = await services.cases.themes();
  if (themes.length === 0) return textMessage(t('cases.libraryEmpty'));
  const blocks: Block[] = [
    { kind: 'heading', text: t('cases.themesHeading') },
    { kind: 'text', text: t('cases.themesIntro') },
    {
      kind: 'list',
      items: themes.slice(0, BROWSE_THEMES).map((theme) => ({
        title: [{ kind: 'strong', text: tagLabel(theme.tag) }, ` ${t('cases.themeCount', { count: theme.count })}`],
        detail: [{ kind: 'command', words: `cases theme:${theme.tag}` }],
      })),
    },
    {
      kind: 'buttons',
      buttons: themes
        .slice(0, THEME_BUTTONS)
        .map((theme) => ({ label: tagLabel(theme.tag), action: RUN_COMMAND_ACTION, value: `cases theme:${theme.tag}` })),
    },
    { kind: 'note', text: [t('cases.searchHint'), ' ', { kind: 'command', words: 'cases flexible retirement staff:nurses' }] },
  ];
  return message(t('cases.themesSummary', { count: themes.length }), blocks, 'open');
}

type Resolved =
  { ok: true; search: Omit<CaseSearch, 'match' | 'offset' | 'limit' | 'terms' | 'candidates'> } | { ok: false; reply: Message };

async function resolveFilters(
  query: CaseQuery,
  names: CaseNames,
  context: RequestContext,
  services: CaseCommandsServices,
): Promise<Resolved> {
  const { t } = context;
  const { theme, staff, region, type } = query.filters;
  let tags: string[] | undefined;
  let staffGroups: string[] | undefined;
  let regionCode: string | undefined;
  let organisationTypes: string[] | undefined;
  if (theme !== undefined) {
    const wanted = tagOf(theme);
    const themes = await services.cases.themes();
    tags = wanted === '' ? [] : themes.filter((candidate) => candidate.tag.includes(wanted)).map((candidate) => candidate.tag);
    if (tags.length === 0) {
      const known = themes.slice(0, 12).map((candidate) => tagLabel(candidate.tag));
      return { ok: false, reply: textMessage(t('cases.unknownTheme', { typed: theme, themes: known.join(', ') })) };
    }
  }
  if (staff !== undefined) {
    const wanted = normalise(staff);
    const alias = STAFF_ALIASES[wanted.replace(/ /g, '')];
    const stem = wanted.slice(0, Math.max(4, wanted.length - 3));
    const matched = names.staffGroups.filter(
      (group) =>
        group.value === alias ||
        normalise(group.label).includes(wanted) ||
        (wanted.length >= 4 &&
          normalise(group.label)
            .split(' ')
            .some((word) => word.startsWith(stem))),
    );
    if (wanted === '' || matched.length === 0) return { ok: false, reply: textMessage(t('cases.unknownStaff', { typed: staff })) };
    // A case study for every staff group applies to each of them.
    staffGroups = [...new Set([...matched.map((group) => group.value), ALL_STAFF_GROUPS.value])];
  }
  if (region !== undefined) {
    const found = findRegion(region, names.regions);
    if (!found) {
      // The button runs the same search with the region's name in place of the near miss.
      const retry = (name: string) =>
        ['cases', ...query.typed.map((word) => (/^region:/i.test(word) ? `region:${name.replaceAll(' ', '-')}` : word))]
          .map((word) => (/\s/.test(word) ? `"${word}"` : word))
          .join(' ');
      return { ok: false, reply: unknownRegionReply(region, names.regions, t, retry, t('cases.unknownRegion', { typed: region })) };
    }
    regionCode = found.value;
  }
  if (type !== undefined) {
    const wanted = normalise(type);
    const types = await services.cases.organisationTypes();
    organisationTypes = wanted === '' ? [] : types.filter((candidate) => normalise(candidate).includes(wanted));
    if (organisationTypes.length === 0)
      return { ok: false, reply: textMessage(t('cases.unknownType', { typed: type, types: types.join(', ') })) };
  }
  return { ok: true, search: { tags, staffGroups, regionCode, organisationTypes } };
}

/** Themes nearest the words typed (a shared start or a couple of letters apart), else the most used ones. */
async function nearestThemes(query: CaseQuery, services: CaseCommandsServices): Promise<string[]> {
  const themes = await services.cases.themes();
  const words = [...query.terms.words, ...query.terms.groups.map((group) => group[0] ?? '')]
    .flatMap((word) => word.split(/\s+/))
    .map(bareWord)
    .filter((word) => word.length >= 3);
  const score = (tag: string) =>
    Math.min(
      99,
      ...tag
        .split('-')
        .flatMap((part) =>
          words.map((word) => (part.startsWith(word.slice(0, 4)) || word.startsWith(part.slice(0, 4)) ? 0 : distance(part, word))),
        ),
    );
  const near = themes.filter((theme) => score(theme.tag) <= 2).sort((a, b) => score(a.tag) - score(b.tag));
  return (near.length > 0 ? near : themes).slice(0, SUGGESTED_THEMES).map((theme) => theme.tag);
}

/** What a search found: the ranked page, or a reply when the words or filters cannot be searched. */
export type CaseFinding =
  | { readonly kind: 'reply'; readonly reply: Message }
  | {
      readonly kind: 'found';
      readonly query: CaseQuery;
      readonly base: CaseSearch;
      readonly result: CaseSearchResult;
      readonly loose: boolean;
      readonly names: CaseNames;
    };

/**
 * Runs a search as `cases` does (every word first; some of them when nothing has all): shared by the
 * command and by Teams' compose-box search, so both rank alike.
 */
export async function findCases(
  tokens: readonly string[],
  limit: number,
  context: RequestContext,
  services: CaseCommandsServices,
): Promise<CaseFinding> {
  const query = parseCaseQuery(tokens);
  const filtered = Object.keys(query.filters).length > 0;
  if (!hasTerms(query.terms) && !filtered) return { kind: 'reply', reply: await browse(context, services) };
  const names = await caseNames(services);
  const resolved = await resolveFilters(query, names, context, services);
  if (!resolved.ok) return { kind: 'reply', reply: resolved.reply };

  const base: CaseSearch = {
    ...resolved.search,
    terms: hasTerms(query.terms) ? query.terms : undefined,
    match: 'all',
    offset: query.page * limit,
    limit,
    candidates: CASES_RANKED,
  };
  let result = await services.cases.search(base);
  let loose = false;
  const termCount = query.terms.words.length + query.terms.groups.length;
  if (result.total === 0 && termCount > 1) {
    // Nothing has every word: show what has some of them, and say so.
    result = await services.cases.search({ ...base, match: 'any' });
    loose = result.total > 0;
  }
  return { kind: 'found', query, base, result, loose, names };
}

async function search(tokens: readonly string[], context: RequestContext, services: CaseCommandsServices): Promise<Message> {
  const { t } = context;
  const finding = await findCases(tokens, CASES_PAGE_SIZE, context, services);
  if (finding.kind === 'reply') return finding.reply;
  const { query, base, result, loose, names } = finding;
  const filtered = Object.keys(query.filters).length > 0;
  const typed = query.typed.join(' ');
  if (result.total === 0) {
    const themes = await nearestThemes(query, services);
    const blocks: Block[] = [
      { kind: 'text', text: t('cases.noMatch', { typed: shorten(typed, 100) }) },
      { kind: 'text', text: filtered ? t('cases.noMatchFiltered') : t('cases.noMatchHint') },
      ...(themes.length > 0
        ? [
            {
              kind: 'buttons' as const,
              buttons: themes.map((tag) => ({ label: tagLabel(tag), action: RUN_COMMAND_ACTION, value: `cases theme:${tag}` })),
            },
          ]
        : []),
    ];
    return message(t('cases.noMatch', { typed: shorten(typed, 100) }), blocks, 'open');
  }
  const from = base.offset + 1;
  const to = base.offset + result.hits.length;
  const blocks: Block[] = [{ kind: 'heading', text: t('cases.resultsHeading', { typed: shorten(typed, 80) }) }];
  if (loose) blocks.push({ kind: 'note', text: t('cases.looseMatch') });
  for (const hit of result.hits) blocks.push(...hitBlocks(hit, names, t));
  blocks.push({
    kind: 'note',
    text: result.capped ? t('cases.rangeCapped', { from, to, ranked: CASES_RANKED }) : t('cases.range', { from, to, total: result.total }),
  });
  if (result.capped && to >= result.total) blocks.push({ kind: 'note', text: t('cases.cappedEnd', { ranked: CASES_RANKED }) });
  if (to < result.total) {
    const words = ['cases', ...query.typed.map((word) => (/\s/.test(word) ? `"${word}"` : word)), `page:${query.page + 2}`].join(' ');
    blocks.push({ kind: 'buttons', buttons: [{ label: t('cases.more'), action: RUN_COMMAND_ACTION, value: words }] });
  }
  return message(
    t('cases.resultsSummary', { total: result.total, capped: result.capped ? CASES_RANKED : undefined, typed: shorten(typed, 80) }),
    blocks,
    'open',
  );
}

export const casesCommand = defineCommand({
  words: 'cases',
  aliases: ['case studies'],
  cy: ['astudiaethau achos', 'achosion'],
  args: z.array(z.string()),
  usage: 'cases [words] [theme:…] [staff:…] [region:…] [type:…]',
  summary: 'cases.commandSummary',
  needs: 'cases.needsMember',
  examples: [
    'cases',
    'cases flexible retirement',
    'cases legacy mentoring staff:nurses',
    'cases theme:flexible region:london',
    'cases type:mental-health',
  ],
  async run(tokens, context, services: CaseCommandsServices) {
    if (!(await activeMember(context, services))) return textMessage(context.t('cases.joinFirst'));
    return search(tokens, context, services);
  },
});

// ---- open and share ------------------------------------------------------------------------------

const caseNumber = z
  .string()
  .regex(/^#?\d{1,9}$/)
  .transform((word) => Number(word.replace('#', '')));

/** Who may see a case study that is not published: its submitter, and those who may review it. */
function mayOpen(found: CaseStudy, member: MemberRecord | undefined, permissions: Permissions): boolean {
  return (
    found.status === 'published' || (member !== undefined && found.submittedById === member.id) || mayReview(permissions, found.regionCode)
  );
}

async function open(number: number, context: RequestContext, services: CaseCommandsServices): Promise<Message> {
  const { t, actor } = context;
  const [member, permissions] = await Promise.all([
    activeMember(context, services),
    permissionsOf(actor, services.roles, services.configuredAdmins),
  ]);
  if (!member && !permissions.nationalAdmin) return textMessage(t('cases.joinFirst'));
  const found = await services.cases.findByNumber(number);
  if (!found || !mayOpen(found, member, permissions)) return textMessage(t('cases.notFound', { number }));
  const blocks = caseBlocks(found, await caseNames(services), t, { share: member !== undefined });
  if (found.status === 'submitted' && mayReview(permissions, found.regionCode)) blocks.push(reviewButtons(found.number, t));
  if (found.status === 'rejected' && found.reviewNote && member && found.submittedById === member.id) {
    blocks.push({ kind: 'text', text: t('cases.rejectedBecause', { reason: found.reviewNote }) });
  }
  if (found.status === 'draft' && member && found.submittedById === member.id) {
    if (found.reviewNote) blocks.push({ kind: 'text', text: t('cases.changesAsked', { reason: found.reviewNote }) });
    blocks.push({
      kind: 'buttons',
      buttons: [{ label: t('cases.editButton'), action: RUN_COMMAND_ACTION, value: `case edit ${found.number}` }],
    });
  }
  return message(t('cases.cardTitle', { number: found.number, title: found.title }), blocks);
}

export const caseCommand = defineCommand({
  words: 'case',
  cy: ['achos', 'astudiaeth achos'],
  args: z.tuple([caseNumber]).transform(([number]) => number),
  usage: 'case <number>',
  summary: 'cases.openSummary',
  needs: 'cases.needsMember',
  examples: ['case 3'],
  run: (number, context, services: CaseCommandsServices) => open(number, context, services),
});

export const shareCaseAction: ActionHandler = {
  id: SHARE_CASE_ACTION,
  async run(value, context, services: CaseCommandsServices & Pick<CoreServices, 'commandsIn' | 'conversations'>) {
    const { t } = context;
    const member = await activeMember(context, services);
    if (!member) return textMessage(t('cases.joinFirst'));
    const number = caseNumber.safeParse(value ?? '');
    const found = number.success ? await services.cases.findByNumber(number.data) : undefined;
    if (!found || found.status !== 'published') return textMessage(t('cases.notShareable'));
    const names = await caseNames(services);
    // Everyone in the conversation sees it, with the name of the member who shared it.
    const shared = (tt: Translate): Message => {
      const name = member.displayName ?? tt('cases.aMember');
      const blocks = caseBlocks(found, names, tt, { share: false, sharedBy: name });
      return message(tt('cases.sharedSummary', { title: found.title, name }), blocks, 'shared');
    };
    if (context.conversation.kind === 'personal') return shared(t);
    // In a channel it is a post to everyone there: in the channel's language (NHS Wales: Welsh, then English), not the sharer's.
    const channel = await services.conversations.language(context.conversation);
    const language = channelLanguage(channel?.setting, channel?.regionNation);
    return settled(inLanguages(language, (tt) => services.commandsIn(shared(tt), tt.language)));
  },
};

// ---- submit ----------------------------------------------------------------------------------------

export const caseSubmitCommand = defineCommand({
  words: 'case submit',
  cy: ['cyflwyno achos', 'achos cyflwyno'],
  args: noArguments,
  usage: 'case submit',
  summary: 'cases.submitSummary',
  needs: 'cases.needsMember',
  examples: ['case submit'],
  async run(_args, context, services: CaseCommandsServices) {
    const member = await activeMember(context, services);
    if (!member) return textMessage(context.t('cases.joinFirst'));
    return buildCaseForm(context.t, await caseNames(services), member);
  },
});

export const caseEditCommand = defineCommand({
  words: 'case edit',
  cy: ['golygu achos', 'achos golygu'],
  args: z.tuple([caseNumber]).transform(([number]) => number),
  usage: 'case edit <number>',
  summary: 'cases.editSummary',
  needs: 'cases.needsSubmitter',
  examples: ['case edit 12'],
  async run(number, context, services: CaseCommandsServices) {
    const { t } = context;
    const member = await activeMember(context, services);
    if (!member) return textMessage(t('cases.joinFirst'));
    const found = await services.cases.findByNumber(number);
    if (!found || found.submittedById !== member.id) return textMessage(t('cases.notFound', { number }));
    if (found.status !== 'draft') return textMessage(t('cases.notEditable', { number }));
    return buildCaseForm(t, await caseNames(services), member, found);
  },
});

export const caseFormHandler: FormHandler = {
  id: CASE_FORM_ID,
  async submit(values, state, context, services: CaseCommandsServices) {
    const { t } = context;
    const member = await activeMember(context, services);
    if (!member) return { kind: 'done', reply: textMessage(t('cases.joinFirst')) };
    const names = await caseNames(services);
    const revising = state === undefined ? undefined : caseNumber.safeParse(state);
    const previous = revising?.success ? await services.cases.findByNumber(revising.data) : undefined;
    if (revising && (!previous || previous.submittedById !== member.id || previous.status !== 'draft')) {
      return { kind: 'done', reply: textMessage(t('cases.notEditable', { number: revising.success ? revising.data : 0 })) };
    }
    const parsed = parseCaseForm(values, t, names, services.clock.now());
    if (!parsed.ok)
      return {
        kind: 'invalid',
        errors: parsed.errors,
        form: withSubmission(buildCaseForm(t, names, member, previous), values, parsed.errors),
      };
    let number: number;
    if (previous) {
      if (!(await services.cases.resubmit(previous.number, parsed.content, member.id))) {
        return { kind: 'done', reply: textMessage(t('cases.notEditable', { number: previous.number })) };
      }
      number = previous.number;
    } else {
      number = (await services.cases.submit(parsed.content, member.id)).number;
    }
    const submitted = await services.cases.findByNumber(number);
    if (submitted) await notifyReviewers(submitted, names, member.displayName ?? t('cases.aMember'), t, services);
    const region = names.regions.find((choice) => choice.value === parsed.content.regionCode)?.label ?? '';
    return { kind: 'done', reply: textMessage(t('cases.submitted', { number, title: parsed.content.title, region })) };
  },
};

export const casesMineCommand = defineCommand({
  words: 'cases mine',
  cy: ['fy achosion'],
  args: noArguments,
  usage: 'cases mine',
  summary: 'cases.mineSummary',
  needs: 'cases.needsMember',
  examples: ['cases mine'],
  async run(_args, context, services: CaseCommandsServices) {
    const { t } = context;
    const member = await activeMember(context, services);
    if (!member) return textMessage(t('cases.joinFirst'));
    const mine = await services.cases.submittedBy(member.id, 25);
    if (mine.length === 0) return textMessage(t('cases.mineNone'));
    return message(t('cases.mineHeading'), [
      { kind: 'heading', text: t('cases.mineHeading') },
      {
        kind: 'list',
        items: mine.map((entry) => ({
          title: [{ kind: 'command', words: `case ${entry.number}` }, ` ${entry.title}`],
          detail: t(`cases.status.${entry.status}`),
        })),
      },
    ]);
  },
});

// ---- review -------------------------------------------------------------------------------------------

export const casesPendingCommand = defineCommand({
  words: 'cases pending',
  cy: ['achosion yn aros'],
  args: z.array(z.string()).transform((words) => words.join(' ')),
  usage: 'cases pending [region]',
  summary: 'cases.pendingSummary',
  needs: 'cases.needsReviewer',
  examples: ['cases pending', 'cases pending london'],
  async run(typedRegion, context, services: CaseCommandsServices) {
    const { t, actor } = context;
    const permissions = await permissionsOf(actor, services.roles, services.configuredAdmins);
    if (!permissions.nationalAdmin && permissions.facilitates.length === 0) return textMessage(t('cases.pendingRefused'));
    const names = await caseNames(services);
    let regionCodes: readonly string[] | undefined = permissions.nationalAdmin ? undefined : permissions.facilitates;
    if (typedRegion !== '') {
      const region = findRegion(typedRegion, names.regions);
      if (!region)
        return unknownRegionReply(
          typedRegion,
          names.regions,
          t,
          (name) => `cases pending ${name}`,
          t('cases.unknownRegion', { typed: typedRegion }),
        );
      if (!mayReview(permissions, region.value)) return textMessage(t('cases.pendingRefusedRegion', { region: region.label }));
      regionCodes = [region.value];
    }
    const pending = await services.cases.pending(regionCodes, PENDING_CASES_LIMIT + 1);
    if (pending.length === 0) return textMessage(t('cases.pendingNone'));
    const blocks: Block[] = [{ kind: 'heading', text: t('cases.pendingHeading') }];
    for (const found of pending.slice(0, PENDING_CASES_LIMIT)) {
      blocks.push(
        {
          kind: 'list',
          items: [
            {
              title: [{ kind: 'strong', text: t('cases.cardTitle', { number: found.number, title: found.title }) }],
              detail: [found.organisationName, names.regions.find((r) => r.value === found.regionCode)?.label, shorten(found.summary, 200)]
                .filter(Boolean)
                .join(' · '),
            },
          ],
        },
        {
          kind: 'buttons',
          buttons: [
            { label: t('cases.open'), action: RUN_COMMAND_ACTION, value: `case ${found.number}` },
            ...reviewActions(found.number, t),
          ],
        },
      );
    }
    if (pending.length > PENDING_CASES_LIMIT) blocks.push({ kind: 'note', text: t('cases.pendingMore', { count: PENDING_CASES_LIMIT }) });
    return message(t('cases.pendingCount', { count: Math.min(pending.length, PENDING_CASES_LIMIT) }), blocks);
  },
});

/** Checks that the person may review this case study now; the case when they may, else the reply saying why not. */
async function reviewable(
  number: number,
  context: RequestContext,
  services: CaseCommandsServices,
): Promise<{ found: CaseStudy; reviewerId: string | undefined } | Message> {
  const { t, actor } = context;
  const permissions = await permissionsOf(actor, services.roles, services.configuredAdmins);
  if (!permissions.nationalAdmin && permissions.facilitates.length === 0) return textMessage(t('cases.reviewRefused'));
  const found = await services.cases.findByNumber(number);
  if (!found || (found.status === 'draft' && !mayReview(permissions, found.regionCode)))
    return textMessage(t('cases.notFound', { number }));
  if (!mayReview(permissions, found.regionCode)) return textMessage(t('cases.reviewRefusedCase'));
  if (found.status !== 'submitted') return textMessage(t('cases.alreadyReviewed', { number, status: t(`cases.status.${found.status}`) }));
  const reviewer = await activeMember(context, services);
  return { found, reviewerId: reviewer?.id };
}

async function decide(
  number: number,
  decision: ReviewDecision,
  note: string | undefined,
  context: RequestContext,
  services: CaseCommandsServices,
): Promise<Message> {
  const { t } = context;
  const checked = await reviewable(number, context, services);
  if ('kind' in checked) return checked;
  const changed = await services.cases.review({ number, decision, reviewerId: checked.reviewerId, note });
  if (!changed) {
    const now = await services.cases.findByNumber(number);
    return textMessage(t('cases.alreadyReviewed', { number, status: t(`cases.status.${now?.status ?? 'submitted'}`) }));
  }
  const reviewed = await services.cases.findByNumber(number);
  if (reviewed) await notifyOutcome(reviewed, decision, t, services);
  return textMessage(t(`cases.decided.${decision}`, { number, title: checked.found.title }));
}

const reason = z
  .array(z.string())
  .min(1)
  .transform((words) => cleanParagraphs(words.join(' ')))
  .pipe(z.string().min(1).max(CASE_LIMITS.reviewNote));

export const caseApproveCommand = defineCommand({
  words: 'case approve',
  cy: ['cymeradwyo achos'],
  args: z.tuple([caseNumber]).transform(([number]) => number),
  usage: 'case approve <number>',
  summary: 'cases.approveSummary',
  needs: 'cases.needsReviewer',
  examples: ['case approve 12'],
  run: (number, context, services: CaseCommandsServices) => decide(number, 'approve', undefined, context, services),
});

const numberAndReason = z
  .array(z.string())
  .min(2)
  .transform(([first, ...rest]) => ({ number: first ?? '', reason: rest }))
  .pipe(z.object({ number: caseNumber, reason }));

export const caseChangesCommand = defineCommand({
  words: 'case changes',
  cy: ['newidiadau achos'],
  args: numberAndReason,
  usage: 'case changes <number> <what to change>',
  summary: 'cases.changesSummary',
  needs: 'cases.needsReviewer',
  examples: ['case changes 12 Please add the period the figures cover.'],
  run: ({ number, reason: note }, context, services) => decide(number, 'changes', note, context, services),
});

export const caseRejectCommand = defineCommand({
  words: 'case reject',
  cy: ['gwrthod achos'],
  args: numberAndReason,
  usage: 'case reject <number> <reason>',
  summary: 'cases.rejectSummary',
  needs: 'cases.needsReviewer',
  examples: ['case reject 12 This describes a product, not an intervention.'],
  run: ({ number, reason: note }, context, services) => decide(number, 'reject', note, context, services),
});

export const approveCaseAction: ActionHandler = {
  id: APPROVE_CASE_ACTION,
  async run(value, context, services: CaseCommandsServices) {
    const number = caseNumber.safeParse(value ?? '');
    if (!number.success) return textMessage(context.t('error.unknownAction'));
    return decide(number.data, 'approve', undefined, context, services);
  },
};

function reviewForm(decision: 'changes' | 'reject', found: CaseStudy, context: RequestContext): Form {
  const { t } = context;
  return {
    kind: 'form',
    id: REVIEW_FORM_ID,
    title: decision === 'reject' ? t('cases.reviewForm.rejectTitle') : t('cases.reviewForm.changesTitle'),
    submitLabel: decision === 'reject' ? t('cases.review.reject') : t('cases.reviewForm.send'),
    intro: t('cases.cardTitle', { number: found.number, title: found.title }),
    fields: [
      {
        kind: 'text',
        id: 'reason',
        label: decision === 'reject' ? t('cases.reviewForm.reason') : t('cases.reviewForm.changes'),
        required: true,
        multiline: true,
        maxLength: CASE_LIMITS.reviewNote,
      },
    ],
    state: `${decision}:${found.number}`,
    requiredMessage: t('form.required'),
  };
}

function reasonAction(id: string, decision: 'changes' | 'reject'): ActionHandler {
  return {
    id,
    async run(value, context, services): Promise<Reply> {
      const number = caseNumber.safeParse(value ?? '');
      if (!number.success) return textMessage(context.t('error.unknownAction'));
      const checked = await reviewable(number.data, context, services);
      if ('kind' in checked) return checked;
      return reviewForm(decision, checked.found, context);
    },
  };
}

export const changesCaseAction = reasonAction(CHANGES_CASE_ACTION, 'changes');
export const rejectCaseAction = reasonAction(REJECT_CASE_ACTION, 'reject');

export const reviewFormHandler: FormHandler = {
  id: REVIEW_FORM_ID,
  async submit(values, state, context, services: CaseCommandsServices) {
    const { t } = context;
    const match = /^(changes|reject):(\d{1,9})$/.exec(state ?? '');
    if (!match) return { kind: 'done', reply: textMessage(t('error.unknownAction')) };
    const decision = match[1] as 'changes' | 'reject';
    const number = Number(match[2]);
    const raw = values['reason'];
    const note = cleanParagraphs(typeof raw === 'string' ? raw : (raw?.[0] ?? ''));
    if (note === '' || note.length > CASE_LIMITS.reviewNote) {
      const errors = { reason: t('cases.error.reason', { max: CASE_LIMITS.reviewNote }) };
      const found = await services.cases.findByNumber(number);
      if (!found) return { kind: 'done', reply: textMessage(t('cases.notFound', { number })) };
      return { kind: 'invalid', errors, form: withSubmission(reviewForm(decision, found, context), values, errors) };
    }
    return { kind: 'done', reply: await decide(number, decision, note, context, services) };
  },
};
