import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { devWith, refusalOf } from './synth';

const root = new URL('../..', import.meta.url).pathname;

describe('invalid settings', () => {
  it('refuses field log level ALL, which would log passwords', () => {
    expect(refusalOf((raw) => (raw.api.fieldLogLevel = 'ALL'))).toContain(
      'api.fieldLogLevel: NONE, ERROR, INFO or DEBUG (ALL would log every argument, passwords included)',
    );
  });

  it('refuses a certificate outside us-east-1, naming the rule', () => {
    const message = refusalOf((raw) => {
      raw.customDomain = {
        domainName: 'auth.example.com',
        certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/abc-123',
        hostedZoneId: 'Z0123456789ABC',
        hostedZoneName: 'example.com',
      };
    });
    expect(message).toContain('customDomain.certificateArn: an ACM certificate ARN in us-east-1 (AppSync requires us-east-1)');
  });

  it('reports every problem at once', () => {
    const message = refusalOf((raw) => {
      raw.api.fieldLogLevel = 'ALL';
      raw.tokens.authSessionMinutes = 60;
    });
    expect(message).toContain('api.fieldLogLevel: NONE, ERROR, INFO or DEBUG');
    expect(message).toContain('tokens.authSessionMinutes: authSessionMinutes is at most 15');
  });
});

describe('npx cdk synth with a bad environment', () => {
  it('exits 1 with the message and no stack trace', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'infra/app.ts'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, CDK_CONTEXT_JSON: JSON.stringify({ env: 'nope' }), CDK_OUTDIR: mkdtempSync(join(tmpdir(), 'cdk-out-')) },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('No environment "nope": create infra/environments/nope.json (have: dev, prod');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
