// Organisations: confirming ones members named that are not on the NHS lists, and marking exemplars.
import type { Feature } from '../feature.js';
import { organisationExemplarCommand, organisationExemplarRemoveCommand } from './exemplar-commands.js';
import { confirmOrganisationAction, organisationConfirmCommand, organisationsPendingCommand } from './organisation-commands.js';

export const organisationsFeature: Feature = {
  name: 'organisations',
  commands: [organisationsPendingCommand, organisationConfirmCommand, organisationExemplarCommand, organisationExemplarRemoveCommand],
  actions: [confirmOrganisationAction],
};
