// Independent checks of what the bot sends to Teams: every card is parsed and validated by Microsoft's
// `adaptivecards` library with Teams' host config (6 actions in a row), and every activity is held to
// the project's budget from the limits table (UTF-8 bytes of the whole activity JSON).
import { createRequire } from 'node:module';
import type * as AdaptiveCardsLibrary from 'adaptivecards';
import { TEAMS_CARD_LIMITS } from '../../src/teams/card-limits.js';
import type { CardElement } from '../../src/teams/adaptive-card.js';

// The package's lib/ is ES modules without file extensions, which Node cannot load; its webpack bundle
// loads, and parsing and validation need no DOM (only rendering does).
const require = createRequire(import.meta.url);
export const AC = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCardsLibrary;

export interface CardEvent {
  readonly phase: string;
  readonly event: string;
  readonly message: string;
  /** The id of the element the event is about, if it has one. */
  readonly source: string | undefined;
}

/** The library's host config with Teams' figure for actions in a row (the library's default is 5). */
export function teamsHostConfig(): AdaptiveCardsLibrary.HostConfig {
  const hostConfig = new AC.HostConfig();
  hostConfig.actions.maxActions = TEAMS_CARD_LIMITS.actionsPerRow;
  return hostConfig;
}

/** Parses a card with the official library and Teams' host config; returns it with every parse and validation event. */
export function officialParse(json: unknown, version = AC.Versions.v1_5): { card: AdaptiveCardsLibrary.AdaptiveCard; events: CardEvent[] } {
  const card = new AC.AdaptiveCard();
  card.hostConfig = teamsHostConfig();
  const context = new AC.SerializationContext(version);
  card.parse(json, context);
  const describe = (event: AdaptiveCardsLibrary.IValidationEvent): CardEvent => ({
    phase: AC.ValidationPhase[event.phase] ?? String(event.phase),
    event: AC.ValidationEvent[event.event] ?? String(event.event),
    message: event.message,
    source: (event.source as { id?: string } | undefined)?.id,
  });
  const parseEvents = Array.from({ length: context.eventCount }, (_, i) => describe(context.getEventAt(i)));
  const validationEvents = card.validateProperties().validationEvents.map(describe);
  return { card, events: [...parseEvents, ...validationEvents] };
}

/** Every object with a type anywhere in a card (elements, actions, inlines), depth first. */
export function elementsOf(value: unknown): CardElement[] {
  const found: CardElement[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      const object = node as Record<string, unknown>;
      if (typeof object['type'] === 'string') found.push(object as CardElement);
      Object.values(object).forEach(walk);
    }
  };
  walk(value);
  return found;
}

/** The ids of the inputs with dynamic typeahead (`choices.data`) anywhere in a card. */
function typeaheadIds(json: unknown): Set<string> {
  return new Set(
    elementsOf(json)
      .filter((e) => e.type === 'Input.ChoiceSet' && 'choices.data' in e)
      .map((e) => String(e['id'])),
  );
}

/**
 * The events of the official library that Teams would care about. The library (3.0.6) differs from Teams
 * on dynamic typeahead only: it lists `choices.data` as an Adaptive Cards 1.6 property while Teams
 * documents it for its cards from 1.2 on, and it wants at least one static choice while Teams' own samples
 * send none. Exactly those two events, on exactly the typeahead inputs, are set aside; anything else fails.
 */
export function teamsEvents(json: unknown): CardEvent[] {
  const typeahead = typeaheadIds(json);
  const known = (event: CardEvent): boolean =>
    event.source !== undefined &&
    typeahead.has(event.source) &&
    ((event.event === 'UnsupportedProperty' && event.message.includes('"choices.data"')) || event.event === 'CollectionCantBeEmpty');
  return officialParse(json).events.filter((event) => !known(event));
}

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** What is wrong with an activity the bot sent: over the byte budget, or a card the official library objects to. */
export function activityProblems(activity: unknown, bodyBytes: number): string[] {
  const problems: string[] = [];
  if (bodyBytes > TEAMS_CARD_LIMITS.activityBytes)
    problems.push(`activity of ${bodyBytes} bytes, over the ${TEAMS_CARD_LIMITS.activityBytes}-byte budget`);
  const attachments = (activity as { attachments?: { contentType?: string; content?: unknown }[] } | undefined)?.attachments ?? [];
  for (const attachment of attachments) {
    if (attachment.contentType !== ADAPTIVE_CARD) continue;
    for (const event of teamsEvents(attachment.content)) problems.push(`${event.event}: ${event.message}`);
  }
  return problems;
}

/** What is wrong with a card returned in an invoke response (counted as an activity would be). */
export function cardProblems(card: unknown): string[] {
  const bytes = Buffer.byteLength(JSON.stringify(card)) + TEAMS_CARD_LIMITS.envelopeReserveBytes;
  return activityProblems({ attachments: [{ contentType: ADAPTIVE_CARD, content: card }] }, bytes);
}
