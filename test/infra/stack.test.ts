import { Match } from 'aws-cdk-lib/assertions';
import { FUNCTION_MEMORY_MB, FUNCTION_TIMEOUT_SECONDS } from '../../lambdaLimits';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { GraphQLObjectType } from 'graphql';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { accountAttributes } from '../../accountAttributes';
import { clientReadAttributes, clientWriteAttributes } from '../../appClientAttributes';
import { qrObjectKey } from '../../functions/lib/mfa';
import { bundleResolver } from '../../infra/bundleResolver';
import { buildAppSyncSchema, SCHEMA_FILE } from '../../local/appsync/schema';
import type { Environment } from '../../infra/config';
import { dataSourceOf, functionOperations, operations, triggers, type IamAction } from '../../operations';
import { actionsOf, logicalId, statementsOfRole, synthesizeEnvironment, type Statement, type Synthesized } from './synth';

/** `Type.field` for every Query and Mutation field of schema.graphql. */
function schemaFields(): Array<{ type: string; field: string }> {
  const schema = buildAppSyncSchema(readFileSync(SCHEMA_FILE, 'utf8'));
  return [schema.getQueryType(), schema.getMutationType()].flatMap((type) =>
    Object.keys((type as GraphQLObjectType).getFields()).map((field) => ({ type: type!.name, field })),
  );
}

/** What reading or writing an SSE-KMS object needs from the bucket's key. */
const KMS_FOR: Partial<Record<IamAction, string>> = { 's3:PutObject': 'kms:GenerateDataKey', 's3:GetObject': 'kms:Decrypt' };

/** The table's actions that apply with these settings, plus the KMS actions they imply. */
function expectedActions(iam: readonly IamAction[], config: Environment): string[] {
  const applicable = iam.filter((action) =>
    action.startsWith('s3:') ? config.mfa.qrArchive : action.startsWith('ses:') ? config.email !== null : true,
  );
  return [...applicable, ...applicable.flatMap((action) => KMS_FOR[action] ?? [])].sort();
}

const isLogsOrXray = (statement: Statement) => actionsOf(statement).every((a) => a.startsWith('logs:') || a.startsWith('xray:'));
const everyFunction = [...functionOperations.map((op) => ({ name: op.field, iam: op.iam })), ...triggers.map((t) => ({ name: t.name, iam: t.iam }))];

