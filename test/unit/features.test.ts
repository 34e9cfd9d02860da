// The feature list BotCore combines: every id a button, form, post or job is found by is declared once,
// so one feature can never answer another's click.
import { describe, expect, it } from 'vitest';
import { COMMANDS, DIGEST_SECTIONS, JOBS } from '../../src/core/bot-core.js';
import { FEATURES } from '../../src/core/features.js';
import { HELP_TOPICS } from '../../src/core/help/help-topics.js';

const duplicates = (values: readonly string[]) => values.filter((value, index) => values.indexOf(value) !== index);

describe('the features', () => {
  it('have distinct names, and declare each action, form, post kind and job once', () => {
    expect(duplicates(FEATURES.map((feature) => feature.name))).toEqual([]);
    const actions = FEATURES.flatMap((feature) => (feature.actions ?? []).map((action) => action.id));
    const forms = FEATURES.flatMap((feature) => (feature.forms ?? []).map((form) => form.id));
    const postKinds = FEATURES.flatMap((feature) => Object.keys(feature.postRenderers ?? {}));
    expect(actions.length).toBeGreaterThan(10);
    expect(duplicates(actions)).toEqual([]);
    expect(duplicates(forms)).toEqual([]);
    expect(postKinds).toEqual(['home', 'event']);
    expect(duplicates(JOBS.map((job) => job.name))).toEqual([]);
  });

  it('give every command distinct words, help first', () => {
    const words = COMMANDS.flatMap((command) => [command.words, ...(command.aliases ?? [])]);
    expect(COMMANDS[0]?.words).toBe('help');
    expect(duplicates(words)).toEqual([]);
  });

  it('list every command in a help topic, and only commands that exist', () => {
    const listed = new Set(HELP_TOPICS.flatMap((topic) => topic.entries.map((entry) => entry.words)));
    const commands = COMMANDS.map((command) => command.words);
    // `help` is what shows the topics, not one of their entries.
    expect(commands.filter((words) => words !== 'help').filter((words) => !listed.has(words))).toEqual([]);
    expect([...listed].filter((words) => !commands.includes(words))).toEqual([]);
  });

  it('put the digest sections in their declared order: what could help, coming up, new case studies', () => {
    const orders = DIGEST_SECTIONS.map((section) => section.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(duplicates(orders.map(String))).toEqual([]);
    expect(DIGEST_SECTIONS.map((section) => section.build.name)).toEqual(['whatCouldHelpSection', 'comingUpSection', 'newCasesSection']);
  });

  it('schedule the events and digests jobs on cron expressions with seconds', () => {
    expect(JOBS.map((job) => job.name).sort()).toEqual(['digests', 'events']);
    for (const job of JOBS) expect(job.schedule.split(' ')).toHaveLength(6);
  });
});
