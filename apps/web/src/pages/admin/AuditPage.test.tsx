import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { i18n } from '../../i18n';
import { renderAt, signIn, signOut } from '../buyer/test-support';
import { ADMIN_AUDIT, ADMIN_AUDIT_ACTORS } from './admin-queries';
import { meWithRole } from './admin-test-support';
import { auditFilter, AuditPage, dayProblems } from './AuditPage';

const t = (key: string) => i18n.getFixedT('sv', 'admin')(key);

describe('the audit trail’s filters', () => {
  it('reads the address into the API’s filter, leaving out days that are not days', () => {
    expect(auditFilter({ vem: 'u1', vad: 'user.platformRoleSet', typ: 'user', post: 'u2', fran: '2026-12-01', till: '2026-12-07' })).toEqual({
      actorUserId: 'u1',
      action: 'user.platformRoleSet',
      entityType: 'user',
      entityId: 'u2',
      from: '2026-12-01',
      to: '2026-12-07',
    });
    expect(auditFilter({ vem: '', vad: '', typ: '', post: '', fran: 'igår', till: '' })).toEqual({});
  });

  it('refuses a period that ends before it starts, on the to date', async () => {
    await i18n.loadNamespaces('admin');
    expect(dayProblems({ fran: '2026-12-07', till: '2026-12-01' }, t)).toEqual({ till: 'Till och med-datumet får inte vara före från och med-datumet.' });
    expect(dayProblems({ fran: '7/12', till: '' }, t)).toEqual({ fran: 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-12-01.' });
  });
});

describe('the audit trail', () => {
  afterEach(signOut);

  it('shows the filtered events with the actor’s name, the action in words and the details in a disclosure', async () => {
    const trail = {
      request: { query: ADMIN_AUDIT, variables: { filter: { action: 'user.platformRoleSet', from: '2026-12-07', to: '2026-12-07' }, first: 25 } },
      result: {
        data: {
          auditEvents: {
            __typename: 'AuditEventConnection',
            totalCount: 1,
            pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: '9' },
            nodes: [
              {
                __typename: 'AuditEvent',
                id: '9',
                action: 'user.platformRoleSet',
                actorKind: 'user',
                actorUserId: 'me',
                entityType: 'user',
                entityId: 'eva',
                data: '{"from":"USER","to":"COORDINATOR","countyCodes":["12"]}',
                occurredAt: '2026-12-07T10:15:00.000Z',
              },
            ],
          },
        },
      },
    };
    const actors = {
      request: { query: ADMIN_AUDIT_ACTORS, variables: { ids: ['me'] } },
      result: { data: { nodes: [{ __typename: 'User', id: 'me', displayName: 'Samverka Admin' }] } },
    };
    signIn();
    renderAt(
      '/admin/granskning?vad=user.platformRoleSet&fran=2026-12-07&till=2026-12-07',
      [{ path: '/admin/granskning', element: <AuditPage /> }],
      [meWithRole('ADMIN'), trail, actors],
    );
    const row = await screen.findByRole('row', { name: /Ändrade en persons roll/ });
    expect(await within(row).findByRole('button', { name: 'Bara Samverka Admins händelser' })).toBeInTheDocument();
    expect(within(row).getByText('eva')).toBeInTheDocument();
    await userEvent.setup().click(within(row).getByText('Visa detaljer'));
    expect(within(row).getByText(/"to": "COORDINATOR"/)).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /^Vad/ })).toHaveValue('user.platformRoleSet');
    expect(screen.getByText('1 händelse')).toBeInTheDocument();
  });
});