describe.each(['dev', 'prod'])('the %s stack', (envName) => {
  let s: Synthesized;
  beforeAll(() => {
    s = synthesizeEnvironment(envName);
  });
  const resourcesOf = (type: string) => Object.entries(s.template.findResources(type));
  const poolId = () => logicalId(s.stack.users.userPool);
  const bucketId = () => logicalId(s.stack.archive!.bucket);
  const keyId = () => logicalId(s.stack.archive!.key);
  const logGroupIdOf = (name: string) => logicalId(s.stack.functions.get(name)!.node.findChild('Logs'));

  it('has no unacknowledged AWS Solutions (cdk-nag) finding', () => {
    expect(new AwsSolutionsChecks().validateScope(s.app).violations).toEqual([]);
  });

  describe('the user pool', () => {
    it('is admin-created only, with the e-mail as case-insensitive user name and e-mail-only recovery', () => {
      s.template.hasResourceProperties('AWS::Cognito::UserPool', {
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        UsernameAttributes: ['email'],
        UsernameConfiguration: { CaseSensitive: false },
        AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
        Schema: Match.arrayWith([{ Name: 'email', Required: true, Mutable: true }]),
      });
    });

    it('requires MFA, with authenticator apps (TOTP) as the only factor', () => {
      s.template.hasResourceProperties('AWS::Cognito::UserPool', {
        MfaConfiguration: 'ON',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      });
    });

    it('enforces the configured password policy', () => {
      const policy = s.config.passwordPolicy;
      s.template.hasResourceProperties('AWS::Cognito::UserPool', {
        Policies: {
          PasswordPolicy: {
            MinimumLength: policy.minLength,
            RequireUppercase: policy.requireUppercase,
            RequireLowercase: policy.requireLowercase,
            RequireNumbers: policy.requireDigits,
            RequireSymbols: policy.requireSymbols,
            TemporaryPasswordValidityDays: policy.temporaryPasswordValidityDays,
          },
        },
      });
    });

    it('brands its e-mails with the customMessage trigger', () => {
      const trigger = s.stack.functions.get('customMessage')!;
      s.template.hasResourceProperties('AWS::Cognito::UserPool', {
        LambdaConfig: { CustomMessage: { 'Fn::GetAtt': [logicalId(trigger.function), 'Arn'] } },
      });
    });

    it('sends through the configured SES identity, or Cognito when none is set', () => {
      const email = s.config.email;
      s.template.hasResourceProperties('AWS::Cognito::UserPool', {
        EmailConfiguration: email
          ? { EmailSendingAccount: 'DEVELOPER', From: email.fromAddress, SourceArn: email.sesIdentityArn }
          : { EmailSendingAccount: 'COGNITO_DEFAULT' },
      });
    });

    it('has one public client: password sign-in (and passkeys when on) and refresh only, no user existence errors', () => {
      const tokens = s.config.tokens;
      s.template.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
      s.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
        GenerateSecret: false,
        ExplicitAuthFlows: Match.arrayEquals(['ALLOW_USER_PASSWORD_AUTH', ...(s.config.passkeys ? ['ALLOW_USER_AUTH'] : []), 'ALLOW_REFRESH_TOKEN_AUTH']),
        PreventUserExistenceErrors: 'ENABLED',
        EnableTokenRevocation: true,
        AllowedOAuthFlowsUserPoolClient: false,
        IdTokenValidity: tokens.idTokenMinutes,
        AccessTokenValidity: tokens.accessTokenMinutes,
        RefreshTokenValidity: tokens.refreshTokenMinutes,
        AuthSessionValidity: tokens.authSessionMinutes,
        TokenValidityUnits: { IdToken: 'minutes', AccessToken: 'minutes', RefreshToken: 'minutes' },
        WriteAttributes: ['family_name', 'given_name', 'name', 'phone_number'],
      });
    });

    it('lets the client read and write only the attributes appClientAttributes lists, never the account attributes', () => {
      s.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
        ReadAttributes: [...clientReadAttributes].sort(),
        WriteAttributes: [...clientWriteAttributes].sort(),
      });
    });

    it('declares the account attributes as mutable custom strings with their maximum lengths', () => {
      s.template.hasResourceProperties('AWS::Cognito::UserPool', {
        Schema: Match.arrayWith(
          Object.values(accountAttributes).map(({ name, maxLength }) => ({
            Name: name,
            AttributeDataType: 'String',
            Mutable: true,
            StringAttributeConstraints: { MaxLength: String(maxLength) },
          })),
        ),
      });
    });
  });

  describe('the MFA QR archive', () => {
    it('is encrypted with its own rotating KMS key, with a bucket key', () => {
      s.template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
      s.template.hasResourceProperties('AWS::S3::Bucket', {
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            {
              BucketKeyEnabled: true,
              ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': [keyId(), 'Arn'] } },
            },
          ],
        },
      });
    });

    it('blocks all public access and keeps no old versions', () => {
      const bucket = s.template.findResources('AWS::S3::Bucket')[bucketId()]!;
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties.VersioningConfiguration).toBeUndefined();
    });

    it('refuses every request made without TLS', () => {
      s.template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: bucketId() },
        PolicyDocument: {
          Statement: Match.arrayWith([
            {
              Effect: 'Deny',
              Principal: { AWS: '*' },
              Action: 's3:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              Resource: [
                { 'Fn::GetAtt': [bucketId(), 'Arn'] },
                { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId(), 'Arn'] }, '/*']] },
              ],
            },
          ]),
        },
      });
    });

    it('grants exactly the object path the functions write (qrObjectKey)', () => {
      expect(qrObjectKey('user-1')).toMatch(/^mfa-qr\/[^/]+$/);
    });
  });

  describe('the API', () => {
    it('takes an API key that expires as configured, traces with X-Ray and limits query depth and resolvers per request', () => {
      s.template.hasResourceProperties('AWS::AppSync::GraphQLApi', {
        AuthenticationType: 'API_KEY',
        XrayEnabled: true,
        QueryDepthLimit: s.config.api.queryDepthLimit,
        ResolverCountLimit: s.config.api.resolverCountLimit,
        IntrospectionConfig: s.config.api.introspection ? 'ENABLED' : 'DISABLED',
      });
      const [[, key]] = resourcesOf('AWS::AppSync::ApiKey') as [[string, any]];
      const days = (key.Properties.Expires - Date.now() / 1000) / 86_400;
      expect(days).toBeGreaterThan(s.config.api.apiKeyExpiryDays - 1);
      // CDK rounds the expiry to a whole second: allow that second.
      expect(days).toBeLessThanOrEqual(s.config.api.apiKeyExpiryDays + 1 / 86_400);
    });

    it('adds IAM as a second authorization mode, the API key staying the default', () => {
      s.template.hasResourceProperties('AWS::AppSync::GraphQLApi', {
        AuthenticationType: 'API_KEY',
        AdditionalAuthenticationProviders: [{ AuthenticationType: 'AWS_IAM' }],
      });
    });

    it('deploys a schema with @aws_iam on each admin field and @aws_api_key on each user field', () => {
      const [[, schema]] = resourcesOf('AWS::AppSync::GraphQLSchema') as [[string, any]];
      const definition: string = schema.Properties.Definition;
      for (const op of operations) {
        const line = definition.split('\n').find((l) => new RegExp(`^\\s+${op.field}[(:]`).test(l));
        expect(line, op.field).toMatch(op.auth === 'iam' ? /@aws_iam$/ : /@aws_api_key$/);
      }
    });

    it('outputs a managed policy allowing appsync:GraphQL on exactly the admin fields', () => {
      const policies = Object.values(s.template.findResources('AWS::IAM::ManagedPolicy'));
      expect(policies).toHaveLength(1);
      const statements = policies[0]!.Properties.PolicyDocument.Statement as Statement[];
      expect(statements).toHaveLength(1);
      expect(statements[0]).toMatchObject({ Effect: 'Allow', Action: 'appsync:GraphQL' });
      const resources = (statements[0]!.Resource as Array<{ 'Fn::Join': [string, unknown[]] }>).map((r) =>
        r['Fn::Join'][1].filter((part) => typeof part === 'string').join(''),
      );
      // The literal parts of arn:<partition>:appsync:<region>:<account>:apis/<api id>/types/<type>/fields/<field>.
      const expected = operations
        .filter((op) => op.auth === 'iam')
        .map((op) => `arn::appsync:${s.config.region}::apis//types/${op.type}/fields/${op.field}`);
      expect(resources.sort()).toEqual(expected.sort());
      s.template.hasOutput('AdminPolicyArn', { Value: { Ref: Match.anyValue() } });
    });

    it('logs fields at the configured level, without verbose content, to a log group with retention', () => {
      s.template.hasResourceProperties('AWS::AppSync::GraphQLApi', {
        LogConfig: { FieldLogLevel: s.config.api.fieldLogLevel, ExcludeVerboseContent: true, CloudWatchLogsRoleArn: Match.anyValue() },
      });
      s.template.hasResourceProperties('AWS::Logs::LogGroup', {
        LogGroupName: { 'Fn::Join': ['', ['/aws/appsync/apis/', { 'Fn::GetAtt': [Match.anyValue(), 'ApiId'] }]] },
        RetentionInDays: Match.anyValue(),
      });
    });

    it('resolves every schema field with an APPSYNC_JS unit resolver calling its own function', () => {
      const fields = schemaFields();
      expect(fields.length).toBe(operations.length);
      s.template.resourceCountIs('AWS::AppSync::Resolver', fields.length);
      for (const { type, field } of fields) {
        const byCognito = dataSourceOf(field) === 'cognito';
        s.template.hasResourceProperties('AWS::AppSync::Resolver', {
          TypeName: type,
          FieldName: field,
          Kind: 'UNIT',
          Runtime: { Name: 'APPSYNC_JS', RuntimeVersion: '1.0.0' },
          DataSourceName: byCognito ? 'Cognito' : `${field}Function`,
          Code: bundleResolver(field),
        });
        if (byCognito) continue;
        s.template.hasResourceProperties('AWS::AppSync::DataSource', {
          Name: `${field}Function`,
          Type: 'AWS_LAMBDA',
          LambdaConfig: { LambdaFunctionArn: { 'Fn::GetAtt': [logicalId(s.stack.functions.get(field)!.function), 'Arn'] } },
        });
      }
    });
  });

  describe('the fields served by Cognito directly', () => {
    const cognitoFields = operations.filter((op) => dataSourceOf(op.field) === 'cognito').map((op) => op.field);
    const dataSources = () => Object.values(s.template.findResources('AWS::AppSync::DataSource')) as Array<{ Properties: any }>;

    it('are refreshTokens, me, verifyMfa, listPasskeys and finishPasskeySignIn', () => {
      expect(cognitoFields.sort()).toEqual(['finishPasskeySignIn', 'listPasskeys', 'me', 'refreshTokens', 'verifyMfa']);
    });

    it("share one unsigned HTTP data source on Cognito's regional endpoint", () => {
      const http = dataSources().filter((source) => source.Properties.Type === 'HTTP');
      expect(http).toHaveLength(1);
      expect(http[0]!.Properties).toMatchObject({
        Name: 'Cognito',
        HttpConfig: { Endpoint: { 'Fn::Join': ['', [`https://cognito-idp.${s.config.region}.`, { Ref: 'AWS::URLSuffix' }]] } },
      });
      // Unsigned: no SigV4 signing config, and its role (if any) is granted nothing.
      expect(http[0]!.Properties.HttpConfig.AuthorizationConfig).toBeUndefined();
      const roleArn = http[0]!.Properties.ServiceRoleArn;
      if (roleArn) expect(statementsOfRole(s.template, roleArn['Fn::GetAtt'][0])).toEqual([]);
    });

    it('name the app client through the API environment variable the resolvers read', () => {
      s.template.hasResourceProperties('AWS::AppSync::GraphQLApi', {
        EnvironmentVariables: { USER_POOL_CLIENT_ID: { Ref: logicalId(s.stack.users.client) } },
      });
    });

    it('have no function, no Lambda data source and no role', () => {
      for (const field of cognitoFields) {
        expect(s.stack.functions.has(field), field).toBe(false);
        expect(dataSources().some((source) => source.Properties.Name === `${field}Function`), field).toBe(false);
        const described = Object.values(s.template.findResources('AWS::Lambda::Function')).filter(
          (fn) => fn.Properties.Description === `Auth gateway: ${field}`,
        );
        expect(described, field).toEqual([]);
      }
    });

    it('leave one Lambda function per function row and trigger (and the API key check), five fewer than the operations', () => {
      const gatewayFunctions = Object.values(s.template.findResources('AWS::Lambda::Function')).filter((fn) =>
        String(fn.Properties.Description ?? '').startsWith('Auth gateway: '),
      );
      // apiKeyExpiry is the scheduled check of infra/constructs/monitoring.ts, not an operation.
      expect(gatewayFunctions).toHaveLength(functionOperations.length + triggers.length + 1);
      expect(functionOperations.length).toBe(operations.length - 5);
    });
  });

  describe('the functions', () => {
    it.each(everyFunction)('$name runs on Node.js 22 (arm64), 256 MB, 10 s, traced, logging to its own group', ({ name }) => {
      const fn = s.stack.functions.get(name)!;
      const resource = s.template.findResources('AWS::Lambda::Function')[logicalId(fn.function)]!;
      expect(resource.Properties).toMatchObject({
        Handler: 'index.handler',
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        MemorySize: FUNCTION_MEMORY_MB,
        Timeout: FUNCTION_TIMEOUT_SECONDS,
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogGroup: { Ref: logGroupIdOf(name) } },
        Role: { 'Fn::GetAtt': [logicalId(fn.role), 'Arn'] },
      });
      expect(s.template.findResources('AWS::Logs::LogGroup')[logGroupIdOf(name)]!.Properties.RetentionInDays).toBe(90);
    });

    it.each(everyFunction)('$name gets the settings functions/lib/config.ts reads', ({ name }) => {
      const fn = s.stack.functions.get(name)!;
      const isTrigger = triggers.some((t) => t.name === name);
      const email = s.config.email;
      const expected: Record<string, unknown> = {
        ...(isTrigger ? {} : { USER_POOL_ID: { Ref: poolId() }, USER_POOL_CLIENT_ID: { Ref: logicalId(s.stack.users.client) } }),
        MFA_BUCKET: { Ref: bucketId() },
        MFA_ISSUER: s.config.mfa.issuer,
        QR_RESEND_HOLD_HOURS: String(s.config.mfa.qrResendHoldHours),
        REAUTHENTICATE_WITHIN_MINUTES: String(s.config.security.reauthenticateWithinMinutes),
        AUTH_SESSION_MINUTES: String(s.config.tokens.authSessionMinutes),
        ...(s.config.passkeys ? { PASSKEYS_RELYING_PARTY_ID: s.config.passkeys.relyingPartyId } : {}),
        ...(email ? { SES_FROM_ADDRESS: email.fromAddress, SES_IDENTITY_ARN: email.sesIdentityArn } : {}),
        ...(email?.replyToAddress ? { SES_REPLY_TO_ADDRESS: email.replyToAddress } : {}),
        SERVICE_NAME: s.config.api.name,
        METRICS_NAMESPACE: s.config.api.name,
        LOG_LEVEL: 'INFO',
      };
      const resource = s.template.findResources('AWS::Lambda::Function')[logicalId(fn.function)]!;
      expect(resource.Properties.Environment.Variables).toEqual(expected);
    });

    it.each(everyFunction)("$name's role allows exactly its actions from operations.ts, each on its own resource", ({ name, iam }) => {
      const fn = s.stack.functions.get(name)!;
      const roleId = logicalId(fn.role);
      const role = s.template.findResources('AWS::IAM::Role')[roleId]!;
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      expect(role.Properties.Policies).toBeUndefined();
      expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
        { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } },
      ]);

      const statements = statementsOfRole(s.template, roleId);
      const granted = statements.filter((st) => !isLogsOrXray(st));
      expect(granted.flatMap(actionsOf).sort()).toEqual(expectedActions(iam, s.config));
      for (const statement of granted) {
        expect(statement.Effect).toBe('Allow');
        for (const action of actionsOf(statement)) {
          const resource = action.startsWith('cognito-idp:')
            ? { 'Fn::GetAtt': [poolId(), 'Arn'] }
            : action === 's3:ListBucket'
              ? { 'Fn::GetAtt': [bucketId(), 'Arn'] }
              : action.startsWith('s3:')
              ? { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId(), 'Arn'] }, '/mfa-qr/*']] }
              : action.startsWith('kms:')
                ? { 'Fn::GetAtt': [keyId(), 'Arn'] }
                : s.config.email?.sesIdentityArn;
          expect(statement.Resource, action).toEqual(resource);
        }
      }

      expect(statements.filter(isLogsOrXray)).toEqual([
        { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [logGroupIdOf(name), 'Arn'] } },
        { Effect: 'Allow', Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Resource: '*' },
      ]);
    });
  });

  describe('every IAM policy in the stack', () => {
    const allStatements = () =>
      resourcesOf('AWS::IAM::Policy').flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement as Statement[]);

    it('grants no wildcard action', () => {
      const actions = allStatements().flatMap(actionsOf);
      expect(actions.length).toBeGreaterThan(0);
      expect(actions.filter((action) => action.includes('*'))).toEqual([]);
    });

    it('uses wildcard resources only for X-Ray, the QR objects and the versions of an invoked function', () => {
      for (const statement of allStatements()) {
        for (const resource of [statement.Resource].flat()) {
          if (typeof resource === 'string' && resource.includes('*')) {
            expect(resource).toBe('*');
            expect(actionsOf(statement).every((a) => a.startsWith('xray:'))).toBe(true);
          }
          const join = (resource as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
          const tail = join?.[1].at(-1);
          if (typeof tail === 'string' && tail.includes('*')) {
            if (tail === ':*') expect(actionsOf(statement)).toEqual(['lambda:InvokeFunction']);
            else expect(tail).toBe('/mfa-qr/*');
          }
        }
      }
    });
  });

  it('outputs the GraphQL URL, the API key, the pool and client ids, the bucket name, the alarm topic and the dashboard', () => {
    expect(Object.keys(s.template.findOutputs('*')).sort()).toEqual([
      'AdminPolicyArn',
      'AlarmTopicArn',
      'ApiKey',
      'DashboardName',
      'GraphqlUrl',
      'MfaBucketName',
      'UserPoolClientId',
      'UserPoolId',
    ]);
    s.template.hasOutput('ApiKey', { Value: { 'Fn::GetAtt': [Match.anyValue(), 'ApiKey'] } });
    s.template.hasOutput('UserPoolId', { Value: { Ref: poolId() } });
    s.template.hasOutput('MfaBucketName', { Value: { Ref: bucketId() } });
    s.template.hasOutput('AlarmTopicArn', { Value: { Ref: logicalId(s.stack.monitoring.topic) } });
  });
});

