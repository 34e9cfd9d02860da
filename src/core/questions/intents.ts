// The intent table: plain words people type instead of a command ("when is the next masterclass",
// "sign me up", "rsvp 12"), mapped to the command they mean. Deterministic: no network, no language
// model. The first row that matches wins, so the narrower rows come first. An intent that changes
// something (`changes`) is only offered as a button; the others are answered at once.

export interface Intent {
  /** Matched against the normalised text (lower case, words separated by single spaces). */
  readonly pattern: RegExp;
  /** The command's words, given the match. */
  readonly command: (match: RegExpExecArray) => string;
  /** True when running the command changes something (or opens a form): offered, never run. */
  readonly changes: boolean;
}

const fixed = (words: string) => () => words;
const numbered = (words: string) => (match: RegExpExecArray) => `${words} ${match[1] ?? ''}`.trim();

export const INTENTS: readonly Intent[] = [
  // Numbered things first: "cancel event 2" must not read as "events".
  { pattern: /\bcancel (?:the )?(?:event|meeting|masterclass|webinar) #?(\d{1,9})\b/, command: numbered('event cancel'), changes: true },
  {
    pattern: /\b(?:rsvp|attend|going to|book(?: me)?(?: on| onto| into| in)?|sign me up (?:for|to)) (?:event |the event )?#?(\d{1,9})\b/,
    command: numbered('event'),
    changes: false,
  },
  { pattern: /\b(?:event|meeting|masterclass|webinar) (?:number )?#?(\d{1,9})\b/, command: numbered('event'), changes: false },
  { pattern: /\bcase(?: study)? (?:number )?#?(\d{1,9})\b/, command: numbered('case'), changes: false },
  // Joining, leaving and submitting open a form or change the membership: offered as a button.
  {
    pattern:
      /\b(?:register|registration|sign me up|sign up|signup|enrol|enroll|become a member|how (?:do|can) i join|join (?:the |this )?(?:community|cop|network|bot))\b|^join me\b/,
    command: fixed('join'),
    changes: true,
  },
  {
    pattern: /\b(?:submit|add|share|write|upload) (?:a |an |my |our )?(?:new )?case(?: study| studies)?\b/,
    command: fixed('case submit'),
    changes: true,
  },
  { pattern: /\b(?:change|update|edit) (?:my )?(?:profile|details|organisation|region)\b/, command: fixed('profile edit'), changes: true },
  // Read-only questions, answered at once.
  {
    pattern: /\b(?:my|i am going to|i'm going to|am i going to) (?:events|meetings|masterclasses|rsvps?|bookings?)\b/,
    command: fixed('my events'),
    changes: false,
  },
  { pattern: /\b(?:what do you (?:hold|keep|know) about me|my (?:personal )?data)\b/, command: fixed('my data'), changes: false },
  { pattern: /\b(?:my profile|my details|who am i)\b/, command: fixed('profile'), changes: false },
  {
    pattern:
      /^when\b|\b(?:next|upcoming|coming up|what'?s on|masterclass(?:es)?|meetings?|events?|webinars?|calendar|diary|digwyddiad(?:au)?|dosbarth meistr)\b/,
    command: fixed('events'),
    changes: false,
  },
  {
    pattern:
      /\b(?:digest|leaver rates?|stability index|vacancy rates?|joiner rates?|retention (?:figures|metrics|data)|our figures|metrics)\b/,
    command: fixed('digest preview'),
    changes: false,
  },
  {
    pattern: /\b(?:which regions?|what regions?|regions|community channels?|my region'?s? channel)\b/,
    command: fixed('regions'),
    changes: false,
  },
  {
    pattern:
      /^(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening)|helo|shwmae|bore da|prynhawn da)\b|\b(?:what can you do|how does this work|how do i use|cymorth|help me|i need help|commands)\b/,
    command: fixed('help'),
    changes: false,
  },
];

/** Lower case, apostrophes kept (what's), every other run of non-letters one space. */
export function normaliseQuestion(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^\p{L}\p{N}'#]+/gu, ' ')
    .trim();
}

/** The intent the text asks for, with the command's words; undefined when no row matches. */
export function matchIntent(text: string): { readonly command: string; readonly changes: boolean } | undefined {
  const normalised = normaliseQuestion(text).slice(0, 500);
  for (const intent of INTENTS) {
    const match = intent.pattern.exec(normalised);
    if (match) return { command: intent.command(match), changes: intent.changes };
  }
  return undefined;
}
