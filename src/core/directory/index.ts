// The regional directory: members who chose to be listed, and its CSV export for facilitators.
import type { Feature } from '../feature.js';
import { membersExportCommand } from './export-command.js';
import { membersCommand } from './members-command.js';

export const directoryFeature: Feature = { name: 'directory', commands: [membersCommand, membersExportCommand] };
