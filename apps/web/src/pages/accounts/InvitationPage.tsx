import './texts';
import { Alert, Button, Heading, Link as DsLink, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ME, useSession } from '../../app/session';
import { problemsOf } from '../../forms/api-errors';
import { graphql } from '../../gql';
import { usePageTitle } from '../../lib/page';
import { VerificationState } from './shared';
import './accounts.css';

const ACCEPT = graphql(`
  mutation InvitationPageAccept($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      membership {
        role
        organization {
          id
          name
          kind
          verified
        }
      }
    }
  }
`);

export function Component() {
  const { t } = useTranslation('accounts');
  const { status, me, chooseOrganization } = useSession();
  const client = useApolloClient();
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  const back = `/inbjudan?token=${encodeURIComponent(token)}`;
  const [accept, { data, loading }] = useMutation(ACCEPT);
  const [failure, setFailure] = useState<string | null>(null);
  const result = useRef<HTMLDivElement>(null);
  const joined = data?.acceptInvitation.membership;
  const title = joined ? t('invitation.joinedTitle', { organization: joined.organization.name }) : t('invitation.title');
  usePageTitle(title);

  useEffect(() => {
    if (failure || joined) result.current?.focus();
  }, [failure, joined]);

  const onAccept = async () => {
    setFailure(null);
    try {
      const { data: answer } = await accept({ variables: { input: { token } } });
      await client.query({ query: ME, fetchPolicy: 'network-only' });
      if (answer) chooseOrganization(answer.acceptInvitation.membership.organization.id);
    } catch (error) {
      const found = problemsOf(error, t('invitation.failed'));
      setFailure([found.general, ...found.fields.map((f) => f.message)].filter(Boolean).join(' ') || t('invitation.failed'));
    }
  };

  let body;
  if (!token) {
    body = (
      <Alert data-color="warning">
        <Paragraph>{t('invitation.noToken')}</Paragraph>
      </Alert>
    );
  } else if (status === 'unknown') {
    body = <Spinner aria-label={t('common:state.loading')} />;
  } else if (status === 'signedOut') {
    body = (
      <>
        <Paragraph>{t('invitation.signedOutBody')}</Paragraph>
        <div className="accounts-actions">
          <Button asChild>
            <Link to={`/logga-in?till=${encodeURIComponent(back)}`}>{t('invitation.signIn')}</Link>
          </Button>
          <Button asChild variant="secondary">
            <Link to={`/registrera?till=${encodeURIComponent(back)}`}>{t('invitation.register')}</Link>
          </Button>
        </div>
      </>
    );
  } else if (joined) {
    body = (
      <div ref={result} tabIndex={-1} className="accounts-result">
        <Alert data-color="success">
          <Paragraph>{t('invitation.joinedBody', { organization: joined.organization.name, role: t(`roles.${joined.role}`).toLowerCase() })}</Paragraph>
        </Alert>
        <VerificationState verified={joined.organization.verified} />
        <Paragraph>
          <Button asChild>
            <Link to="/start">{t('invitation.toStart')}</Link>
          </Button>
        </Paragraph>
      </div>
    );
  } else {
    body = (
      <>
        <Paragraph>{t('invitation.signedInBody', { email: me?.email ?? '' })}</Paragraph>
        {failure ? (
          <div ref={result} tabIndex={-1}>
            <Alert data-color="danger">
              <Heading level={2} data-size="xs">
                {t('invitation.failedTitle')}
              </Heading>
              <Paragraph>{failure}</Paragraph>
              <Paragraph>{t('invitation.failedHelp')}</Paragraph>
            </Alert>
          </div>
        ) : null}
        <div className="accounts-actions">
          <Button onClick={() => void onAccept()} aria-disabled={loading || undefined}>
            {loading ? <Spinner aria-hidden data-size="xs" /> : null}
            {t('invitation.accept')}
          </Button>
          <DsLink asChild>
            <Link to="/start">{t('invitation.notNow')}</Link>
          </DsLink>
        </div>
      </>
    );
  }

  return (
    <div className="page accounts-page">
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      {body}
    </div>
  );
}
