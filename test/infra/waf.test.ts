import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { EnvironmentError, parseEnvironment } from '../../infra/config';
import { credentialFields, fieldNamePattern } from '../../infra/constructs/waf';
import { operations } from '../../operations';
import { devWith, logicalId, synthesize, synthesizeEnvironment, type Synthesized } from './synth';

/** The operations that take a password, a code or an e-mail to act on. */
const CREDENTIAL = [
  'login',
  'verifyMfa',
  'startPasskeySignIn',
  'finishPasskeySignIn',
  'forgotPassword',
  'confirmForgotPassword',
  'createUser',
  'recoverAccount',
  'resendTemporaryPassword',
  'resendMfaQrCode',
  'confirmUser',
  'confirmMfa',
];

const MANAGED = ['AWSManagedRulesAmazonIpReputationList', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesCommonRuleSet'];

type Rule = { Name: string; Priority: number; Action?: Record<string, unknown>; Statement: any };
const aclRules = (s: Synthesized, acl: 'apiAcl' | 'userPoolAcl'): Rule[] =>
  s.template.findResources('AWS::WAFv2::WebACL')[logicalId(s.stack.firewall![acl]!)]!.Properties.Rules;

/** A request body as a client sends it. */
const body = (query: string) => JSON.stringify({ query, variables: { input: { email: 'someone@example.com' } } });

describe('the credential operations', () => {
  it('are the rows of operations.ts marked credential, and every such operation the schema has', () => {
    const existing = operations.map((op) => op.field as string);
    expect(credentialFields().sort()).toEqual(CREDENTIAL.filter((field) => existing.includes(field)).sort());
  });

  it('are found in a request body however the document spells the call', () => {
    const credential = new RegExp(fieldNamePattern(credentialFields()));
    expect(credential.test(body('mutation { login(input: $input) { verificationType } }'))).toBe(true);
    expect(credential.test(body('mutation Sneaky { a: verifyMfa(input: $i) { accessToken } }'))).toBe(true);
    expect(credential.test(body('mutation {\\n  confirmForgotPassword\\n(input: $i) { ok } }'))).toBe(true);
    expect(credential.test(body('mutation { ...F } fragment F on Mutation { createUser(input: $i) { ok } }'))).toBe(true);
  });

  it('are not found in the other operations, nor in longer names that contain them', () => {
    const credential = new RegExp(fieldNamePattern(credentialFields()));
    expect(credential.test(body('mutation { refreshTokens(input: $input) { accessToken } }'))).toBe(false);
    expect(credential.test(body('query Me { me { email } }'))).toBe(false);
    expect(credential.test(body('mutation { loginHistory { at } }'))).toBe(false);
    expect(credential.test(body('mutation { Login(input: $input) { ok } }'))).toBe(false);
  });
});

describe('AWS WAF in prod', () => {
  let s: Synthesized;
  beforeAll(() => {
    s = synthesizeEnvironment('prod');
  });

  it('puts the AWS managed rule groups first, then a stricter per-IP limit for credential operations, then one for everything', () => {
    const waf = s.config.waf!;
    const rules = aclRules(s, 'apiAcl');
    expect(rules.map((rule) => rule.Name)).toEqual([...MANAGED, 'CredentialRateLimitPerIp', 'RateLimitPerIp']);
    expect(rules.map((rule) => rule.Priority)).toEqual([0, 1, 2, 3, 4]);
    for (const rule of rules.slice(0, 3)) {
      expect(rule).toMatchObject({ OverrideAction: { None: {} }, Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: rule.Name } } });
    }
    const [credential, everything] = rules.slice(3);
    expect(credential).toMatchObject({
      Action: { Block: { CustomResponse: { ResponseCode: 429 } } },
      Statement: {
        RateBasedStatement: {
          Limit: waf.credentialRateLimitPer5Minutes,
          AggregateKeyType: 'IP',
          EvaluationWindowSec: 300,
          ScopeDownStatement: {
            RegexMatchStatement: {
              RegexString: fieldNamePattern(credentialFields()),
              FieldToMatch: { Body: { OversizeHandling: 'MATCH' } },
              TextTransformations: [{ Priority: 0, Type: 'JS_DECODE' }],
            },
          },
        },
      },
    });
    expect(waf.credentialRateLimitPer5Minutes).toBeLessThan(waf.rateLimitPer5Minutes);
    expect(everything).toMatchObject({
      Action: { Block: { CustomResponse: { ResponseCode: 429 } } },
      Statement: { RateBasedStatement: { Limit: waf.rateLimitPer5Minutes, AggregateKeyType: 'IP', EvaluationWindowSec: 300 } },
    });
    expect(everything!.Statement.RateBasedStatement.ScopeDownStatement).toBeUndefined();
  });

  it('protects the user pool with the managed rule groups and no per-IP limit the gateway itself would hit', () => {
    expect(aclRules(s, 'userPoolAcl').map((rule) => rule.Name)).toEqual(MANAGED);
  });

  it('logs both web ACLs to an aws-waf-logs- group with retention, API key and token redacted, matched requests only', () => {
    const name = `aws-waf-logs-${s.config.stackName}`;
    s.template.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: name, RetentionInDays: 90 });
    const destination = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:eu-west-1:', { Ref: 'AWS::AccountId' }, `:log-group:${name}`]] };
    for (const acl of [s.stack.firewall!.apiAcl, s.stack.firewall!.userPoolAcl!]) {
      s.template.hasResourceProperties('AWS::WAFv2::LoggingConfiguration', {
        ResourceArn: { 'Fn::GetAtt': [logicalId(acl), 'Arn'] },
        LogDestinationConfigs: [destination],
        RedactedFields: [{ SingleHeader: { Name: 'authorization' } }, { SingleHeader: { Name: 'x-api-key' } }],
        LoggingFilter: {
          DefaultBehavior: 'DROP',
          Filters: [
            {
              Behavior: 'KEEP',
              Requirement: 'MEETS_ANY',
              Conditions: ['BLOCK', 'COUNT', 'CAPTCHA', 'CHALLENGE'].map((Action) => ({ ActionCondition: { Action } })),
            },
          ],
        },
      });
    }
    s.template.resourceCountIs('AWS::WAFv2::LoggingConfiguration', 2);
  });
});

