// Help by task and by role: topics (Getting started, Events, Case studies, Digests, For facilitators,
// For national admins), each listing the commands of that task with one example. A person sees only the
// commands they may use: a visitor is not shown `case reject`, a member not `admin revoke`. The commands
// still check permissions themselves on every use; this only keeps help short and true for the reader.
import type { MessageKey } from '../i18n/en.js';
import { plainWords } from '../i18n/mutations.js';

/** Who may use a command, from least to most. */
export type Audience = 'anyone' | 'member' | 'facilitator' | 'admin';
export const AUDIENCE_ORDER: readonly Audience[] = ['anyone', 'member', 'facilitator', 'admin'];

export interface HelpEntry {
  /** The command's words, as the grammar knows them. */
  readonly words: string;
  readonly audience: Audience;
  /** The one example shown; the command's first example when absent. */
  readonly example?: string;
}

export interface HelpTopic {
  readonly id: string;
  /** Words that name the topic in `help <topic>` (`cymorth <topic>`), in English and Welsh, besides its id. */
  readonly names: readonly string[];
  readonly title: MessageKey;
  readonly intro: MessageKey;
  /** Who sees the topic in the list at all. */
  readonly audience: Audience;
  readonly entries: readonly HelpEntry[];
}

export const HELP_TOPICS: readonly HelpTopic[] = [
  {
    id: 'start',
    names: ['getting started', 'start', 'started', 'join', 'joining', 'me', 'profile', 'basics', 'dechrau', 'cychwyn', 'ymuno', 'proffil'],
    title: 'help.topic.start',
    intro: 'help.topic.start.intro',
    audience: 'anyone',
    entries: [
      { words: 'join', audience: 'anyone' },
      { words: 'home', audience: 'anyone' },
      { words: 'regions', audience: 'anyone' },
      { words: 'profile', audience: 'member' },
      { words: 'profile edit', audience: 'member' },
      { words: 'language', audience: 'member', example: 'language cymraeg' },
      { words: 'members', audience: 'member', example: 'members london' },
      { words: 'link', audience: 'anyone' },
      { words: 'my data', audience: 'anyone' },
      { words: 'leave', audience: 'member' },
      { words: 'erase my data', audience: 'member' },
    ],
  },
  {
    id: 'events',
    names: [
      'events',
      'event',
      'masterclasses',
      'masterclass',
      'meetings',
      'meeting',
      'digwyddiadau',
      'digwyddiad',
      'dosbarthiadau meistr',
      'cyfarfodydd',
    ],
    title: 'help.topic.events',
    intro: 'help.topic.events.intro',
    audience: 'anyone',
    entries: [
      { words: 'events', audience: 'anyone' },
      { words: 'event', audience: 'anyone' },
      { words: 'my events', audience: 'member' },
      { words: 'my record', audience: 'member' },
    ],
  },
  {
    id: 'cases',
    names: ['case studies', 'cases', 'case', 'case study', 'library', 'astudiaethau achos', 'achosion', 'achos', 'llyfrgell'],
    title: 'help.topic.cases',
    intro: 'help.topic.cases.intro',
    audience: 'member',
    entries: [
      { words: 'cases', audience: 'member', example: 'cases menopause support' },
      { words: 'case', audience: 'member' },
      { words: 'case submit', audience: 'member' },
      { words: 'cases mine', audience: 'member' },
      { words: 'case edit', audience: 'member' },
    ],
  },
  {
    id: 'digests',
    names: ['digests', 'digest', 'metrics', 'figures', 'crynodebau', 'crynodeb', 'ffigurau'],
    title: 'help.topic.digests',
    intro: 'help.topic.digests.intro',
    audience: 'anyone',
    entries: [
      { words: 'digest preview', audience: 'anyone', example: 'digest preview yorkshire' },
      { words: 'digest list', audience: 'anyone' },
      { words: 'digest subscribe', audience: 'facilitator' },
      { words: 'digest pause', audience: 'facilitator' },
      { words: 'digest resume', audience: 'facilitator' },
      { words: 'digest schedule', audience: 'facilitator' },
      { words: 'digest unsubscribe', audience: 'facilitator' },
      { words: 'digest now', audience: 'facilitator' },
    ],
  },
  {
    id: 'facilitators',
    names: ['for facilitators', 'facilitators', 'facilitator', 'facilitating', 'hwyluswyr', 'hwylusydd'],
    title: 'help.topic.facilitators',
    intro: 'help.topic.facilitators.intro',
    audience: 'facilitator',
    entries: [
      { words: 'event new', audience: 'facilitator' },
      { words: 'event edit', audience: 'facilitator' },
      { words: 'event cancel', audience: 'facilitator' },
      { words: 'attendees', audience: 'facilitator' },
      { words: 'event attendance', audience: 'facilitator' },
      { words: 'event summary', audience: 'facilitator' },
      { words: 'members export', audience: 'facilitator' },
      { words: 'cases pending', audience: 'facilitator' },
      { words: 'case approve', audience: 'facilitator' },
      { words: 'case changes', audience: 'facilitator' },
      { words: 'case reject', audience: 'facilitator' },
      { words: 'organisations pending', audience: 'facilitator' },
      { words: 'organisation confirm', audience: 'facilitator' },
      { words: 'channel link', audience: 'facilitator' },
      { words: 'channel unlink', audience: 'facilitator' },
      { words: 'channel language', audience: 'facilitator', example: 'channel language both' },
      { words: 'admin grant', audience: 'facilitator', example: 'admin grant facilitator @Sam Taylor yorkshire' },
      { words: 'admin revoke', audience: 'facilitator' },
    ],
  },
  {
    id: 'admins',
    names: ['for national admins', 'national admins', 'admins', 'admin', 'national', 'gweinyddwyr', 'gweinyddwr', 'cenedlaethol'],
    title: 'help.topic.admins',
    intro: 'help.topic.admins.intro',
    audience: 'admin',
    entries: [
      { words: 'admin grant', audience: 'admin', example: 'admin grant admin @Sam Taylor' },
      { words: 'admin revoke', audience: 'admin' },
      { words: 'organisation exemplar', audience: 'admin' },
      { words: 'organisation exemplar remove', audience: 'admin' },
      { words: 'digest subscribe', audience: 'admin', example: 'digest subscribe national weekly' },
    ],
  },
];

export const mayRead = (reader: Audience, needed: Audience) => AUDIENCE_ORDER.indexOf(reader) >= AUDIENCE_ORDER.indexOf(needed);

const normalise = (text: string) =>
  plainWords(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The topic named by what was typed after `help`, if any. */
export function findTopic(typed: string): HelpTopic | undefined {
  const wanted = normalise(typed);
  return HELP_TOPICS.find((topic) => topic.id === wanted || topic.names.some((name) => normalise(name) === wanted));
}
