import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { EnvironmentError } from '../../infra/config';
import { ALARM_THRESHOLDS } from '../../infra/constructs/monitoring';
import { functionOperations, triggers } from '../../operations';
import { actionsOf, devWith, logicalId, statementsOfRole, synthesize, synthesizeEnvironment, type Synthesized } from './synth';

const FUNCTIONS = [...functionOperations.map((op) => op.field), ...triggers.map((t) => t.name), 'apiKeyExpiry'];

type Resource = { Type: string; Properties: Record<string, any> };

describe.each(['dev', 'prod'])('monitoring of the %s stack', (envName) => {
  let s: Synthesized;
  beforeAll(() => {
    s = synthesizeEnvironment(envName);
  });
  const alarm = (id: string): Resource => {
    const construct = s.stack.monitoring.alarms.get(id);
    if (!construct) throw new Error(`No alarm ${id}`);
    return s.template.findResources('AWS::CloudWatch::Alarm')[logicalId(construct)] as Resource;
  };
  const topicRef = () => ({ Ref: logicalId(s.stack.monitoring.topic) });
  const namespace = () => s.config.api.name;
  const apiId = () => ({ 'Fn::GetAtt': [logicalId(s.stack.api.api), 'ApiId'] });
  /** The metric of a math alarm with this id. */
  const statOf = (resource: Resource, id: string) => resource.Properties.Metrics.find((m: { Id: string }) => m.Id === id).MetricStat;

  it('has an alarm topic that refuses publishing without TLS', () => {
    s.template.resourceCountIs('AWS::SNS::Topic', 1);
    s.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [topicRef()],
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      },
    });
  });

  it('subscribes nobody when alarms.email is null, as shipped', () => {
    expect(s.config.alarms.email).toBeNull();
    s.template.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it('has one alarm per kind and per function, and every alarm notifies the topic and only it', () => {
    const expected = [
      ...FUNCTIONS.flatMap((name) => [`${name}Errors`, `${name}Throttles`]),
      'InternalErrorRate',
      'ServiceUnavailableRate',
      'AppSync5xx',
      'AppSyncLatencyP90',
      'ApiKeyExpiry',
      ...(s.config.waf ? ['WafApiBlocked', ...(s.config.waf.protectUserPool ? ['WafUserPoolBlocked'] : [])] : []),
    ].sort();
    expect([...s.stack.monitoring.alarms.keys()].sort()).toEqual(expected);
    const alarms = Object.values(s.template.findResources('AWS::CloudWatch::Alarm')) as Resource[];
    expect(alarms).toHaveLength(expected.length);
    for (const resource of alarms) {
      expect(resource.Properties.AlarmActions).toEqual([topicRef()]);
      expect(resource.Properties.AlarmDescription).toContain('README "Monitoring"');
    }
  });

  it.each(FUNCTIONS)('alarms on the first error and the first throttle of %s', (name) => {
    const fn = name === 'apiKeyExpiry' ? s.stack.monitoring.apiKeyExpiry : s.stack.functions.get(name)!;
    for (const [metric, threshold] of [
      ['Errors', ALARM_THRESHOLDS.functionErrors],
      ['Throttles', ALARM_THRESHOLDS.functionThrottles],
    ] as const) {
      expect(alarm(`${name}${metric}`).Properties).toMatchObject({
        Namespace: 'AWS/Lambda',
        MetricName: metric,
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalId(fn.function) } }],
        Statistic: 'Sum',
        Period: 300,
        Threshold: threshold,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        EvaluationPeriods: 1,
        TreatMissingData: 'notBreaching',
      });
    }
    expect(ALARM_THRESHOLDS.functionErrors).toBe(1);
  });

  it.each([
    ['InternalErrorRate', 'InternalError', ALARM_THRESHOLDS.internalErrorPercent, 1],
    ['ServiceUnavailableRate', 'ServiceUnavailable', ALARM_THRESHOLDS.serviceUnavailablePercent, 2],
  ] as const)('%s divides the calls answered %s by all calls, in per cent', (id, outcome, threshold, periods) => {
    const resource = alarm(id);
    const key = outcome.toLowerCase();
    expect(resource.Properties).toMatchObject({ Threshold: threshold, ComparisonOperator: 'GreaterThanOrEqualToThreshold', EvaluationPeriods: periods });
    const expression = resource.Properties.Metrics.find((m: { Expression?: string }) => m.Expression);
    expect(expression).toMatchObject({ Expression: `100 * FILL(${key}, 0) / FILL(${key}_calls, 1)` });
    expect(statOf(resource, key)).toEqual({
      Metric: {
        Namespace: namespace(),
        MetricName: 'Calls',
        Dimensions: expect.arrayContaining([
          { Name: 'service', Value: s.config.api.name },
          { Name: 'outcome', Value: outcome },
        ]),
      },
      Period: 300,
      Stat: 'Sum',
    });
    expect(statOf(resource, `${key}_calls`).Metric.Dimensions).toEqual([{ Name: 'service', Value: s.config.api.name }]);
  });

  it("alarms on AppSync's 5XX errors and its p90 latency", () => {
    expect(alarm('AppSync5xx').Properties).toMatchObject({
      Namespace: 'AWS/AppSync',
      MetricName: '5XXError',
      Dimensions: [{ Name: 'GraphQLAPIId', Value: apiId() }],
      Statistic: 'Sum',
      Threshold: ALARM_THRESHOLDS.appSync5xx,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    expect(alarm('AppSyncLatencyP90').Properties).toMatchObject({
      Namespace: 'AWS/AppSync',
      MetricName: 'Latency',
      Dimensions: [{ Name: 'GraphQLAPIId', Value: apiId() }],
      ExtendedStatistic: 'p90',
      Threshold: ALARM_THRESHOLDS.appSyncLatencyP90Ms,
      EvaluationPeriods: 3,
    });
  });

  it('alarms on blocked requests of each web ACL, or has no WAF alarm without WAF', () => {
    const waf = [...s.stack.monitoring.alarms.keys()].filter((id) => id.startsWith('Waf'));
    if (!s.stack.firewall) {
      expect(waf).toEqual([]);
      return;
    }
    const acls = { WafApiBlocked: s.stack.firewall.apiAcl, WafUserPoolBlocked: s.stack.firewall.userPoolAcl };
    for (const id of waf) {
      expect(alarm(id).Properties).toMatchObject({
        Namespace: 'AWS/WAFV2',
        MetricName: 'BlockedRequests',
        Dimensions: expect.arrayContaining([
          { Name: 'Rule', Value: 'ALL' },
          { Name: 'Region', Value: s.config.region },
          { Name: 'WebACL', Value: { 'Fn::Select': [0, { 'Fn::Split': ['|', { Ref: logicalId(acls[id as keyof typeof acls]!) }] }] } },
        ]),
        Statistic: 'Sum',
        Threshold: ALARM_THRESHOLDS.wafBlockedRequests,
      });
    }
    expect(waf).toHaveLength(s.stack.firewall.userPoolAcl ? 2 : 1);
  });

  it('alarms when the API key has fewer than 30 days left, or when no value arrives', () => {
    expect(alarm('ApiKeyExpiry').Properties).toMatchObject({
      Namespace: namespace(),
      MetricName: 'ApiKeyDaysLeft',
      Dimensions: [{ Name: 'service', Value: s.config.api.name }],
      Statistic: 'Minimum',
      Period: 86_400,
      Threshold: 30,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
    });
  });

  it('checks the API key every 6 hours with a function allowed appsync:ListApiKeys on this API only', () => {
    const fn = s.stack.monitoring.apiKeyExpiry;
    s.template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(6 hours)',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [logicalId(fn.function), 'Arn'] } })],
    });
    const resource = s.template.findResources('AWS::Lambda::Function')[logicalId(fn.function)]!;
    expect(resource.Properties.Environment.Variables).toMatchObject({
      APPSYNC_API_ID: apiId(),
      METRICS_NAMESPACE: namespace(),
      SERVICE_NAME: s.config.api.name,
    });
    const granted = statementsOfRole(s.template, logicalId(fn.role)).filter(
      (st) => !actionsOf(st).every((a) => a.startsWith('logs:') || a.startsWith('xray:')),
    );
    expect(granted).toEqual([{ Effect: 'Allow', Action: 'appsync:ListApiKeys', Resource: { 'Fn::GetAtt': [logicalId(s.stack.api.api), 'Arn'] } }]);
  });

  it('has a dashboard with every alarm and the gateway metrics', () => {
    const dashboards = Object.values(s.template.findResources('AWS::CloudWatch::Dashboard')) as Resource[];
    expect(dashboards).toHaveLength(1);
    expect(dashboards[0]!.Properties.DashboardName).toBe(`${s.config.stackName}-gateway`);
    const body = JSON.stringify(dashboards[0]!.Properties.DashboardBody);
    for (const metric of ['Calls', 'Lockouts', 'AccountRecoveries', 'AdminCall', 'ApiKeyDaysLeft', '5XXError', 'Latency', 'Errors', 'Throttles']) {
      expect(body, metric).toContain(metric);
    }
    expect(body.includes('BlockedRequests')).toBe(Boolean(s.stack.firewall));
    for (const construct of s.stack.monitoring.alarms.values()) expect(body).toContain(logicalId(construct));
  });
});

describe('alarms.email', () => {
  it('subscribes the address to the alarm topic', () => {
    const s = synthesize(devWith((raw) => (raw.alarms = { email: 'ops@example.com' })));
    s.template.resourceCountIs('AWS::SNS::Subscription', 1);
    s.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.com',
      TopicArn: { Ref: logicalId(s.stack.monitoring.topic) },
    });
  });

  it('refuses something that is not an e-mail address, naming the setting', () => {
    expect(() => devWith((raw) => (raw.alarms = { email: 'ops' }))).toThrow(EnvironmentError);
    expect(() => devWith((raw) => (raw.alarms = { email: 'ops' }))).toThrow(/alarms\.email/);
  });
});
