import type { CustomMessageTriggerEvent } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler } from '../../functions/customMessage';
import { useTestEnv } from '../helpers';

type TriggerSource = CustomMessageTriggerEvent['triggerSource'];

/** The event Cognito sends: in AWS the code and username are placeholders it fills in afterwards. */
function triggerEvent(triggerSource: TriggerSource, request: Partial<CustomMessageTriggerEvent['request']> = {}): CustomMessageTriggerEvent {
  return {
    version: '1',
    region: 'eu-west-1',
    userPoolId: 'eu-west-1_TestPool1',
    userName: 'uuid-1',
    triggerSource,
    callerContext: { awsSdkVersion: 'aws-sdk-js-3', clientId: 'client-1' },
    request: {
      userAttributes: { sub: 'uuid-1', email: 'ada@example.com' },
      codeParameter: '{####}',
      linkParameter: '{##Click Here##}',
      usernameParameter: triggerSource === 'CustomMessage_AdminCreateUser' ? '{username}' : null,
      ...request,
    },
    response: { smsMessage: 'sms text from Cognito', emailMessage: null, emailSubject: null },
  } as CustomMessageTriggerEvent;
}

const written: string[] = [];

beforeEach(() => {
  useTestEnv();
  written.length = 0;
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  }
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('customMessage', () => {
  it('brands the invitation with both placeholders Cognito requires', async () => {
    const event = triggerEvent('CustomMessage_AdminCreateUser');
    const result = await handler(event);
    expect(result).toBe(event);
    expect(result.response.emailSubject).toBe('Your Test Gateway account');
    expect(result.response.emailMessage).toMatch(/^<!doctype html>/);
    expect(result.response.emailMessage).toContain('{username}');
    expect(result.response.emailMessage).toContain('{####}');
    expect(result.response.emailMessage).toContain('Test Gateway');
    expect(result.response.smsMessage).toBe('sms text from Cognito');
  });

  it.each([
    ['CustomMessage_ForgotPassword', 'Reset your Test Gateway password'],
    ['CustomMessage_ResendCode', 'Your Test Gateway verification code'],
    ['CustomMessage_VerifyUserAttribute', 'Your Test Gateway verification code'],
    ['CustomMessage_UpdateUserAttribute', 'Your Test Gateway verification code'],
  ] as const)('brands %s with the code placeholder', async (source, subject) => {
    const result = await handler(triggerEvent(source));
    expect(result.response.emailSubject).toBe(subject);
    expect(result.response.emailMessage).toContain('{####}');
    expect(result.response.emailMessage).not.toContain('{username}');
    expect(result.response.smsMessage).toBe('sms text from Cognito');
  });

  it.each(['CustomMessage_SignUp', 'CustomMessage_Authentication'] as const)('leaves %s to Cognito', async (source) => {
    const event = triggerEvent(source);
    const untouched = structuredClone(event);
    expect(await handler(event)).toEqual(untouched);
  });

  it('keeps Cognito\'s own invitation when the username placeholder is missing', async () => {
    const event = triggerEvent('CustomMessage_AdminCreateUser', { usernameParameter: null });
    const untouched = structuredClone(event);
    expect(await handler(event)).toEqual(untouched);
  });

  it('escapes the values it puts into the HTML', async () => {
    process.env.MFA_ISSUER = 'A&B <Co>';
    const result = await handler(
      triggerEvent('CustomMessage_AdminCreateUser', { usernameParameter: '<b>ada</b>@example.com', codeParameter: `Tmp<1>&"'` }),
    );
    const html = result.response.emailMessage!;
    expect(html).toContain('A&amp;B &lt;Co&gt;');
    expect(html).toContain('&lt;b&gt;ada&lt;/b&gt;@example.com');
    expect(html).toContain('Tmp&lt;1&gt;&amp;&quot;&#39;');
    expect(html).not.toContain('<Co>');
    expect(html).not.toContain('<b>');
    // The subject is plain text, not HTML.
    expect(result.response.emailSubject).toBe('Your A&B <Co> account');
  });

  it('names the product Auth Gateway when none is configured', async () => {
    delete process.env.MFA_ISSUER;
    const result = await handler(triggerEvent('CustomMessage_ForgotPassword'));
    expect(result.response.emailSubject).toBe('Reset your Auth Gateway password');
  });

  it('writes nothing to the logs, whatever the source', async () => {
    const sources: TriggerSource[] = [
      'CustomMessage_AdminCreateUser',
      'CustomMessage_ForgotPassword',
      'CustomMessage_ResendCode',
      'CustomMessage_VerifyUserAttribute',
      'CustomMessage_UpdateUserAttribute',
      'CustomMessage_SignUp',
    ];
    for (const source of sources) await handler(triggerEvent(source, { codeParameter: 'Secret-Code-1!' }));
    expect(written).toEqual([]);
  });
});
