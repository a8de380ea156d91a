import { Alert, Button, Fieldset, Heading, Link as DsLink, Paragraph, Radio, Spinner, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { ME, useSession } from '../../app/session';
import { PlacePicker } from '../../components/PlacePicker';
import { problemsOf, fieldId } from '../../forms/api-errors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { graphql } from '../../gql';
import type { OrganizationKind } from '../../gql/graphql';
import { usePageTitle } from '../../lib/page';
import { fieldProblems } from '../../forms/field-problems';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, safeReturnPath } from './form-problems';
import { checkOrganisationsnummer, stillTyping } from './organisationsnummer';
import { resolverOf, type Problems } from '../../forms/resolver';
import './accounts.css';

export const REGISTER = graphql(`
  mutation RegisterPageRegister($input: RegisterInput!) {
    register(input: $input) {
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

export const CREATE_ORGANIZATION = graphql(`
  mutation RegisterPageCreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      organization {
        id
        name
        kind
        verified
        countyCode
        municipalityCode
      }
    }
  }
`);

export const KINDS: readonly OrganizationKind[] = ['SOCIAL_ENTERPRISE', 'SUPPORT_ORGANIZATION', 'MUNICIPALITY', 'REGION'];

type Translate = TFunction<'accounts'>;

function firstStepStart(heading: HTMLHeadingElement | null) {
  if (!heading) return;
  heading.tabIndex = -1;
  heading.focus();
}

// ---------------------------------------------------------------------------------------------------------
// Step 1: the person

const ACCOUNT_FORM = 'register-account';
const ACCOUNT_FIELDS = ['displayName', 'email', 'password'] as const;
export type AccountValues = { displayName: string; email: string; password: string };

export function accountProblems(values: AccountValues, t: Translate): Problems {
  const errors: Problems = {};
  if (!values.displayName.trim()) errors.displayName = { type: 'required', message: t('register.displayNameRequired') };
  const email = values.email.trim();
  if (!email) errors.email = { type: 'required', message: t('register.emailRequired') };
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = { type: 'format', message: t('register.emailFormat') };
  const length = [...values.password].length;
  if (length === 0) errors.password = { type: 'required', message: t('register.passwordRequired') };
  else if (length < PASSWORD_MIN_LENGTH) errors.password = { type: 'short', message: t('register.passwordShort', { count: PASSWORD_MIN_LENGTH }) };
  else if (length > PASSWORD_MAX_LENGTH) errors.password = { type: 'long', message: t('register.passwordLong', { count: PASSWORD_MAX_LENGTH }) };
  else if (values.password.trim().toLowerCase() === email.toLowerCase()) errors.password = { type: 'email', message: t('register.passwordIsEmail') };
  return errors;
}

export function AccountStep({ onDone, steps }: { onDone: () => void; steps: number }) {
  const { t } = useTranslation('accounts');
  const { signedIn } = useSession();
  const [registerAccount] = useMutation(REGISTER);
  const [general, setGeneral] = useState<string | null>(null);
  const resolver = resolverOf<AccountValues>((values) => accountProblems(values, t));
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, submitCount, isSubmitting },
  } = useForm<AccountValues>({ defaultValues: { displayName: '', email: '', password: '' }, resolver, shouldFocusError: false });

  const onSubmit = handleSubmit(
    async (values) => {
      setGeneral(null);
      try {
        const { data } = await registerAccount({
          variables: { input: { displayName: values.displayName.trim(), email: values.email.trim(), password: values.password, session: 'COOKIE' } },
        });
        if (!data) throw new Error('no answer');
        await signedIn(data.register);
        onDone();
      } catch (error) {
        setGeneral(placeProblems(error, ACCOUNT_FIELDS, (path, message) => setError(path, { type: 'api', message }), t('register.failed')));
      }
    },
    () => setGeneral(null),
  );

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="accounts-form">
      <ErrorSummary attempt={submitCount} form={ACCOUNT_FORM} problems={fieldProblems(errors, ACCOUNT_FIELDS)} general={general} />
      <Textfield
        id={fieldId(ACCOUNT_FORM, 'displayName')}
        label={t('fields.displayName')}
        description={t('register.displayNameHint')}
        autoComplete="name"
        error={errors.displayName?.message}
        {...register('displayName')}
      />
      <Textfield
        id={fieldId(ACCOUNT_FORM, 'email')}
        label={t('fields.email')}
        description={t('register.emailHint')}
        type="email"
        autoComplete="email"
        spellCheck={false}
        error={errors.email?.message}
        {...register('email')}
      />
      <Textfield
        id={fieldId(ACCOUNT_FORM, 'password')}
        label={t('fields.newPassword')}
        description={t('register.passwordHint', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })}
        type="password"
        autoComplete="new-password"
        error={errors.password?.message}
        {...register('password')}
      />
      <div className="accounts-actions">
        <Button type="submit" aria-disabled={isSubmitting || undefined}>
          {isSubmitting ? <Spinner aria-hidden data-size="xs" /> : null}
          {steps > 1 ? t('register.continue') : t('register.create')}
        </Button>
      </div>
    </form>
  );
}

/**
 * Puts the API's field problems on the form's fields (those it has) and returns what is left for the
 * summary alone: problems of other fields and the general message.
 */
function placeProblems<F extends string>(error: unknown, fields: readonly F[], set: (path: F, message: string) => void, fallback: string): string | null {
  const found = problemsOf(error, fallback);
  const left: string[] = [];
  for (const field of found.fields) {
    if ((fields as readonly string[]).includes(field.path)) set(field.path as F, field.message);
    else left.push(field.message);
  }
  const general = [found.general, ...left].filter(Boolean).join(' ');
  return general || null;
}

// ---------------------------------------------------------------------------------------------------------
// Step 2: the organisation

const ORGANIZATION_FORM = 'register-organization';
/** The place (län and kommun) is one group in the form: its problems are kept on `municipalityCode`. */
const ORGANIZATION_FIELDS = ['name', 'organisationsnummer', 'kind', 'municipalityCode', 'website'] as const;
export type OrganizationValues = {
  name: string;
  organisationsnummer: string;
  kind: OrganizationKind | '';
  countyCode: string;
  municipalityCode: string;
  website: string;
};
const PLACE_ID = fieldId(ORGANIZATION_FORM, 'place');

/**
 * What the check as they type says of an organisationsnummer: nothing while they may still be typing
 * (fewer than 10 digits), a wrong check digit as soon as there are 10, anything else once they leave the
 * field; an empty field only when they send the form.
 */
export function organisationsnummerProblem(value: string, t: Translate, moment: 'typing' | 'left' | 'sent'): string | null {
  if (!value.trim()) return moment === 'sent' ? t('register.organisationsnummerRequired') : null;
  const check = checkOrganisationsnummer(value);
  if (check.ok) return null;
  if (check.problem === 'checkDigit') return t('register.organisationsnummerCheckDigit', { digit: check.digit });
  if (moment === 'typing' && stillTyping(value)) return null;
  return t('register.organisationsnummerFormat');
}

export function organizationProblems(values: OrganizationValues, t: Translate): Problems {
  const errors: Problems = {};
  const name = values.name.trim();
  if (!name) errors.name = { type: 'required', message: t('register.nameRequired') };
  else if (name.length < 2) errors.name = { type: 'short', message: t('register.nameShort') };
  const number = organisationsnummerProblem(values.organisationsnummer, t, 'sent');
  if (number) errors.organisationsnummer = { type: 'invalid', message: number };
  if (!values.kind) errors.kind = { type: 'required', message: t('register.kindRequired') };
  if (values.kind === 'MUNICIPALITY' && !values.municipalityCode) errors.municipalityCode = { type: 'required', message: t('register.placeMunicipalityRequired') };
  else if (!values.countyCode && !values.municipalityCode) errors.municipalityCode = { type: 'required', message: t('register.placeRequired') };
  const website = values.website.trim();
  if (website && !/^(https?:\/\/)?[^\s/.]+\.[^\s]+$/i.test(website)) errors.website = { type: 'format', message: t('register.websiteFormat') };
  return errors;
}

/** The API names the place by either code; the form shows both in one group. */
function formPath(path: string): string {
  return path === 'countyCode' ? 'municipalityCode' : path;
}

export function OrganizationStep({ onDone }: { onDone: (organization: { id: string; name: string }) => void }) {
  const { t } = useTranslation('accounts');
  const client = useApolloClient();
  const [createOrganization] = useMutation(CREATE_ORGANIZATION);
  const [general, setGeneral] = useState<string | null>(null);
  const resolver = resolverOf<OrganizationValues>((values) => organizationProblems(values, t));
  const {
    register,
    control,
    handleSubmit,
    setError,
    watch,
    formState: { errors, submitCount, isSubmitting, touchedFields },
  } = useForm<OrganizationValues>({
    defaultValues: { name: '', organisationsnummer: '', kind: '', countyCode: '', municipalityCode: '', website: '' },
    resolver,
    shouldFocusError: false,
  });

  const number = watch('organisationsnummer');
  const numberCheck = checkOrganisationsnummer(number);
  // Once the form was sent, the form's own check runs on every change (and an API problem stays until then).
  const liveProblem = organisationsnummerProblem(number, t, touchedFields.organisationsnummer ? 'left' : 'typing');
  const numberError = errors.organisationsnummer?.message ?? liveProblem;

  const onSubmit = handleSubmit(
    async (values) => {
      setGeneral(null);
      try {
        const { data } = await createOrganization({
          variables: {
            input: {
              name: values.name.trim(),
              organisationsnummer: values.organisationsnummer.trim(),
              kind: values.kind as OrganizationKind,
              countyCode: values.countyCode || null,
              municipalityCode: values.municipalityCode || null,
              website: values.website.trim() || null,
            },
          },
        });
        if (!data) throw new Error('no answer');
        await client.query({ query: ME, fetchPolicy: 'network-only' });
        onDone(data.createOrganization.organization);
      } catch (error) {
        const found = problemsOf(error, t('register.failed'));
        const left: string[] = [];
        for (const field of found.fields) {
          const path = formPath(field.path);
          if ((ORGANIZATION_FIELDS as readonly string[]).includes(path)) setError(path as keyof OrganizationValues, { type: 'api', message: field.message });
          else left.push(field.message);
        }
        setGeneral([found.general, ...left].filter(Boolean).join(' ') || null);
      }
    },
    () => setGeneral(null),
  );

  // The summary links to the first radio of the kind and to the län of the place.
  const problems = fieldProblems(errors, ORGANIZATION_FIELDS).map((p) =>
    p.path === 'municipalityCode' ? { ...p, path: 'place-county' } : p.path === 'kind' ? { ...p, path: `kind-${KINDS[0]}` } : p,
  );

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="accounts-form">
      <ErrorSummary attempt={submitCount} form={ORGANIZATION_FORM} problems={problems} general={general} />
      <Textfield
        id={fieldId(ORGANIZATION_FORM, 'name')}
        label={t('fields.organizationName')}
        description={t('register.nameHint')}
        autoComplete="organization"
        error={errors.name?.message}
        {...register('name')}
      />
      <Textfield
        id={fieldId(ORGANIZATION_FORM, 'organisationsnummer')}
        label={t('fields.organisationsnummer')}
        description={t('register.organisationsnummerHint')}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        maxLength={13}
        className="accounts-orgnr"
        error={numberError ?? undefined}
        {...register('organisationsnummer')}
      />
      <p className="accounts-live" aria-live="polite" id={`${fieldId(ORGANIZATION_FORM, 'organisationsnummer')}-status`}>
        {numberCheck.ok ? <span className="accounts-ok">{t('register.organisationsnummerOk', { number: numberCheck.normalised })}</span> : null}
        {!numberCheck.ok && numberError ? <span className="visually-hidden">{numberError}</span> : null}
      </p>
      <Controller
        control={control}
        name="kind"
        render={({ field }) => (
          <Fieldset aria-invalid={errors.kind ? true : undefined}>
            <Fieldset.Legend>{t('fields.kind')}</Fieldset.Legend>
            <Fieldset.Description>{t('register.kindHint')}</Fieldset.Description>
            {KINDS.map((kind) => (
              <Radio
                key={kind}
                id={fieldId(ORGANIZATION_FORM, `kind-${kind}`)}
                name={field.name}
                value={kind}
                checked={field.value === kind}
                onChange={() => field.onChange(kind)}
                onBlur={field.onBlur}
                label={t(`kinds.${kind}`)}
                description={t(`kindHints.${kind}`)}
              />
            ))}
            {errors.kind?.message ? <ValidationMessage>{errors.kind.message}</ValidationMessage> : null}
          </Fieldset>
        )}
      />
      <Fieldset aria-invalid={errors.municipalityCode ? true : undefined}>
        <Fieldset.Legend>{t('fields.place')}</Fieldset.Legend>
        <Fieldset.Description>{t('register.placeHint')}</Fieldset.Description>
        <Controller
          control={control}
          name="countyCode"
          render={({ field: county }) => (
            <Controller
              control={control}
              name="municipalityCode"
              render={({ field: municipality }) => (
                <PlacePicker
                  id={PLACE_ID}
                  countyCode={county.value}
                  municipalityCode={municipality.value}
                  onChange={(place) => {
                    county.onChange(place.countyCode);
                    municipality.onChange(place.municipalityCode);
                  }}
                />
              )}
            />
          )}
        />
        {errors.municipalityCode?.message ? <ValidationMessage>{errors.municipalityCode.message}</ValidationMessage> : null}
      </Fieldset>
      <Textfield
        id={fieldId(ORGANIZATION_FORM, 'website')}
        label={t('fields.websiteOptional')}
        description={t('register.websiteHint')}
        type="url"
        autoComplete="url"
        spellCheck={false}
        error={errors.website?.message}
        {...register('website')}
      />
      <div className="accounts-actions">
        <Button type="submit" aria-disabled={isSubmitting || undefined}>
          {isSubmitting ? <Spinner aria-hidden data-size="xs" /> : null}
          {t('register.createOrganization')}
        </Button>
      </div>
    </form>
  );
}

// ---------------------------------------------------------------------------------------------------------

type Stage = 'account' | 'organization' | { registered: { id: string; name: string } };

export function Component() {
  const { t } = useTranslation('accounts');
  const { status, me, chooseOrganization } = useSession();
  const [params] = useSearchParams();
  const till = params.get('till');
  // Someone on their way somewhere (an invitation) needs an account only: their organisation exists.
  const joining = till ? safeReturnPath(till) : null;
  const [stage, setStage] = useState<Stage | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const started = useRef(false);

  useEffect(() => {
    if (stage !== null || status === 'unknown') return;
    if (status === 'signedOut') setStage('account');
    else if (me) setStage(me.memberships?.length || joining ? 'account' : 'organization');
  }, [stage, status, me, joining]);

  useEffect(() => {
    // The page changes in place from step to step: the new step's heading takes focus, as a new page's would.
    if (started.current) firstStepStart(heading.current);
    if (stage) started.current = true;
  }, [stage]);

  const title = stage === null || stage === 'account' ? t('register.accountTitle') : stage === 'organization' ? t('register.organizationTitle') : t('register.doneTitle');
  usePageTitle(title);

  if (stage === null) return <Spinner aria-label={t('common:state.loading')} />;
  // A person signed in already with an organisation (or with an invitation to follow) has nothing to register here.
  if (stage === 'account' && status === 'signedIn' && !started.current) return <Navigate to={joining ?? '/start'} replace />;

  const steps = joining ? 1 : 2;
  if (stage === 'account') {
    return (
      <div className="page accounts-page">
        {steps > 1 ? <p className="accounts-step">{t('register.step', { step: 1, steps })}</p> : null}
        <Heading level={1} data-size="lg" ref={heading}>
          {title}
        </Heading>
        <Paragraph>{joining ? t('register.accountIntroJoining') : t('register.accountIntro')}</Paragraph>
        {!joining ? (
          <Alert data-color="info">
            <Heading level={2} data-size="xs">
              {t('register.invitedTitle')}
            </Heading>
            <Paragraph>{t('register.invitedBody')}</Paragraph>
          </Alert>
        ) : null}
        <AccountStep steps={steps} onDone={() => (joining ? undefined : setStage('organization'))} />
        {joining && status === 'signedIn' ? <Navigate to={joining} replace /> : null}
        <Paragraph>
          {t('register.haveAccount')}{' '}
          <DsLink asChild>
            <Link to={joining ? `/logga-in?till=${encodeURIComponent(joining)}` : '/logga-in'}>{t('register.signInLink')}</Link>
          </DsLink>
        </Paragraph>
      </div>
    );
  }
  if (stage === 'organization') {
    return (
      <div className="page accounts-page">
        <p className="accounts-step">{t('register.step', { step: 2, steps })}</p>
        <Heading level={1} data-size="lg" ref={heading}>
          {title}
        </Heading>
        <Paragraph>{t('register.organizationIntro', { name: me?.displayName ?? '' })}</Paragraph>
        <OrganizationStep
          onDone={(organization) => {
            chooseOrganization(organization.id);
            setStage({ registered: organization });
          }}
        />
      </div>
    );
  }
  return (
    <div className="page accounts-page">
      <Heading level={1} data-size="lg" ref={heading}>
        {title}
      </Heading>
      <Alert data-color="success">
        <Paragraph>{t('register.doneBody', { name: stage.registered.name })}</Paragraph>
      </Alert>
      <Heading level={2} data-size="sm">
        {t('register.verificationTitle')}
      </Heading>
      <Paragraph>{t('register.verificationBody')}</Paragraph>
      <Paragraph>{t('register.verificationMeanwhile')}</Paragraph>
      <Paragraph>
        <Button asChild>
          <Link to="/start">{t('register.toStart')}</Link>
        </Button>
      </Paragraph>
    </div>
  );
}
