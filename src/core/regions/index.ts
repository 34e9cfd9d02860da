// Regions: the NHS England regions and NHS Wales, and who belongs to each.
import type { Feature } from '../feature.js';
import { regionsCommand } from './regions-command.js';

export const regionsFeature: Feature = { name: 'regions', commands: [regionsCommand] };
