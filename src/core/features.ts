// Every feature of the bot, in the order `help` lists their commands. BotCore combines them.
import { casesFeature } from './cases/index.js';
import { channelsFeature } from './channels/index.js';
import { digestFeature } from './digests/index.js';
import { directoryFeature } from './directory/index.js';
import { eventsFeature } from './events/index.js';
import { homeFeature } from './home/index.js';
import type { Feature } from './feature.js';
import { languageFeature } from './language/index.js';
import { linkingFeature } from './linking/index.js';
import { membersFeature } from './members/index.js';
import { organisationsFeature } from './organisations/index.js';
import { regionsFeature } from './regions/index.js';
import { rolesFeature } from './roles/index.js';

export const FEATURES: readonly Feature[] = [
  regionsFeature,
  membersFeature,
  homeFeature,
  linkingFeature,
  directoryFeature,
  rolesFeature,
  organisationsFeature,
  channelsFeature,
  languageFeature,
  casesFeature,
  eventsFeature,
  digestFeature,
];
