import { Duration, Fn, Stack } from 'aws-cdk-lib';
import type { GraphqlApi } from 'aws-cdk-lib/aws-appsync';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import type { Environment } from '../config';
import { acknowledge } from './acknowledge';
import { GatewayFunction, metricsNamespaceOf } from './functions';
import type { Firewall } from './waf';

/**
 * Each alarm's threshold, in one place, as README "Monitoring" lists them. Every alarm looks at
 * 5-minute periods unless it says otherwise.
 */
export const ALARM_THRESHOLDS = {
  /** Any failed invocation (a crash, a timeout, out of memory): operations answer their own errors, so these are bugs. */
  functionErrors: 1,
  /** Any throttled invocation: the caller got no answer at all. */
  functionThrottles: 1,
  /** Per cent of operation calls answered InternalError: a defect, never the caller's fault. */
  internalErrorPercent: 1,
  /** Per cent answered ServiceUnavailable (Cognito, S3 or SES failing), in two periods running. */
  serviceUnavailablePercent: 5,
  /** AppSync 5XX answers: AppSync itself failed to answer. */
  appSync5xx: 5,
  /** AppSync's p90 latency in ms, three periods running (the functions time out at 10 s). */
  appSyncLatencyP90Ms: 2000,
  /** Requests a web ACL blocked: an attack or a rule refusing real users. */
  wafBlockedRequests: 100,
  /** Days before the API key expires. */
  apiKeyDaysLeft: 30,
} as const;

const FIVE_MINUTES = Duration.minutes(5);

export interface MonitoringProps {
  readonly config: Environment;
  readonly api: GraphqlApi;
  /** Every function of the gateway by its file name in functions/. */
  readonly functions: ReadonlyMap<string, GatewayFunction>;
  readonly firewall?: Firewall;
}

/**
 * What tells an operator the gateway is unwell: an SNS topic every alarm notifies (e-mailed to
 * `alarms.email` when set), the alarms, a dashboard, and the scheduled check of the API key's expiry.
 * Alarms are per function for errors and throttles: the alarm names the function at fault, the
 * account-wide Lambda metrics would count other workloads, and an alarm's metric math takes at
 * most 10 metrics, fewer than the gateway has functions.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Create-alarm-on-metric-math-expression.html
 */
export class Monitoring extends Construct {
  readonly topic: Topic;
  readonly dashboard: Dashboard;
  readonly apiKeyExpiry: GatewayFunction;
  /** Every alarm by its construct id. */
  readonly alarms = new Map<string, Alarm>();
  private readonly namespace: string;
  private readonly service: string;
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const { config } = props;
    this.namespace = metricsNamespaceOf(config);
    this.service = config.api.name;
    this.topic = new Topic(this, 'AlarmTopic', { displayName: `${config.stackName} alarms`, enforceSSL: true });
    acknowledge(
      this.topic,
      'SNS2',
      "Alarm notifications carry alarm names and metric values only; CloudWatch cannot publish to a topic encrypted with SNS's AWS-managed key.",
    );
    if (config.alarms.email) this.topic.addSubscription(new EmailSubscription(config.alarms.email));
    this.action = new SnsAction(this.topic);

    this.apiKeyExpiry = this.apiKeyExpiryCheck(config, props.api);
    const functions = new Map([...props.functions, ['apiKeyExpiry', this.apiKeyExpiry]]);

