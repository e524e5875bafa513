/**
 * The admin audit trail: one record per admin call, written as a CloudWatch embedded-metric-format
 * (EMF) line, so the same record is searchable in Logs Insights (`filter audit = "admin"`) and
 * counted as the `AdminCall` metric by operation and outcome. It names who called, what and on
 * which user id; never an argument value beyond the group name, never a secret.
 * EMF: https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
 * Written even where metrics are turned off (the offline stack): it is a record first, a metric second.
 */
import { emfLine } from './metrics';

export interface AuditRecord {
  operation: string;
  /** The IAM ARN that signed the request. */
  caller: string;
  /** The Cognito user id (sub) acted on, once known. */
  userId?: string;
  group?: string;
  outcome: 'success' | 'failure';
  errorType?: string;
  requestId: string;
}

export function writeAuditRecord(record: AuditRecord, now: Date = new Date()): void {
  process.stdout.write(emfLine('AdminCall', 1, [['operation', 'outcome']], { audit: 'admin', ...record }, now.getTime()));
}
