// The question corpus: real-sounding things people type instead of a command, and typos, each with the
// answer it must get (questions/answer.ts): a read-only command run at once, a command that changes
// something offered as a button, "Did you mean" for a typo, or a case-study search.
import { describe, expect, it } from 'vitest';
import { GRAMMAR } from '../../src/core/bot-core.js';
import { planQuestion, type QuestionPlan } from '../../src/core/questions/answer.js';

type Expected = readonly [kind: QuestionPlan['kind'], words?: string];

const CORPUS: readonly (readonly [string, Expected])[] = [
  // Events, in many words.
  ['when is the next masterclass', ['run', 'events']],
  ['When is the next masterclass?', ['run', 'events']],
  ["what's on this month", ['run', 'events']],
  ['any upcoming events', ['run', 'events']],
  ['next community meeting', ['run', 'events']],
  ['are there any webinars coming up', ['run', 'events']],
  ['masterclasses', ['run', 'events']],
  ['when', ['run', 'events']],
  ['Pryd mae’r dosbarth meistr nesaf?', ['run', 'events']],
  ['digwyddiadau', ['run', 'events']],
  ['which events am I going to', ['run', 'events']],
  ['my events please', ['run', 'my events']],
  ['what meetings am i going to', ['run', 'events']],
  // A numbered event or case study.
  ['rsvp 12', ['run', 'event 12']],
  ['RSVP #12', ['run', 'event 12']],
  ['book me on event 7', ['run', 'event 7']],
  ['tell me about meeting 3', ['run', 'event 3']],
  ['show masterclass #4', ['run', 'event 4']],
  ['open case study 5', ['run', 'case 5']],
  ['case study number 9', ['run', 'case 9']],
  // Changes: offered, not done.
  ['cancel event 2', ['offer', 'event cancel 2']],
  ['please cancel the meeting 14', ['offer', 'event cancel 14']],
  ['register', ['offer', 'join']],
  ['sign me up', ['offer', 'join']],
  ['Sign me up!', ['offer', 'join']],
  ['how do I join', ['offer', 'join']],
  ['I want to join the community', ['offer', 'join']],
  ['registration', ['offer', 'join']],
  ['submit a case study', ['offer', 'case submit']],
  ['I would like to share our case study', ['offer', 'case submit']],
  ['update my profile', ['offer', 'profile edit']],
  ['change my organisation', ['offer', 'profile edit']],
  // Other read-only questions.
  ['what do you hold about me', ['run', 'my data']],
  ['show my profile', ['run', 'profile']],
  ['which regions are there', ['run', 'regions']],
  ['community channels', ['run', 'regions']],
  ['hello', ['run', 'help']],
  ['Hi there', ['run', 'help']],
  ['Good morning', ['run', 'help']],
  ['what can you do?', ['run', 'help']],
  ['shwmae', ['run', 'help']],
  ['cymorth', ['run', 'help']],
  ['what is our leaver rate', ['run', 'digest preview']],
  ['retention figures', ['run', 'digest preview']],
  // Typos of a command: "Did you mean", the command as a button.
  ['evnets', ['typo', 'events']],
  ['regins', ['typo', 'regions']],
  ['hepl', ['typo', 'help']],
  ['profle', ['typo', 'profile']],
  ['cses menopause', ['typo', 'cases menopause']],
  ['memebrs', ['typo', 'members']],
  ['jion', ['typo', 'join']],
  ['digets preview', ['typo', 'digest preview']],
  // Anything else: a case-study search.
  ['menopause support', ['search']],
  ['how do other trusts keep nurses near retirement', ['search']],
  ['flexible retirement for midwives', ['search']],
  ['legacy mentoring', ['search']],
  ['preceptorship for newly qualified nurses', ['search']],
  ['stay conversations', ['search']],
  ['what works for international recruits', ['search']],
  ['pensions advice', ['search']],
  ['xyzzy', ['search']],
  ["'; DROP TABLE members; --", ['search']],
  ['🙂🙂🙂', ['search']],
  ['?!?!...', ['search']],
  ['Sut mae cadw nyrsys?', ['search']],
];

describe('the question corpus', () => {
  it('holds at least 50 questions and typos', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(50);
  });

  it.each(CORPUS)('%s', (text, [kind, words]) => {
    const plan = planQuestion(text, GRAMMAR);
    expect(plan.kind).toBe(kind);
    if (words !== undefined) expect('words' in plan ? plan.words : undefined).toBe(words);
  });

  it('plans a 5,000-character question quickly, as a search', () => {
    const long = 'menopause support '.repeat(300).slice(0, 5000);
    const started = performance.now();
    expect(planQuestion(long, GRAMMAR).kind).toBe('search');
    expect(performance.now() - started).toBeLessThan(500);
  });
});