    for (const [name, fn] of functions) {
      this.alarm(`${name}Errors`, fn.function.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }), {
        threshold: ALARM_THRESHOLDS.functionErrors,
        description: `functions/${name}.ts failed (crash, timeout or out of memory).`,
      });
      this.alarm(`${name}Throttles`, fn.function.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }), {
        threshold: ALARM_THRESHOLDS.functionThrottles,
        description: `functions/${name}.ts was throttled: the account's Lambda concurrency is used up.`,
      });
    }
    const internalErrors = this.outcomeRate('InternalError');
    this.alarm('InternalErrorRate', internalErrors, {
      threshold: ALARM_THRESHOLDS.internalErrorPercent,
      description: 'Operations answered InternalError: a defect. Logs Insights: filter errorType = "InternalError".',
    });
    const unavailable = this.outcomeRate('ServiceUnavailable');
    this.alarm('ServiceUnavailableRate', unavailable, {
      threshold: ALARM_THRESHOLDS.serviceUnavailablePercent,
      evaluationPeriods: 2,
      description: 'Operations answered ServiceUnavailable: Cognito, S3 or SES is failing or misconfigured.',
    });
    const apiDimensions = { GraphQLAPIId: props.api.apiId };
    // https://docs.aws.amazon.com/appsync/latest/devguide/monitoring.html (5XXError, Latency)
    const errors5xx = new Metric({ namespace: 'AWS/AppSync', metricName: '5XXError', dimensionsMap: apiDimensions, statistic: 'Sum', period: FIVE_MINUTES });
    this.alarm('AppSync5xx', errors5xx, { threshold: ALARM_THRESHOLDS.appSync5xx, description: 'AppSync answered 5XX errors.' });
    const latency = new Metric({ namespace: 'AWS/AppSync', metricName: 'Latency', dimensionsMap: apiDimensions, statistic: 'p90', period: FIVE_MINUTES });
    this.alarm('AppSyncLatencyP90', latency, {
      threshold: ALARM_THRESHOLDS.appSyncLatencyP90Ms,
      evaluationPeriods: 3,
      description: 'AppSync p90 latency is high: see the awsCalls durations in the function logs.',
    });
    const blocked = props.firewall ? this.wafAlarms(props.firewall) : [];
    const daysLeft = this.metric('ApiKeyDaysLeft', {}, 'Minimum', Duration.days(1));
    this.alarm('ApiKeyExpiry', daysLeft, {
      threshold: ALARM_THRESHOLDS.apiKeyDaysLeft,
      comparison: ComparisonOperator.LESS_THAN_THRESHOLD,
      // No value means the check failed or the API has no key: both need a look.
      missing: TreatMissingData.BREACHING,
      description: 'The API key expires within 30 days (or the check failed): create a new key and roll it out to clients.',
    });

    this.dashboard = this.buildDashboard(config, { internalErrors, unavailable, errors5xx, latency, blocked, daysLeft }, functions);
  }

  /** A scheduled function publishing ApiKeyDaysLeft; its role allows appsync:ListApiKeys on this API only. */
  private apiKeyExpiryCheck(config: Environment, api: GraphqlApi): GatewayFunction {
    const fn = new GatewayFunction(this, 'ApiKeyExpiryFunction', {
      name: 'apiKeyExpiry',
      config,
      environment: {
        APPSYNC_API_ID: api.apiId,
        SERVICE_NAME: config.api.name,
        METRICS_NAMESPACE: this.namespace,
        LOG_LEVEL: 'INFO',
      },
      actions: [],
      targets: {},
    });
    // https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsappsync.html (ListApiKeys: graphqlapi)
    fn.role.addToPolicy(new PolicyStatement({ actions: ['appsync:ListApiKeys'], resources: [api.arn] }));
    // Four times a day: a missed or failed run leaves the day's alarm period with values all the same.
    new Rule(this, 'ApiKeyExpirySchedule', {
      description: 'Publishes the days left before the API key expires',
      schedule: Schedule.rate(Duration.hours(6)),
      targets: [new LambdaFunction(fn.function, { retryAttempts: 2 })],
    });
    return fn;
  }

  /** One of the functions' metrics (functions/lib/metrics.ts), always with the service dimension. */
  private metric(metricName: string, dimensions: Record<string, string>, statistic = 'Sum', period = FIVE_MINUTES): Metric {
    return new Metric({ namespace: this.namespace, metricName, dimensionsMap: { service: this.service, ...dimensions }, statistic, period });
  }

  /** Per cent of all operation calls answered `outcome`; 0 when there were none. */
  private outcomeRate(outcome: string): MathExpression {
    // Ids are unique per expression: two rates share one graph.
    const id = outcome.toLowerCase();
    return new MathExpression({
      expression: `100 * FILL(${id}, 0) / FILL(${id}_calls, 1)`,
      usingMetrics: { [id]: this.metric('Calls', { outcome }), [`${id}_calls`]: this.metric('Calls', {}) },
      label: `${outcome} %`,
      period: FIVE_MINUTES,
    });
  }

  /** BlockedRequests of each web ACL, every rule counted (`Rule=ALL`). */
  private wafAlarms(firewall: Firewall): IMetric[] {
    const acls: Array<[string, CfnWebACL]> = [['Api', firewall.apiAcl]];
    if (firewall.userPoolAcl) acls.push(['UserPool', firewall.userPoolAcl]);
    return acls.map(([name, acl]) => {
      // A web ACL's Ref is `name|id|scope`; CloudFormation generated the name.
      // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-wafv2-webacl.html#aws-resource-wafv2-webacl-return-values
      // https://docs.aws.amazon.com/waf/latest/developerguide/waf-metrics.html (WebACL, Region, Rule dimensions)
      const blocked = new Metric({
        namespace: 'AWS/WAFV2',
        metricName: 'BlockedRequests',
        dimensionsMap: { WebACL: Fn.select(0, Fn.split('|', acl.ref)), Region: Stack.of(this).region, Rule: 'ALL' },
        statistic: 'Sum',
        period: FIVE_MINUTES,
      });
      this.alarm(`Waf${name}Blocked`, blocked, {
        threshold: ALARM_THRESHOLDS.wafBlockedRequests,
        description: `The ${name === 'Api' ? 'API' : 'user pool'} web ACL blocked many requests: an attack, or a rule refusing real users (see the WAF log group).`,
      });
      return blocked.with({ label: `${name} web ACL` });
    });
  }

  private alarm(
    id: string,
    metric: IMetric,
    options: { threshold: number; description: string; evaluationPeriods?: number; comparison?: ComparisonOperator; missing?: TreatMissingData },
  ): Alarm {
    const alarm = new Alarm(this, id, {
      metric,
      threshold: options.threshold,
      evaluationPeriods: options.evaluationPeriods ?? 1,
      comparisonOperator: options.comparison ?? ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: options.missing ?? TreatMissingData.NOT_BREACHING,
      alarmDescription: `${options.description} README "Monitoring" says what to do.`,
    });
    alarm.addAlarmAction(this.action);
    this.alarms.set(id, alarm);
    return alarm;
  }

  private buildDashboard(
    config: Environment,
    m: { internalErrors: IMetric; unavailable: IMetric; errors5xx: IMetric; latency: IMetric; blocked: IMetric[]; daysLeft: IMetric },
    functions: ReadonlyMap<string, GatewayFunction>,
  ): Dashboard {
    // https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/search-expression-syntax.html: a namespace with a hyphen is quoted.
    const search = (query: string) =>
      new MathExpression({ expression: `SEARCH('${query}', 'Sum', 300)`, usingMetrics: {}, label: '', period: FIVE_MINUTES });
    const ns = `"${this.namespace}"`;
    const dashboard = new Dashboard(this, 'Dashboard', { dashboardName: `${config.stackName}-gateway` });
    dashboard.addWidgets(new AlarmStatusWidget({ title: 'Alarms', alarms: [...this.alarms.values()], width: 24, height: 4 }));
    dashboard.addWidgets(
      new GraphWidget({
        title: 'Operation calls by outcome',
        left: [search(`{${ns},service,outcome} MetricName="Calls" service="${this.service}"`)],
        width: 12,
      }),
      new GraphWidget({ title: 'Error rates (%)', left: [m.internalErrors, m.unavailable], width: 12 }),
    );
    dashboard.addWidgets(
      new GraphWidget({
        title: 'Failures by operation and outcome',
        left: [search(`{${ns},service,operation,outcome} MetricName="Calls" service="${this.service}" NOT outcome="Success"`)],
        width: 12,
      }),
      new GraphWidget({
        title: 'Lockouts, recoveries, admin calls',
        left: [this.metric('Lockouts', {}), this.metric('AccountRecoveries', {})],
        right: [search(`{${ns},operation,outcome} MetricName="AdminCall"`)],
        width: 12,
      }),
    );
    dashboard.addWidgets(
      new GraphWidget({ title: 'AppSync latency p90 (ms) and 5XX', left: [m.latency], right: [m.errors5xx], width: 12 }),
      new GraphWidget({
        title: 'Function errors (left) and throttles (right)',
        left: [...functions].map(([name, fn]) => fn.function.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum', label: name })),
        right: [...functions].map(([name, fn]) => fn.function.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum', label: name })),
        leftYAxis: { label: 'errors', showUnits: false },
        rightYAxis: { label: 'throttles', showUnits: false },
        width: 12,
      }),
    );
    dashboard.addWidgets(
      new GraphWidget({ title: 'WAF blocked requests', left: m.blocked, width: 12 }),
      new GraphWidget({ title: 'API key: days left', left: [m.daysLeft], width: 12 }),
    );
    return dashboard;
  }
}
