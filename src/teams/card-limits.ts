// The limits every Adaptive Card the bot sends to Teams is built to, in one place. Each says where it
// comes from: Microsoft's Teams docs (summarised in /work/shared/PLATFORMS.md) or a deliberate budget
// of this project. The renderer (adaptive-card.ts) and the typeahead listener read them from here.

export const TEAMS_CARD_LIMITS = {
  /** Teams renders Adaptive Cards up to version 1.5 for bots (Teams docs; PLATFORMS.md "Cards"). */
  cardVersion: '1.5',
  /** Teams shows at most 6 actions in a row (Teams docs; PLATFORMS.md "Cards"). The adaptivecards library's default host config says 5. */
  actionsPerRow: 6,
  /** Project budget: UTF-8 bytes of the whole outgoing activity JSON, for older and mobile clients; well under Teams' ~100 KB counted as UTF-16 (PLATFORMS.md). */
  activityBytes: 28_000,
  /** Project estimate: bytes the SDK adds to an activity when sending it (from, recipient, conversation with a long channel id, replyToId, ids, serviceUrl, channelData). */
  envelopeReserveBytes: 1_500,
  /** Teams shows at most 15 options in a dynamic typeahead dropdown and asks for 15 (`queryOptions.top`) (Teams docs, "Typeahead search in Adaptive Cards"). */
  typeaheadResults: 15,
  /** Project budget: characters of a summary, which travels twice (activity summary and card fallback text) and is shown as one line in notifications. */
  summaryChars: 200,
} as const satisfies Readonly<Record<string, number | string>>;

export type TeamsCardLimits = typeof TEAMS_CARD_LIMITS;
