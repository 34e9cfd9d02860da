// `my data`: everything CoP Bot holds about the person asking (UK GDPR article 15), shown to them only
// (a private reply: Slack ephemeral, Teams their personal chat), section by section. Long lists are cut
// short with their count; the whole of it is a JSON file (article 20, machine-readable, the shape in
// personal-data.ts) behind a short-lived download link, made from current data when the link is opened.
import { linkButton } from '../actions.js';
import type { Translate } from '../i18n/translator.js';
import { createFileLink, DOWNLOAD_LINK_MINUTES, type ServedFile } from '../links/file-links.js';
import { ukDate, ukTime } from '../events/london-time.js';
import type { RsvpStatus } from '../events/event.js';
import type { Block, ListItem } from '../reply/reply.js';
import type { CoreServices } from '../services.js';
import { PERSONAL_DATA_LISTS, type PersonalData, type PersonalDataList } from './personal-data.js';

export type MyDataServices = Pick<CoreServices, 'clock' | 'eventSettings' | 'fileLinks' | 'personalData'>;

/** How many entries of one section the chat shows; the file has them all. */
export const MY_DATA_SHOWN = 3;

export const MY_DATA_FILENAME = 'cop-bot-my-data.json';
const JSON_TYPE = 'application/json; charset=utf-8';

/** The sections shown as lists (accounts and roles are among the facts above them). */
const LISTED = PERSONAL_DATA_LISTS.filter(
  (name): name is Exclude<PersonalDataList, 'accounts' | 'roles'> => name !== 'accounts' && name !== 'roles',
);

const when = (iso: string) => {
  const date = new Date(iso);
  return `${ukDate(date)}, ${ukTime(date)}`;
};

/** One entry of a section as the chat shows it. */
function itemOf(t: Translate, data: PersonalData, section: (typeof LISTED)[number], index: number): ListItem {
  switch (section) {
    case 'eventAnswers': {
      const answer = data.eventAnswers[index]!;
      return {
        title: [{ kind: 'strong', text: `#${answer.event.number} ${answer.event.title}` }],
        detail: `${when(answer.event.startsAt)}. ${t(`events.status.${answer.status as RsvpStatus}`)}`,
      };
    }
    case 'eventsHosted':
    case 'eventsCreated': {
      const event = data[section][index]!;
      return { title: [{ kind: 'strong', text: `#${event.number} ${event.title}` }], detail: when(event.startsAt) };
    }
    case 'caseStudiesSubmitted':
    case 'caseStudiesReviewed': {
      const found = data[section][index]!;
      return { title: [{ kind: 'strong', text: t('myData.case', { number: found.number, title: found.title }) }], detail: found.status };
    }
    case 'digestSubscriptions': {
      const subscription = data.digestSubscriptions[index]!;
      return {
        title: [{ kind: 'strong', text: t('myData.digest', { number: subscription.number }) }],
        detail: `${[subscription.scopeKind, subscription.scopeCode].filter(Boolean).join(' ')}, ${subscription.schedule}`,
      };
    }
    case 'digestRequests': {
      const request = data.digestRequests[index]!;
      return { title: t('myData.digest', { number: request.subscriptionNumber }), detail: when(request.dueAt) };
    }
    case 'linkCodes': {
      const code = data.linkCodes[index]!;
      return { title: code.platform, detail: t('myData.made', { when: when(code.createdAt) }) };
    }
    case 'linkAttempts': {
      const attempt = data.linkAttempts[index]!;
      return { title: t('myData.attempt'), detail: when(attempt.at) };
    }
    case 'fileLinks': {
      const link = data.fileLinks[index]!;
      return { title: link.filename, detail: t('myData.expires', { when: when(link.expiresAt) }) };
    }
    case 'messages': {
      const sent = data.messages[index]!;
      return { title: `${sent.platform}, ${sent.status}`, detail: when(sent.createdAt) };
    }
    case 'postedMessages': {
      const posted = data.postedMessages[index]!;
      return { title: posted.platform, detail: when(posted.postedAt) };
    }
    case 'conversations': {
      const conversation = data.conversations[index]!;
      return { title: `${conversation.platform} ${conversation.kind}`, detail: when(conversation.installedAt) };
    }
    case 'auditEntries': {
      const entry = data.auditEntries[index]!;
      return { title: entry.action, detail: when(entry.at) };
    }
  }
}

/** The chat's sections after the profile: each list with its count, cut short; the empty ones named together. */
export function myDataSections(t: Translate, data: PersonalData): Block[] {
  const blocks: Block[] = [];
  const empty: string[] = [];
  for (const section of LISTED) {
    const entries = data[section];
    const label = t(`myData.section.${section}`);
    if (entries.length === 0) {
      empty.push(label);
      continue;
    }
    blocks.push(
      { kind: 'text', text: [{ kind: 'strong', text: `${label} (${entries.length})` }] },
      {
        kind: 'list',
        items: entries.slice(0, MY_DATA_SHOWN).map((_entry, index) => itemOf(t, data, section, index)),
      },
    );
    if (entries.length > MY_DATA_SHOWN) blocks.push({ kind: 'note', text: t('myData.more', { count: entries.length - MY_DATA_SHOWN }) });
  }
  if (empty.length > 0) blocks.push({ kind: 'note', text: t('myData.nothingIn', { sections: empty.join(', ') }) });
  return blocks;
}

/** The download link's blocks: the JSON file of everything, for DOWNLOAD_LINK_MINUTES. */
export async function myDataDownload(t: Translate, memberId: string, services: MyDataServices): Promise<Block[]> {
  const url = await createFileLink(
    services.fileLinks,
    services.eventSettings.publicUrl,
    { kind: 'data', memberId, filename: MY_DATA_FILENAME, mediaType: JSON_TYPE },
    services.clock.now(),
  );
  return [
    { kind: 'text', text: t('myData.file') },
    { kind: 'buttons', buttons: [linkButton('download', t('myData.button.download'), url)] },
    { kind: 'note', text: t('downloads.expires', { minutes: DOWNLOAD_LINK_MINUTES }) },
  ];
}

/** The JSON file behind a `data` link, from current data; undefined once the member is erased. */
export async function myDataFile(
  subject: { readonly memberId: string; readonly filename: string; readonly mediaType: string },
  services: MyDataServices,
): Promise<ServedFile | undefined> {
  const data = await services.personalData.personalData(subject.memberId, services.clock.now());
  if (!data) return undefined;
  return { filename: subject.filename, contentType: subject.mediaType, body: `${JSON.stringify(data, null, 2)}\n`, inline: false };
}
