// Which language the bot writes in for one request, one direct message or one channel: the rule, in one
// place. For a request: the member's own choice; else the channel's setting when it has one; else what
// the platform says of the person (Teams: the activity's locale; Slack: Welsh only for a `cy` locale,
// its other locales leave the decision to the region); else the region's default: NHS Wales both
// (Welsh first), elsewhere English.
import type { Platform } from '../context.js';
import type { LanguageChoice } from './language-choice.js';

export type Nation = 'england' | 'wales';

/** The default of a region's nation: NHS Wales works in Welsh and English, NHS England in English. */
export function regionDefault(nation: Nation | undefined): LanguageChoice {
  return nation === 'wales' ? 'both' : 'en';
}

const isWelsh = (locale: string) => /^cy(?:[-_]|$)/i.test(locale);

/**
 * What the platform's locale for the person says, or undefined when it leaves the choice to the region.
 * Teams sends the locale of the person's client with each activity: Welsh for `cy` or `cy-GB`, English
 * for any other. Slack has a locale only when asked (users.info), and only Welsh overrides the region.
 */
export function platformLanguage(platform: Platform, locale: string | undefined): LanguageChoice | undefined {
  if (!locale) return undefined;
  if (isWelsh(locale)) return 'cy';
  return platform === 'teams' ? 'en' : undefined;
}

/** The language of a channel's posts: its setting, else its region's default (NHS Wales community channels both). */
export function channelLanguage(setting: LanguageChoice | null | undefined, regionNation: Nation | undefined): LanguageChoice {
  return setting ?? regionDefault(regionNation);
}

/** The language of direct messages to a member (reminders, offers, outcomes): their choice, else their region's default. */
export function memberLanguage(choice: LanguageChoice | null | undefined, regionNation: Nation | undefined): LanguageChoice {
  return choice ?? regionDefault(regionNation);
}

export interface RequestLanguageFacts {
  readonly platform: Platform;
  /** The member's own choice, if they are a member and made one. */
  readonly memberChoice?: LanguageChoice | null | undefined;
  /** The nation of the member's region, if they are a member. */
  readonly memberNation?: Nation | undefined;
  /** The setting of the channel the request came from (`channel language`), if it has one. */
  readonly channelSetting?: LanguageChoice | null | undefined;
  /** The nation of the region whose community channel the request came from, if any. */
  readonly channelNation?: Nation | undefined;
  /**
   * The person's platform locale: given with the activity (Teams), or looked up only when it can decide
   * (Slack users.info), so it is a function.
   */
  readonly locale: () => Promise<string | undefined>;
}

/** The language of the reply to one request (see the rule at the top). */
export async function requestLanguage(facts: RequestLanguageFacts): Promise<LanguageChoice> {
  if (facts.memberChoice) return facts.memberChoice;
  if (facts.channelSetting) return facts.channelSetting;
  const fromPlatform = platformLanguage(facts.platform, await facts.locale());
  if (fromPlatform) return fromPlatform;
  if (facts.memberNation) return regionDefault(facts.memberNation);
  return regionDefault(facts.channelNation);
}
