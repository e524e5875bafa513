import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { cheapestPlanFor } from '../../infra/config';
import { devWith, synthesize, synthesizeEnvironment } from './synth';

const acknowledgedRules = (metadata: Array<{ type: string; data: unknown }>) =>
  metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY).flatMap((m) => Object.keys(m.data as object));

describe('the feature plan', () => {
  it.each(['prod'])('is Lite in %s: nothing configured needs more, and the missing threat protection is acknowledged as such', (env) => {
    const s = synthesizeEnvironment(env);
    expect(s.config.cognito.featurePlan).toBe('lite');
    s.template.hasResourceProperties('AWS::Cognito::UserPool', { UserPoolTier: 'LITE' });
    const [pool] = Object.values(s.template.findResources('AWS::Cognito::UserPool'));
    expect(pool!.Properties.UserPoolAddOns).toBeUndefined();
    expect(acknowledgedRules(s.stack.users.userPool.node.metadata)).toEqual(expect.arrayContaining([expect.stringMatching(/COG8$/)]));
  });

  it('defaults to the cheapest plan that has every feature turned on', () => {
    expect(cheapestPlanFor({ cognito: { threatProtection: 'off' } })).toBe('lite');
    expect(cheapestPlanFor({ cognito: { threatProtection: 'audit' } })).toBe('plus');
    expect(devWith((raw) => (raw.cognito = { threatProtection: 'enforced' })).cognito.featurePlan).toBe('plus');
    expect(devWith((raw) => ((raw.passkeys = null), delete raw.cognito)).cognito).toEqual({ featurePlan: 'lite', threatProtection: 'off' });
    // dev turns passkeys on, which need Essentials.
    expect(devWith((raw) => delete raw.cognito).cognito).toEqual({ featurePlan: 'essentials', threatProtection: 'off' });
  });

  it('can be chosen higher than needed', () => {
    expect(devWith((raw) => (raw.cognito = { featurePlan: 'essentials' })).cognito.featurePlan).toBe('essentials');
  });

  it('refuses a plan without a feature the settings turn on, naming the feature and the plan it needs', () => {
    expect(() => devWith((raw) => (raw.cognito = { featurePlan: 'essentials', threatProtection: 'audit' }))).toThrow(
      'cognito.featurePlan: essentials does not include threat protection (cognito.threatProtection), which needs the plus plan',
    );
  });

  it('turns threat protection on with Plus, where cdk-nag has nothing to acknowledge', () => {
    const s = synthesize(devWith((raw) => (raw.cognito = { threatProtection: 'enforced' })));
    s.template.hasResourceProperties('AWS::Cognito::UserPool', { UserPoolTier: 'PLUS', UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' } });
    expect(acknowledgedRules(s.stack.users.userPool.node.metadata).filter((id) => id.endsWith('COG8'))).toEqual([]);
    expect(new AwsSolutionsChecks().validateScope(s.app).violations).toEqual([]);
  });
});
