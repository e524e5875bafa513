import * as sdk from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { CognitoError, errors } from '../../../local/cognito/errors';

/** Emulator-only names: the SDK has no class for them and reports them by name. */
const PROTOCOL_ERRORS = new Set(['UnknownOperationException', 'SerializationException']);

describe('Cognito errors', () => {
  it('use only __type names the SDK has exception classes for', () => {
    const made = Object.values(errors).map((make) => (make as (message: string) => CognitoError)('m'));
    const types = new Set(made.map((e) => e.type));
    expect(types.size).toBeGreaterThan(15);
    for (const type of types) {
      if (PROTOCOL_ERRORS.has(type)) continue;
      const Class = (sdk as unknown as Record<string, unknown>)[type];
      expect(Class, type).toBeTypeOf('function');
      expect((Class as { prototype: unknown }).prototype).toBeInstanceOf(sdk.CognitoIdentityProviderServiceException);
    }
  });

  it('are 400s, except internal errors', () => {
    expect(errors.badCredentials().status).toBe(400);
    expect(errors.internal().status).toBe(500);
  });
});
