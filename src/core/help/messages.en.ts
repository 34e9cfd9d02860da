// Help by topic (help-topics.ts): the topics' titles and introductions, and help's own sentences.
export const helpEn = {
  'help.forExample': 'For example:',
  'help.orCommand': 'or about one command:',
  'help.moreTopics': 'Other topics below, or everything with',
  'help.askFreely':
    'You can also ask in your own words, such as "when is the next masterclass" or "menopause support": I will find the command or search the case studies.',
  'help.topicNotForYou': 'None of these are open to you yet. Join first, or ask a facilitator of your region.',
  'help.topic.start': 'Getting started',
  'help.topic.start.intro': 'Join your region’s community, see and change what it holds about you, or leave.',
  'help.topic.events': 'Events',
  'help.topic.events.intro': 'Masterclasses, community meetings and webinars: see what is coming up and say whether you are going.',
  'help.topic.cases': 'Case studies',
  'help.topic.cases.intro': 'Search what other trusts have done, in your own words, and share your own.',
  'help.topic.digests': 'Digests',
  'help.topic.digests.intro': 'Retention figures for a region or an organisation: leaver rate, stability, trends and comparisons.',
  'help.topic.facilitators': 'For facilitators',
  'help.topic.facilitators.intro': 'Running your region: events, reviewing case studies, confirming organisations, channels and roles.',
  'help.topic.admins': 'For national admins',
  'help.topic.admins.intro': 'National roles, People Promise exemplars and national digests.',
} as const;
