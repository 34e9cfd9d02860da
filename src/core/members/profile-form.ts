// The join / profile form: built from the reference data (prefilled for a member), and its submission
// validated field by field with zod. Nothing is saved unless every field is valid.
import { z } from 'zod';
import type { Translate } from '../i18n/translator.js';
import { LANGUAGE_CHOICES } from '../i18n/language-choice.js';
import type { FormValues } from '../forms/form-handler.js';
import type { Field, Form } from '../reply/reply.js';
import { MEMBER_ROLES, type Choice, type MemberRecord, type OrganisationChoice, type Profile } from './member.js';
import type { ReferenceData } from './member-store.js';
import type { OrganisationStore } from '../organisations/organisation-store.js';

export const PROFILE_FORM_ID = 'member.profile';
export const MAX_NAME_LENGTH = 80;
export const MAX_ORGANISATION_NAME_LENGTH = 150;

/** Teams sends a multi-select as one comma-separated string, Slack as a list; both become a list. */
const list = z.preprocess(
  (value) => (typeof value === 'string' ? value.split(',') : (value ?? [])),
  z.array(z.string().trim()).transform((values) => values.filter((value) => value !== '')),
);
const single = z.preprocess((value: unknown) => (Array.isArray(value) ? (value[0] as unknown) : value), z.string().trim().optional());
/** Slack checkboxes send the checked values; Teams' toggle sends 'true' or 'false'. */
const checked = z.preprocess((value) => (Array.isArray(value) ? value.includes('true') : value === 'true'), z.boolean());

// Control and invisible formatting characters (Unicode Cc and Cf) are removed; names keep one line.
export const cleanText = (value: string) =>
  value
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const submission = z.object({
  displayName: single.transform((value) => cleanText(value ?? '')),
  organisation: single,
  newOrganisation: single,
  region: single,
  role: single,
  staffGroups: list,
  promiseElements: list,
  inDirectory: checked,
  consent: checked,
  language: single,
});

interface Options {
  readonly regions: readonly Choice[];
  readonly staffGroups: readonly Choice[];
  readonly promiseElements: readonly Choice[];
}

async function options(reference: ReferenceData): Promise<Options> {
  const [regions, staffGroups, promiseElements] = await Promise.all([
    reference.regions(),
    reference.staffGroups(),
    reference.promiseElements(),
  ]);
  return { regions, staffGroups, promiseElements };
}

/** Every organisation, for platforms that filter options in the card (Teams); Slack asks as people type. */
export const ORGANISATION_OPTIONS_LIMIT = 500;

/** A click that waited for the person to join (an answer to an event): run as them once they have joined. */
export interface CarriedAction {
  readonly action: string;
  readonly value: string;
}

/** What the form carries: the member it was opened for, and a click waiting for the person to join. */
export interface ProfileFormState {
  readonly memberId?: string | undefined;
  readonly then?: CarriedAction | undefined;
}

const stateSchema = z.object({
  memberId: z.string().max(100).optional(),
  then: z.object({ action: z.string().max(100), value: z.string().max(200) }).optional(),
});

/** A bare member id, as forms have always carried, unless a click rides along (then JSON). */
export function encodeProfileState(state: ProfileFormState): string | undefined {
  return state.then ? JSON.stringify({ memberId: state.memberId, then: state.then }) : state.memberId;
}

/** Anything unreadable is taken as a form opened for someone else: its submission saves nothing. */
export function decodeProfileState(state: string | undefined): ProfileFormState {
  if (state === undefined || state === '') return {};
  if (!state.startsWith('{')) return { memberId: state };
  try {
    const parsed = stateSchema.safeParse(JSON.parse(state));
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON: falls through.
  }
  return { memberId: state };
}

