import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { setSession } from '../api/tokens';
import { ME, SessionProvider } from './session';
import { Workspace, type WorkspaceRole } from './Workspace';

function me(platformRole: 'USER' | 'COORDINATOR' | 'ADMIN') {
  return {
    request: { query: ME },
    result: {
      data: {
        me: {
          __typename: 'User',
          id: 'u1',
          displayName: 'Helena Wallin',
          email: 'helena@skane.example.se',
          platformRole,
          coordinatorCountyCodes: platformRole === 'COORDINATOR' ? ['12'] : [],
          memberships: [],
        },
      },
    },
    maxUsageCount: 10,
  };
}

function renderAs(platformRole: 'USER' | 'COORDINATOR' | 'ADMIN', role: WorkspaceRole, path = '/region') {
  setSession({ accessToken: 'token', accessTokenExpiresAt: new Date(Date.now() + 3_600_000).toISOString(), user: { id: 'u1', displayName: 'Helena Wallin', platformRole } });
  return render(
    <MockedProvider mocks={[me(platformRole)]}>
      <SessionProvider>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route element={<Workspace role={role} />}>
              <Route path="/region" element={<h1>Regionens översikt</h1>} />
              <Route path="/admin" element={<h1>Administration</h1>} />
            </Route>
          </Routes>
        </MemoryRouter>
      </SessionProvider>
    </MockedProvider>,
  );
}

describe('the workspace of coordinators and administrators', () => {
  afterEach(() => setSession(null));

  it('shows a coordinator the region’s pages, with the one open marked, and no administration', async () => {
    renderAs('COORDINATOR', 'coordinator');
    const nav = await screen.findByRole('navigation', { name: 'Arbetet i regionen' });
    expect(screen.getByRole('heading', { level: 1, name: 'Regionens översikt' })).toBeInTheDocument();
    const links = [...nav.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['Översikt', '/region'],
      ['Förmedling', '/formedling'],
      ['Organisationer', '/organisationer'],
      ['Import', '/importer'],
      ['Goda exempel', '/goda-exempel/kurera'],
    ]);
    expect(screen.getByRole('link', { name: 'Översikt' })).toHaveAttribute('aria-current', 'page');
  });

  it('gives an administrator the administration too', async () => {
    renderAs('ADMIN', 'administrator', '/admin');
    expect(await screen.findByRole('link', { name: 'Administration' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('heading', { level: 1, name: 'Administration' })).toBeInTheDocument();
  });

  it('tells a coordinator that the administration is for administrators', async () => {
    renderAs('COORDINATOR', 'administrator', '/admin');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sidan är för administratörer' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Arbetet i regionen' })).not.toBeInTheDocument();
  });

  it('tells anyone else who the region’s pages are for', async () => {
    renderAs('USER', 'coordinator');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sidan är för regionala samordnare' })).toBeInTheDocument();
  });
});
