import type { DomainOptions, GraphqlApi } from 'aws-cdk-lib/aws-appsync';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { CnameRecord, HostedZone } from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';
import { EnvironmentError, type Environment } from '../config';

type CustomDomain = NonNullable<Environment['customDomain']>;

/** The API's custom domain, with the us-east-1 ACM certificate AppSync requires. */
export function customDomainOptions(scope: Construct, domain: CustomDomain): DomainOptions {
  const zone = domain.hostedZoneName.replace(/\.$/, '');
  if (domain.domainName !== zone && !domain.domainName.endsWith(`.${zone}`)) {
    throw new EnvironmentError(`customDomain.domainName (${domain.domainName}) is not inside customDomain.hostedZoneName (${zone}).`);
  }
  return {
    domainName: domain.domainName,
    certificate: Certificate.fromCertificateArn(scope, 'Certificate', domain.certificateArn),
  };
}

/** Points the custom domain at AppSync's own domain name for it. */
export class CustomDomainRecord extends Construct {
  constructor(scope: Construct, id: string, props: { api: GraphqlApi; domain: CustomDomain }) {
    super(scope, id);
    const zone = HostedZone.fromHostedZoneAttributes(this, 'Zone', {
      hostedZoneId: props.domain.hostedZoneId,
      zoneName: props.domain.hostedZoneName,
    });
    new CnameRecord(this, 'Cname', {
      zone,
      recordName: props.domain.domainName,
      domainName: props.api.appSyncDomainName,
    });
  }
}
