import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { usePageTitle } from '../lib/page';
import { useSession } from './session';

/** Who may open the region's and the administration's pages. */
export type WorkspaceRole = 'coordinator' | 'administrator';

/** Whether the signed-in person works for a region (a coordinator) or the whole platform (an administrator). */
export function useWorkspaceRoles(): { coordinator: boolean; administrator: boolean } {
  const { me } = useSession();
  const administrator = me?.platformRole === 'ADMIN';
  return { administrator, coordinator: administrator || me?.platformRole === 'COORDINATOR' };
}

/** The pages of the work for a region, in the order a coordinator goes through them. */
const REGION_LINKS = [
  { to: '/region', key: 'overview' },
  { to: '/formedling', key: 'brokering' },
  { to: '/organisationer', key: 'organisations' },
  { to: '/importer', key: 'imports' },
  { to: '/goda-exempel/kurera', key: 'examples' },
] as const;

function NotForYou({ role }: { role: WorkspaceRole }) {
  const { t } = useTranslation();
  usePageTitle(t(`workspace.notFor.${role}.title`));
  return (
    <div className="page">
      <Heading level={1} data-size="lg">
        {t(`workspace.notFor.${role}.title`)}
      </Heading>
      <Paragraph>{t(`workspace.notFor.${role}.body`)}</Paragraph>
    </div>
  );
}

/**
 * The frame of the coordinator's and the administrator's pages: a row of links between them under the
 * header, and for anyone else a page that says who the pages are for (the API would refuse them anyway).
 */
export function Workspace({ role }: { role: WorkspaceRole }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const roles = useWorkspaceRoles();
  // The person's role is known once their account has answered; until then the page starts on its own
  // (asking for what it needs) and shows that it is loading.
  if (me && !roles[role]) return <NotForYou role={role} />;
  return (
    <>
      {me ? (
        <nav aria-label={t('workspace.label')} className="workspace-nav">
          <ul>
            {REGION_LINKS.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} end={link.to === '/region'}>
                  {t(`workspace.links.${link.key}`)}
                </NavLink>
              </li>
            ))}
            {roles.administrator ? (
              <li>
                <NavLink to="/admin">{t('workspace.links.administration')}</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
      <Outlet />
    </>
  );
}