describe('AWS WAF with every option', () => {
  let s: Synthesized;
  beforeAll(() => {
    s = synthesize(
      devWith((raw) => {
        raw.waf = {
          rateLimitPer5Minutes: 2000,
          credentialRateLimitPer5Minutes: 50,
          managedRuleGroups: ['AWSManagedRulesAmazonIpReputationList'],
          userPoolRateLimitPer5Minutes: 5000,
          createUserAction: 'captcha',
          tokenDomains: ['app.example.com'],
          logAllowedRequests: true,
        };
      }),
    );
  });

  it('asks createUser for a CAPTCHA token, after the rate rules so every attempt is counted', () => {
    const rules = aclRules(s, 'apiAcl');
    expect(rules.map((rule) => rule.Name)).toEqual(['AWSManagedRulesAmazonIpReputationList', 'CredentialRateLimitPerIp', 'RateLimitPerIp', 'CreateUserNeedsToken']);
    expect(rules[3]).toMatchObject({
      Action: { Captcha: {} },
      Statement: { RegexMatchStatement: { RegexString: fieldNamePattern(['createUser']), FieldToMatch: { Body: { OversizeHandling: 'MATCH' } } } },
    });
    s.template.hasResourceProperties('AWS::WAFv2::WebACL', { TokenDomains: ['app.example.com'] });
  });

  it('rate-limits the user pool per IP when configured', () => {
    expect(aclRules(s, 'userPoolAcl')[1]).toMatchObject({
      Name: 'UserPoolRateLimitPerIp',
      Statement: { RateBasedStatement: { Limit: 5000, AggregateKeyType: 'IP' } },
    });
  });

  it('logs every request when asked to', () => {
    s.template.hasResourceProperties('AWS::WAFv2::LoggingConfiguration', { LoggingFilter: Match.absent() });
  });

  it('challenges silently instead, when configured', () => {
    const challenged = synthesize(devWith((raw) => (raw.waf = { rateLimitPer5Minutes: 1000, createUserAction: 'challenge', protectUserPool: false })));
    const [acl] = Object.values(challenged.template.findResources('AWS::WAFv2::WebACL'));
    expect(acl!.Properties.Rules.at(-1)).toMatchObject({ Name: 'CreateUserNeedsToken', Action: { Challenge: {} } });
    challenged.template.resourceCountIs('AWS::WAFv2::WebACL', 1);
    challenged.template.resourceCountIs('AWS::WAFv2::WebACLAssociation', 1);
  });
});

describe('waf settings', () => {
  it('still accept the one-key form, with every new key at its default', () => {
    const env = devWith((raw) => (raw.waf = { rateLimitPer5Minutes: 1000 }));
    expect(env.waf).toEqual({
      rateLimitPer5Minutes: 1000,
      credentialRateLimitPer5Minutes: 100,
      managedRuleGroups: MANAGED,
      protectUserPool: true,
      userPoolRateLimitPer5Minutes: null,
      createUserAction: 'none',
      tokenDomains: [],
      logAllowedRequests: false,
    });
  });

  it('refuse a credential limit looser than the general one', () => {
    const raw = (waf: unknown) => () => devWith((env) => (env.waf = waf));
    expect(raw({ rateLimitPer5Minutes: 100, credentialRateLimitPer5Minutes: 500 })).toThrow(EnvironmentError);
    expect(raw({ rateLimitPer5Minutes: 100, credentialRateLimitPer5Minutes: 500 })).toThrow(
      'waf.credentialRateLimitPer5Minutes: credentialRateLimitPer5Minutes must not be above rateLimitPer5Minutes',
    );
    expect(() => parseEnvironment('x', { waf: { rateLimitPer5Minutes: 100, managedRuleGroups: ['AWSManagedRulesATPRuleSet'] } })).toThrow(
      'waf.managedRuleGroups.0',
    );
  });
});
