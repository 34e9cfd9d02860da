// English sentences about where an answer went; part of the catalogue in src/core/i18n/en.ts.

export const deliveryEn = {
  'delivery.sentPrivately': "I've sent you the details in our private chat.",
  'delivery.privateChatUnavailable':
    "This answer is for you only, so I won't post it here, and I couldn't open a private chat with you. Open a chat with me, then ask again there.",
  'delivery.openPrivateChat': 'Open a private chat with CoP Bot',
  'delivery.shared': 'Posted in this conversation.',
  'delivery.done': 'Done.',
} as const;
