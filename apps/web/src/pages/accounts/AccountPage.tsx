import { Alert, Button, Fieldset, Heading, Paragraph, Radio, Spinner, Table, Textfield } from '@digdir/designsystemet-react';
import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../../app/session';
import { problemsOf, fieldId } from '../../forms/api-errors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { graphql } from '../../gql';
import { usePageTitle } from '../../lib/page';
import { fieldProblems } from '../../forms/field-problems';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './form-problems';
import { VerificationState } from './shared';
import { resolverOf, type Problems } from '../../forms/resolver';
import './accounts.css';

const CHANGE_PASSWORD = graphql(`
  mutation AccountPageChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      accessToken
      accessTokenExpiresAt
      user {
        id
        displayName
        platformRole
      }
    }
  }
`);

const FORM = 'change-password';
const FIELDS = ['currentPassword', 'newPassword'] as const;
type Values = { currentPassword: string; newPassword: string };

export function ChangePasswordForm() {
  const { t } = useTranslation('accounts');
  const { signedIn } = useSession();
  const [changePassword] = useMutation(CHANGE_PASSWORD);
  const [general, setGeneral] = useState<string | null>(null);
  const [changed, setChanged] = useState(false);
  const success = useRef<HTMLDivElement>(null);
  const resolver = resolverOf<Values>((values) => {
    const errors: Problems = {};
    if (!values.currentPassword) errors.currentPassword = { type: 'required', message: t('account.currentPasswordRequired') };
    const length = [...values.newPassword].length;
    if (length === 0) errors.newPassword = { type: 'required', message: t('account.newPasswordRequired') };
    else if (length < PASSWORD_MIN_LENGTH) errors.newPassword = { type: 'short', message: t('register.passwordShort', { count: PASSWORD_MIN_LENGTH }) };
    else if (length > PASSWORD_MAX_LENGTH) errors.newPassword = { type: 'long', message: t('register.passwordLong', { count: PASSWORD_MAX_LENGTH }) };
    else if (values.newPassword === values.currentPassword) errors.newPassword = { type: 'same', message: t('account.samePassword') };
    return errors;
  });
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, submitCount, isSubmitting },
  } = useForm<Values>({ defaultValues: { currentPassword: '', newPassword: '' }, resolver, shouldFocusError: false });

  useEffect(() => {
    if (changed) success.current?.focus();
  }, [changed]);

  const onSubmit = handleSubmit(
    async (values) => {
      setGeneral(null);
      setChanged(false);
      try {
        const { data } = await changePassword({ variables: { input: { currentPassword: values.currentPassword, newPassword: values.newPassword, session: 'COOKIE' } } });
        if (!data) throw new Error('no answer');
        await signedIn(data.changePassword);
        reset();
        setChanged(true);
      } catch (error) {
        const found = problemsOf(error, t('account.passwordFailed'));
        const left: string[] = [];
        for (const field of found.fields) {
          if ((FIELDS as readonly string[]).includes(field.path)) setError(field.path as keyof Values, { type: 'api', message: field.message });
          else left.push(field.message);
        }
        setGeneral([found.general, ...left].filter(Boolean).join(' ') || null);
      }
    },
    () => {
      setGeneral(null);
      setChanged(false);
    },
  );

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="accounts-form">
      {changed ? (
        <Alert data-color="success" ref={success} tabIndex={-1}>
          {t('account.passwordChanged')}
        </Alert>
      ) : null}
      <ErrorSummary attempt={submitCount} form={FORM} problems={fieldProblems(errors, FIELDS)} general={general} />
      {/* Password managers pair the new password with the account. */}
      <input type="text" name="username" autoComplete="username" hidden readOnly value="" />
      <Textfield
        id={fieldId(FORM, 'currentPassword')}
        label={t('fields.currentPassword')}
        type="password"
        autoComplete="current-password"
        error={errors.currentPassword?.message}
        {...register('currentPassword')}
      />
      <Textfield
        id={fieldId(FORM, 'newPassword')}
        label={t('fields.newPassword')}
        description={t('account.newPasswordHint', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })}
        type="password"
        autoComplete="new-password"
        error={errors.newPassword?.message}
        {...register('newPassword')}
      />
      <div className="accounts-actions">
        <Button type="submit" variant="secondary" aria-disabled={isSubmitting || undefined}>
          {isSubmitting ? <Spinner aria-hidden data-size="xs" /> : null}
          {t('account.changePassword')}
        </Button>
      </div>
    </form>
  );
}

