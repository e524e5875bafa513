import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { functionOperations, triggers } from '../../operations';
import { devWith, logicalId, synthesize, synthesizeEnvironment, type Synthesized } from './synth';

/** The AWS Solutions findings acknowledged on `construct` itself, by rule (`AwsSolutions-S1`), with their reasons. */
function acknowledged(construct: IConstruct): Record<string, string> {
  const entries = construct.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY);
  const byQualifiedId: Record<string, string> = Object.assign({}, ...entries.map((m) => m.data));
  return Object.fromEntries(Object.entries(byQualifiedId).map(([id, reason]) => [id.split('::').pop()!, reason]));
}

describe.each(['dev', 'prod'])('the QR archive of %s', (envName) => {
  let s: Synthesized;
  beforeAll(() => {
    s = synthesizeEnvironment(envName);
  });
  const archive = () => s.stack.archive!;
  const keyPolicy = () => s.template.findResources('AWS::KMS::Key')[logicalId(archive().key)]!.Properties.KeyPolicy.Statement as any[];

  it('lets the account administer the key but not use it', () => {
    const [admin] = keyPolicy();
    expect(admin.Principal).toEqual({ AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] } });
    expect(admin.Action).toContain('kms:Put*');
    expect(admin.Action).toContain('kms:ScheduleKeyDeletion');
    for (const statement of keyPolicy()) {
      expect([statement.Action].flat()).not.toContain('kms:*');
    }
    expect([admin.Action].flat().filter((a: string) => /Decrypt|Encrypt|GenerateDataKey|ReEncrypt/.test(a))).toEqual([]);
  });

  it('lets exactly the roles that read or write QR codes use the key, through S3 only', () => {
    const users = [...functionOperations, ...triggers.map((t) => ({ field: t.name, iam: t.iam }))].filter((op) =>
      op.iam.some((a) => a === 's3:PutObject' || a === 's3:GetObject'),
    );
    const uses = keyPolicy().slice(1);
    expect(uses.map((st) => st.Principal.AWS['Fn::GetAtt'][0]).sort()).toEqual(
      users.map((op) => logicalId(s.stack.functions.get(op.field)!.role)).sort(),
    );
    for (const statement of uses) {
      const op = users.find((u) => logicalId(s.stack.functions.get(u.field)!.role) === statement.Principal.AWS['Fn::GetAtt'][0])!;
      const iam: readonly string[] = op.iam;
      const expected = [iam.includes('s3:GetObject') ? 'kms:Decrypt' : [], iam.includes('s3:PutObject') ? 'kms:GenerateDataKey' : []].flat();
      expect([statement.Action].flat()).toEqual(expected);
      expect(statement.Condition).toEqual({ StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } });
    }
  });

  it('records every read and write of its objects with a CloudTrail data-event trail, validated, into a separate bucket', () => {
    const logBucketId = logicalId(archive().audit.logBucket);
    s.template.hasResourceProperties('AWS::CloudTrail::Trail', {
      IsLogging: true,
      IsMultiRegionTrail: false,
      IncludeGlobalServiceEvents: false,
      EnableLogFileValidation: true,
      S3BucketName: { Ref: logBucketId },
      EventSelectors: [
        {
          DataResources: [{ Type: 'AWS::S3::Object', Values: [{ 'Fn::Join': ['', [{ 'Fn::GetAtt': [logicalId(archive().bucket), 'Arn'] }, '/']] }] }],
          IncludeManagementEvents: false,
          ReadWriteType: 'All',
        },
      ],
    });
    s.template.resourceCountIs('AWS::CloudTrail::Trail', 1);
    expect(logBucketId).not.toBe(logicalId(archive().bucket));
  });

  it('keeps that record for mfa.auditLogRetentionDays in a private, TLS-only bucket only this trail writes to', () => {
    const logBucket = s.template.findResources('AWS::S3::Bucket')[logicalId(archive().audit.logBucket)]!;
    expect(logBucket.Properties.LifecycleConfiguration.Rules).toEqual([
      { Id: 'retention', ExpirationInDays: s.config.mfa.auditLogRetentionDays, Status: 'Enabled' },
    ]);
    expect(logBucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    const policies = Object.values(s.template.findResources('AWS::S3::BucketPolicy')).filter(
      (p) => p.Properties.Bucket.Ref === logicalId(archive().audit.logBucket),
    );
    expect(JSON.stringify(policies)).toContain('aws:SecureTransport');
    expect(policies[0]!.Properties.PolicyDocument.Statement).toContainEqual({
      Effect: 'Deny',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [logicalId(archive().audit.logBucket), 'Arn'] }, '/*']] },
      Condition: {
        StringNotEquals: {
          'aws:SourceArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudtrail:eu-west-1:', { Ref: 'AWS::AccountId' }, `:trail/${s.config.stackName}-qr-archive`]] },
        },
      },
    });
  });

  it('acknowledges the missing server access logs because the trail records the same requests', () => {
    expect(acknowledged(archive().bucket)['AwsSolutions-S1']).toMatch(/CloudTrail data-event trail/);
  });
});

describe('field logging', () => {
  it('acknowledges the excluded verbose content at the configured level', () => {
    const s = synthesizeEnvironment('dev');
    expect(acknowledged(s.stack.api.api)['AwsSolutions-ASC3']).toMatch(/^Field logs are on at ERROR; verbose content is excluded/);
  });

  it('has no role, no log group and an acknowledgement that says so when turned off', () => {
    const s = synthesize(devWith((raw) => (raw.api.fieldLogLevel = 'NONE')));
    const [api] = Object.values(s.template.findResources('AWS::AppSync::GraphQLApi'));
    expect(api!.Properties.LogConfig).toBeUndefined();
    expect(Object.keys(s.template.findResources('AWS::IAM::Role')).filter((id) => id.includes('LogsRole'))).toEqual([]);
    expect(acknowledged(s.stack.api.api)['AwsSolutions-ASC3']).toMatch(/^Field logging is off in this environment/);
    expect(new AwsSolutionsChecks().validateScope(s.app).violations).toEqual([]);
  });
});
