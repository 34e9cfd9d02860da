// The platform-neutral entry point: the Slack and Teams adapters hand it what people typed, clicked or
// did (add the bot to a channel) and render the replies it returns. Written once for both platforms.
import { RUN_COMMAND_ACTION } from './actions.js';
import type { Command } from './commands/command.js';
import { internalErrorReply, invalidArgumentsReply } from './commands/command-replies.js';
import { answeredAs, didYouMean, formButton, offer, planQuestion, searchAnswer, visitorAnswer } from './questions/answer.js';
import { casesCommand } from './cases/case-commands.js';
import { hasTerms, parseCaseQuery } from './cases/search-query.js';
import { activeMember } from './members/active-member.js';
import { Grammar } from './commands/grammar.js';
import { localiseCommands } from './commands/localise.js';
import type { ConversationAddress, Platform, RequestContext } from './context.js';
import type { InstallDetails } from './conversations/conversation-store.js';
import type { ScheduledJob } from './feature.js';
import { FEATURES } from './features.js';
import type { ActionHandler, FormHandler, FormOutcome, FormValues } from './forms/form-handler.js';
import { createHelpCommand } from './help/help-command.js';
import { homeView } from './home/home-view.js';
import { homePostKey } from './home/home-key.js';
import { myDataFile } from './members/my-data.js';
import { calendarDownload, eventCsv } from './events/event-files.js';
import type { ServedFile } from './links/file-links.js';
import { translator } from './i18n/translator.js';
import { languagesFor, type LanguageChoice } from './i18n/language-choice.js';
import { requestLanguage } from './i18n/language-resolution.js';
import { pairedTranslator, pick, pickAll } from './i18n/paired-text.js';
import type { Language } from './i18n/catalogue.js';
import { isSettled, joinLanguages } from './reply/bilingual.js';
import { importUpload, type MetricsUpload } from './metrics/upload.js';
import { parsePostKey } from './outbox/post-key.js';
import { message, textMessage, type Form, type Message, type Reply } from './reply/reply.js';
import { fileLinkMessage } from './links/file-link-message.js';
import { composeCaseSearch, type ComposeSearch } from './cases/compose-search.js';
import type { CoreServices } from './services.js';

/** A request in its language, and what turns its reply into that language's form (see BotCore.localize). */
interface Localized {
  readonly context: RequestContext;
  readonly finish: <T>(reply: T) => T;
}

const isMessage = (value: unknown): value is Message =>
  typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'message' && 'blocks' in value;

/**
 * A reply made with the paired translator, in both languages: each message as its Welsh version then its
 * English one (one message, reply/bilingual.ts); anything else (forms, field errors) side by side.
 */
function inBothLanguages<T>(value: T): T {
  if (isSettled(value)) return value;
  if (isMessage(value)) return joinLanguages([commandsIn(pickAll(value, 'cy'), 'cy'), pickAll(value, 'en')]) as T;
  if (typeof value === 'string') return pick(value, 'both') as T;
  if (Array.isArray(value)) return value.map((item: unknown) => inBothLanguages(item)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, inBothLanguages(item)])) as T;
  }
  return value;
}

/** A reply with the commands it shows in the reader's language (Welsh readers see the Welsh words). */
function commandsIn<T>(reply: T, language: Language): T {
  return localiseCommands(reply as unknown as Reply, GRAMMAR, language) as unknown as T;
}

/** The few logger methods the core uses; pino's logger has them. */
export interface CoreLogger {
  error(details: object, message: string): void;
  info(details: object, message: string): void;
}

/** Every command, in the order `help` lists them: help, then each feature's. */
export const COMMANDS: readonly Command[] = [createHelpCommand(() => GRAMMAR), ...FEATURES.flatMap((feature) => feature.commands ?? [])];
export const GRAMMAR = new Grammar(COMMANDS);
const HELP = COMMANDS[0]!;

const FORMS: readonly FormHandler[] = FEATURES.flatMap((feature) => feature.forms ?? []);
const ACTIONS: readonly ActionHandler[] = FEATURES.flatMap((feature) => feature.actions ?? []);
const POST_RENDERERS = new Map(FEATURES.flatMap((feature) => Object.entries(feature.postRenderers ?? {})));
/** What the features add to digests, in order. */
export const DIGEST_SECTIONS = FEATURES.flatMap((feature) => feature.digestSections ?? []).sort((a, b) => a.order - b.order);

