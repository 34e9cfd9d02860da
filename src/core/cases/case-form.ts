// The case-study submission form (`case submit`, and `case edit <number>` for a case sent back for
// changes): built from the reference data, prefilled from the member's profile, and validated field by
// field. Nothing is saved unless every field is right.
import type { FormValues } from '../forms/form-handler.js';
import type { MessageKey } from '../i18n/en.js';
import { translator, type Translate } from '../i18n/translator.js';
import { cleanText } from '../members/profile-form.js';
import type { Choice, MemberRecord } from '../members/member.js';
import type { Field, Form } from '../reply/reply.js';
import { casesCy } from './messages.cy.js';
import { casesEn } from './messages.en.js';
import { CASE_LIMITS, tagOf, type CaseContent, type CaseStudy } from './case-study.js';

/** The source a member's own case study is stored with: one value whatever language they wrote in. */
const MEMBER_SOURCE = translator('en')('cases.sourceMember');

export const CASE_FORM_ID = 'case.submit';

/** Organisation types offered in the form; imports may name others. */
export const ORGANISATION_TYPES = [
  'Acute',
  'Community',
  'Mental health',
  'Ambulance',
  'Primary care',
  'Integrated care board',
  'Local health board (Wales)',
  'NHS trust (Wales)',
  'National body',
  'Other',
] as const;

/** The source given to a member's own submission, stored in the submitter's language: either is left out of the form. */
const MEMBER_SOURCES: ReadonlySet<string> = new Set([casesEn['cases.sourceMember'], casesCy['cases.sourceMember']]);

export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** The message naming each offered type: the stored value stays English, the label follows the reader's language. */
const ORGANISATION_TYPE_KEYS = {
  Acute: 'cases.organisationType.acute',
  Community: 'cases.organisationType.community',
  'Mental health': 'cases.organisationType.mentalHealth',
  Ambulance: 'cases.organisationType.ambulance',
  'Primary care': 'cases.organisationType.primaryCare',
  'Integrated care board': 'cases.organisationType.icb',
  'Local health board (Wales)': 'cases.organisationType.localHealthBoard',
  'NHS trust (Wales)': 'cases.organisationType.walesTrust',
  'National body': 'cases.organisationType.nationalBody',
  Other: 'cases.organisationType.other',
} as const satisfies Record<OrganisationType, MessageKey>;

/** An organisation type in the reader's language when it is one the form offers; others (from imports) as stored. */
export function organisationTypeLabel(t: Translate, type: string): string {
  const key = Object.hasOwn(ORGANISATION_TYPE_KEYS, type) ? ORGANISATION_TYPE_KEYS[type as OrganisationType] : undefined;
  return key ? t(key) : type;
}

export interface CaseChoices {
  readonly regions: readonly Choice[];
  readonly staffGroups: readonly Choice[];
  readonly promiseElements: readonly Choice[];
}

const options = (choices: readonly Choice[]) => choices.map((c) => ({ label: c.label, value: c.value }));
const text = (value: string | undefined) => (value === undefined ? {} : { initial: value });

