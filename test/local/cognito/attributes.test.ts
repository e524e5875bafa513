import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { accountAttributes, cognitoAttributeName } from '../../../accountAttributes';
import { clientReadAttributes, clientWriteAttributes } from '../../../appClientAttributes';
import { AddCustomAttributes } from '../../../local/cognito/actions/AddCustomAttributes';
import { AdminDeleteUserAttributes } from '../../../local/cognito/actions/AdminDeleteUserAttributes';
import { AdminGetUser } from '../../../local/cognito/actions/AdminGetUser';
import { AdminUpdateUserAttributes } from '../../../local/cognito/actions/AdminUpdateUserAttributes';
import { CreateUserPoolClient } from '../../../local/cognito/actions/CreateUserPoolClient';
import { GetUser } from '../../../local/cognito/actions/GetUser';
import { InitiateAuth } from '../../../local/cognito/actions/InitiateAuth';
import { UpdateUserAttributes } from '../../../local/cognito/actions/UpdateUserAttributes';
import { UpdateUserPoolClient } from '../../../local/cognito/actions/UpdateUserPoolClient';
import { customAttributeSchema } from '../../../local/provision';
import { enrolledUser, expectFailure, invite, world } from './fixtures';

const RECOVERY = cognitoAttributeName('recoveryCodes');
const RESET_AT = cognitoAttributeName('passwordResetAt');

/** The product's pool and client: the account attributes declared, the client's lists from appClientAttributes. */
const productWorld = () =>
  world(
    { Schema: [{ Name: 'email', AttributeDataType: 'String', Required: true, Mutable: true }, ...customAttributeSchema()] },
    { ReadAttributes: [...clientReadAttributes], WriteAttributes: [...clientWriteAttributes] },
  );

const names = (list: Array<{ Name?: string }> | undefined) => (list ?? []).map((a) => a.Name);

