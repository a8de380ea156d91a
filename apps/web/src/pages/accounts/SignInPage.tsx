import { Button, Heading, Link as DsLink, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { problemsOf, fieldId } from '../../forms/api-errors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { graphql } from '../../gql';
import { usePageTitle } from '../../lib/page';
import { fieldProblems } from '../../forms/field-problems';
import { safeReturnPath } from './form-problems';
import { resolverOf, type Problems } from '../../forms/resolver';
import './accounts.css';

export const LOGIN = graphql(`
  mutation SignInPageLogin($input: LoginInput!) {
    login(input: $input) {
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

const FORM = 'sign-in';
const FIELDS = ['email', 'password'] as const;
type Values = { email: string; password: string };

/**
 * `onStart` is called as the API is asked: the session starts before `onSignedIn` is called (once the
 * person's details have come), and the page must not move on twice.
 */
export function SignInForm({ onStart, onSignedIn }: { onStart?: () => void; onSignedIn: () => void }) {
  const { t } = useTranslation('accounts');
  const { signedIn } = useSession();
  const [login] = useMutation(LOGIN);
  const [general, setGeneral] = useState<string | null>(null);
  const resolver = resolverOf<Values>((values) => {
    const errors: Problems = {};
    if (!values.email.trim()) errors.email = { type: 'required', message: t('signIn.emailRequired') };
    if (!values.password) errors.password = { type: 'required', message: t('signIn.passwordRequired') };
    return errors;
  });
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, submitCount, isSubmitting },
  } = useForm<Values>({ defaultValues: { email: '', password: '' }, resolver, shouldFocusError: false });

  const onSubmit = handleSubmit(
    async (values) => {
      setGeneral(null);
      onStart?.();
      try {
        const { data } = await login({ variables: { input: { email: values.email.trim(), password: values.password, session: 'COOKIE' } } });
        if (!data) throw new Error('no answer');
        await signedIn(data.login);
        onSignedIn();
      } catch (error) {
        const found = problemsOf(error, t('signIn.failed'));
        for (const field of found.fields) {
          if ((FIELDS as readonly string[]).includes(field.path)) setError(field.path as keyof Values, { type: 'api', message: field.message });
        }
        const placed = found.fields.filter((f) => !(FIELDS as readonly string[]).includes(f.path)).map((f) => f.message);
        // A wrong e-mail or password belongs to the pair: the message goes on the password, where the person corrects it.
        if (found.code === 'UNAUTHENTICATED' && found.general) setError('password', { type: 'api', message: found.general });
        else setGeneral([found.general, ...placed].filter(Boolean).join(' ') || null);
      }
    },
    () => setGeneral(null),
  );

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="accounts-form">
      <ErrorSummary attempt={submitCount} form={FORM} problems={fieldProblems(errors, FIELDS)} general={general} />
      <Textfield
        id={fieldId(FORM, 'email')}
        label={t('fields.email')}
        type="email"
        autoComplete="username"
        spellCheck={false}
        error={errors.email?.message}
        {...register('email')}
      />
      <Textfield
        id={fieldId(FORM, 'password')}
        label={t('fields.password')}
        type="password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...register('password')}
      />
      <div className="accounts-actions">
        <Button type="submit" aria-disabled={isSubmitting || undefined}>
          {isSubmitting ? <Spinner aria-hidden data-size="xs" /> : null}
          {t('signIn.submit')}
        </Button>
      </div>
    </form>
  );
}

export function Component() {
  const { t } = useTranslation('accounts');
  const { status } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const target = safeReturnPath(params.get('till'));
  // Set while this page signs the person in: then it moves on itself, once the person's details have come.
  const [signingIn, setSigningIn] = useState(false);
  usePageTitle(t('signIn.title'));

  if (status === 'signedIn' && !signingIn) return <Navigate to={target} replace />;
  const registerHref = params.get('till') ? `/registrera?till=${encodeURIComponent(target)}` : '/registrera';
  return (
    <div className="page accounts-page">
      <Heading level={1} data-size="lg">
        {t('signIn.title')}
      </Heading>
      <Paragraph>{t('signIn.intro')}</Paragraph>
      <SignInForm onStart={() => setSigningIn(true)} onSignedIn={() => void navigate(target, { replace: true })} />
      <section aria-labelledby="sign-in-no-account" className="accounts-aside">
        <Heading level={2} data-size="xs" id="sign-in-no-account">
          {t('signIn.noAccountTitle')}
        </Heading>
        <Paragraph>
          <DsLink asChild>
            <Link to={registerHref}>{t('signIn.registerLink')}</Link>
          </DsLink>
        </Paragraph>
      </section>
    </div>
  );
}
