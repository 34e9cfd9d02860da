// English sentences of linking a member's Slack and Teams accounts; part of the catalogue in src/core/i18n/en.ts.
import { plural } from '../i18n/plural.js';

export const linkingEn = {
  'link.commandSummary':
    'Link your Slack and Teams accounts to one membership: link links this account by your verified email, or gives a code to type on the other platform',
  'link.needs': 'Members get a code; on the other platform, anyone links with their verified email or a code',
  'link.created.toTeams': (p: { code: string; minutes: number }) =>
    `Your linking code is ${p.code}. In Microsoft Teams, type link ${p.code} to CoP Bot within ${plural(p.minutes, { one: 'minute', other: 'minutes' })}. It works once; keep it to yourself.`,
  'link.created.toSlack': (p: { code: string; minutes: number }) =>
    `Your linking code is ${p.code}. In Slack, type /cop link ${p.code} within ${plural(p.minutes, { one: 'minute', other: 'minutes' })}. It works once; keep it to yourself.`,
  'link.created.replaces': 'Any code you were given before no longer works.',
  'link.notMember':
    'You have not joined on this platform. If you are a member on the other platform, type link there to get a code, then type link followed by the code here.',
  'link.left': 'You have left the community. Type join to come back, then link.',
  'link.personalOnly':
    'So that nobody else sees your code, I give linking codes only in a personal chat. Open a chat with CoP Bot and type link there.',
  'link.badCode': 'That is not a linking code: a code has 8 letters and digits, such as K7QM2XPA.',
  'link.byEmail.done': (p: { name: string }) =>
    `Done: the email address your platforms have verified is the same here and on the other platform, so this account is now linked to the membership of ${p.name}. Your profile, region and roles are the same on both platforms; my data lists both accounts.`,
  'link.done': (p: { name: string }) =>
    `Done: this account is now linked to the membership of ${p.name}. Your profile, region and roles are the same on both platforms; my data lists both accounts.`,
  'link.refused.invalid':
    'That code does not work: it may be mistyped, expired (codes last 15 minutes) or used already. Nothing was changed. Type link on the platform where you are a member to get a new one.',
  'link.refused.samePlatform':
    'That code was made on this platform. Type it to the bot on the other platform, where you want to add your account. Nothing was changed.',
  'link.refused.alreadyLinked': 'This account is already linked to that membership. Nothing was changed.',
  'link.refused.alreadyMember':
    'You are already a member on this platform, with a profile of its own, and CoP Bot does not merge two profiles. To link, first type erase my data on the side whose profile you no longer want (leave is not enough: it keeps the profile), then get a new code with link on the other side. Nothing was changed.',
  'link.refused.tooManyAttempts':
    'Too many codes that did not work have been typed from this account, so I am not checking codes for it for the next 15 minutes. Nothing was changed. Then type the code exactly as it was given, or get a new one with link on the other platform.',
  'link.refused.platformTaken':
    'That membership already has an account on this platform, and a member can have one account on each platform. Nothing was changed.',
} as const;
