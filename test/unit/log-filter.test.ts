// The filter the Slack and Teams library loggers pass their lines through (src/logger.ts): a line's
// lead-in is kept, whatever data it dumps is not.
import { describe, expect, it } from 'vitest';
import { withoutPayload } from '../../src/logger.js';

describe('withoutPayload', () => {
  it('keeps a plain sentence as it is', () => {
    expect(withoutPayload('An API error occurred: channel_not_found')).toBe('An API error occurred: channel_not_found');
  });

  it('drops a JSON body, an array or a quoted string after the lead-in', () => {
    expect(withoutPayload('http request body: {"text":"Welcome, Sam Smith"}')).toBe('http request body: [payload omitted]');
    expect(withoutPayload('members [{"name":"Sam"}]')).toBe('members [payload omitted]');
    expect(withoutPayload('activity text "I am Sam" received')).toBe('activity text [payload omitted]');
  });

  it('cuts a long line', () => {
    expect(withoutPayload('a'.repeat(400), 300)).toBe(`${'a'.repeat(300)} [payload omitted]`);
  });
});
