// What a digest is about, from the words typed: `national`, a region (name or code), an organisation's
// ODS code or name; and for which staff group. Nothing typed: the asker's own region, or the nation for
// non-members. A staff group is given with `staff:<group>` anywhere, or, after a region or an ODS code,
// as trailing words (`digest preview R0A nurses`); after an organisation's name, only with `staff:`.
import { ALL_STAFF } from '../metrics/layouts.js';
import type { Scope, StaffGroupInfo } from '../metrics/metric-store.js';
import { findRegion, unknownRegionReply } from '../regions/region-names.js';
import type { Translate } from '../i18n/translator.js';
import type { Message } from '../reply/reply.js';
import type { CoreServices } from '../services.js';
import type { Actor } from '../context.js';
import { matchStaffGroup, takeStaffWords } from './staff-groups.js';
import { MATCH_CHOICES, matchOrganisation } from '../organisations/organisation-match.js';

/** The services this module's handlers use. */
export type DigestScopeServices = Pick<CoreServices, 'members' | 'metrics' | 'reference'>;

const NATIONAL_WORDS = new Set(['national', 'nation', 'nationally', 'all', 'cenedlaethol', 'pob', 'popeth', 'i gyd', 'y cyfan']);

export type ScopeChoice = { readonly kind: 'ok'; readonly scope: Scope } | { readonly kind: 'unknown'; readonly typed: string };

/** A scope and a staff group (ALL_STAFF for all staff). */
export interface DigestTarget {
  readonly scope: Scope;
  readonly staffGroup: string;
}

export type TargetChoice =
  | { readonly kind: 'ok'; readonly target: DigestTarget }
  | { readonly kind: 'unknown'; readonly typed: string }
  /** The scope is known but the staff group is not (or could be several): `withFigures` are the scope's groups with figures. */
  | {
      readonly kind: 'unknownStaffGroup';
      readonly scope: Scope;
      readonly typed: string;
      readonly closest: readonly StaffGroupInfo[];
      readonly withFigures: readonly StaffGroupInfo[];
    };

const normalisedName = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A region, `national`, an ODS code or an organisation's full name; without staff group. */
async function scopeOnly(words: string, services: DigestScopeServices, byName: boolean): Promise<Scope | undefined> {
  if (NATIONAL_WORDS.has(words.toLowerCase())) return { kind: 'national' };
  const region = findRegion(words, await services.reference.regions());
  if (region) return { kind: 'region', code: region.value };
  if (/^[A-Za-z0-9]{3,5}$/.test(words)) {
    const [organisation] = await services.metrics.organisations([words.toUpperCase()]);
    if (organisation) return { kind: 'organisation', code: organisation.code };
  }
  if (byName && words.length >= 4) {
    const wanted = normalisedName(words);
    const named = (await services.metrics.allOrganisations()).filter(
      (organisation) => normalisedName(organisation.name) === wanted || normalisedName(organisation.welshName ?? '') === wanted,
    );
    if (named.length === 1) return { kind: 'organisation', code: named[0]!.code };
  }
  return undefined;
}

async function defaultScope(actor: Actor, services: DigestScopeServices): Promise<Scope> {
  const member = await services.members.findByIdentity(actor);
  const region = member?.status === 'active' ? member.region?.code : undefined;
  return region ? { kind: 'region', code: region } : { kind: 'national' };
}

export async function scopeFromWords(typed: string, actor: Actor, services: DigestScopeServices): Promise<ScopeChoice> {
  const words = typed.trim();
  if (words === '') return { kind: 'ok', scope: await defaultScope(actor, services) };
  const scope = await scopeOnly(words, services, true);
  return scope ? { kind: 'ok', scope } : { kind: 'unknown', typed: words };
}

async function withStaffGroup(scope: Scope, typed: string, services: DigestScopeServices): Promise<TargetChoice> {
  const [groups, withFigures] = await Promise.all([services.metrics.staffGroups(), services.metrics.staffGroupsWithFigures(scope)]);
  const match = matchStaffGroup(typed, groups, withFigures);
  if (match.kind === 'all') return { kind: 'ok', target: { scope, staffGroup: ALL_STAFF } };
  if (match.kind === 'found') return { kind: 'ok', target: { scope, staffGroup: match.group.code } };
  return {
    kind: 'unknownStaffGroup',
    scope,
    typed,
    closest: match.kind === 'ambiguous' ? match.groups : [],
    withFigures: groups.filter((group) => withFigures.includes(group.code)),
  };
}

