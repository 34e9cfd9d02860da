// `organisations pending [region]` and `organisation confirm <exact name>`, and the Confirm button:
// organisations added by members stay unverified until a facilitator of their region (or a national
// admin) confirms them. Permission is checked again on every click, since buttons can be replayed.
import { organisationName } from './organisation-name.js';
import { z } from 'zod';
import { defineCommand } from '../commands/command.js';
import type { RequestContext } from '../context.js';
import type { ActionHandler } from '../forms/form-handler.js';
import { findRegion, unknownRegionReply } from '../regions/region-names.js';
import { message, type Block, type Message, textMessage } from '../reply/reply.js';
import { permissionsOf, type Permissions } from '../roles/permissions.js';
import type { CoreServices } from '../services.js';
import type { OrganisationSummary } from './organisation-store.js';
import { matchOrganisation } from './organisation-match.js';

/** The services this module's handlers use. */
export type OrganisationCommandsServices = Pick<CoreServices, 'configuredAdmins' | 'members' | 'organisations' | 'reference' | 'roles'>;

export const CONFIRM_ORGANISATION_ACTION = 'organisation.confirm';
export const PENDING_LIST_LIMIT = 25;

/** National admins confirm any organisation; facilitators those of the regions they facilitate. */
export function mayConfirmOrganisation(permissions: Permissions, regionCode: string | null): boolean {
  return permissions.nationalAdmin || (regionCode !== null && permissions.facilitates.includes(regionCode));
}

async function confirm(
  organisation: OrganisationSummary | undefined,
  context: RequestContext,
  services: OrganisationCommandsServices,
): Promise<Message> {
  const { t, actor } = context;
  const permissions = await permissionsOf(actor, services.roles, services.configuredAdmins);
  if (!permissions.nationalAdmin && permissions.facilitates.length === 0) return textMessage(t('organisations.refused'));
  if (!organisation) return textMessage(t('organisations.gone'));
  if (!mayConfirmOrganisation(permissions, organisation.regionCode)) return textMessage(t('organisations.refusedOne'));
  if (organisation.verified) return textMessage(t('organisations.alreadyConfirmed', { name: organisationName(organisation, t.language) }));
  const by = await services.members.findByIdentity(actor);
  const changed = await services.organisations.confirm(organisation.id, by?.status === 'active' ? by.id : undefined);
  return textMessage(
    changed
      ? t('organisations.confirmed', { name: organisationName(organisation, t.language) })
      : t('organisations.alreadyConfirmed', { name: organisationName(organisation, t.language) }),
  );
}

export const organisationsPendingCommand = defineCommand({
  words: 'organisations pending',
  cy: ['sefydliadau yn aros'],
  args: z.array(z.string()).transform((words) => words.join(' ')),
  usage: 'organisations pending [region]',
  summary: 'organisations.pendingSummary',
  needs: 'organisations.needs',
  examples: ['organisations pending', 'organisations pending london'],
  async run(typedRegion, context, services: OrganisationCommandsServices) {
    const { t, actor } = context;
    const permissions = await permissionsOf(actor, services.roles, services.configuredAdmins);
    if (!permissions.nationalAdmin && permissions.facilitates.length === 0) return textMessage(t('organisations.pendingRefused'));
    const regions = await services.reference.regions();
    let regionCodes: readonly string[] | undefined = permissions.nationalAdmin ? undefined : permissions.facilitates;
    if (typedRegion !== '') {
      const region = findRegion(typedRegion, regions);
      if (!region)
        return unknownRegionReply(
          typedRegion,
          regions,
          t,
          (name) => `organisations pending ${name}`,
          t('organisations.unknownRegion', { typed: typedRegion }),
        );
      if (!mayConfirmOrganisation(permissions, region.value))
        return textMessage(t('organisations.pendingRefusedRegion', { region: region.label }));
      regionCodes = [region.value];
    }
    const pending = await services.organisations.pending(regionCodes, PENDING_LIST_LIMIT + 1);
    const shown = pending.slice(0, PENDING_LIST_LIMIT);
    if (shown.length === 0) return textMessage(t('organisations.pendingNone'));
    const regionName = (code: string | null) => regions.find((region) => region.value === code)?.label ?? t('organisations.noRegion');
    const blocks: Block[] = [{ kind: 'heading', text: t('organisations.pendingHeading') }];
    for (const organisation of shown) {
      blocks.push(
        {
          kind: 'list',
          items: [
            {
              title: [{ kind: 'strong', text: organisationName(organisation, t.language) }],
              detail: t('organisations.pendingDetail', {
                region: regionName(organisation.regionCode),
                source: organisation.source,
                added: organisation.addedAt.toISOString().slice(0, 10),
              }),
            },
          ],
        },
        {
          kind: 'buttons',
          buttons: [
            { label: t('organisations.confirmButton'), action: CONFIRM_ORGANISATION_ACTION, value: organisation.id, style: 'primary' },
          ],
        },
      );
    }
    if (pending.length > PENDING_LIST_LIMIT)
      blocks.push({ kind: 'note', text: t('organisations.pendingMore', { count: PENDING_LIST_LIMIT }) });
    return message(t('organisations.pendingCount', { count: shown.length }), blocks);
  },
});

export const organisationConfirmCommand = defineCommand({
  words: 'organisation confirm',
  cy: ['cadarnhau sefydliad'],
  args: z
    .array(z.string())
    .min(1)
    .transform((words) => words.join(' ')),
  usage: 'organisation confirm <name, part of it or ODS code>',
  summary: 'organisations.confirmSummary',
  needs: 'organisations.needs',
  examples: ['organisation confirm Riverside Community NHS Trust'],
  async run(name, context, services: OrganisationCommandsServices) {
    const { t, actor } = context;
    const permissions = await permissionsOf(actor, services.roles, services.configuredAdmins);
    if (!permissions.nationalAdmin && permissions.facilitates.length === 0) return textMessage(t('organisations.refused'));
    const organisation = await services.organisations.findByName(name);
    if (organisation) return confirm(organisation, context, services);
    // Part of the name, or its ODS code: one match is confirmed; several get "Which one?".
    const match = await matchOrganisation(
      name,
      services.reference,
      t,
      (one) => `organisation confirm ${one.label.replace(/ \([A-Z0-9]+\)$/, '')}`,
    );
    if (match.kind === 'reply') return match.reply;
    return confirm(await services.organisations.find(match.organisation.value), context, services);
  },
});

export const confirmOrganisationAction: ActionHandler = {
  id: CONFIRM_ORGANISATION_ACTION,
  async run(value, context, services: OrganisationCommandsServices) {
    // The button carries an organisation id: anything else (a tampered payload) finds nothing.
    const organisation = value ? await services.organisations.find(value) : undefined;
    return confirm(organisation, context, services);
  },
};
