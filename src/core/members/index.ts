// Members: joining a region with a profile, seeing and changing it, what the bot holds, leaving and erasure.
import type { Feature } from '../feature.js';
import {
  eraseAction,
  eraseCommand,
  joinCommand,
  leaveAction,
  leaveCommand,
  myDataCommand,
  profileCommand,
  profileEditCommand,
  profileFormHandler,
} from './member-commands.js';

export const membersFeature: Feature = {
  name: 'members',
  commands: [joinCommand, profileCommand, profileEditCommand, myDataCommand, leaveCommand, eraseCommand],
  actions: [eraseAction, leaveAction],
  forms: [profileFormHandler],
};
