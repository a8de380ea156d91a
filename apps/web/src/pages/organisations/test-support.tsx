import { ME } from '../../app/session';

/** The person signed in: a coordinator of Skåne, or an administrator. */
export function staffMock(platformRole: 'COORDINATOR' | 'ADMIN' | 'USER' = 'COORDINATOR') {
  return {
    request: { query: ME },
    result: {
      data: {
        me: {
          __typename: 'User',
          id: 'u1',
          displayName: 'Sara Samordnare',
          email: 'sara@skane.example.se',
          platformRole,
          coordinatorCountyCodes: platformRole === 'COORDINATOR' ? ['12'] : [],
          memberships: [],
        },
      },
    },
    maxUsageCount: 10,
  };
}

export { renderAt, signIn, signOut } from '../buyer/test-support';
