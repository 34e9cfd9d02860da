// Pure parts of the region channels feature: the welcome a new member gets, the Teams channel id
// without its thread, and the Slack error code logged when an invitation fails.
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/core/i18n/translator.js';
import { welcomeReply } from '../../src/core/members/welcome.js';
import { replyToPlainText } from '../../src/core/reply/plain-text.js';
import { slackErrorCode } from '../../src/slack/slack-errors.js';
import { channelConversationId } from '../../src/teams/teams-context.js';

const t = translator('en-GB');

describe('the welcome', () => {
  it('greets the member, lists their region channels on every platform, and the commands to start with', () => {
    const reply = welcomeReply(t, { name: 'Sam Taylor', region: 'London' }, [
      { platform: 'slack', workspaceId: 'T1', externalId: 'C0LONDON', name: 'london-cop' },
      { platform: 'teams', workspaceId: 'tenant', externalId: '19:abc@thread.tacv2', name: 'London CoP' },
    ]);
    expect(reply.summary).toBe('Welcome, Sam Taylor: you are now a member of the London community of practice.');
    expect(reply.visibility).toBe('private');
    expect(reply.blocks[1]).toEqual({
      kind: 'text',
      text: [
        'Community channels of London: ',
        { kind: 'channel', platform: 'slack', id: 'C0LONDON', name: 'london-cop' },
        ', ',
        { kind: 'channel', platform: 'teams', id: '19:abc@thread.tacv2', name: 'London CoP' },
      ],
    });
    const text = replyToPlainText(reply, { commandPrefix: '/cop ' });
    for (const command of ['/cop events', '/cop cases flexible retirement', '/cop profile', '/cop regions', '/cop help'])
      expect(text).toContain(command);
    // No upcoming events: none are listed (the line suggesting `events` aside).
    expect(
      text
        .split('\n')
        .filter((line) => !line.includes('/cop events'))
        .join('\n'),
    ).not.toMatch(/event/i);
  });

  it('says when the region has no channel yet', () => {
    const reply = welcomeReply(t, { name: 'Sam', region: 'South West' }, []);
    expect(replyToPlainText(reply, { commandPrefix: '' })).toContain('South West has no community channel yet');
  });
});

describe('Teams channel ids', () => {
  it('drops the thread Teams adds to a channel message, and keeps other ids as they are', () => {
    expect(channelConversationId('19:abc@thread.tacv2;messageid=1700000000000')).toBe('19:abc@thread.tacv2');
    expect(channelConversationId('19:abc@thread.tacv2')).toBe('19:abc@thread.tacv2');
    expect(channelConversationId('a:1personal-chat')).toBe('a:1personal-chat');
  });
});

describe('Slack error codes', () => {
  it('prefers Slack’s own error, then the Web client’s code', () => {
    expect(
      slackErrorCode(
        Object.assign(new Error('An API error occurred: already_in_channel'), {
          code: 'slack_webapi_platform_error',
          data: { ok: false, error: 'already_in_channel' },
        }),
      ),
    ).toBe('already_in_channel');
    expect(slackErrorCode(Object.assign(new Error('timeout'), { code: 'slack_webapi_request_error' }))).toBe('slack_webapi_request_error');
    expect(slackErrorCode('nonsense')).toBe('unknown');
  });
});
