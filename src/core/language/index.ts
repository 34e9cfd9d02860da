// Language choice (Cymraeg, English or both): a member's own, and a channel's for the bot's posts there.
import type { Feature } from '../feature.js';
import { channelLanguageCommand, languageCommand } from './language-commands.js';

export const languageFeature: Feature = { name: 'language', commands: [languageCommand, channelLanguageCommand] };
