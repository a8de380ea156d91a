import { Button, Select, SkipLink, Spinner } from '@digdir/designsystemet-react';
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { NotificationCount } from './NotificationCount';
import { useSession } from './session';
import { useWorkspaceRoles } from './Workspace';

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'en' ? 'sv' : 'en';
  return (
    <Button variant="tertiary" data-size="sm" lang={other} aria-label={t('language.switchToLabel')} onClick={() => void i18n.changeLanguage(other)}>
      {t('language.switchTo')}
    </Button>
  );
}

function OrganizationSwitch() {
  const { t } = useTranslation();
  const { me, organization, chooseOrganization } = useSession();
  const memberships = me?.memberships ?? [];
  if (memberships.length < 2 || !organization) return null;
  return (
    <div className="organization-switch">
      <label htmlFor="organization-switch">{t('organizationSwitch.label')}</label>
      <Select id="organization-switch" data-size="sm" value={organization.id} onChange={(e) => chooseOrganization(e.target.value)}>
        {memberships.map((m) => (
          <Select.Option key={m.organization.id} value={m.organization.id}>
            {m.organization.name}
          </Select.Option>
        ))}
      </Select>
    </div>
  );
}

function AccountLinks() {
  const { t } = useTranslation();
  const { status, signOut } = useSession();
  const navigate = useNavigate();
  if (status === 'unknown') return null;
  if (status === 'signedOut') {
    return (
      <>
        <Link className="header-link" to="/logga-in">
          {t('nav.signIn')}
        </Link>
        <Link className="header-link" to="/registrera">
          {t('nav.register')}
        </Link>
      </>
    );
  }
  return (
    <>
      <OrganizationSwitch />
      <NotificationCount />
      <Link className="header-link" to="/konto">
        {t('nav.account')}
      </Link>
      <Button
        variant="tertiary"
        data-size="sm"
        onClick={async () => {
          await signOut();
          void navigate('/');
        }}
      >
        {t('nav.signOut')}
      </Button>
    </>
  );
}

/** After a move to another page, focus goes to its heading, so a screen reader starts reading there. */
function useFocusOnNavigation() {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = document.querySelector<HTMLElement>('main h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: false });
    }
  }, [location.pathname]);
}

export function Layout() {
  const { t } = useTranslation();
  const { status, organization } = useSession();
  const navigation = useNavigation();
  useFocusOnNavigation();
  const buyer = status === 'signedIn' && (organization?.kind === 'MUNICIPALITY' || organization?.kind === 'REGION');
  const enterprise = status === 'signedIn' && organization?.kind === 'SOCIAL_ENTERPRISE';
  const roles = useWorkspaceRoles();
  return (
    <>
      <SkipLink href="#main">{t('skipToContent')}</SkipLink>
      <header className="site-header">
        <div className="site-header-inner" data-signed-in={status === 'signedIn' || undefined}>
          <Link to="/" className="brand">
            <img src="/favicon.svg" alt="" width="28" height="28" />
            <span>{t('appName')}</span>
          </Link>
          <nav aria-label={t('nav.label')} className="main-nav">
            <ul>
              {status === 'signedIn' ? (
                <li>
                  <NavLink to="/start">{t('nav.start')}</NavLink>
                </li>
              ) : null}
              {buyer ? (
                <li>
                  <NavLink to="/mina-behov">{t('nav.myNeeds')}</NavLink>
                </li>
              ) : null}
              {enterprise ? (
                <>
                  <li>
                    <NavLink to="/behov-for-er">{t('nav.needsForYou')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/anbud">{t('nav.myOffers')}</NavLink>
                  </li>
                </>
              ) : null}
              {buyer || enterprise ? (
                <li>
                  <NavLink to="/samarbeten">{t('nav.partnerships')}</NavLink>
                </li>
              ) : null}
              {status === 'signedIn' && roles.coordinator ? (
                <li>
                  <NavLink to="/region">{t('nav.region')}</NavLink>
                </li>
              ) : null}
              {status === 'signedIn' && roles.administrator ? (
                <li>
                  <NavLink to="/admin">{t('nav.administration')}</NavLink>
                </li>
              ) : null}
              <li>
                <NavLink to="/behov">{t('nav.needs')}</NavLink>
              </li>
              <li>
                <NavLink to="/foretag">{t('nav.enterprises')}</NavLink>
              </li>
              <li>
                <NavLink to="/goda-exempel">{t('nav.goodExamples')}</NavLink>
              </li>
            </ul>
          </nav>
          <div className="header-actions">
            <AccountLinks />
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} aria-busy={navigation.state === 'loading'}>
        <Suspense fallback={<Spinner aria-label={t('state.loading')} />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <div className="site-footer-inner">
          <p>{t('footer.about')}</p>
          <ul>
            <li>
              <Link to="/matchning">{t('footer.matching')}</Link>
            </li>
            <li>
              <Link to="/tillganglighet">{t('footer.accessibility')}</Link>
            </li>
            <li>
              <a href="/graphql">{t('footer.api')}</a>
            </li>
          </ul>
        </div>
      </footer>
    </>
  );
}