describe('custom attributes and the app client’s attribute permissions', () => {
  it('let administrators write, read and delete the account attributes', async () => {
    const w = await productWorld();
    const { username } = await enrolledUser(w);
    await AdminUpdateUserAttributes(w.ctx, {
      UserPoolId: w.poolId,
      Username: username,
      UserAttributes: [
        { Name: RECOVERY, Value: 'h1,h2' },
        { Name: RESET_AT, Value: '1893456000' },
      ],
    });
    const admin = await AdminGetUser(w.ctx, { UserPoolId: w.poolId, Username: username });
    expect(admin.UserAttributes).toContainEqual({ Name: RECOVERY, Value: 'h1,h2' });
    expect(admin.UserAttributes).toContainEqual({ Name: RESET_AT, Value: '1893456000' });
    await AdminDeleteUserAttributes(w.ctx, { UserPoolId: w.poolId, Username: username, UserAttributeNames: [RECOVERY] });
    expect(names((await AdminGetUser(w.ctx, { UserPoolId: w.poolId, Username: username })).UserAttributes)).not.toContain(RECOVERY);
  });

  it('keep them from the user’s own token: not in GetUser, not in the id token, not writable', async () => {
    const w = await productWorld();
    const { username, tokens } = await enrolledUser(w);
    await AdminUpdateUserAttributes(w.ctx, { UserPoolId: w.poolId, Username: username, UserAttributes: [{ Name: RECOVERY, Value: 'h1' }] });
    const me = await GetUser(w.ctx, { AccessToken: tokens.AccessToken });
    expect(names(me.UserAttributes)).not.toContain(RECOVERY);
    expect(names(me.UserAttributes)).toEqual(['sub', 'email', 'email_verified', 'name']);
    const fresh = await InitiateAuth(w.ctx, { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: w.clientId, AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken! } });
    const claims = decodeJwt(fresh.AuthenticationResult!.IdToken!);
    expect(claims[RECOVERY]).toBeUndefined();
    expect(claims).toMatchObject({ email: 'ada@example.com', email_verified: true, name: 'Ada Lovelace' });
    await expectFailure(
      UpdateUserAttributes(w.ctx, { AccessToken: tokens.AccessToken, UserAttributes: [{ Name: RECOVERY, Value: '' }] }),
      'NotAuthorizedException',
      'A client attempted to write unauthorized attribute',
    );
    expect((await AdminGetUser(w.ctx, { UserPoolId: w.poolId, Username: username })).UserAttributes).toContainEqual({ Name: RECOVERY, Value: 'h1' });
  });

  it('let the client write only its WriteAttributes: never the e-mail, sub or the verification flags', async () => {
    const w = await productWorld();
    const { tokens } = await enrolledUser(w);
    const AccessToken = tokens.AccessToken;
    await UpdateUserAttributes(w.ctx, { AccessToken, UserAttributes: [{ Name: 'given_name', Value: 'Ada' }] });
    expect((await GetUser(w.ctx, { AccessToken })).UserAttributes).toContainEqual({ Name: 'given_name', Value: 'Ada' });
    for (const Name of ['email', 'email_verified', 'sub']) {
      await expectFailure(
        UpdateUserAttributes(w.ctx, { AccessToken, UserAttributes: [{ Name, Value: 'x@example.com' }] }),
        'NotAuthorizedException',
        'A client attempted to write unauthorized attribute',
      );
    }
  });

  it('answer InvalidParameterException for custom attributes the pool does not have, and for values too long', async () => {
    const w = await productWorld();
    const { username, tokens } = await enrolledUser(w);
    const unknown = 'Attributes did not conform to the schema: custom:shoe_size: Attribute does not exist in the schema.\n';
    await expectFailure(
      AdminUpdateUserAttributes(w.ctx, { UserPoolId: w.poolId, Username: username, UserAttributes: [{ Name: 'custom:shoe_size', Value: '9' }] }),
      'InvalidParameterException',
      unknown,
    );
    await expectFailure(
      UpdateUserAttributes(w.ctx, { AccessToken: tokens.AccessToken, UserAttributes: [{ Name: 'custom:shoe_size', Value: '9' }] }),
      'InvalidParameterException',
      unknown,
    );
    await expectFailure(
      AdminDeleteUserAttributes(w.ctx, { UserPoolId: w.poolId, Username: username, UserAttributeNames: ['custom:shoe_size'] }),
      'InvalidParameterException',
    );
    const max = accountAttributes.passwordResetAt.maxLength;
    await expectFailure(
      AdminUpdateUserAttributes(w.ctx, { UserPoolId: w.poolId, Username: username, UserAttributes: [{ Name: RESET_AT, Value: '1'.repeat(max + 1) }] }),
      'InvalidParameterException',
    );
    await AdminUpdateUserAttributes(w.ctx, { UserPoolId: w.poolId, Username: username, UserAttributes: [{ Name: RESET_AT, Value: '1'.repeat(max) }] });
  });

  it('follow the mutability the pool declares, for administrators too', async () => {
    const w = await world({
      Schema: [
        { Name: 'email', AttributeDataType: 'String', Mutable: true },
        { Name: 'badge', AttributeDataType: 'String', Mutable: false },
      ],
    });
    const username = await invite(w, 'ada@example.com');
    await expectFailure(
      AdminUpdateUserAttributes(w.ctx, { UserPoolId: w.poolId, Username: username, UserAttributes: [{ Name: 'custom:badge', Value: 'x' }] }),
      'InvalidParameterException',
      'Cannot modify the non-mutable attribute custom:badge',
    );
    // E-mail is declared mutable: an administrator may change it, and the new address is not verified.
    await AdminUpdateUserAttributes(w.ctx, { UserPoolId: w.poolId, Username: username, UserAttributes: [{ Name: 'email', Value: 'ada@example.org' }] });
    const attrs = (await AdminGetUser(w.ctx, { UserPoolId: w.poolId, Username: username })).UserAttributes;
    expect(attrs).toContainEqual({ Name: 'email', Value: 'ada@example.org' });
    expect(attrs).toContainEqual({ Name: 'email_verified', Value: 'false' });
    await invite(w, 'bob@example.com');
    await expectFailure(
      AdminUpdateUserAttributes(w.ctx, { UserPoolId: w.poolId, Username: username, UserAttributes: [{ Name: 'email', Value: 'BOB@example.com' }] }),
      'AliasExistsException',
    );
  });

  it('lets a client that names no lists read and write the standard attributes only', async () => {
    const w = await world({ Schema: customAttributeSchema() });
    const { username, tokens } = await enrolledUser(w);
    await AdminUpdateUserAttributes(w.ctx, { UserPoolId: w.poolId, Username: username, UserAttributes: [{ Name: RECOVERY, Value: 'h1' }] });
    expect(names((await GetUser(w.ctx, { AccessToken: tokens.AccessToken })).UserAttributes)).not.toContain(RECOVERY);
    await UpdateUserAttributes(w.ctx, { AccessToken: tokens.AccessToken, UserAttributes: [{ Name: 'nickname', Value: 'Ada' }] });
    await expectFailure(
      UpdateUserAttributes(w.ctx, { AccessToken: tokens.AccessToken, UserAttributes: [{ Name: RECOVERY, Value: 'x' }] }),
      'NotAuthorizedException',
    );
  });

  it('CreateUserPoolClient and UpdateUserPoolClient keep the lists and refuse attributes the pool lacks', async () => {
    const w = await productWorld();
    const created = await CreateUserPoolClient(w.ctx, {
      UserPoolId: w.poolId,
      ClientName: 'admin-app',
      ReadAttributes: ['email', RECOVERY],
      WriteAttributes: [RECOVERY],
    });
    expect(created.UserPoolClient).toMatchObject({ ReadAttributes: ['email', RECOVERY], WriteAttributes: [RECOVERY] });
    await expectFailure(
      CreateUserPoolClient(w.ctx, { UserPoolId: w.poolId, ClientName: 'x', ReadAttributes: ['custom:nothing'] }),
      'InvalidParameterException',
      'Invalid read attributes specified while creating a client',
    );
    await expectFailure(
      UpdateUserPoolClient(w.ctx, { UserPoolId: w.poolId, ClientId: w.clientId, WriteAttributes: ['custom:nothing'] }),
      'InvalidParameterException',
      'Invalid write attributes specified while updating a client',
    );
  });

  it('AddCustomAttributes adds attributes to an existing pool once', async () => {
    const w = await world();
    const username = await invite(w, 'ada@example.com');
    await expectFailure(
      AdminUpdateUserAttributes(w.ctx, { UserPoolId: w.poolId, Username: username, UserAttributes: [{ Name: RECOVERY, Value: 'h' }] }),
      'InvalidParameterException',
    );
    await AddCustomAttributes(w.ctx, { UserPoolId: w.poolId, CustomAttributes: customAttributeSchema() });
    await AdminUpdateUserAttributes(w.ctx, { UserPoolId: w.poolId, Username: username, UserAttributes: [{ Name: RECOVERY, Value: 'h' }] });
    await expectFailure(AddCustomAttributes(w.ctx, { UserPoolId: w.poolId, CustomAttributes: customAttributeSchema() }), 'InvalidParameterException');
  });
});
