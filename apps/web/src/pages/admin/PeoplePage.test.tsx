import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PLACE_PICKER_PLACES } from '../../components/PlacePicker';
import { renderAt, signIn, signOut } from '../buyer/test-support';
import { ADMIN_PEOPLE, ADMIN_SET_ROLE } from './admin-queries';
import { meWithRole } from './admin-test-support';
import { PeoplePage } from './PeoplePage';

const person = (id: string, displayName: string, platformRole: string, coordinatorCountyCodes: string[] = []) => ({
  __typename: 'User',
  id,
  displayName,
  email: `${id}@exempel.se`,
  platformRole,
  coordinatorCountyCodes,
  createdAt: '2026-11-02T09:00:00.000Z',
});

const peopleMock = {
  request: { query: ADMIN_PEOPLE, variables: { search: null, first: 25 } },
  result: {
    data: {
      users: {
        __typename: 'UserConnection',
        totalCount: 2,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c2' },
        nodes: [person('eva', 'Eva Ek', 'USER'), person('me', 'Samverka Admin', 'ADMIN')],
      },
    },
  },
};

const placesMock = {
  request: { query: PLACE_PICKER_PLACES },
  result: {
    data: {
      counties: [
        { __typename: 'County', code: '01', name: 'Stockholms län' },
        { __typename: 'County', code: '12', name: 'Skåne län' },
      ],
      municipalities: [],
    },
  },
};

const open = (role: 'ADMIN' | 'USER', extra: unknown[] = []) => {
  signIn();
  renderAt(
    '/admin/personer',
    [{ path: '/admin/personer', element: <PeoplePage /> }],
    [meWithRole(role, role === 'ADMIN' ? 'Samverka Admin' : 'Anna Lindqvist'), peopleMock, placesMock, ...(extra as never[])],
  );
};

describe('people and roles', () => {
  afterEach(signOut);

  it('makes a person coordinator of a county, asking for at least one county first', async () => {
    const saved = {
      request: { query: ADMIN_SET_ROLE, variables: { input: { userId: 'eva', role: 'COORDINATOR', countyCodes: ['12'] } } },
      result: {
        data: { setPlatformRole: { __typename: 'SetPlatformRolePayload', user: { __typename: 'User', id: 'eva', platformRole: 'COORDINATOR', coordinatorCountyCodes: ['12'] } } },
      },
    };
    open('ADMIN', [saved]);
    const user = userEvent.setup();
    expect(await screen.findByRole('rowheader', { name: 'Eva Ek' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Ändra roll för Eva Ek' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ändra roll för Eva Ek' });
    await user.click(within(dialog).getByRole('radio', { name: /^Samordnare/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Spara roll' }));
    expect(await within(dialog).findByRole('link', { name: 'Välj minst ett län för en samordnare.' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('checkbox', { name: 'Skåne län' }));
    await user.click(within(dialog).getByRole('button', { name: 'Spara roll' }));
    expect(await screen.findByText('Eva Ek är nu samordnare.')).toBeInTheDocument();
  });

  it('asks before removing an administrator, and shows why the API refuses the last one', async () => {
    const refused = {
      request: { query: ADMIN_SET_ROLE, variables: { input: { userId: 'me', role: 'USER', countyCodes: [] } } },
      result: { errors: [{ message: 'Plattformen måste ha minst en administratör. Gör någon annan till administratör först.', extensions: { code: 'CONFLICT' } }] },
    };
    open('ADMIN', [refused]);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Ändra roll för Samverka Admin' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ändra roll för Samverka Admin' });
    await user.click(within(dialog).getByRole('radio', { name: /^Användare/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Spara roll' }));
    expect(await within(dialog).findByRole('heading', { name: 'Ta bort administratörsrollen från Samverka Admin?' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Ja, ändra rollen' }));
    expect(await within(dialog).findByText('Plattformen måste ha minst en administratör. Gör någon annan till administratör först.')).toBeInTheDocument();
  });
});
