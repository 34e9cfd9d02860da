// The platform-neutral entry point: the Slack and Teams adapters hand it what people typed, clicked or
// did (add the bot to a channel) and render the replies it returns. Written once for both platforms.
import { RUN_COMMAND_ACTION } from './actions.js';
import type { Command } from './commands/command.js';
import { internalErrorReply, invalidArgumentsReply, unknownCommandReply } from './commands/command-replies.js';
import { Grammar } from './commands/grammar.js';
import { channelLinkCommand, channelUnlinkCommand } from './channels/channel-commands.js';
import type { ConversationAddress, Platform, RequestContext } from './context.js';
import type { InstallDetails } from './conversations/conversation-store.js';
import type { ActionHandler, FormHandler, FormOutcome, FormValues } from './forms/form-handler.js';
import { helpCommand } from './help/help-command.js';
import { linkCommand } from './linking/link-commands.js';
import {
  eraseAction,
  eraseCommand,
  joinCommand,
  leaveCommand,
  myDataCommand,
  profileCommand,
  profileEditCommand,
  profileFormHandler,
} from './members/member-commands.js';
import { homeView } from './members/home.js';
import { confirmOrganisationAction, organisationConfirmCommand, organisationsPendingCommand } from './organisations/organisation-commands.js';
import { organisationExemplarCommand, organisationExemplarRemoveCommand } from './organisations/exemplar-commands.js';
import { regionsCommand } from './regions/regions-command.js';
import { grantCommand, revokeCommand } from './roles/role-commands.js';
import { membersCommand } from './directory/members-command.js';
import { digestPreviewCommand } from './digest/digest-commands.js';
import {
  digestListCommand,
  digestNowCommand,
  digestPauseCommand,
  digestResumeCommand,
  digestSubscribeCommand,
  digestUnsubscribeCommand,
} from './subscriptions/subscription-commands.js';
import { membersExportCommand } from './directory/export-command.js';
import {
  cancelEventAction,
  eventCancelCommand,
  eventCommand,
  eventEditCommand,
  eventFormHandler,
  eventNewCommand,
  eventsCommand,
  myEventsCommand,
} from './events/event-commands.js';
import { attendeesCommand } from './events/attendees-command.js';
import { attendanceFormHandler, eventAttendanceCommand, eventSummaryCommand, myRecordCommand, rateAction } from './events/after-event.js';
import { claimAction, joinToAnswerAction, rsvpAction } from './events/rsvp-actions.js';
import { calendarDownload, csvDownload, type Download } from './events/downloads.js';
import { translator } from './i18n/translator.js';
import { importUpload, type MetricsUpload } from './metrics/upload.js';
import { postRenderer } from './outbox/post-renderers.js';
import { message, textMessage, type Form, type Message, type Reply } from './reply/reply.js';
import { downloadLinkMessage } from './downloads/download-link.js';
import { composeCaseSearch, type ComposeSearch } from './cases/compose-search.js';
import type { CoreServices } from './services.js';
import {
  approveCaseAction,
  caseApproveCommand,
  caseChangesCommand,
  caseCommand,
  caseEditCommand,
  caseFormHandler,
  caseRejectCommand,
  casesCommand,
  casesMineCommand,
  casesPendingCommand,
  caseSubmitCommand,
  changesCaseAction,
  rejectCaseAction,
  reviewFormHandler,
  shareCaseAction,
} from './cases/case-commands.js';

/** The few logger methods the core uses; pino's logger has them. */
export interface CoreLogger {
  error(details: object, message: string): void;
  info(details: object, message: string): void;
}

/** Every command, in the order `help` lists them. */
export const COMMANDS: readonly Command[] = [
  helpCommand,
  regionsCommand,
  joinCommand,
  profileCommand,
  profileEditCommand,
  myDataCommand,
  leaveCommand,
  eraseCommand,
  linkCommand,
  membersCommand,
  membersExportCommand,
  grantCommand,
  revokeCommand,
  organisationsPendingCommand,
  organisationConfirmCommand,
  organisationExemplarCommand,
  organisationExemplarRemoveCommand,
  channelLinkCommand,
  channelUnlinkCommand,
  casesCommand,
  caseCommand,
  caseSubmitCommand,
  caseEditCommand,
  casesMineCommand,
  casesPendingCommand,
  caseApproveCommand,
  caseChangesCommand,
  caseRejectCommand,
  eventsCommand,
  eventCommand,
  myEventsCommand,
  eventNewCommand,
  eventEditCommand,
  eventCancelCommand,
  attendeesCommand,
  eventAttendanceCommand,
  eventSummaryCommand,
  myRecordCommand,
  digestPreviewCommand,
  digestSubscribeCommand,
  digestListCommand,
  digestPauseCommand,
  digestResumeCommand,
  digestUnsubscribeCommand,
  digestNowCommand,
];