/** The features' scheduled work, which the bot runs on the scheduler. */
export const JOBS: readonly ScheduledJob[] = FEATURES.flatMap((feature) => feature.jobs ?? []);

export class BotCore {
  readonly services: CoreServices;

  constructor(
    ports: Omit<CoreServices, 'digestSections' | 'commandsIn'>,
    private readonly log: CoreLogger,
  ) {
    this.services = { ...ports, digestSections: DIGEST_SECTIONS, commandsIn };
  }

  /** Words typed after `/cop` in Slack, or to the bot in Teams. Never throws: failures become a polite reply. */
  async handleText(text: string, context: RequestContext): Promise<Reply> {
    const localized = await this.localize(context);
    return localized.finish(await this.handleTextIn(text, localized.context));
  }

  private async handleTextIn(text: string, context: RequestContext): Promise<Reply> {
    const parsed = GRAMMAR.parse(text);
    switch (parsed.kind) {
      case 'empty':
        return this.run(HELP, { topic: undefined }, context);
      case 'unknown':
        return this.answerQuestion(text, context);
      case 'invalid': {
        // "event" alone, or "case studies about menopause": the words may still ask for another command.
        const plan = planQuestion(text, GRAMMAR);
        if ((plan.kind === 'run' || plan.kind === 'offer') && GRAMMAR.find(plan.words) !== parsed.command)
          return this.answerQuestion(text, context);
        return invalidArgumentsReply(parsed.command, context);
      }
      case 'ok':
        return this.run(parsed.command, parsed.args, context);
    }
  }

  /** Words that are not a command: an intent, a typo of a command, or else a case-study search (questions/answer.ts). */
  private async answerQuestion(text: string, context: RequestContext): Promise<Reply> {
    const plan = planQuestion(text, GRAMMAR);
    switch (plan.kind) {
      case 'run':
        return answeredAs(plan.words, await this.handleTextIn(plan.words, context), context);
      case 'offer':
        return offer(plan.words, context);
      case 'typo':
        return didYouMean(plan.words, plan.tokens, context);
      case 'search':
        return this.guard('question', context, async () => {
          if (!(await activeMember(context, this.services))) return visitorAnswer(context);
          const reply = await casesCommand.run([...plan.tokens], context, this.services);
          return reply.kind === 'message' ? searchAnswer(reply, hasTerms(parseCaseQuery(plan.tokens).terms), context) : reply;
        });
    }
  }

  /** Where a form cannot be opened straight away (a Slack direct message has no trigger id): a button that opens it. */
  formOffer(words: string, context: RequestContext): Message {
    return formButton(words.trim().slice(0, 200), context);
  }

  /** A button click. The value is re-validated here, since anyone who can see a message can replay it. */
  async handleAction(action: string, value: string | undefined, context: RequestContext): Promise<Reply> {
    const localized = await this.localize(context);
    return localized.finish(await this.handleActionIn(action, value, localized.context));
  }

  private async handleActionIn(action: string, value: string | undefined, context: RequestContext): Promise<Reply> {
    if (action === RUN_COMMAND_ACTION && value !== undefined) return this.handleTextIn(value, context);
    const handler = ACTIONS.find((candidate) => candidate.id === action);
    if (handler) return this.guard(`action ${action}`, context, () => handler.run(value, context, this.services));
    const text = context.t('error.unknownAction');
    return textMessage(text);
  }

  /** The clicked post as the clicker should now see it, for actions that have such a view (see ActionHandler.viewAfter). */
  async viewAfterAction(action: string, value: string | undefined, request: RequestContext): Promise<Message | undefined> {
    const handler = ACTIONS.find((candidate) => candidate.id === action);
    if (!handler?.viewAfter) return undefined;
    const { context, finish } = await this.localize(request);
    try {
      return finish(await handler.viewAfter(value, context, this.services));
    } catch (error) {
      this.log.error({ err: error, command: `view after ${action}`, platform: context.actor.platform }, 'command failed');
      return undefined;
    }
  }

  /** A submitted form: messages beside fields when something is wrong (nothing saved), else the reply. */
  async handleFormSubmit(formId: string, values: FormValues, state: string | undefined, context: RequestContext): Promise<FormOutcome> {
    const localized = await this.localize(context);
    return localized.finish(await this.handleFormSubmitIn(formId, values, state, localized.context));
  }

