import { describe, expect, it } from 'vitest';
import { AdminAddUserToGroup } from '../../../local/cognito/actions/AdminAddUserToGroup';
import { AdminListGroupsForUser } from '../../../local/cognito/actions/AdminListGroupsForUser';
import { AdminRemoveUserFromGroup } from '../../../local/cognito/actions/AdminRemoveUserFromGroup';
import { CreateGroup } from '../../../local/cognito/actions/CreateGroup';
import { expectFailure, invite, world } from './fixtures';

describe('groups', () => {
  it('CreateGroup refuses duplicates and bad precedence', async () => {
    const w = await world();
    const out = await CreateGroup(w.ctx, { UserPoolId: w.poolId, GroupName: 'admins', Description: 'All powers', Precedence: 0 });
    expect(out.Group).toEqual({
      GroupName: 'admins',
      UserPoolId: w.poolId,
      Description: 'All powers',
      Precedence: 0,
      CreationDate: w.clock.now(),
      LastModifiedDate: w.clock.now(),
    });
    await expectFailure(CreateGroup(w.ctx, { UserPoolId: w.poolId, GroupName: 'admins' }), 'GroupExistsException');
    await expectFailure(CreateGroup(w.ctx, { UserPoolId: w.poolId, GroupName: 'x', Precedence: -1 }), 'InvalidParameterException');
  });

  it('adds, lists and removes a user’s groups', async () => {
    const w = await world();
    const username = await invite(w, 'ada@example.com');
    for (const [GroupName, Precedence] of [['b', 2], ['a', 1]] as const) {
      await CreateGroup(w.ctx, { UserPoolId: w.poolId, GroupName, Precedence });
      await AdminAddUserToGroup(w.ctx, { UserPoolId: w.poolId, Username: 'ada@example.com', GroupName });
    }
    // Adding twice changes nothing.
    await AdminAddUserToGroup(w.ctx, { UserPoolId: w.poolId, Username: username, GroupName: 'a' });
    const listed = await AdminListGroupsForUser(w.ctx, { UserPoolId: w.poolId, Username: username });
    expect(listed.Groups?.map((g) => g.GroupName)).toEqual(['a', 'b']);
    await AdminRemoveUserFromGroup(w.ctx, { UserPoolId: w.poolId, Username: username, GroupName: 'a' });
    expect((await AdminListGroupsForUser(w.ctx, { UserPoolId: w.poolId, Username: username })).Groups?.map((g) => g.GroupName)).toEqual(['b']);
  });

  it('refuses unknown groups and users', async () => {
    const w = await world();
    const username = await invite(w, 'ada@example.com');
    await expectFailure(AdminAddUserToGroup(w.ctx, { UserPoolId: w.poolId, Username: username, GroupName: 'none' }), 'ResourceNotFoundException', 'Group not found.');
    await CreateGroup(w.ctx, { UserPoolId: w.poolId, GroupName: 'a' });
    await expectFailure(AdminAddUserToGroup(w.ctx, { UserPoolId: w.poolId, Username: 'nobody', GroupName: 'a' }), 'UserNotFoundException');
    await expectFailure(AdminRemoveUserFromGroup(w.ctx, { UserPoolId: w.poolId, Username: username, GroupName: 'none' }), 'ResourceNotFoundException');
  });
});