/** With `carried`, the form says what will follow the joining (`intro`) and carries the click. */
export async function buildProfileForm(
  t: Translate,
  reference: ReferenceData,
  member: MemberRecord | undefined,
  carried?: { readonly then: CarriedAction; readonly intro: string },
): Promise<Form> {
  const [choices, organisations] = await Promise.all([options(reference), reference.searchOrganisations('', ORGANISATION_OPTIONS_LIMIT)]);
  const current = member?.status === 'erased' ? undefined : member;
  const fields: Field[] = [
    {
      kind: 'text',
      id: 'displayName',
      label: t('join.field.displayName'),
      required: true,
      maxLength: MAX_NAME_LENGTH,
      ...(current?.displayName ? { initial: current.displayName } : {}),
    },
    {
      kind: 'select',
      id: 'organisation',
      label: t('join.field.organisation'),
      // Not required: a member whose organisation is missing types its name in the next field instead.
      required: false,
      searchable: true,
      placeholder: t('join.field.organisation.placeholder'),
      options: organisations.map((o) => ({ label: t.language === 'cy' ? (o.welshLabel ?? o.label) : o.label, value: o.value })),
      ...(current?.organisation ? { initial: [current.organisation.id] } : {}),
    },
    {
      kind: 'text',
      id: 'newOrganisation',
      label: t('join.field.newOrganisation'),
      required: false,
      maxLength: MAX_ORGANISATION_NAME_LENGTH,
    },
    {
      kind: 'select',
      id: 'region',
      label: t('join.field.region'),
      required: false,
      options: choices.regions.map((c) => ({ label: c.label, value: c.value })),
      ...(current?.region ? { initial: [current.region.code] } : {}),
    },
    {
      kind: 'select',
      id: 'role',
      label: t('join.field.role'),
      required: true,
      options: MEMBER_ROLES.map((role) => ({ label: t(`member.role.${role}`), value: role })),
      ...(current?.role ? { initial: [current.role] } : {}),
    },
    {
      kind: 'select',
      id: 'staffGroups',
      label: t('join.field.staffGroups'),
      required: false,
      multiple: true,
      options: choices.staffGroups.map((c) => ({ label: c.label, value: c.value })),
      ...(current ? { initial: current.staffGroups } : {}),
    },
    {
      kind: 'select',
      id: 'promiseElements',
      label: t('join.field.promiseElements'),
      required: false,
      multiple: true,
      options: choices.promiseElements.map((c) => ({ label: c.label, value: c.value })),
      ...(current ? { initial: current.promiseElements } : {}),
    },
    {
      kind: 'select',
      id: 'language',
      label: t('language.field'),
      // Not required: until a member chooses, their region and platform decide (i18n/language-resolution.ts).
      required: false,
      placeholder: t('language.field.placeholder'),
      options: LANGUAGE_CHOICES.map((choice) => ({ label: t(`language.name.${choice}`), value: choice })),
      ...(current?.language ? { initial: [current.language] } : {}),
    },
    { kind: 'checkbox', id: 'inDirectory', label: t('join.field.inDirectory'), required: false, initial: current?.inDirectory ?? false },
    { kind: 'checkbox', id: 'consent', label: t('join.field.consent'), required: true, initial: current?.consentedAt != null },
  ];
  return {
    kind: 'form',
    id: PROFILE_FORM_ID,
    title: current ? t('join.form.editTitle') : t('join.form.title'),
    submitLabel: t('join.form.submit'),
    intro: carried ? `${carried.intro}\n\n${t('join.form.privacy')}` : t('join.form.privacy'),
    fields,
    ...(current || carried ? { state: encodeProfileState({ memberId: current?.id, then: carried?.then }) } : {}),
    requiredMessage: t('form.required'),
  };
}

export type ProfileParse =
  { readonly ok: true; readonly profile: Profile } | { readonly ok: false; readonly errors: Record<string, string> };

/** Validates a submission against the reference data; every problem is reported beside its field. */
export async function parseProfile(
  values: FormValues,
  t: Translate,
  reference: ReferenceData,
  organisations: Pick<OrganisationStore, 'findByName'>,
): Promise<ProfileParse> {
  const parsed = submission.safeParse(values);
  if (!parsed.success) return { ok: false, errors: { consent: t('join.error.consent') } };
  const input = parsed.data;
  const choices = await options(reference);
  const errors: Record<string, string> = {};

  if (input.displayName.length < 1 || input.displayName.length > MAX_NAME_LENGTH) errors['displayName'] = t('join.error.displayName');

  // Exactly one of the two: an organisation from the list, or the name of one missing from it.
  let organisation: OrganisationChoice | undefined;
  let newOrganisation: string | undefined;
  const typedOrganisation = input.newOrganisation === undefined ? '' : cleanText(input.newOrganisation);
  if (input.organisation && input.newOrganisation) {
    errors['newOrganisation'] = t('join.error.organisationBoth');
  } else if (input.organisation) {
    organisation = await reference.organisation(input.organisation);
    if (!organisation) errors['organisation'] = t('join.error.organisation');
  } else if (input.newOrganisation) {
    if (typedOrganisation.length < 1 || typedOrganisation.length > MAX_ORGANISATION_NAME_LENGTH) {
      errors['newOrganisation'] = t('join.error.newOrganisationName');
    } else {
      const existing = await organisations.findByName(typedOrganisation);
      if (existing) errors['newOrganisation'] = t('join.error.newOrganisationExists', { name: existing.name });
      else newOrganisation = typedOrganisation;
    }
  } else {
    errors['organisation'] = t('join.error.organisationOrNew');
  }

  const knownRegion = (code: string) => choices.regions.some((region) => region.value === code);
  const regionCode = input.region || organisation?.regionCode || undefined;
  if (input.region && !knownRegion(input.region)) errors['region'] = t('join.error.unknownRegion');
  else if (organisation && !regionCode) errors['region'] = t('join.error.region');
  // A new organisation's region is the member's: it is where its facilitators will confirm it.
  else if (input.newOrganisation && !input.organisation && !input.region) errors['region'] = t('join.error.newOrganisationRegion');

  const role = MEMBER_ROLES.find((candidate) => candidate === input.role);
  if (!role) errors['role'] = t('join.error.role');

  const outside = (picked: readonly string[], allowed: readonly Choice[]) =>
    picked.some((value) => !allowed.some((c) => c.value === value));
  if (outside(input.staffGroups, choices.staffGroups)) errors['staffGroups'] = t('join.error.choices');
  if (outside(input.promiseElements, choices.promiseElements)) errors['promiseElements'] = t('join.error.choices');
  if (!input.consent) errors['consent'] = t('join.error.consent');
  const language = LANGUAGE_CHOICES.find((choice) => choice === input.language);
  if (input.language && !language) errors['language'] = t('join.error.choices');

  if (Object.keys(errors).length > 0 || (!organisation && !newOrganisation) || !regionCode || !role) return { ok: false, errors };
  return {
    ok: true,
    profile: {
      displayName: input.displayName,
      organisationId: organisation?.value,
      ...(newOrganisation ? { newOrganisation: { name: newOrganisation } } : {}),
      regionCode,
      role,
      staffGroups: [...new Set(input.staffGroups)],
      promiseElements: [...new Set(input.promiseElements)],
      inDirectory: input.inDirectory,
      ...(language ? { language } : {}),
    },
  };
}
