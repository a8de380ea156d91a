import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Field, Heading, Label, Link as DsLink, Paragraph, Select, Spinner, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CpvPicker } from '../../components/CpvPicker';
import { PLACE_PICKER_PLACES } from '../../components/PlacePicker';
import { SdgPicker } from '../../components/SdgPicker';
import { fieldId, problemsOf } from '../../forms/api-errors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { fieldProblems } from '../../forms/field-problems';
import { resolverOf, type Problems } from '../../forms/resolver';
import { graphql } from '../../gql';
import type { BrokeredPartnershipIntroductionQuery } from '../../gql/graphql';
import { usePageTitle } from '../../lib/page';
import { CountyChoice, useBrokeringCounties } from './brokering-shared';
import '../accounts/accounts.css';
import './brokering.css';

export const BROKERED_PARTNERSHIP_INTRODUCTION = graphql(`
  query BrokeredPartnershipIntroduction($id: ID!) {
    introduction(id: $id) {
      id
      status
      countyCode
      enterprise {
        id
        name
      }
      need {
        id
        title
        description
        cpvCodes
        sdgs
        municipalityCode
        buyer {
          id
          name
        }
      }
    }
  }
`);

export const BROKERED_PARTNERSHIP_PARTIES = graphql(`
  query BrokeredPartnershipParties($countyCode: String!) {
    buyers: organizations(filter: { countyCode: $countyCode, kinds: [MUNICIPALITY, REGION] }, first: 100) {
      nodes {
        id
        name
      }
    }
    enterprises: organizations(filter: { countyCode: $countyCode, kinds: [SOCIAL_ENTERPRISE] }, first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

export const CREATE_PARTNERSHIP = graphql(`
  mutation BrokeredPartnershipCreate($input: CreatePartnershipInput!) {
    createPartnership(input: $input) {
      partnership {
        id
        version
        title
        status
      }
    }
  }
`);

const FORM = 'partnership';
const TITLE_MAX = 200;
const INTERVALS = [1, 3, 6, 12] as const;
const FIELDS = [
  'buyerOrganizationId',
  'enterpriseOrganizationId',
  'title',
  'description',
  'cpvCodes',
  'sdgs',
  'municipalityCode',
  'startsOn',
  'endsOn',
  'reportEveryMonths',
] as const;
type Values = {
  buyerOrganizationId: string;
  enterpriseOrganizationId: string;
  title: string;
  description: string;
  cpvCodes: string[];
  sdgs: number[];
  municipalityCode: string;
  startsOn: string;
  endsOn: string;
  reportEveryMonths: string;
};
type Introduction = NonNullable<BrokeredPartnershipIntroductionQuery['introduction']>;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function BrokeredPartnershipPage() {
  const { t } = useTranslation('brokering');
  usePageTitle(t('partnership.title'));
  const { counties, isCoordinator, ready } = useBrokeringCounties();
  const [params] = useSearchParams();
  const introductionId = params.get('introduktion');
  const { data: introductionData, loading: introductionLoading } = useQuery(BROKERED_PARTNERSHIP_INTRODUCTION, {
    variables: { id: introductionId ?? '' },
    skip: !introductionId,
    errorPolicy: 'all',
  });
  const introduction = introductionData?.introduction ?? null;
  const [county, setCounty] = useState('');
  const countyCode = county || introduction?.countyCode || counties[0]?.code || '';

  return (
    <div className="page brokering-page">
      <Paragraph>
        <DsLink asChild>
          <Link to="/formedling">{t('need.back')}</Link>
        </DsLink>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {t('partnership.title')}
      </Heading>
      <Paragraph>{t('partnership.intro')}</Paragraph>
      {!ready || (introductionId && introductionLoading && !introductionData) ? (
        <Spinner aria-label={t('common:state.loading')} />
      ) : !isCoordinator ? (
        <Alert data-color="info">
          <Paragraph>{t('notCoordinator')}</Paragraph>
        </Alert>
      ) : (
        <>
          {introduction ? (
            <Alert data-color={introduction.status === 'ACCEPTED' ? 'info' : 'warning'}>
              <Paragraph>
                {introduction.status === 'ACCEPTED'
                  ? t('partnership.fromIntroduction', { enterprise: introduction.enterprise.name, need: introduction.need?.title ?? '' })
                  : t('partnership.introductionNotAccepted')}
              </Paragraph>
            </Alert>
          ) : null}
          {!introduction ? <CountyChoice counties={counties} value={countyCode} onChange={setCounty} /> : null}
          {countyCode ? (
            <PartnershipForm key={`${countyCode}-${introduction?.id ?? ''}`} countyCode={countyCode} introduction={introduction?.status === 'ACCEPTED' ? introduction : null} />
          ) : null}
        </>
      )}
    </div>
  );
}

function PartnershipForm({ countyCode, introduction }: { countyCode: string; introduction: Introduction | null }) {
  const { t } = useTranslation('brokering');
  const navigate = useNavigate();
  const { data } = useQuery(BROKERED_PARTNERSHIP_PARTIES, { variables: { countyCode } });
  const { data: places } = useQuery(PLACE_PICKER_PLACES, { fetchPolicy: 'cache-first' });
  const [create] = useMutation(CREATE_PARTNERSHIP);
  const [general, setGeneral] = useState<string | null>(null);
  const need = introduction?.need ?? null;
  const collator = new Intl.Collator('sv');
  const municipalities = (places?.municipalities ?? []).filter((m) => m.countyCode === countyCode).sort((a, b) => collator.compare(a.name, b.name));
  // The introduced enterprise may be registered in another county: it is offered all the same.
  const enterprises = [...(data?.enterprises.nodes ?? [])];
  if (introduction && !enterprises.some((e) => e.id === introduction.enterprise.id)) enterprises.unshift(introduction.enterprise);
  const buyers = [...(data?.buyers.nodes ?? [])];
  if (need && !buyers.some((b) => b.id === need.buyer.id)) buyers.unshift(need.buyer);

  const resolver = resolverOf<Values>((values) => {
    const errors: Problems = {};
    if (!values.buyerOrganizationId) errors.buyerOrganizationId = { type: 'required', message: t('partnership.buyerRequired') };
    if (!values.enterpriseOrganizationId) errors.enterpriseOrganizationId = { type: 'required', message: t('partnership.enterpriseRequired') };
    const length = [...values.title.trim()].length;
    if (length === 0) errors.title = { type: 'required', message: t('partnership.titleRequired') };
    else if (length > TITLE_MAX) errors.title = { type: 'long', message: t('partnership.titleLong', { count: length }) };
    if (values.startsOn && !DATE.test(values.startsOn)) errors.startsOn = { type: 'format', message: t('partnership.dateFormat') };
    if (values.endsOn && !DATE.test(values.endsOn)) errors.endsOn = { type: 'format', message: t('partnership.dateFormat') };
    else if (values.endsOn && values.startsOn && DATE.test(values.startsOn) && values.endsOn < values.startsOn)
      errors.endsOn = { type: 'order', message: t('partnership.endBeforeStart') };
    return errors;
  });
  const {
    register,
    control,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, submitCount, isSubmitting },
  } = useForm<Values>({
    defaultValues: {
      buyerOrganizationId: need?.buyer.id ?? '',
      enterpriseOrganizationId: introduction?.enterprise.id ?? '',
      title: need?.title ?? '',
      description: need?.description ?? '',
      cpvCodes: need?.cpvCodes ?? [],
      sdgs: need?.sdgs ?? [],
      municipalityCode: need?.municipalityCode && need.municipalityCode.startsWith(countyCode) ? need.municipalityCode : '',
      startsOn: '',
      endsOn: '',
      reportEveryMonths: '3',
    },
    resolver,
    shouldFocusError: false,
  });
  // A select shows its first option until its options have come; the prefilled choice is set again then.
  useEffect(() => {
    if (data && need) setValue('buyerOrganizationId', need.buyer.id);
    if (data && introduction) setValue('enterpriseOrganizationId', introduction.enterprise.id);
  }, [data, need, introduction, setValue]);

  const onSubmit = handleSubmit(
    async (values) => {
      setGeneral(null);
      try {
        const { data: created } = await create({
          variables: {
            input: {
              buyerOrganizationId: values.buyerOrganizationId,
              enterpriseOrganizationId: values.enterpriseOrganizationId,
              title: values.title.trim(),
              description: values.description.trim() || null,
              cpvCodes: values.cpvCodes,
              sdgs: values.sdgs,
              municipalityCode: values.municipalityCode || null,
              startsOn: values.startsOn || null,
              endsOn: values.endsOn || null,
              reportEveryMonths: Number(values.reportEveryMonths),
              introductionId: introduction?.id ?? null,
            },
          },
        });
        const id = created?.createPartnership.partnership.id;
        if (!id) throw new Error('no answer');
        await navigate(`/samarbeten/${encodeURIComponent(id)}`);
      } catch (error) {
        const found = problemsOf(error, t('partnership.failed'));
        const left: string[] = [];
        for (const problem of found.fields) {
          const path = problem.path.replace(/\[\d+\]$/, '') as (typeof FIELDS)[number];
          if ((FIELDS as readonly string[]).includes(path)) setError(path, { type: 'api', message: problem.message });
          else left.push(problem.message);
        }
        setGeneral([found.general, ...left].filter(Boolean).join(' ') || null);
      }
    },
    () => setGeneral(null),
  );

  const select = (
    name: 'buyerOrganizationId' | 'enterpriseOrganizationId' | 'municipalityCode' | 'reportEveryMonths',
    label: string,
    hint: string,
    options: { value: string; label: string }[],
    empty?: string,
  ) => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Field>
          <Label htmlFor={fieldId(FORM, name)}>{label}</Label>
          <Field.Description>{hint}</Field.Description>
          <Select
            id={fieldId(FORM, name)}
            name={field.name}
            value={field.value}
            onChange={(e) => field.onChange(e.target.value)}
            onBlur={field.onBlur}
            aria-invalid={errors[name] ? true : undefined}
          >
            {empty !== undefined ? <Select.Option value="">{empty}</Select.Option> : null}
            {options.map((o) => (
              <Select.Option key={o.value} value={o.value}>
                {o.label}
              </Select.Option>
            ))}
          </Select>
          {errors[name]?.message ? <ValidationMessage>{errors[name].message}</ValidationMessage> : null}
        </Field>
      )}
    />
  );

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="brokering-form">
      <ErrorSummary attempt={submitCount} form={FORM} problems={fieldProblems(errors, FIELDS)} general={general} />
      {select(
        'buyerOrganizationId',
        t('partnership.buyer'),
        t('partnership.buyerHint'),
        buyers.map((b) => ({ value: b.id, label: b.name })),
        t('partnership.choose'),
      )}
      {select(
        'enterpriseOrganizationId',
        t('partnership.enterprise'),
        t('partnership.enterpriseHint'),
        enterprises.map((e) => ({ value: e.id, label: e.name })),
        t('partnership.choose'),
      )}
      <Textfield id={fieldId(FORM, 'title')} label={t('partnership.titleLabel')} description={t('partnership.titleHint')} error={errors.title?.message} {...register('title')} />
      <Textfield
        id={fieldId(FORM, 'description')}
        label={t('partnership.description')}
        description={t('partnership.descriptionHint')}
        multiline
        rows={5}
        error={errors.description?.message}
        {...register('description')}
      />
      <Controller
        control={control}
        name="cpvCodes"
        render={({ field }) => (
          <div>
            <CpvPicker id={fieldId(FORM, 'cpvCodes')} value={field.value} onChange={field.onChange} legend={t('partnership.cpv')} hint={t('partnership.cpvHint')} />
            {errors.cpvCodes?.message ? <ValidationMessage>{errors.cpvCodes.message}</ValidationMessage> : null}
          </div>
        )}
      />
      <Controller
        control={control}
        name="sdgs"
        render={({ field }) => (
          <div id={fieldId(FORM, 'sdgs')} tabIndex={-1}>
            <SdgPicker value={field.value} onChange={field.onChange} hint={t('partnership.sdgHint')} />
            {errors.sdgs?.message ? <ValidationMessage>{errors.sdgs.message}</ValidationMessage> : null}
          </div>
        )}
      />
      {select(
        'municipalityCode',
        t('partnership.municipality'),
        t('partnership.municipalityHint'),
        municipalities.map((m) => ({ value: m.code, label: m.name })),
        t('partnership.municipalityNone'),
      )}
      <Textfield
        id={fieldId(FORM, 'startsOn')}
        type="date"
        label={t('partnership.startsOn')}
        description={t('partnership.startsOnHint')}
        error={errors.startsOn?.message}
        {...register('startsOn')}
      />
      <Textfield
        id={fieldId(FORM, 'endsOn')}
        type="date"
        label={t('partnership.endsOn')}
        description={t('partnership.endsOnHint')}
        error={errors.endsOn?.message}
        {...register('endsOn')}
      />
      {select(
        'reportEveryMonths',
        t('partnership.reportEvery'),
        t('partnership.reportEveryHint'),
        INTERVALS.map((n) => ({ value: String(n), label: t('partnership.months', { count: n }) })),
      )}
      <div className="brokering-actions">
        <Button type="submit" aria-disabled={isSubmitting || undefined}>
          {isSubmitting ? <Spinner aria-hidden data-size="xs" /> : null}
          {t('partnership.submit')}
        </Button>
      </div>
    </form>
  );
}

export { BrokeredPartnershipPage as Component };
