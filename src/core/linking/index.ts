// Linking a person's Slack and Teams accounts, so one member is known on both platforms.
import type { Feature } from '../feature.js';
import { linkCommand } from './link-commands.js';

export const linkingFeature: Feature = { name: 'linking', commands: [linkCommand] };
