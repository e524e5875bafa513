import { adminUserOf, byEmail, findUser } from './lib/adminUser';
import { defineAdminOperation } from './lib/admin';

/** One user's account as a support desk needs it: status, enabled, MFA enrolment, groups. */
export const handler = defineAdminOperation('adminGetUser', {
  args: byEmail,
  async run({ email }, { actingOn }) {
    const found = await findUser(email);
    actingOn({ userId: found.userId });
    return adminUserOf(found);
  },
});