  private async handleFormSubmitIn(
    formId: string,
    values: FormValues,
    state: string | undefined,
    context: RequestContext,
  ): Promise<FormOutcome> {
    const handler = FORMS.find((candidate) => candidate.id === formId);
    if (!handler) return { kind: 'done', reply: textMessage(context.t('error.unknownAction')) };
    let outcome: FormOutcome;
    try {
      outcome = await handler.submit(values, state, context, this.services);
    } catch (error) {
      this.log.error({ err: error, form: formId, platform: context.actor.platform }, 'form submission failed');
      return { kind: 'done', reply: internalErrorReply(context) };
    }
    if (outcome.kind !== 'done' || !outcome.then) return outcome;
    // The click that waited for the form runs now, checked as if it came now; its answer joins the reply.
    const { action, value } = outcome.then;
    const carried = ACTIONS.find((candidate) => candidate.id === action && candidate.runsAfterJoining);
    if (!carried) return outcome;
    const reply = await this.guard(`action ${action}`, context, () => carried.run(value, context, this.services));
    if (reply.kind !== 'message') return outcome;
    return { ...outcome, reply: message(`${outcome.reply.summary}\n${reply.summary}`, [...outcome.reply.blocks, ...reply.blocks]) };
  }

  /** Case studies searched from Teams' compose box: ranked as `cases` ranks them, or a card saying how to join. */
  async composeCaseSearch(text: string, context: RequestContext): Promise<ComposeSearch> {
    try {
      return await composeCaseSearch(text, context, this.services);
    } catch (error) {
      this.log.error({ err: error, command: 'compose case search', platform: context.actor.platform }, 'command failed');
      return { kind: 'results', results: [] };
    }
  }

  /** Options for a searchable field, matching what the person typed so far. */
  async formFieldOptions(
    formId: string,
    fieldId: string,
    query: string,
    context: RequestContext,
  ): Promise<readonly { label: string; value: string }[]> {
    const handler = FORMS.find((candidate) => candidate.id === formId);
    if (!handler?.options) return [];
    try {
      return await handler.options(fieldId, query.slice(0, 100), context, this.services);
    } catch (error) {
      this.log.error({ err: error, form: formId }, 'loading form options failed');
      return [];
    }
  }

  async conversationInstalled(address: ConversationAddress, details: InstallDetails): Promise<void> {
    await this.services.conversations.recordInstalled(address, details);
  }

  /** A personal chat the bot opened to answer someone privately: kept so later messages to them can use it. */
  async conversationOpened(address: ConversationAddress, details: InstallDetails): Promise<void> {
    await this.services.conversations.recordOpened(address, details);
  }

  async conversationRemoved(address: ConversationAddress): Promise<void> {
    await this.services.conversations.recordRemoved(address);
  }

  async workspaceRemoved(platform: Platform, workspaceId: string): Promise<void> {
    await this.services.conversations.recordWorkspaceRemoved(platform, workspaceId);
  }

  /** A region's community channels on one platform and workspace: where an adapter can invite a new member. */
  async regionChannels(platform: Platform, workspaceId: string, regionCode: string): Promise<readonly string[]> {
    const channels = await this.services.regions.channelsOf(regionCode);
    return channels
      .filter((channel) => channel.platform === platform && channel.workspaceId === workspaceId)
      .map((channel) => channel.externalId);
  }

  /** Keeps a keyed hash of a member's verified email, looked up by the adapter after a form (see FollowUp). */
  async recordVerifiedEmail(context: RequestContext, email: string): Promise<void> {
    await this.services.emailLinks.recordEmail(context.actor, email);
  }

  /** A metrics CSV shared with the bot in a direct message (Slack) or personal chat (Teams): imported, with its report. */
  metricsUpload(upload: MetricsUpload, context: RequestContext): Promise<Message> {
    return this.guard('metrics upload', context, () => importUpload(upload, context, this.services));
  }

  /** The person's page at a glance (Slack App Home, Teams personal welcome). */
  async home(request: RequestContext): Promise<Reply> {
    const { context, finish } = await this.localize(request);
    return finish(await this.guard('home', context, () => homeView(context, this.services)));
  }

