// Members: who they are in the community (profile), where they can be reached (platform identities)
// and what else they may do (roles). Plain data shared by the members feature and its store.
import type { Platform } from '../context.js';
import type { LanguageChoice } from '../i18n/language-choice.js';

export const MEMBER_ROLES = [
  'retention_lead',
  'people_promise_lead',
  'workforce_hr',
  'clinical_lead',
  'staff_side',
  'icb_workforce',
  'other',
] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export interface Profile {
  readonly displayName: string;
  /** The organisation picked from the list; undefined when the member named a new one. */
  readonly organisationId: string | undefined;
  /** An organisation missing from the list: created unverified, in the member's region, with the profile. */
  readonly newOrganisation?: { readonly name: string } | undefined;
  readonly regionCode: string;
  readonly role: MemberRole;
  readonly staffGroups: readonly string[];
  readonly promiseElements: readonly string[];
  readonly inDirectory: boolean;
  /** The member's language choice, when the form gave one (none leaves it as it was). */
  readonly language?: LanguageChoice | undefined;
}

export interface MemberRecord {
  readonly id: string;
  readonly status: 'active' | 'left' | 'erased';
  readonly displayName: string | null;
  readonly organisation: {
    readonly id: string;
    readonly name: string;
    readonly welshName: string | null;
    /** The ODS code, shown beside the name; null for organisations added by members. */
    readonly odsCode: string | null;
    readonly verified: boolean;
  } | null;
  readonly region: { readonly code: string; readonly name: string; readonly nation: 'england' | 'wales' } | null;
  readonly role: MemberRole | null;
  /** Cymraeg, English or both; null until chosen (see i18n/language-resolution.ts). */
  readonly language: LanguageChoice | null;
  readonly staffGroups: readonly string[];
  readonly promiseElements: readonly string[];
  readonly inDirectory: boolean;
  readonly consentedAt: Date | null;
  readonly joinedAt: Date;
  readonly updatedAt: Date;
  readonly leftAt: Date | null;
  readonly identities: readonly {
    readonly platform: Platform;
    readonly workspaceId: string;
    readonly userId: string;
    readonly linkedAt: Date;
  }[];
  readonly roles: readonly { readonly role: 'facilitator' | 'national_admin'; readonly regionCode: string | null }[];
}

/** A label and a value, for reference data shown as form options. */
export interface Choice {
  readonly value: string;
  readonly label: string;
}

export interface OrganisationChoice extends Choice {
  /** The Welsh name with the code, for a Welsh reader, where the organisation has a Welsh name (NHS Wales bodies). */
  readonly welshLabel?: string;
  readonly regionCode: string | null;
  /** The ODS code; null for organisations added by members. */
  readonly odsCode?: string | null;
}