describe('prod', () => {
  let s: Synthesized;
  beforeAll(() => {
    s = synthesizeEnvironment('prod');
  });

  it('turns introspection off', () => {
    s.template.hasResourceProperties('AWS::AppSync::GraphQLApi', { IntrospectionConfig: 'DISABLED' });
  });

  it('protects the user pool from deletion and retains the pool, key and bucket', () => {
    s.template.hasResourceProperties('AWS::Cognito::UserPool', { DeletionProtection: 'ACTIVE' });
    for (const type of ['AWS::Cognito::UserPool', 'AWS::KMS::Key', 'AWS::S3::Bucket']) {
      s.template.hasResource(type, { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    }
    s.template.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
  });

  it('has AWS WAF on the API and on the user pool (test/infra/waf.test.ts checks the rules)', () => {
    s.template.resourceCountIs('AWS::WAFv2::WebACL', 2);
    s.template.hasResourceProperties('AWS::WAFv2::WebACLAssociation', {
      ResourceArn: { 'Fn::GetAtt': [logicalId(s.stack.api.api), 'Arn'] },
      WebACLArn: { 'Fn::GetAtt': [logicalId(s.stack.firewall!.apiAcl), 'Arn'] },
    });
    s.template.hasResourceProperties('AWS::WAFv2::WebACLAssociation', {
      ResourceArn: { 'Fn::GetAtt': [logicalId(s.stack.users.userPool), 'Arn'] },
      WebACLArn: { 'Fn::GetAtt': [logicalId(s.stack.firewall!.userPoolAcl!), 'Arn'] },
    });
  });
});

describe('dev', () => {
  let s: Synthesized;
  beforeAll(() => {
    s = synthesizeEnvironment('dev');
  });

  it('can be deleted with its data: no deletion protection, the archive and its audit log emptied on delete', () => {
    s.template.hasResourceProperties('AWS::Cognito::UserPool', { DeletionProtection: 'INACTIVE' });
    s.template.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Delete' });
    s.template.resourceCountIs('Custom::S3AutoDeleteObjects', 2);
  });

  it('has no WAF web ACL when none is configured', () => {
    s.template.resourceCountIs('AWS::WAFv2::WebACL', 0);
  });
});