/** The form, empty but for the member's organisation and region, or filled from a case being revised. */
export function buildCaseForm(t: Translate, choices: CaseChoices, member: MemberRecord, revising?: CaseStudy): Form {
  const from = revising;
  const fields: Field[] = [
    { kind: 'text', id: 'title', label: t('cases.field.title'), required: true, maxLength: CASE_LIMITS.title, ...text(from?.title) },
    {
      kind: 'text',
      id: 'summary',
      label: t('cases.field.summary'),
      required: true,
      multiline: true,
      maxLength: CASE_LIMITS.summary,
      ...text(from?.summary),
    },
    {
      kind: 'text',
      id: 'challenge',
      label: t('cases.field.challenge'),
      required: true,
      multiline: true,
      maxLength: CASE_LIMITS.body,
      ...text(from?.challenge),
    },
    {
      kind: 'text',
      id: 'actions',
      label: t('cases.field.actions'),
      required: true,
      multiline: true,
      maxLength: CASE_LIMITS.body,
      ...text(from?.actions),
    },
    {
      kind: 'text',
      id: 'results',
      label: t('cases.field.results'),
      required: true,
      multiline: true,
      maxLength: CASE_LIMITS.body,
      ...text(from?.results),
    },
    {
      kind: 'text',
      id: 'resultsPeriod',
      label: t('cases.field.resultsPeriod'),
      required: false,
      maxLength: CASE_LIMITS.resultsPeriod,
      ...text(from?.resultsPeriod),
    },
    {
      kind: 'text',
      id: 'organisationName',
      label: t('cases.field.organisation'),
      required: true,
      maxLength: CASE_LIMITS.organisationName,
      ...text(from ? from.organisationName : member.organisation?.name),
    },
    {
      kind: 'select',
      id: 'organisationType',
      label: t('cases.field.organisationType'),
      required: true,
      options: ORGANISATION_TYPES.map((type) => ({ label: organisationTypeLabel(t, type), value: type })),
      ...(from?.organisationType ? { initial: [from.organisationType] } : {}),
    },
    {
      kind: 'select',
      id: 'region',
      label: t('cases.field.region'),
      required: true,
      options: options(choices.regions),
      ...((from?.regionCode ?? member.region?.code) ? { initial: [from?.regionCode ?? member.region?.code ?? ''] } : {}),
    },
    {
      kind: 'select',
      id: 'staffGroups',
      label: t('cases.field.staffGroups'),
      required: false,
      multiple: true,
      options: options(choices.staffGroups),
      initial: from?.staffGroups ?? [],
    },
    {
      kind: 'select',
      id: 'promiseElements',
      label: t('cases.field.promiseElements'),
      required: false,
      multiple: true,
      options: options(choices.promiseElements),
      initial: from?.promiseElements ?? [],
    },
    {
      kind: 'text',
      id: 'tags',
      label: t('cases.field.tags'),
      required: false,
      maxLength: 500,
      placeholder: t('cases.field.tags.placeholder'),
      ...text(from?.tags.join(', ')),
    },
    {
      kind: 'text',
      id: 'links',
      label: t('cases.field.links'),
      required: false,
      multiline: true,
      maxLength: 2_600,
      ...text(from?.links.join('\n')),
    },
    {
      kind: 'text',
      id: 'contactName',
      label: t('cases.field.contactName'),
      required: false,
      maxLength: CASE_LIMITS.contactName,
      ...text(from?.contactName),
    },
    {
      kind: 'text',
      id: 'contactRole',
      label: t('cases.field.contactRole'),
      required: false,
      maxLength: CASE_LIMITS.contactRole,
      ...text(from?.contactRole),
    },
    {
      kind: 'checkbox',
      id: 'contactConsent',
      label: t('cases.field.contactConsent'),
      required: false,
      initial: from?.contactName !== undefined,
    },
    {
      kind: 'text',
      id: 'source',
      label: t('cases.field.source'),
      required: false,
      maxLength: CASE_LIMITS.source,
      ...text(from && !MEMBER_SOURCES.has(from.source) ? from.source : undefined),
    },
    { kind: 'date', id: 'sourceDate', label: t('cases.field.sourceDate'), required: false, ...text(from?.sourceDate) },
  ];
  return {
    kind: 'form',
    id: CASE_FORM_ID,
    title: from ? t('cases.form.editTitle') : t('cases.form.title'),
    submitLabel: t('cases.form.submit'),
    // Revising after a reviewer asked for changes: what they asked for comes first.
    intro:
      from?.status === 'draft' && from.reviewNote
        ? [{ kind: 'strong', text: t('cases.form.changesAsked') }, ` ${from.reviewNote}\n\n${t('cases.form.intro')}`]
        : t('cases.form.intro'),
    fields,
    ...(from ? { state: String(from.number) } : {}),
    requiredMessage: t('form.required'),
  };
}

function one(value: string | readonly string[] | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : (value[0] ?? '');
}

/** Teams sends a multi-select as one comma-separated string, Slack as a list. */
function many(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  return (typeof value === 'string' ? value.split(',') : [...value]).map((v) => v.trim()).filter((v) => v !== '');
}

