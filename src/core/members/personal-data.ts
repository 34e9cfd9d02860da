// Subject access (UK GDPR articles 15 and 20): everything CoP Bot holds that is about one member, in
// one stable, machine-readable shape. `my data` shows it in chat (long lists cut short, with counts) and
// offers it whole as a JSON file behind a short-lived download link, made from current data when fetched.
// Every row that refers to the member is here, named by its id, so that the person (and the test that
// checks every table referring to members) can match it to what is stored.
import type { LanguageChoice } from '../i18n/language-choice.js';

/** The file's format name and version: a change of shape raises the version. */
export const PERSONAL_DATA_FORMAT = 'cop-bot-personal-data';
export const PERSONAL_DATA_VERSION = 1;

/** Dates are ISO 8601 instants (UTC); null where none was recorded. */
type When = string;

export interface PersonalData {
  readonly format: typeof PERSONAL_DATA_FORMAT;
  readonly version: typeof PERSONAL_DATA_VERSION;
  readonly generatedAt: When;
  /** The member's record: their profile and membership. */
  readonly profile: {
    readonly memberId: string;
    readonly status: 'active' | 'left' | 'erased';
    readonly displayName: string | null;
    readonly organisation: { readonly id: string; readonly name: string; readonly verified: boolean } | null;
    readonly region: { readonly code: string; readonly name: string } | null;
    readonly role: string | null;
    readonly staffGroups: readonly string[];
    readonly promiseElements: readonly string[];
    readonly inDirectory: boolean;
    /** Cymraeg, English or both; null until chosen. */
    readonly language: LanguageChoice | null;
    readonly consentedAt: When | null;
    readonly joinedAt: When;
    readonly updatedAt: When;
    readonly leftAt: When | null;
  };
  /** Their Slack and Teams accounts; the verified email is kept only as a keyed hash, which is said, not shown. */
  readonly accounts: readonly {
    readonly id: string;
    readonly platform: string;
    readonly workspaceId: string;
    readonly userId: string;
    readonly linkedAt: When;
    readonly emailHashKept: boolean;
  }[];
  /** Facilitator or national admin roles granted to them. */
  readonly roles: readonly { readonly id: string; readonly role: string; readonly regionCode: string | null; readonly grantedAt: When }[];
  /** Their answers to events, waitlist places and offers, attendance and ratings. */
  readonly eventAnswers: readonly {
    readonly id: string;
    readonly event: EventRef;
    readonly status: string;
    readonly waitlistOrder: number | null;
    readonly offerExpiresAt: When | null;
    readonly attended: boolean | null;
    readonly rating: number | null;
    readonly respondedAt: When;
    readonly updatedAt: When;
  }[];
  /** Events naming them as host. */
  readonly eventsHosted: readonly EventRef[];
  /** Events they created (from the audit log: events do not record their creator otherwise). */
  readonly eventsCreated: readonly (EventRef & { readonly createdAt: When })[];
  readonly caseStudiesSubmitted: readonly CaseRef[];
  readonly caseStudiesReviewed: readonly (CaseRef & { readonly reviewNote: string | null })[];
  /** Channels' digests they set up. */
  readonly digestSubscriptions: readonly {
    readonly id: string;
    readonly number: number;
    readonly scopeKind: string;
    readonly scopeCode: string;
    readonly staffGroupCode: string;
    readonly schedule: string;
    readonly createdAt: When;
    readonly pausedAt: When | null;
  }[];
  /** Digests they asked for with `digest now`. */
  readonly digestRequests: readonly { readonly id: string; readonly subscriptionNumber: number; readonly dueAt: When }[];
  /** Codes for linking an account on the other platform (only the code's keyed hash is kept). */
  readonly linkCodes: readonly {
    readonly id: string;
    readonly platform: string;
    readonly createdAt: When;
    readonly expiresAt: When;
    readonly usedAt: When | null;
  }[];
  /** Failed `link <code>` attempts from their accounts, kept 15 minutes for the attempt limit (the account only as a keyed hash). */
  readonly linkAttempts: readonly { readonly id: string; readonly at: When }[];
  /** Download links made for them (their CPD record, this file). */
  readonly fileLinks: readonly {
    readonly id: string;
    readonly kind: string;
    readonly filename: string;
    readonly createdAt: When;
    readonly expiresAt: When;
  }[];
  /** Direct messages to them waiting to be sent or sent (the content is cleared once sent). */
  readonly messages: readonly {
    readonly id: string;
    readonly platform: string;
    readonly status: string;
    readonly createdAt: When;
    readonly sentAt: When | null;
  }[];
  /** Messages the bot posted to them that it keeps updating (where they are). */
  readonly postedMessages: readonly { readonly id: string; readonly platform: string; readonly postedAt: When }[];
  /** Personal chats with the bot whose stored reference names their account (Teams). */
  readonly conversations: readonly {
    readonly id: string;
    readonly platform: string;
    readonly kind: string;
    readonly externalId: string;
    readonly installedAt: When;
  }[];
  /** Audit entries naming them by id (the log holds no names). */
  readonly auditEntries: readonly { readonly id: string; readonly at: When; readonly action: string; readonly subject: string | null }[];
}

export interface EventRef {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly startsAt: When;
  readonly status: string;
}

export interface CaseRef {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly status: string;
  readonly submittedAt: When | null;
  readonly reviewedAt: When | null;
}

/** The sections of PersonalData that are lists, in the order `my data` shows them. */
export const PERSONAL_DATA_LISTS = [
  'accounts',
  'roles',
  'eventAnswers',
  'eventsHosted',
  'eventsCreated',
  'caseStudiesSubmitted',
  'caseStudiesReviewed',
  'digestSubscriptions',
  'digestRequests',
  'linkCodes',
  'linkAttempts',
  'fileLinks',
  'messages',
  'postedMessages',
  'conversations',
  'auditEntries',
] as const satisfies readonly (keyof PersonalData)[];

export type PersonalDataList = (typeof PERSONAL_DATA_LISTS)[number];

/** Reads everything held about one member (src/db/repositories/personal-data-repository.ts). */
export interface PersonalDataStore {
  /** Undefined when there is no such member, or they were erased. */
  personalData(memberId: string, now: Date): Promise<PersonalData | undefined>;
}
