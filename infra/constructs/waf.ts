import { ArnFormat, Stack } from 'aws-cdk-lib';
import type { GraphqlApi } from 'aws-cdk-lib/aws-appsync';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import { CfnLoggingConfiguration, CfnWebACL, CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { operations, type Operation } from '../../operations';
import type { Environment } from '../config';
import { createLogGroup } from './retention';

type WafSettings = NonNullable<Environment['waf']>;

/** The operations AWS WAF rate-limits more strictly: the rows of operations.ts marked `credential`. */
export const credentialFields = (): string[] =>
  operations.filter((op) => (op as Operation).credential === true).map((op) => op.field);

/**
 * A regular expression that finds any of `fields` as a GraphQL name in a request body. AppSync
 * bodies are JSON (`{"query": "mutation { login(input: …) }", …}`); the field name must appear
 * as a name token in the document (aliases and fragments still spell it), so it is matched
 * between characters that cannot belong to a GraphQL name. A value in the variables that
 * happens to spell a field name also matches: that only applies the stricter limit.
 */
export function fieldNamePattern(fields: readonly string[]): string {
  if (fields.length === 0) throw new Error('No field to match.');
  return `[^_0-9A-Za-z](${fields.join('|')})[^_0-9A-Za-z]`;
}

/**
 * The body, decoded first: JS_DECODE undoes JSON's `\u006c`-style escapes so an escaped field
 * name still matches. A body too large for WAF to inspect counts as a match (the stricter side).
 * https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-oversize-handling.html
 */
function bodyMentions(fields: readonly string[]): CfnWebACL.StatementProperty {
  return {
    regexMatchStatement: {
      regexString: fieldNamePattern(fields),
      fieldToMatch: { body: { oversizeHandling: 'MATCH' } },
      textTransformations: [{ priority: 0, type: 'JS_DECODE' }],
    },
  };
}

/** Metric names take letters, digits and `_#:.-/`. */
const metricName = (prefix: string, name: string) => `${prefix}-${name}`.replace(/[^\w#:.\-/]/g, '-');

function managedRules(groups: readonly string[], metric: (name: string) => CfnWebACL.VisibilityConfigProperty): CfnWebACL.RuleProperty[] {
  // Baseline AWS managed rule groups: IP reputation (bots, scanners), known bad inputs (exploit
  // payloads such as Log4j lookups) and the core rule set (OWASP-style checks, body size).
  // https://docs.aws.amazon.com/waf/latest/developerguide/aws-managed-rule-groups-baseline.html
  // https://docs.aws.amazon.com/waf/latest/developerguide/aws-managed-rule-groups-ip-rep.html
  return groups.map((name, priority) => ({
    name,
    priority,
    overrideAction: { none: {} },
    statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
    visibilityConfig: metric(name),
  }));
}

/** A per-IP rate-based rule: more than `limit` requests in any 5 minutes blocks that IP with HTTP 429. */
function rateRule(
  name: string,
  priority: number,
  limit: number,
  metric: (name: string) => CfnWebACL.VisibilityConfigProperty,
  scopeDownStatement?: CfnWebACL.StatementProperty,
): CfnWebACL.RuleProperty {
  // https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-type-rate-based.html
  return {
    name,
    priority,
    action: { block: { customResponse: { responseCode: 429 } } },
    statement: { rateBasedStatement: { limit, aggregateKeyType: 'IP', evaluationWindowSec: 300, scopeDownStatement } },
    visibilityConfig: metric(name),
  };
}

export interface FirewallProps {
  readonly config: Environment;
  readonly waf: WafSettings;
  readonly api: GraphqlApi;
  readonly userPool: IUserPool;
}

/**
 * AWS WAF in front of everything a client can reach without the gateway's help: the AppSync API
 * and, with a second web ACL, the user pool's public Cognito API (its id and client id are in
 * every token, so anyone can call InitiateAuth directly). Both log to one CloudWatch log group.
 */
export class Firewall extends Construct {
  readonly apiAcl: CfnWebACL;
  readonly userPoolAcl?: CfnWebACL;

  constructor(scope: Construct, id: string, props: FirewallProps) {
    super(scope, id);
    const { waf, config } = props;
    const metric = (name: string): CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName: metricName(config.api.name, name),
    });

    this.apiAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'REGIONAL',
      description: 'Auth gateway API: managed rules, per-IP limits, stricter for credential operations',
      defaultAction: { allow: {} },
      visibilityConfig: metric('waf'),
      rules: this.apiRules(waf, metric),
      // Tokens from the SPA's own domain are accepted too.
      // https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-captcha-challenge-token-domains.html
      tokenDomains: waf.tokenDomains.length > 0 ? waf.tokenDomains : undefined,
    });
    new CfnWebACLAssociation(this, 'Association', { resourceArn: props.api.arn, webAclArn: this.apiAcl.attrArn });

    if (waf.protectUserPool) {
      // https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-waf.html: the web ACL
      // sees the public API operations (InitiateAuth, RespondToAuthChallenge, …), not the
      // IAM-signed Admin* ones. The gateway's functions make those public calls too, from
      // Lambda's shared addresses: hence no per-IP limit here unless configured.
      const rules = managedRules(waf.managedRuleGroups, metric);
      if (waf.userPoolRateLimitPer5Minutes !== null) {
        rules.push(rateRule('UserPoolRateLimitPerIp', rules.length, waf.userPoolRateLimitPer5Minutes, metric));
      }
      this.userPoolAcl = new CfnWebACL(this, 'UserPoolWebAcl', {
        scope: 'REGIONAL',
        description: "Auth gateway user pool: the public Cognito API",
        defaultAction: { allow: {} },
        visibilityConfig: metric('user-pool-waf'),
        rules,
      });
      new CfnWebACLAssociation(this, 'UserPoolAssociation', { resourceArn: props.userPool.userPoolArn, webAclArn: this.userPoolAcl.attrArn });
    }

    this.logTo(config, waf, { Api: this.apiAcl, ...(this.userPoolAcl ? { UserPool: this.userPoolAcl } : {}) });
  }

  private apiRules(waf: WafSettings, metric: (name: string) => CfnWebACL.VisibilityConfigProperty): CfnWebACL.RuleProperty[] {
    const rules = managedRules(waf.managedRuleGroups, metric);
    // Rate rules before the challenge: a request a challenge stops is still counted.
    rules.push(rateRule('CredentialRateLimitPerIp', rules.length, waf.credentialRateLimitPer5Minutes, metric, bodyMentions(credentialFields())));
    rules.push(rateRule('RateLimitPerIp', rules.length, waf.rateLimitPer5Minutes, metric));
    if (waf.createUserAction !== 'none') {
      // A browser without a valid WAF token gets a challenge or a CAPTCHA instead of an account;
      // the SPA obtains the token with the WAF JavaScript integration.
      // https://docs.aws.amazon.com/waf/latest/developerguide/waf-captcha-and-challenge-actions.html
      rules.push({
        name: 'CreateUserNeedsToken',
        priority: rules.length,
        action: waf.createUserAction === 'captcha' ? { captcha: {} } : { challenge: {} },
        statement: bodyMentions(['createUser']),
        visibilityConfig: metric('CreateUserNeedsToken'),
      });
    }
    return rules;
  }

  /**
   * WAF logs to a log group whose name starts with `aws-waf-logs-`, given by its ARN without the
   * `:*` CloudFormation's GetAtt adds. The API key and the access token are redacted.
   * https://docs.aws.amazon.com/waf/latest/developerguide/logging-cw-logs.html
   * https://docs.aws.amazon.com/waf/latest/developerguide/logging-management.html (redaction, filtering)
   */
  private logTo(config: Environment, waf: WafSettings, acls: Record<string, CfnWebACL>): void {
    const logGroupName = `aws-waf-logs-${config.stackName}`;
    const logGroup = createLogGroup(this, 'Logs', config, logGroupName);
    const destination = Stack.of(this).formatArn({
      service: 'logs',
      resource: 'log-group',
      resourceName: logGroupName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    for (const [name, acl] of Object.entries(acls)) {
      const logging = new CfnLoggingConfiguration(this, `${name}Logging`, {
        resourceArn: acl.attrArn,
        logDestinationConfigs: [destination],
        redactedFields: [{ singleHeader: { Name: 'authorization' } }, { singleHeader: { Name: 'x-api-key' } }],
        ...(waf.logAllowedRequests ? {} : { loggingFilter: LOG_ONLY_MATCHED }),
      });
      logging.node.addDependency(logGroup);
    }
  }
}

/** Keep the requests a rule blocked, counted, challenged or asked for a CAPTCHA; drop the rest. */
const LOG_ONLY_MATCHED = {
  DefaultBehavior: 'DROP',
  Filters: [
    {
      Behavior: 'KEEP',
      Requirement: 'MEETS_ANY',
      Conditions: ['BLOCK', 'COUNT', 'CAPTCHA', 'CHALLENGE'].map((Action) => ({ ActionCondition: { Action } })),
    },
  ],
};
