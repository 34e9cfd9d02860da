// Case studies searched from the compose box (Teams' search message extension): the same ranking as
// `cases`, each result ready to insert into a conversation as the case study's card with its source.
// The library is for members: anyone else gets one card that says how to join.
import { tokenize } from '../commands/tokenize.js';
import type { RequestContext } from '../context.js';
import { message, type Message } from '../reply/reply.js';
import type { CoreServices } from '../services.js';
import { activeMember } from '../members/active-member.js';
import { findCases } from './case-commands.js';
import { caseBlocks, shorten } from './case-views.js';

/** The services this module's handlers use. */
export type ComposeSearchServices = Pick<
  CoreServices,
  'cases' | 'clock' | 'configuredAdmins' | 'members' | 'outbox' | 'reference' | 'roles'
>;

/** Results shown under the compose box (Teams lists up to 25; a short list is easier to choose from). */
export const COMPOSE_RESULTS = 10;
/** Longer queries are cut: nobody types more into the compose box, and it bounds the work. */
const MAX_QUERY_LENGTH = 200;

export interface ComposeResult {
  /** The list entry: the case study's title and a line of its summary. */
  readonly title: string;
  readonly preview: string;
  /** What is inserted when the entry is picked. */
  readonly card: Message;
}

export type ComposeSearch =
  { readonly kind: 'join'; readonly card: Message } | { readonly kind: 'results'; readonly results: readonly ComposeResult[] };

export async function composeCaseSearch(text: string, context: RequestContext, services: ComposeSearchServices): Promise<ComposeSearch> {
  const { t } = context;
  const member = await activeMember(context, services);
  if (!member) {
    const line = t('cases.joinFirst');
    return {
      kind: 'join',
      card: message(
        line,
        [
          { kind: 'heading', text: t('cases.compose.joinHeading') },
          { kind: 'text', text: line },
        ],
        'shared',
      ),
    };
  }
  const tokens = tokenize(text.slice(0, MAX_QUERY_LENGTH));
  if (tokens.length === 0) return { kind: 'results', results: [] };
  const finding = await findCases(tokens, COMPOSE_RESULTS, context, services);
  if (finding.kind === 'reply') return { kind: 'results', results: [] };
  const sharedBy = member.displayName ?? t('cases.aMember');
  const found = await Promise.all(finding.result.hits.map((hit) => services.cases.findByNumber(hit.number)));
  const results = found.flatMap((study) =>
    study?.status === 'published'
      ? [
          {
            title: t('cases.cardTitle', { number: study.number, title: study.title }),
            preview: shorten(study.summary, 120),
            card: message(
              t('cases.sharedSummary', { title: study.title, name: sharedBy }),
              caseBlocks(study, finding.names, t, { share: false, sharedBy }),
              'shared',
            ),
          },
        ]
      : [],
  );
  return { kind: 'results', results };
}
