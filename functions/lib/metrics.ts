import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { config } from './config';
import type { GatewayErrorType } from './errors';

/**
 * The gateway's CloudWatch metrics, written as embedded metric format (EMF) lines that CloudWatch
 * Logs turns into metrics: no API call, nothing to wait for.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
 *
 * Every dimension value comes from a bounded set (a field name from operations.ts, an errorType,
 * `Success`), never from a request: each new value is a new metric, billed, and a dimension is no
 * place for user data. POWERTOOLS_METRICS_DISABLED=true (the offline stack) writes nothing.
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

/** One instance per call: nothing recorded for one request can reach another's line. */
function newMetrics(): Metrics {
  return new Metrics({ namespace: config.metricsNamespace(), serviceName: config.serviceName() });
}

/**
 * `Calls` counts every call, by operation and outcome, by each alone and in total, so an alarm
 * can divide `outcome=InternalError` by the total without adding up dimensions (CloudWatch cannot).
 * `Lockouts` and `AccountRecoveries` are their own lines, so they get only the dimensions they need.
 */
export function recordOperation({ operation, outcome, lockout, recovery }: OperationMetrics): void {
  const calls = newMetrics();
  // Sets only: Powertools warns on every call when a name is both a plain dimension and in a set.
  calls.addDimensions({ operation, outcome });
  calls.addDimensions({ outcome });
  calls.addDimensions({ operation });
  // An empty set is the service alone: the total of every operation.
  calls.addDimensions({});
  calls.addMetric('Calls', MetricUnit.Count, 1);
  calls.publishStoredMetrics();
  if (lockout) {
    const lockouts = newMetrics();
    lockouts.addDimensions({ operation });
    lockouts.addDimensions({});
    lockouts.addMetric('Lockouts', MetricUnit.Count, 1);
    lockouts.publishStoredMetrics();
  }
  if (recovery) {
    const recoveries = newMetrics();
    recoveries.addMetric('AccountRecoveries', MetricUnit.Count, 1);
    recoveries.publishStoredMetrics();
  }
}