export function Component() {
  const { t } = useTranslation('accounts');
  const { me, organization, chooseOrganization, signOut } = useSession();
  const navigate = useNavigate();
  const [chosen, setChosen] = useState<string | null>(null);
  usePageTitle(t('account.title'));
  const memberships = me?.memberships ?? [];

  return (
    <div className="page accounts-page">
      <Heading level={1} data-size="lg">
        {t('account.title')}
      </Heading>

      <section aria-labelledby="account-details" className="accounts-section">
        <Heading level={2} data-size="sm" id="account-details">
          {t('account.detailsTitle')}
        </Heading>
        {me ? (
          <dl className="accounts-details">
            <dt>{t('fields.displayName')}</dt>
            <dd>{me.displayName}</dd>
            <dt>{t('fields.email')}</dt>
            <dd>{me.email}</dd>
          </dl>
        ) : (
          <Spinner aria-label={t('common:state.loading')} />
        )}
      </section>

      <section aria-labelledby="account-memberships" className="accounts-section">
        <Heading level={2} data-size="sm" id="account-memberships">
          {t('account.membershipsTitle')}
        </Heading>
        {memberships.length === 0 ? (
          <Paragraph>{t('account.noMemberships')}</Paragraph>
        ) : (
          <Table className="accounts-table" data-size="sm">
            <caption className="visually-hidden">{t('account.membershipsTitle')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('account.organization')}</Table.HeaderCell>
                <Table.HeaderCell>{t('account.role')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {memberships.map((m) => (
                <Table.Row key={m.organization.id}>
                  <Table.Cell>
                    {m.organization.name}
                    <div className="accounts-meta">
                      {t(`kinds.${m.organization.kind}`)} · {m.organization.verified ? t('verification.verified') : t('verification.pending')}
                    </div>
                  </Table.Cell>
                  <Table.Cell>{t(`roles.${m.role}`)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
        {memberships.length > 1 && organization ? (
          <Fieldset className="accounts-switch">
            <Fieldset.Legend>{t('account.switchLegend')}</Fieldset.Legend>
            <Fieldset.Description>{t('account.switchHint')}</Fieldset.Description>
            {memberships.map((m) => (
              <Radio
                key={m.organization.id}
                name="active-organization"
                value={m.organization.id}
                checked={organization.id === m.organization.id}
                onChange={() => {
                  chooseOrganization(m.organization.id);
                  setChosen(m.organization.name);
                }}
                label={m.organization.name}
              />
            ))}
          </Fieldset>
        ) : null}
        <p aria-live="polite" className="accounts-live">
          {chosen ? t('account.switched', { organization: chosen }) : null}
        </p>
        {organization ? (
          <>
            <Heading level={3} data-size="xs">
              {t('account.activeVerification', { organization: organization.name })}
            </Heading>
            <VerificationState verified={organization.verified} />
          </>
        ) : null}
      </section>

      <section aria-labelledby="account-password" className="accounts-section">
        <Heading level={2} data-size="sm" id="account-password">
          {t('account.passwordTitle')}
        </Heading>
        <Paragraph>{t('account.passwordIntro')}</Paragraph>
        <ChangePasswordForm />
      </section>

      <section aria-labelledby="account-sign-out" className="accounts-section">
        <Heading level={2} data-size="sm" id="account-sign-out">
          {t('account.signOutTitle')}
        </Heading>
        <Paragraph>{t('account.signOutIntro')}</Paragraph>
        <Button
          variant="secondary"
          onClick={async () => {
            await signOut();
            void navigate('/');
          }}
        >
          {t('account.signOut')}
        </Button>
      </section>
    </div>
  );
}
