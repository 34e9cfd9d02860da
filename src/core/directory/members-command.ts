// `members [region] [role or staff group]`: the regional member directory, a page at a time. Members
// see those who chose to be listed; facilitators of the region and national admins see every member.
import { z } from 'zod';
import { RUN_COMMAND_ACTION } from '../actions.js';
import { defineCommand } from '../commands/command.js';
import { MEMBER_ROLES, type Choice } from '../members/member.js';
import { findRegion, nearestRegion, unknownRegionReply } from '../regions/region-names.js';
import type { RequestContext } from '../context.js';
import { message, type Block, type Message, textMessage } from '../reply/reply.js';
import type { CoreServices } from '../services.js';
import { mayChangeFacilitators, permissionsOf } from '../roles/permissions.js';
import { activeMember } from '../members/active-member.js';

/** The services this module's handlers use. */
export type MembersCommandServices = Pick<CoreServices, 'configuredAdmins' | 'directory' | 'members' | 'reference' | 'roles'>;

export const DIRECTORY_PAGE_SIZE = 20;

const PAGE = /^page:(\d{1,5})$/i;

const directoryArguments = z.array(z.string()).transform((words) => {
  const page = words.map((word) => PAGE.exec(word)?.[1]).find((n) => n !== undefined);
  return { words: words.filter((word) => !PAGE.test(word)), page: page === undefined ? 0 : Math.max(0, Number(page) - 1) };
});

const normalise = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
const matches = (typed: string, choice: Choice) =>
  normalise(choice.value) === normalise(typed) || normalise(choice.label) === normalise(typed);

/** What a directory request names: a region (the asker's own by default) and at most one role or staff group. */
export interface DirectoryRequest {
  readonly region: Choice;
  /** The words after the region, kept for the next page's button. */
  readonly rest: readonly string[];
  readonly role: Choice | undefined;
  readonly staffGroup: Choice | undefined;
  readonly roles: readonly Choice[];
  /** The asker facilitates the region (or is a national admin): they see every member. */
  readonly facilitates: boolean;
}

/** Reads `[region] [role or staff group]`; a reply instead when the asker is not a member or the words are unknown. */
export async function readDirectoryRequest(
  words: readonly string[],
  context: RequestContext,
  services: MembersCommandServices,
  command = 'members',
): Promise<DirectoryRequest | Message> {
  const { t, actor } = context;
  const member = await activeMember(context, services);
  if (!member) return textMessage(t('directory.joinFirst'));

  // The region is named by the leading words (longest match first); what follows is the filter.
  const regions = await services.reference.regions();
  let region: Choice | undefined;
  let rest = words;
  for (let count = words.length; count > 0 && !region; count--) {
    region = findRegion(words.slice(0, count).join(' '), regions);
    if (region) rest = words.slice(count);
  }
  region ??= regions.find((candidate) => candidate.value === member.region?.code);
  if (!region) return textMessage(t('directory.whichRegion'));

  const filter = rest.join(' ');
  const roles = MEMBER_ROLES.map((role) => ({ value: role, label: t(`member.role.${role}`) }));
  const role = filter === '' ? undefined : roles.find((choice) => matches(filter, choice));
  const staffGroup = filter === '' || role ? undefined : (await services.reference.staffGroups()).find((choice) => matches(filter, choice));
  if (filter !== '' && !role && !staffGroup) {
    // Unknown words that are a near miss of a region ("members yorkshre midwives"): offer the region.
    for (let count = rest.length; count > 0; count--) {
      const typed = rest.slice(0, count).join(' ');
      if (!nearestRegion(typed, regions)) continue;
      const after = rest.slice(count).join(' ');
      return unknownRegionReply(typed, regions, t, (name) => [command, name, after].filter((part) => part !== '').join(' '));
    }
    return textMessage(t('directory.unknownFilter', { typed: filter }));
  }

  const permissions = await permissionsOf(actor, services.roles, services.configuredAdmins);
  return { region, rest, role, staffGroup, roles, facilitates: mayChangeFacilitators(permissions, region.value) };
}

export const membersCommand = defineCommand({
  words: 'members',
  cy: ['aelodau'],
  args: directoryArguments,
  usage: 'members [region] [role or staff group]',
  summary: 'directory.commandSummary',
  needs: 'directory.needs',
  examples: ['members', 'members london', 'members north west retention lead', 'members wales midwives'],
  async run({ words, page }, context, services) {
    const { t } = context;
    const request = await readDirectoryRequest(words, context, services);
    if ('kind' in request) return request;
    const { region, rest, role, staffGroup, roles } = request;
    const optedInOnly = !request.facilitates;
    const result = await services.directory.list({
      regionCode: region.value,
      optedInOnly,
      role: role?.value,
      staffGroup: staffGroup?.value,
      page,
      pageSize: DIRECTORY_PAGE_SIZE,
    });

    const from = page * DIRECTORY_PAGE_SIZE + 1;
    const to = page * DIRECTORY_PAGE_SIZE + result.entries.length;
    const more = to < result.total;
    const blocks: Block[] = [
      { kind: 'heading', text: t('directory.heading', { region: region.label }) },
      { kind: 'note', text: optedInOnly ? t('directory.optedInOnly') : t('directory.allMembers') },
      ...(result.entries.length === 0
        ? [{ kind: 'text' as const, text: t('directory.empty') }]
        : [
            {
              kind: 'list' as const,
              items: result.entries.map((entry) => ({
                title: [{ kind: 'strong' as const, text: entry.displayName }],
                detail: [
                  entry.organisation && entry.organisationCode ? `${entry.organisation} (${entry.organisationCode})` : entry.organisation,
                  entry.role ? roles.find((r) => r.value === entry.role)?.label : undefined,
                ]
                  .filter(Boolean)
                  .join(', '),
              })),
            },
            { kind: 'note' as const, text: t('directory.range', { from, to, total: result.total }) },
          ]),
      ...(more || request.facilitates
        ? [
            {
              kind: 'buttons' as const,
              buttons: [
                ...(more
                  ? [
                      {
                        label: t('directory.more'),
                        action: RUN_COMMAND_ACTION,
                        value: ['members', region.value, ...rest, `page:${page + 2}`].join(' '),
                      },
                    ]
                  : []),
                // Facilitators can take the whole list away as a spreadsheet.
                ...(request.facilitates
                  ? [
                      {
                        label: t('directory.export'),
                        action: RUN_COMMAND_ACTION,
                        value: ['members export', region.value, ...rest].join(' '),
                      },
                    ]
                  : []),
              ],
            },
          ]
        : []),
    ];
    return message(t('directory.summary', { region: region.label, total: result.total }), blocks);
  },
});
