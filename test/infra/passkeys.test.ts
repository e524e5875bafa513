import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { devWith, refusalOf, synthesize, synthesizeEnvironment } from './synth';

const PASSKEYS = { relyingPartyId: 'app.example.com', userVerification: 'required' };
const withPasskeys = () => devWith((raw) => (raw.passkeys = { ...PASSKEYS }));

describe('passkeys', () => {
  it('are on in dev for an app served from localhost, which needs the Essentials plan', () => {
    const s = synthesizeEnvironment('dev');
    expect(s.config.passkeys).toEqual({ relyingPartyId: 'localhost', userVerification: 'required' });
    expect(s.config.cognito.featurePlan).toBe('essentials');
    s.template.hasResourceProperties('AWS::Cognito::UserPool', { WebAuthnRelyingPartyID: 'localhost', WebAuthnFactorConfiguration: 'MULTI_FACTOR_WITH_USER_VERIFICATION' });
  });

  it.each(['prod'])('are off in %s: no WebAuthn settings on the pool, no USER_AUTH on the client', (name) => {
    const s = synthesizeEnvironment(name);
    expect(s.config.passkeys).toBeNull();
    s.template.hasResourceProperties('AWS::Cognito::UserPool', {
      WebAuthnRelyingPartyID: Match.absent(),
      WebAuthnFactorConfiguration: Match.absent(),
    });
    s.template.hasResourceProperties('AWS::Cognito::UserPoolClient', { ExplicitAuthFlows: Match.not(Match.arrayWith(['ALLOW_USER_AUTH'])) });
  });

  it('turned on, set the relying party, required user verification, passkeys as MFA and as a first factor, and USER_AUTH on the client', () => {
    const config = withPasskeys();
    expect(config.cognito.featurePlan).toBe('essentials');
    const { template } = synthesize(config);
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolTier: 'ESSENTIALS',
      MfaConfiguration: 'ON',
      WebAuthnRelyingPartyID: 'app.example.com',
      WebAuthnUserVerification: 'required',
      WebAuthnFactorConfiguration: 'MULTI_FACTOR_WITH_USER_VERIFICATION',
      Policies: Match.objectLike({ SignInPolicy: { AllowedFirstAuthFactors: Match.arrayEquals(['PASSWORD', 'WEB_AUTHN']) } }),
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_AUTH']),
    });
  });

  it('are refused on the Lite plan, naming the feature and the plan it needs', () => {
    const message = refusalOf((raw) => {
      raw.passkeys = { ...PASSKEYS };
      raw.cognito = { featurePlan: 'lite' };
    });
    expect(message).toContain('cognito.featurePlan: lite does not include passkeys (passkeys), which needs the essentials plan');
  });

  it('refuse a relying party ID that is not a bare domain, and user verification other than required', () => {
    expect(refusalOf((raw) => (raw.passkeys = { ...PASSKEYS, relyingPartyId: 'https://app.example.com' }))).toContain(
      'passkeys.relyingPartyId: relyingPartyId is a domain name such as app.example.com',
    );
    expect(refusalOf((raw) => (raw.passkeys = { ...PASSKEYS, relyingPartyId: `${'a'.repeat(124)}.com` }))).toContain('at most 127 characters');
    expect(refusalOf((raw) => (raw.passkeys = { ...PASSKEYS, userVerification: 'preferred' }))).toContain(
      'passkeys.userVerification: userVerification must be "required"',
    );
  });
});
