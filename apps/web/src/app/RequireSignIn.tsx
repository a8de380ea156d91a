import { Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from './session';

/** Pages for people signed in: others are sent to sign in, and back here afterwards. */
export function RequireSignIn() {
  const { t } = useTranslation();
  const { status } = useSession();
  const location = useLocation();
  if (status === 'unknown') return <Spinner aria-label={t('state.loading')} />;
  if (status === 'signedOut') {
    const back = `${location.pathname}${location.search}`;
    return <Navigate to={`/logga-in?till=${encodeURIComponent(back)}`} replace />;
  }
  return <Outlet />;
}
