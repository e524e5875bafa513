import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { devWith, refusalOf, synthesize, synthesizeEnvironment } from './synth';

const rotating = (gracePeriodSeconds: number) => devWith((raw) => (raw.tokens.refreshTokenRotation = { gracePeriodSeconds }));

describe('refresh-token rotation', () => {
  it.each(['dev', 'prod'])('is off in %s: no rotation on the client, which keeps REFRESH_TOKEN_AUTH', (name) => {
    const s = synthesizeEnvironment(name);
    expect(s.config.tokens.refreshTokenRotation).toBeNull();
    s.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']),
      RefreshTokenRotation: Match.absent(),
    });
  });

  it('turned on, rotates with the grace period and drops REFRESH_TOKEN_AUTH from the client’s flows', () => {
    const config = rotating(25);
    expect(config.cognito.featurePlan).toBe('essentials');
    const { template } = synthesize(config);
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      // USER_AUTH: dev turns passkeys on.
      ExplicitAuthFlows: Match.arrayEquals(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_AUTH']),
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 25 },
    });
    template.hasResourceProperties('AWS::Cognito::UserPool', { UserPoolTier: 'ESSENTIALS' });
  });

  it('takes a grace period of 0, which ends the old token at once', () => {
    synthesize(rotating(0)).template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 },
    });
  });

  it('defaults the grace period to 10 seconds', () => {
    expect(devWith((raw) => (raw.tokens.refreshTokenRotation = {})).tokens.refreshTokenRotation).toEqual({ gracePeriodSeconds: 10 });
  });

  it('refuses a grace period outside Cognito’s 0–60 seconds', () => {
    expect(refusalOf((raw) => (raw.tokens.refreshTokenRotation = { gracePeriodSeconds: 61 }))).toContain(
      "tokens.refreshTokenRotation.gracePeriodSeconds: gracePeriodSeconds is at most 60 (Cognito's limit)",
    );
    expect(refusalOf((raw) => (raw.tokens.refreshTokenRotation = { gracePeriodSeconds: -1 }))).toContain(
      'tokens.refreshTokenRotation.gracePeriodSeconds: gracePeriodSeconds is at least 0',
    );
    expect(refusalOf((raw) => (raw.tokens.refreshTokenRotation = { gracePeriodSeconds: 5, retries: 2 }))).toContain('tokens.refreshTokenRotation');
  });

  it('is refused on the Lite plan, naming the feature and the plan it needs', () => {
    const message = refusalOf((raw) => {
      raw.tokens.refreshTokenRotation = { gracePeriodSeconds: 10 };
      raw.cognito = { featurePlan: 'lite' };
    });
    expect(message).toContain(
      'cognito.featurePlan: lite does not include refresh-token rotation (tokens.refreshTokenRotation), which needs the essentials plan',
    );
  });

  it('is accepted on Plus', () => {
    const config = devWith((raw) => {
      raw.tokens.refreshTokenRotation = { gracePeriodSeconds: 10 };
      raw.cognito = { featurePlan: 'plus' };
    });
    expect(config.cognito.featurePlan).toBe('plus');
  });
});
