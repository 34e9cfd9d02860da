// `organisation exemplar <ODS code or name> <cohort>` and `organisation exemplar remove <ODS code or name>`: marks an
// organisation as a People Promise exemplar of a cohort (or no longer one), so that digests compare
// exemplars with the other organisations. Facilitators of the organisation's region and national admins;
// each change is audited with ids only. The same marks can come from a file: `npm run cli -- metrics exemplars`.
import { organisationName } from './organisation-name.js';
import { z } from 'zod';
import { defineCommand } from '../commands/command.js';
import type { RequestContext } from '../context.js';
import { textMessage, type Message } from '../reply/reply.js';
import { permissionsOf } from '../roles/permissions.js';
import type { CoreServices } from '../services.js';
import { EXEMPLAR_COHORT_MAX, ODS_CODE } from './exemplar-file.js';
import { mayConfirmOrganisation } from './organisation-commands.js';
import { matchOrganisation } from './organisation-match.js';

/** The services this module's handlers use. */
export type ExemplarCommandsServices = Pick<CoreServices, 'configuredAdmins' | 'members' | 'organisations' | 'reference' | 'roles'>;

const words = z.array(z.string()).min(1);

/** The organisation named by code or name; the reply instead when it is none or one of several. */
async function named(
  typed: string,
  cohortNumber: number | null,
  context: RequestContext,
  services: ExemplarCommandsServices,
): Promise<Message> {
  // Refused before any search, so that someone who may not mark exemplars is never asked which one.
  const permissions = await permissionsOf(context.actor, services.roles, services.configuredAdmins);
  if (!permissions.nationalAdmin && permissions.facilitates.length === 0) return textMessage(context.t('organisations.exemplar.refused'));
  if (ODS_CODE.test(typed) && (await services.organisations.findByCodes([typed])).length > 0)
    return mark(typed, cohortNumber, context, services);
  const match = await matchOrganisation(
    typed,
    services.reference,
    context.t,
    (organisation) =>
      cohortNumber === null
        ? `organisation exemplar remove ${organisation.odsCode ?? ''}`
        : `organisation exemplar ${organisation.odsCode ?? ''} ${cohortNumber}`,
    (organisation) => Boolean(organisation.odsCode),
  );
  return match.kind === 'one' ? mark(match.organisation.odsCode ?? '', cohortNumber, context, services) : match.reply;
}
const cohort = z
  .string()
  .regex(/^\d{1,2}$/)
  .transform(Number)
  .pipe(z.number().int().min(1).max(EXEMPLAR_COHORT_MAX));

async function mark(
  odsCode: string,
  cohortNumber: number | null,
  context: RequestContext,
  services: ExemplarCommandsServices,
): Promise<Message> {
  const { t, actor } = context;
  const permissions = await permissionsOf(actor, services.roles, services.configuredAdmins);
  if (!permissions.nationalAdmin && permissions.facilitates.length === 0) return textMessage(t('organisations.exemplar.refused'));
  const [organisation] = await services.organisations.findByCodes([odsCode]);
  if (!organisation) return textMessage(t('organisations.exemplar.unknown', { code: odsCode.toUpperCase() }));
  if (!mayConfirmOrganisation(permissions, organisation.regionCode))
    return textMessage(t('organisations.exemplar.refusedOne', { name: organisationName(organisation, t.language) }));
  if (organisation.exemplarCohort === cohortNumber) {
    return textMessage(
      cohortNumber === null
        ? t('organisations.exemplar.alreadyNot', { name: organisationName(organisation, t.language) })
        : t('organisations.exemplar.already', { name: organisationName(organisation, t.language), cohort: cohortNumber }),
    );
  }
  const by = await services.members.findByIdentity(actor);
  await services.organisations.setExemplars(
    [{ odsCode: organisation.odsCode, cohort: cohortNumber }],
    by?.status === 'active' ? by.id : 'configured admin',
  );
  return textMessage(
    cohortNumber === null
      ? t('organisations.exemplar.removed', { name: organisationName(organisation, t.language) })
      : t('organisations.exemplar.marked', { name: organisationName(organisation, t.language), cohort: cohortNumber }),
  );
}

export const organisationExemplarCommand = defineCommand({
  words: 'organisation exemplar',
  cy: ['sefydliad enghreifftiol'],
  args: words
    .min(2)
    .transform((typed) => ({ organisation: typed.slice(0, -1).join(' '), cohort: typed.at(-1) ?? '' }))
    .pipe(z.object({ organisation: z.string(), cohort })),
  usage: 'organisation exemplar <ODS code or name> <cohort>',
  summary: 'organisations.exemplar.summary',
  needs: 'roles.needs.facilitatorOrAdmin',
  examples: ['organisation exemplar RTX 1', 'organisation exemplar leeds teaching 1', 'organisation exemplar remove RTX'],
  run: (args, context, services: ExemplarCommandsServices) => named(args.organisation, args.cohort, context, services),
});

export const organisationExemplarRemoveCommand = defineCommand({
  words: 'organisation exemplar remove',
  cy: ['dileu sefydliad enghreifftiol'],
  args: words.transform((typed) => typed.join(' ')),
  usage: 'organisation exemplar remove <ODS code or name>',
  summary: 'organisations.exemplar.removeSummary',
  needs: 'roles.needs.facilitatorOrAdmin',
  examples: ['organisation exemplar remove RTX'],
  run: (typed, context, services: ExemplarCommandsServices) => named(typed, null, context, services),
});
