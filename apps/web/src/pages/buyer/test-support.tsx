import { MockedProvider, type MockedProviderProps } from '@apollo/client/testing/react';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { setSession } from '../../api/tokens';
import { ME, SessionProvider } from '../../app/session';

type Mocks = NonNullable<MockedProviderProps['mocks']>;

/** The person signed in: a member of Malmö stad (a kommun), or of a social enterprise. */
export function meMock(kind: 'MUNICIPALITY' | 'SOCIAL_ENTERPRISE' = 'MUNICIPALITY') {
  return {
    request: { query: ME },
    result: {
      data: {
        me: {
          __typename: 'User',
          id: 'u1',
          displayName: 'Anna Lindqvist',
          email: 'anna@malmo.example.se',
          platformRole: 'USER',
          coordinatorCountyCodes: [],
          memberships: [
            {
              __typename: 'Membership',
              role: 'MEMBER',
              organization: {
                __typename: 'Organization',
                id: kind === 'MUNICIPALITY' ? 'malmo' : 'rent',
                name: kind === 'MUNICIPALITY' ? 'Malmö stad' : 'Rent & Redo',
                kind,
                verified: true,
                countyCode: '12',
                municipalityCode: '1280',
              },
            },
          ],
        },
      },
    },
    maxUsageCount: 10,
  };
}

export function signIn() {
  setSession({
    accessToken: 'token',
    accessTokenExpiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    user: { id: 'u1', displayName: 'Anna Lindqvist', platformRole: 'USER' },
  });
}

export function signOut() {
  setSession(null);
  localStorage.clear();
}

/** Shows where the app went: the path and search the router is at. */
function Where() {
  const location = useLocation();
  return <output data-testid="where">{`${location.pathname}${location.search}`}</output>;
}

/** Renders pages of the buyer's area at an address, signed in, with the API's answers given. */
export function renderAt(path: string, routes: { path: string; element: ReactNode }[], mocks: Mocks) {
  return render(
    <MockedProvider mocks={mocks}>
      <SessionProvider>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            {routes.map((r) => (
              <Route key={r.path} path={r.path} element={r.element} />
            ))}
          </Routes>
          <Where />
        </MemoryRouter>
      </SessionProvider>
    </MockedProvider>,
  );
}
