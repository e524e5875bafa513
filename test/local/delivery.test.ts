import type { CustomMessageTriggerEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS } from '../../local/credentials';
import { cognitoMailer, type CognitoMessage } from '../../local/delivery';
import { readMailbox, startSes, type LocalSes } from '../../local/ses';

let ses: LocalSes;
beforeAll(async () => {
  ses = await startSes({ port: 0 });
});
afterAll(async () => {
  await ses.close();
});

const invitation: CognitoMessage = {
  to: 'ada@example.com',
  triggerSource: 'CustomMessage_AdminCreateUser',
  username: 'ada@example.com',
  code: 'Tmp#Passw0rd-1',
  userAttributes: { email: 'ada@example.com', name: 'Ada' },
  poolId: 'eu-west-1_Local1',
};

function mailerWith(customMessage: (event: CustomMessageTriggerEvent) => Promise<CustomMessageTriggerEvent>) {
  return cognitoMailer({
    customMessage,
    sesEndpoint: ses.url,
    region: 'eu-west-1',
    credentials: LOCAL_CREDENTIALS,
    from: 'no-reply@auth-gateway.local',
  });
}

describe('Cognito e-mail delivery', () => {
  it('runs the CustomMessage trigger with placeholders, then fills in the code as Cognito does', async () => {
    const seen: CustomMessageTriggerEvent[] = [];
    const deliver = mailerWith(async (event) => {
      seen.push(structuredClone(event));
      event.response.emailSubject = 'Welcome';
      event.response.emailMessage = `<p>${event.request.usernameParameter} / ${event.request.codeParameter}</p>`;
      return event;
    });
    await deliver(invitation);
    expect(seen[0]).toMatchObject({
      version: '1',
      region: 'eu-west-1',
      userPoolId: 'eu-west-1_Local1',
      triggerSource: 'CustomMessage_AdminCreateUser',
      userName: 'ada@example.com',
      callerContext: { clientId: 'CLIENT_ID_NOT_APPLICABLE' },
      request: {
        userAttributes: invitation.userAttributes,
        codeParameter: '{####}',
        usernameParameter: '{username}',
      },
      response: { smsMessage: null, emailMessage: null, emailSubject: null },
    });
    const mail = (await readMailbox(ses.url)).find((m) => m.subject === 'Welcome');
    expect(mail).toMatchObject({
      from: 'no-reply@auth-gateway.local',
      destination: { to: ['ada@example.com'] },
      body: { html: '<p>ada@example.com / Tmp#Passw0rd-1</p>' },
    });
    // Cognito sends the one body the trigger wrote, as HTML; it has no plain-text part to fill.
    expect(mail?.body.text ?? '').toBe('');
  });

  it('gives the username only to invitations, as Cognito does, and names the app client', async () => {
    const seen: CustomMessageTriggerEvent[] = [];
    const deliver = mailerWith(async (event) => {
      seen.push(structuredClone(event));
      return event;
    });
    await deliver({ ...invitation, triggerSource: 'CustomMessage_ForgotPassword', code: '123456', clientId: 'client-1' });
    expect(seen[0]!.request.usernameParameter).toBeNull();
    expect(seen[0]!.callerContext.clientId).toBe('client-1');
  });

  it("sends Cognito's default text when the trigger drops a placeholder", async () => {
    const deliver = mailerWith(async (event) => {
      event.response.emailSubject = 'No code here';
      event.response.emailMessage = '<p>Welcome aboard</p>';
      return event;
    });
    await deliver({ ...invitation, to: 'grace@example.com' });
    const mail = (await readMailbox(ses.url)).find((m) => m.destination.to.includes('grace@example.com'));
    expect(mail?.subject).toBe('Your temporary password');
    expect(mail?.body.html).toBe('Your username is ada@example.com and temporary password is Tmp#Passw0rd-1.');
  });

  it("falls back to Cognito's default text when the trigger writes none", async () => {
    const deliver = mailerWith(async (event) => event);
    await deliver({ ...invitation, to: 'reset@example.com', triggerSource: 'CustomMessage_ForgotPassword', code: '654321' });
    const mail = (await readMailbox(ses.url)).find((m) => m.destination.to.includes('reset@example.com'));
    expect(mail).toMatchObject({ subject: 'Your verification code', body: { html: 'Your verification code is 654321.' } });
  });

  it('lets a failing trigger fail the delivery', async () => {
    const deliver = mailerWith(async () => {
      throw new Error('template broken');
    });
    await expect(deliver(invitation)).rejects.toThrow('template broken');
  });
});
