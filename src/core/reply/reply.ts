// The platform-neutral reply model: plain typed objects that the Block Kit and Adaptive Card renderers
// turn into each platform's format. Features build these and never see Slack or Teams formats.

/** A piece of inline text. Strings are literal text: renderers escape them for their platform. */
export type Span =
  | string
  | { readonly kind: 'command'; readonly words: string }
  | { readonly kind: 'channel'; readonly platform: 'slack' | 'teams'; readonly id: string; readonly name?: string | undefined }
  | { readonly kind: 'strong'; readonly text: string };

/** Text made of spans; a bare string is one literal span. */
export type Rich = string | readonly Span[];

export interface Button {
  readonly label: string;
  /** Opens this address instead of sending an action (a download link). */
  readonly url?: string;
  /** Stable action id routed by the adapters (e.g. `cop.run`). */
  readonly action: string;
  /** Opaque payload; re-validated when clicked, since anyone who sees a message can replay it. */
  readonly value?: string;
  readonly style?: 'primary' | 'danger';
}

export interface ListItem {
  readonly title: Rich;
  readonly detail?: Rich | undefined;
}

export type Block =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'text'; readonly text: Rich }
  | { readonly kind: 'facts'; readonly facts: readonly { readonly label: string; readonly value: Rich }[] }
  | { readonly kind: 'list'; readonly items: readonly ListItem[] }
  | { readonly kind: 'buttons'; readonly buttons: readonly Button[] }
  | { readonly kind: 'note'; readonly text: Rich }
  /**
   * A line across. `between: 'languages'` marks where one language's version of a message ends and the
   * next begins (see bilingual.ts): renderers fit each version into its share of the platform's limits.
   */
  | { readonly kind: 'divider'; readonly between?: 'languages' | undefined }
  /**
   * A picture the bot drew (a digest's chart). `alt` describes it for screen readers and stands in where
   * images are not shown. The picture travels in the message (`png`): Slack gets it uploaded, Teams inline
   * in the card, so neither platform has to reach the bot's address. Where it cannot be shown, `link`
   * is a button opening it behind the bot's address, in the person's own browser.
   */
  | {
      readonly kind: 'image';
      readonly alt: string;
      /** The picture: a PNG, base64. */
      readonly png: string;
      readonly link?: { readonly url: string; readonly label: string } | undefined;
      /** The platform's own copy once uploaded for this post (a Slack file id): a retried post uploads nothing again. */
      readonly uploaded?: string | undefined;
    };

export interface Message {
  readonly kind: 'message';
  /** One line for notifications and clients that cannot show rich content. */
  readonly summary: string;
  readonly blocks: readonly Block[];
  /**
   * `private`: only the person who asked sees it (Slack ephemeral; in a Teams channel or group chat it
   * goes to their personal chat). `shared`: everyone in the conversation. `open`: for the person who
   * asked, but about no person (help, region and event lists, case-study search results): Slack still
   * shows it to them only, while Teams, which has no messages for one person in a channel, may post it
   * in the conversation, where a Share button on it then shares into that conversation.
   */
  readonly visibility: 'private' | 'shared' | 'open';
}

export type Field =
  | {
      readonly kind: 'text';
      readonly id: string;
      readonly label: string;
      readonly required: boolean;
      readonly multiline?: boolean;
      readonly maxLength?: number;
      readonly placeholder?: string;
      readonly initial?: string;
    }
  | {
      readonly kind: 'select';
      readonly id: string;
      readonly label: string;
      readonly required: boolean;
      readonly multiple?: boolean;
      /**
       * Typing part of an option finds it. Slack loads matching options from the form's handler
       * (FormHandler.options) as the person types; Teams filters `options` in the card.
       */
      readonly searchable?: boolean;
      readonly placeholder?: string;
      readonly options: readonly { readonly label: string; readonly value: string }[];
      readonly initial?: readonly string[];
    }
  | {
      readonly kind: 'checkbox';
      readonly id: string;
      readonly label: string;
      readonly required: boolean;
      readonly initial?: boolean;
    }
  | { readonly kind: 'date'; readonly id: string; readonly label: string; readonly required: boolean; readonly initial?: string }
  | { readonly kind: 'time'; readonly id: string; readonly label: string; readonly required: boolean; readonly initial?: string };

export interface Form {
  readonly kind: 'form';
  /** Routes the submission back to the feature that built the form. */
  readonly id: string;
  readonly title: string;
  readonly submitLabel: string;
  readonly intro?: Rich;
  readonly fields: readonly Field[];
  /** Opaque state carried through the form (Slack private_metadata, Teams submit data). */
  readonly state?: string;
  /** Shown beside a required field left empty, where the platform checks that itself (Teams). */
  readonly requiredMessage: string;
  /** Messages shown beside fields after a failed submission, keyed by field id. */
  readonly errors?: Readonly<Record<string, string>>;
}

/**
 * A file for the person who asked (a CSV export). Slack uploads it to their direct messages with the
 * bot; Teams, where a bot cannot hand over a file without a consent card, gets a short-lived link.
 */
export interface FileReply {
  readonly kind: 'file';
  readonly filename: string;
  readonly mediaType: string;
  readonly content: string;
  /** Said with the file. */
  readonly summary: string;
  /** Said where it was asked for, once the file is in the person's direct messages. */
  readonly sentPrivately: string;
  /** Said where it was asked for if the file could not be delivered. */
  readonly failed: string;
}

export type Reply = Message | Form | FileReply;

export function message(summary: string, blocks: readonly Block[], visibility: Message['visibility'] = 'private'): Message {
  return { kind: 'message', summary, blocks, visibility };
}

/** A message of one sentence. */
export function textMessage(text: string, visibility: Message['visibility'] = 'private'): Message {
  return message(text, [{ kind: 'text', text }], visibility);
}
