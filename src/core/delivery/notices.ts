// The short, neutral lines said in a shared conversation (a channel or group chat) when the answer to
// a person's request went to them privately. They never hold any of the answer's content.
import type { Translate } from '../i18n/translator.js';
import { message, textMessage, type Message } from '../reply/reply.js';

/** "I've sent you the details in our private chat." */
export function sentPrivatelyNotice(t: Translate): Message {
  return textMessage(t('delivery.sentPrivately'), 'shared');
}

/** The private chat could not be opened (the person has not added the app): a way to open it, nothing else. */
export function privateChatUnavailableNotice(t: Translate, openChatUrl: string): Message {
  const text = t('delivery.privateChatUnavailable');
  return message(
    text,
    [
      { kind: 'text', text },
      { kind: 'buttons', buttons: [{ label: t('delivery.openPrivateChat'), action: 'link.private-chat', url: openChatUrl }] },
    ],
    'shared',
  );
}
