import { App } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { EnvironmentError } from '../../infra/config';
import { buildGateway } from '../../infra/gateway';
import { devWith, logicalId, statementsOfRole, synthesize, TEST_APP, type Synthesized } from './synth';

const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/0f2e8a4c-1111-2222-3333-444455556666';

describe('a gateway without the QR archive, with a custom domain and a reply-to address', () => {
  let s: Synthesized;
  beforeAll(() => {
    s = synthesize(
      devWith((raw) => {
        raw.mfa.qrArchive = false;
        raw.customDomain = { domainName: 'auth.example.com', certificateArn, hostedZoneId: 'Z0123456789ABC', hostedZoneName: 'example.com' };
        raw.email = {
          fromAddress: 'no-reply@mail.example.com',
          replyToAddress: 'support@example.com',
          sesIdentityArn: 'arn:aws:ses:eu-west-1:210987654321:identity/example.com',
        };
      }),
    );
  });

  it('creates no bucket, no key and no audit trail, and says so nowhere', () => {
    s.template.resourceCountIs('AWS::S3::Bucket', 0);
    s.template.resourceCountIs('AWS::KMS::Key', 0);
    s.template.resourceCountIs('AWS::CloudTrail::Trail', 0);
    expect(Object.keys(s.template.findOutputs('*'))).not.toContain('MfaBucketName');
    for (const fn of Object.values(s.template.findResources('AWS::Lambda::Function'))) {
      expect(fn.Properties.Environment.Variables.MFA_BUCKET).toBeUndefined();
    }
  });

  it('grants no S3 or KMS action, but still every Cognito and SES action of the table', () => {
    const actionsOf = (name: string) =>
      statementsOfRole(s.template, logicalId(s.stack.functions.get(name)!.role)).flatMap((st) => [st.Action].flat());
    for (const name of s.stack.functions.keys()) {
      expect(actionsOf(name).filter((a) => a.startsWith('s3:') || a.startsWith('kms:'))).toEqual([]);
    }
    expect(actionsOf('resendMfaQrCode')).toEqual(expect.arrayContaining(['cognito-idp:AdminGetUser', 'ses:SendEmail']));
  });

  it('sends as the configured address through the identity as configured, even in another account', () => {
    s.template.hasResourceProperties('AWS::Cognito::UserPool', {
      EmailConfiguration: {
        EmailSendingAccount: 'DEVELOPER',
        From: 'no-reply@mail.example.com',
        ReplyToEmailAddress: 'support@example.com',
        SourceArn: 'arn:aws:ses:eu-west-1:210987654321:identity/example.com',
      },
    });
    const resendMfaQrCode = s.template.findResources('AWS::Lambda::Function')[logicalId(s.stack.functions.get('resendMfaQrCode')!.function)]!;
    expect(resendMfaQrCode.Properties.Environment.Variables).toMatchObject({
      SES_FROM_ADDRESS: 'no-reply@mail.example.com',
      SES_REPLY_TO_ADDRESS: 'support@example.com',
      SES_IDENTITY_ARN: 'arn:aws:ses:eu-west-1:210987654321:identity/example.com',
    });
  });

  it('serves the API on the custom domain, with a CNAME in the hosted zone', () => {
    s.template.hasResourceProperties('AWS::AppSync::DomainName', { DomainName: 'auth.example.com', CertificateArn: certificateArn });
    s.template.hasResourceProperties('AWS::AppSync::DomainNameApiAssociation', { DomainName: 'auth.example.com' });
    s.template.hasResourceProperties('AWS::Route53::RecordSet', {
      Type: 'CNAME',
      Name: 'auth.example.com.',
      HostedZoneId: 'Z0123456789ABC',
      ResourceRecords: [{ 'Fn::GetAtt': [Match.anyValue(), 'AppSyncDomainName'] }],
    });
    s.template.hasOutput('CustomGraphqlUrl', { Value: 'https://auth.example.com/graphql' });
  });
});

describe('settings the schema accepts but AWS would refuse', () => {
  const build = (changes: (raw: Record<string, any>) => void) => () =>
    buildGateway(new App(TEST_APP), devWith(changes));

  it('refuses a sender the SES identity does not cover', () => {
    const sender = build((raw) => {
      raw.email = { fromAddress: 'no-reply@other.org', sesIdentityArn: 'arn:aws:ses:eu-west-1:123456789012:identity/example.com' };
    });
    expect(sender).toThrow(EnvironmentError);
    expect(sender).toThrow('email.fromAddress (no-reply@other.org) is not covered by the SES identity "example.com"');
  });

  it('refuses a custom domain outside its hosted zone', () => {
    const domain = build((raw) => {
      raw.customDomain = { domainName: 'auth.example.org', certificateArn, hostedZoneId: 'Z0123456789ABC', hostedZoneName: 'example.com' };
    });
    expect(domain).toThrow(EnvironmentError);
    expect(domain).toThrow('customDomain.domainName (auth.example.org) is not inside customDomain.hostedZoneName (example.com).');
  });
});
