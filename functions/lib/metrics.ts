import { config } from './config';
import type { GatewayErrorType } from './errors';

/**
 * The gateway's CloudWatch metrics, written as embedded metric format (EMF) lines that CloudWatch
 * Logs turns into metrics: no API call, nothing to wait for.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
 *
 * Every dimension value comes from a bounded set (a field name from operations.ts, an errorType,
 * `Success`), never from a request: each new value is a new metric, billed, and a dimension is no
 * place for user data. METRICS_DISABLED=true (the offline stack) writes nothing.
 */

/** `Success`, or the errorType the caller was answered. */
export type Outcome = 'Success' | GatewayErrorType;

export interface OperationMetrics {
  /** The field from operations.ts. */
  operation: string;
  outcome: Outcome;
  /** A sign-in refused by Cognito's lockout after repeated failures (TooManyRequests). */
  lockout?: boolean;
  /** recoverAccount succeeded: an authenticator was removed with a recovery code. */
  recovery?: boolean;
}

/**
 * One EMF line: the metric `name`, counted `value` once under each of `dimensionSets`, with
 * `members` (the dimension values among them) at the top level, as the specification requires.
 */
export function emfLine(name: string, value: number, dimensionSets: readonly (readonly string[])[], members: object, timestamp = Date.now()): string {
  const directive = { Namespace: config.metricsNamespace(), Dimensions: dimensionSets, Metrics: [{ Name: name, Unit: 'Count' }] };
  return `${JSON.stringify({ _aws: { Timestamp: timestamp, CloudWatchMetrics: [directive] }, ...members, [name]: value })}\n`;
}

/**
 * Writes one metric under each of `dimensionSets`, every set with `service` added (an empty set is
 * the service alone). METRICS_DISABLED=true writes nothing.
 */
export function publishMetric(name: string, value: number, dimensionSets: readonly (readonly string[])[], dimensions: Record<string, string> = {}): void {
  if (config.metricsDisabled()) return;
  // Lambda passes stdout lines to CloudWatch Logs unchanged; console.log would prefix them.
  process.stdout.write(emfLine(name, value, dimensionSets.map((set) => ['service', ...set]), { service: config.serviceName(), ...dimensions }));
}

/**
 * `Calls` counts every call, by operation and outcome, by each alone and in total, so an alarm
 * can divide `outcome=InternalError` by the total without adding up dimensions (CloudWatch cannot).
 * `Lockouts` and `AccountRecoveries` are their own lines, so they get only the dimensions they need.
 */
export function recordOperation({ operation, outcome, lockout, recovery }: OperationMetrics): void {
  publishMetric('Calls', 1, [['operation', 'outcome'], ['outcome'], ['operation'], []], { operation, outcome });
  if (lockout) publishMetric('Lockouts', 1, [['operation'], []], { operation });
  if (recovery) publishMetric('AccountRecoveries', 1, [[]]);
}
