import type { Grant } from '../../infra/grants';

/**
 * The offline stack's IAM: who holds which access key, and what their identity-based policy
 * allows. Each local service asks it after checking a request's signature, so a function that
 * calls an action its row in operations.ts does not grant fails here as it fails on AWS.
 * Evaluation is IAM's for Allow-only policies: a request is allowed when some statement names
 * the action and the resource, denied otherwise ("implicit deny").
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */

/** The account every local ARN names. */
export const LOCAL_ACCOUNT_ID = '000000000000';

export interface Principal {
  accessKeyId: string;
  secretAccessKey: string;
  /** The caller as AWS names it in a denial, e.g. arn:aws:sts::<account>:assumed-role/<role>/<function>. */
  arn: string;
  /** Allow statements; `*` and `?` match as in IAM's Action and Resource elements. */
  grants: readonly Grant[];
}

/** One refused call, as CloudTrail records it: who, what, on which resource. */
export interface Denial {
  at: Date;
  service: 'cognito-idp' | 's3' | 'ses';
  principalArn: string;
  action: string;
  resource: string;
}

/** Everything: the deployer's and the tests' own key. */
export const FULL_ACCESS: readonly Grant[] = [{ actions: ['*'], resources: ['*'] }];

const patterns = new Map<string, RegExp>();
/** IAM's wildcards: `*` any run of characters, `?` one; actions compare case-insensitively. */
function matches(pattern: string, value: string, ignoreCase: boolean): boolean {
  const key = `${ignoreCase ? 'i' : 's'}${pattern}`;
  let regex = patterns.get(key);
  if (!regex) {
    const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    regex = new RegExp(`^${source}$`, ignoreCase ? 'i' : '');
    patterns.set(key, regex);
  }
  return regex.test(value);
}

export function allows(grants: readonly Grant[], action: string, resource: string): boolean {
  return grants.some(
    (grant) => grant.actions.some((a) => matches(a, action, true)) && grant.resources.some((r) => matches(r, resource, false)),
  );
}

/** AWS's wording for an implicit deny by identity-based policies. */
export const deniedMessage = (principalArn: string, action: string, resource: string) =>
  `User: ${principalArn} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;

export class IamDirectory {
  private readonly byKey = new Map<string, Principal>();
  private readonly refused: Denial[] = [];

  constructor(
    principals: readonly Principal[] = [],
    /** One line per denial; names the caller, action and resource only, never request content. */
    private readonly log: (line: string) => void = (line) => console.warn(line),
  ) {
    for (const principal of principals) this.add(principal);
  }

  add(principal: Principal): void {
    this.byKey.set(principal.accessKeyId, principal);
  }

  principal(accessKeyId: string): Principal | undefined {
    return this.byKey.get(accessKeyId);
  }

  secretOf = (accessKeyId: string): string | undefined => this.byKey.get(accessKeyId)?.secretAccessKey;

  /** Allowed, or recorded and logged as a denial. */
  authorize(service: Denial['service'], principal: Principal, action: string, resource: string): boolean {
    if (allows(principal.grants, action, resource)) return true;
    this.refused.push({ at: new Date(), service, principalArn: principal.arn, action, resource });
    this.log(`IAM denied ${principal.arn}: ${action} on ${resource}`);
    return false;
  }

  /** Every denial so far, oldest first. */
  get denials(): readonly Denial[] {
    return [...this.refused];
  }
}
