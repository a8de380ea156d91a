import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { NotFound } from '../pages/NotFound';

/** What a page that failed to load shows: not found, or a way to try again (a new version may have been deployed). */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  return (
    <div className="page">
      <Heading level={1} data-size="lg">
        {t('state.error')}
      </Heading>
      <Alert data-color="danger">
        <Paragraph>{t('state.offline')}</Paragraph>
      </Alert>
      <p>
        <Button onClick={() => location.reload()}>{t('state.retry')}</Button> <Link to="/">{t('notFound.home')}</Link>
      </p>
    </div>
  );
}
