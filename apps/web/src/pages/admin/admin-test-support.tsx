import { ME } from '../../app/session';

/** The person signed in, with a platform role: the demo's administrator, a coordinator in Skåne, or a user. */
export function meWithRole(platformRole: 'ADMIN' | 'COORDINATOR' | 'USER', displayName = 'Samverka Admin') {
  return {
    request: { query: ME },
    result: {
      data: {
        me: {
          __typename: 'User',
          id: 'me',
          displayName,
          email: 'admin@exempel.se',
          platformRole,
          coordinatorCountyCodes: platformRole === 'COORDINATOR' ? ['12'] : [],
          memberships: [],
        },
      },
    },
    maxUsageCount: 10,
  };
}
