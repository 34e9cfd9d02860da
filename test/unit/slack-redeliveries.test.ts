// What the Slack adapter takes for the same delivery again, and when it skips one.
import { describe, expect, it } from 'vitest';
import { blockActionPayload, eventCallbackPayload, slashCommandPayload, viewSubmissionPayload } from '../../src/dev/slack-requests.js';
import { deliveryKey, Redeliveries } from '../../src/slack/redeliveries.js';

describe('deliveryKey', () => {
  it('keys an event by event_id, a click by person and action_ts, a command by trigger_id', () => {
    const event = eventCallbackPayload({ type: 'app_home_opened', user: 'U1' });
    expect(deliveryKey(event)).toBe(`event:${String(event['event_id'])}`);
    const click = blockActionPayload('event.rsvp#0', 'x', 'https://hooks.slack.test/1');
    expect(deliveryKey(click)).toMatch(/^action:U0LOCAL:1700000000\.\d{6}$/);
    expect(deliveryKey(blockActionPayload('event.rsvp#0', 'x', 'https://hooks.slack.test/1'))).not.toBe(deliveryKey(click));
    expect(deliveryKey(slashCommandPayload('help', 'https://hooks.slack.test/2'))).toMatch(/^command:1\.2\./);
  });

  it('has no key for what is answered in its acknowledgement', () => {
    expect(deliveryKey(viewSubmissionPayload('member.profile', {}))).toBeUndefined();
    expect(deliveryKey({ type: 'block_suggestion', value: 'leeds' })).toBeUndefined();
  });
});

describe('Redeliveries', () => {
  it('skips a redelivery of what was handled, and handles a redelivery whose first delivery never came', () => {
    const redeliveries = new Redeliveries();
    expect(redeliveries.alreadyHandled('event:Ev1', undefined)).toBe(false);
    expect(redeliveries.alreadyHandled('event:Ev1', 1)).toBe(true);
    expect(redeliveries.alreadyHandled('event:Ev1', 2)).toBe(true);
    expect(redeliveries.alreadyHandled('event:Ev2', 1)).toBe(false);
    expect(redeliveries.alreadyHandled('event:Ev2', 2)).toBe(true);
  });

  it('does not take a first delivery for a repeat, even with a key seen before', () => {
    const redeliveries = new Redeliveries();
    expect(redeliveries.alreadyHandled('command:1.2.3', 0)).toBe(false);
    expect(redeliveries.alreadyHandled('command:1.2.3', 0)).toBe(false);
  });

  it('forgets the oldest once it remembers 10,000', () => {
    const redeliveries = new Redeliveries();
    for (let i = 0; i <= 10_000; i++) redeliveries.alreadyHandled(`event:Ev${i}`, 0);
    expect(redeliveries.alreadyHandled('event:Ev0', 1)).toBe(false);
    expect(redeliveries.alreadyHandled('event:Ev10000', 1)).toBe(true);
  });
});