const FORMS: readonly FormHandler[] = [profileFormHandler, caseFormHandler, reviewFormHandler, eventFormHandler, attendanceFormHandler];
const ACTIONS: readonly ActionHandler[] = [
  eraseAction,
  confirmOrganisationAction,
  shareCaseAction,
  approveCaseAction,
  changesCaseAction,
  rejectCaseAction,
  rsvpAction,
  joinToAnswerAction,
  claimAction,
  cancelEventAction,
  rateAction,
];

export class BotCore {
  readonly services: CoreServices;

  constructor(
    ports: Omit<CoreServices, 'grammar'>,
    private readonly log: CoreLogger,
  ) {
    this.services = { ...ports, grammar: new Grammar(COMMANDS) };
  }

  /** Words typed after `/cop` in Slack, or to the bot in Teams. Never throws: failures become a polite reply. */
  async handleText(text: string, context: RequestContext): Promise<Reply> {
    const parsed = this.services.grammar.parse(text);
    switch (parsed.kind) {
      case 'empty':
        return this.run(helpCommand, { topic: undefined }, context);
      case 'unknown':
        return unknownCommandReply(parsed.words, parsed.suggestion, context);
      case 'invalid':
        return invalidArgumentsReply(parsed.command, context);
      case 'ok':
        return this.run(parsed.command, parsed.args, context);
    }
  }

  /** A button click. The value is re-validated here, since anyone who can see a message can replay it. */
  async handleAction(action: string, value: string | undefined, context: RequestContext): Promise<Reply> {
    if (action === RUN_COMMAND_ACTION && value !== undefined) return this.handleText(value, context);
    const handler = ACTIONS.find((candidate) => candidate.id === action);
    if (handler) return this.guard(`action ${action}`, context, () => handler.run(value, context, this.services));
    const text = context.t('error.unknownAction');
    return textMessage(text);
  }

  /** The clicked post as the clicker should now see it, for actions that have such a view (see ActionHandler.viewAfter). */
  async viewAfterAction(action: string, value: string | undefined, context: RequestContext): Promise<Message | undefined> {
    const handler = ACTIONS.find((candidate) => candidate.id === action);
    if (!handler?.viewAfter) return undefined;
    try {
      return await handler.viewAfter(value, context, this.services);
    } catch (error) {
      this.log.error({ err: error, command: `view after ${action}`, platform: context.actor.platform }, 'command failed');
      return undefined;
    }
  }

  /** A submitted form: messages beside fields when something is wrong (nothing saved), else the reply. */
  async handleFormSubmit(formId: string, values: FormValues, state: string | undefined, context: RequestContext): Promise<FormOutcome> {
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
  async formFieldOptions(formId: string, fieldId: string, query: string, context: RequestContext): Promise<readonly { label: string; value: string }[]> {
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
    return channels.filter((channel) => channel.platform === platform && channel.workspaceId === workspaceId).map((channel) => channel.externalId);
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
  home(context: RequestContext): Promise<Reply> {
    return this.guard('home', context, () => homeView(context, this.services));
  }

  /** Keeps a stored Teams conversation reference pointing at the connector's current service URL. */
  async refreshServiceUrl(address: ConversationAddress, serviceUrl: string): Promise<void> {
    await this.services.conversations.refreshServiceUrl(address, serviceUrl);
  }

  /** A reply for a platform that cannot be handed files (Teams): a file becomes a short-lived download link. */
  async withDownloadLinks(reply: Reply, context: RequestContext): Promise<Message | Form> {
    if (reply.kind !== 'file') return reply;
    return this.guard('download link', context, () => downloadLinkMessage(reply, context, this.services));
  }

  /** A file behind one of the bot's unguessable links (a calendar file or a CSV download), if the link is good. */
  async download(kind: 'calendar' | 'csv', token: string): Promise<Download | undefined> {
    const t = translator(undefined);
    return kind === 'calendar' ? calendarDownload(token, this.services, t) : csvDownload(token, this.services, t);
  }

  /** A posted message as it should look now (see Outbox.refresh); undefined leaves it as it is. */
  async renderPost(postKey: string): Promise<Message | undefined> {
    const renderer = postRenderer(postKey);
    return renderer ? renderer.render(renderer.id, this.services) : undefined;
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