/**
 * The scope and staff group named by a command's words (already without any schedule). `staff:` may be
 * anywhere; otherwise the longest leading words that name a region or an ODS code are the scope and the
 * rest, if any, a staff group.
 */
export async function targetFromWords(words: readonly string[], actor: Actor, services: DigestScopeServices): Promise<TargetChoice> {
  const { words: rest, staff } = takeStaffWords(words);
  const typed = rest.join(' ').trim();
  if (staff !== undefined) {
    const scope = typed === '' ? await defaultScope(actor, services) : await scopeOnly(typed, services, true);
    const choice = scope ? await withStaffGroup(scope, staff, services) : undefined;
    if (choice?.kind === 'ok') return choice;
    // `staff:midwives london`: the group's words may be followed by the scope's.
    const staffWords = staff.split(' ');
    for (let split = staffWords.length - 1; split >= 1; split -= 1) {
      const later = await scopeOnly([...rest, ...staffWords.slice(split)].join(' '), services, true);
      if (!later) continue;
      const moved = await withStaffGroup(later, staffWords.slice(0, split).join(' '), services);
      if (moved.kind === 'ok') return moved;
    }
    return choice ?? { kind: 'unknown', typed };
  }
  const whole = await scopeFromWords(typed, actor, services);
  if (whole.kind === 'ok') return { kind: 'ok', target: { scope: whole.scope, staffGroup: ALL_STAFF } };
  for (let split = rest.length - 1; split >= 1; split -= 1) {
    const scope = await scopeOnly(rest.slice(0, split).join(' '), services, false);
    if (scope) return withStaffGroup(scope, rest.slice(split).join(' '), services);
  }
  return { kind: 'unknown', typed };
}

/** A scope as words that scopeFromWords reads back (stored with subscriptions). */
export function scopeWords(scope: Scope): string {
  return scope.kind === 'national' ? 'national' : scope.code;
}

/** A target as the words of `digest preview` that show it. */
export function targetWords(target: DigestTarget): string {
  return target.staffGroup === ALL_STAFF ? scopeWords(target.scope) : `${scopeWords(target.scope)} staff:${target.staffGroup}`;
}

/**
 * The reply to words that name no scope: `unknown`, and when the words are a near miss of a region,
 * "Did you mean <region>?" with a button running `command` again with the region in their place.
 */
export async function unknownScopeReply(
  typed: string,
  words: readonly string[],
  command: string,
  unknown: string,
  services: Pick<CoreServices, 'reference'>,
  t: Translate,
): Promise<Message> {
  const all = words.join(' ');
  return unknownRegionReply(
    typed,
    await services.reference.regions(),
    t,
    (name) => `${command} ${all.includes(typed) ? all.replace(typed, name) : name}`,
    unknown,
  );
}

/**
 * Words that name no scope but part of an organisation's name (`digest preview leeds teaching`): with one
 * organisation, the command's words again with its ODS code in place of the name; with a few, "Which one?"
 * with a button for each running `command` with its code. Only organisations with figures are offered.
 * Undefined when no such organisation's name has the words.
 */
export async function organisationByPartOfName(
  typed: string,
  words: readonly string[],
  command: string,
  services: Pick<CoreServices, 'metrics' | 'reference'>,
  t: Translate,
): Promise<{ readonly kind: 'words'; readonly words: string[] } | { readonly kind: 'reply'; readonly reply: Message } | undefined> {
  const found = await services.reference.searchOrganisations(typed, MATCH_CHOICES + 1);
  const codes = found.flatMap((organisation) => (organisation.odsCode ? [organisation.odsCode] : []));
  if (codes.length === 0) return undefined;
  const withFigures = new Set((await services.metrics.organisations(codes)).map((organisation) => organisation.code));
  if (withFigures.size === 0) return undefined;
  const all = words.join(' ');
  const withCode = (code: string) => (all.includes(typed) ? all.replace(typed, code) : code);
  const match = await matchOrganisation(
    typed,
    services.reference,
    t,
    (organisation) => `${command} ${withCode(organisation.odsCode ?? '')}`,
    (organisation) => withFigures.has(organisation.odsCode ?? ''),
  );
  if (match.kind === 'reply') return match;
  return {
    kind: 'words',
    words: withCode(match.organisation.odsCode ?? '')
      .split(' ')
      .filter((word) => word !== ''),
  };
}