/** Long text keeps its paragraphs; control and invisible characters go. */
export const cleanParagraphs = (value: string) =>
  value
    .replace(/\r\n?/g, '\n')
    .replace(/(?![\n])[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

const URL_PATTERN = /^https?:\/\/[^\s<>"]+$/i;

export type CaseParse =
  { readonly ok: true; readonly content: CaseContent } | { readonly ok: false; readonly errors: Record<string, string> };

/** Validates a submission; every problem is reported beside its field. */
export function parseCaseForm(values: FormValues, t: Translate, choices: CaseChoices, now: Date): CaseParse {
  const errors: Record<string, string> = {};
  const line = (id: string) => cleanText(one(values[id]));
  const paragraphs = (id: string) => cleanParagraphs(one(values[id]));

  const required = (id: string, value: string, max: number) => {
    if (value === '') errors[id] = t('cases.error.required');
    else if (value.length > max) errors[id] = t('cases.error.tooLong', { max });
  };
  const optional = (id: string, value: string, max: number) => {
    if (value.length > max) errors[id] = t('cases.error.tooLong', { max });
    return value === '' ? undefined : value;
  };

  const title = line('title');
  required('title', title, CASE_LIMITS.title);
  const summary = paragraphs('summary');
  required('summary', summary, CASE_LIMITS.summary);
  const challenge = paragraphs('challenge');
  required('challenge', challenge, CASE_LIMITS.body);
  const actions = paragraphs('actions');
  required('actions', actions, CASE_LIMITS.body);
  const results = paragraphs('results');
  required('results', results, CASE_LIMITS.body);
  const resultsPeriod = optional('resultsPeriod', line('resultsPeriod'), CASE_LIMITS.resultsPeriod);
  const organisationName = line('organisationName');
  required('organisationName', organisationName, CASE_LIMITS.organisationName);

  const organisationType = ORGANISATION_TYPES.find((type) => type === one(values['organisationType']));
  if (!organisationType) errors['organisationType'] = t('cases.error.choose');
  const region = choices.regions.find((choice) => choice.value === one(values['region']));
  if (!region) errors['region'] = t('cases.error.choose');

  const outside = (picked: readonly string[], allowed: readonly Choice[]) =>
    picked.some((value) => !allowed.some((c) => c.value === value));
  const staffGroups = [...new Set(many(values['staffGroups']))];
  if (outside(staffGroups, choices.staffGroups)) errors['staffGroups'] = t('cases.error.choices');
  const promiseElements = [...new Set(many(values['promiseElements']))];
  if (outside(promiseElements, choices.promiseElements)) errors['promiseElements'] = t('cases.error.choices');

  const tags = [
    ...new Set(
      line('tags')
        .split(/[,;]/)
        .map(tagOf)
        .filter((tag) => tag !== ''),
    ),
  ];
  if (tags.length > CASE_LIMITS.tags || tags.some((tag) => tag.length > CASE_LIMITS.tag))
    errors['tags'] = t('cases.error.tags', { max: CASE_LIMITS.tags });

  const links = cleanParagraphs(one(values['links']))
    .split(/\s+/)
    .filter((link) => link !== '');
  if (links.length > CASE_LIMITS.links || links.some((link) => link.length > CASE_LIMITS.link || !URL_PATTERN.test(link))) {
    errors['links'] = t('cases.error.links', { max: CASE_LIMITS.links });
  }

  const contactName = optional('contactName', line('contactName'), CASE_LIMITS.contactName);
  const contactRole = optional('contactRole', line('contactRole'), CASE_LIMITS.contactRole);
  const consent = many(values['contactConsent']).includes('true');
  if (contactName && !consent) errors['contactConsent'] = t('cases.error.contactConsent');
  if (!contactName && contactRole) errors['contactName'] = t('cases.error.contactName');

  const source = optional('source', line('source'), CASE_LIMITS.source) ?? MEMBER_SOURCE;
  const sourceDate = one(values['sourceDate']).trim();
  const validDate =
    /^\d{4}-\d{2}-\d{2}$/.test(sourceDate) &&
    !Number.isNaN(Date.parse(`${sourceDate}T00:00:00Z`)) &&
    new Date(`${sourceDate}T00:00:00Z`).toISOString().startsWith(sourceDate);
  if (sourceDate !== '' && (!validDate || sourceDate > now.toISOString().slice(0, 10))) errors['sourceDate'] = t('cases.error.sourceDate');

  if (Object.keys(errors).length > 0 || !organisationType || !region) return { ok: false, errors };
  return {
    ok: true,
    content: {
      title,
      summary,
      challenge,
      actions,
      results,
      resultsPeriod,
      organisationName,
      organisationType,
      regionCode: region.value,
      staffGroups,
      promiseElements,
      tags,
      links,
      contactName,
      contactRole: contactName ? contactRole : undefined,
      source,
      sourceDate: sourceDate === '' ? undefined : sourceDate,
      demo: false,
    },
  };
}