  /**
   * The request's language, by the rule of i18n/language-resolution.ts: its translator set in the
   * context, and `finish`, which makes a reply in both languages (Welsh first) when both were decided.
   * If the facts cannot be read, the request goes on in the language the adapter gave.
   */
  private async localize(context: RequestContext): Promise<Localized> {
    let choice: LanguageChoice;
    try {
      const [member, conversation] = await Promise.all([
        this.services.members.findByIdentity(context.actor),
        context.conversation.kind === 'personal' ? undefined : this.services.conversations.language(context.conversation),
      ]);
      const known = member && member.status !== 'erased' ? member : undefined;
      choice = await requestLanguage({
        platform: context.actor.platform,
        memberChoice: known?.language,
        memberNation: known?.region?.nation,
        channelSetting: conversation?.setting,
        channelNation: conversation?.regionNation,
        locale: context.platformLocale ?? (() => Promise.resolve(undefined)),
      });
    } catch (error) {
      this.log.error({ err: error, command: 'language', platform: context.actor.platform }, 'could not decide the language');
      return { context, finish: (reply) => commandsIn(reply, context.t.language) };
    }
    if (choice !== 'both') {
      const language = choice;
      return { context: { ...context, t: translator(language) }, finish: (reply) => commandsIn(reply, language) };
    }
    return { context: { ...context, t: pairedTranslator() }, finish: inBothLanguages };
  }

  /**
   * The person was shown their home where it can be kept current: Slack's App Home tab (published for
   * the user id `address`), or the home card sent into their Teams personal chat (the request's
   * conversation). Kept, so that their own later changes re-render it (home/home-key.ts); `messageId` is
   * what the platform's sender updates (the Slack sender's App Home marker, or the Teams activity id).
   */
  async homeShown(context: RequestContext, messageId: string, address?: string): Promise<void> {
    const member = await this.services.members.findByIdentity(context.actor);
    const { platform, workspaceId } = context.actor;
    await this.services.outbox.remember({
      postKey: homePostKey(context.actor),
      platform,
      workspaceId,
      address,
      conversationExternalId: platform === 'teams' ? context.conversation.externalId : undefined,
      messageId,
      memberId: member && member.status !== 'erased' ? member.id : undefined,
    });
  }

  /** Keeps a stored Teams conversation reference pointing at the connector's current service URL. */
  async refreshServiceUrl(address: ConversationAddress, serviceUrl: string): Promise<void> {
    await this.services.conversations.refreshServiceUrl(address, serviceUrl);
  }

  /** A reply for a platform that cannot be handed files (Teams): a file becomes a short-lived download link. */
  async withFileLinks(reply: Reply, context: RequestContext): Promise<Message | Form> {
    if (reply.kind !== 'file') return reply;
    return this.guard('download link', context, () => fileLinkMessage(reply, context, this.services, this.services.clock.now()));
  }

  /** The file behind one of the bot's links (src/core/links) now; undefined for an unknown, malformed or expired token. */
  async openFileLink(token: string): Promise<ServedFile | undefined> {
    const subject = await this.services.fileLinks.find(token, this.services.clock.now());
    if (!subject) return undefined;
    if (subject.kind === 'attendees' || subject.kind === 'record') return eventCsv(subject, this.services, translator(subject.language));
    if (subject.kind === 'data') return myDataFile(subject, this.services);
    return { filename: subject.filename, contentType: subject.mediaType, body: subject.content, inline: subject.kind === 'chart' };
  }

  /** An event's calendar file, behind the link its posts show; undefined for any other token. */
  async calendarFile(token: string, language: Language = 'en'): Promise<ServedFile | undefined> {
    return calendarDownload(token, this.services, translator(language));
  }

  /**
   * A posted message as it should look now (see Outbox.refresh), in the language of the channel it is in
   * (both: Welsh then English in one message); undefined leaves it as it is.
   */
  async renderPost(postKey: string, language: LanguageChoice = 'en'): Promise<Message | undefined> {
    const key = parsePostKey(postKey);
    const render = key && POST_RENDERERS.get(key.kind);
    if (!render) return undefined;
    const versions: Message[] = [];
    for (const each of languagesFor(language)) {
      const version = await render(key.id, this.services, translator(each));
      if (!version) return undefined;
      versions.push(version);
    }
    return joinLanguages(versions);
  }

  private run(command: Command, args: unknown, context: RequestContext): Promise<Reply> {
    return this.guard(command.words, context, () => command.run(args, context, this.services));
  }

  private async guard<R extends Reply>(what: string, context: RequestContext, work: () => Promise<R>): Promise<R | Message> {
    try {
      return await work();
    } catch (error) {
      // The command words are logged, never the arguments: those can hold names or other personal data.
      this.log.error({ err: error, command: what, platform: context.actor.platform }, 'command failed');
      return internalErrorReply(context);
    }
  }
}
