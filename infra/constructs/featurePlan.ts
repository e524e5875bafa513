import { FeaturePlan, StandardThreatProtectionMode, type UserPool, type UserPoolProps } from 'aws-cdk-lib/aws-cognito';
import type { Environment } from '../config';
import { acknowledge } from './acknowledge';

const PLANS = { lite: FeaturePlan.LITE, essentials: FeaturePlan.ESSENTIALS, plus: FeaturePlan.PLUS } as const;
const THREAT_PROTECTION = { audit: StandardThreatProtectionMode.AUDIT_ONLY, enforced: StandardThreatProtectionMode.FULL_FUNCTION } as const;

/** The pool's feature plan (`cognito.featurePlan`, or the cheapest that serves the settings) and what it turns on. */
export function featurePlanProps(config: Environment): Pick<UserPoolProps, 'featurePlan' | 'standardThreatProtectionMode'> {
  const { featurePlan, threatProtection } = config.cognito;
  return {
    featurePlan: PLANS[featurePlan],
    ...(threatProtection === 'off' ? {} : { standardThreatProtectionMode: THREAT_PROTECTION[threatProtection] }),
  };
}

/** Below Plus there is no threat protection to turn on: say what stands in for it. */
export function acknowledgeFeaturePlan(userPool: UserPool, config: Environment): void {
  if (config.cognito.featurePlan === 'plus') return;
  acknowledge(
    userPool,
    'COG8',
    `The ${config.cognito.featurePlan} plan has no threat protection (cognito.featurePlan); TOTP MFA is mandatory, Cognito locks out repeated failed sign-ins, and AWS WAF limits each address when configured.`,
  );
}
