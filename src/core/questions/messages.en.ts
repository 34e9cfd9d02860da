// What the bot says when someone types a question rather than a command (see questions/answer.ts).
export const questionsEn = {
  'questions.readAs': 'I read that as',
  'questions.typeNextTime': 'next time you can type it straight away.',
  'questions.offer': 'This changes something, so I have not done it yet. Press the button if it is what you want:',
  'questions.didYouMean': 'Did you mean',
  'questions.orSearch': 'Or search the case studies for your words:',
  'questions.searchButton': 'Search case studies',
  'questions.searched': 'That is not a command, so I searched the case studies for it.',
  'questions.nothingToSearch': 'I could not find a command or words to search for in that. Here are the case-study themes.',
  'questions.forMembers':
    'That is not a command I know. Members can ask me about case studies in their own words; to become one, press Join.',
  'questions.help': 'For everything I can do, type',
  'questions.openForm': 'Press the button to open the form.',
  'questions.button.openForm': 'Open the form',
  'questions.button.help': 'Help',
  'questions.button.events': 'Events',
  'questions.button.join': 'Join',
} as const;
