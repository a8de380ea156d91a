import {
  Alert,
  Button,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Label,
  Link as DsLink,
  Paragraph,
  Radio,
  Select,
  Spinner,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useMutation, useQuery } from '@apollo/client/react';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { CpvPicker } from '../../components/CpvPicker';
import { PlacePicker } from '../../components/PlacePicker';
import { SdgPicker } from '../../components/SdgPicker';
import { fieldId, problemsOf, type FieldProblem } from '../../forms/api-errors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { graphql } from '../../gql';
import type { LegalForm, ProfileFieldsFragment } from '../../gql/graphql';
import { usePageTitle } from '../../lib/page';
import { useRefetchOnLanguageChange } from '../accounts/shared';
import { ReadinessList, type ReadinessItemName } from './enterprise-shared';
import { resolverOf, type Problems } from '../../forms/resolver';
import '../accounts/accounts.css';
import './enterprise.css';

/** What the editor reads of a profile and gets back from a save. */
export const PROFILE_FIELDS = graphql(`
  fragment ProfileFields on EnterpriseProfile {
    organizationId
    version
    description
    services
    cpvCodes
    sdgs
    nationwide
    municipalityCodes
    countyCodes
    employees
    annualTurnoverSek
    maxContractSek
    legalForm
    ideburen
    workIntegrating
    farFromLabourMarketShare
    certifications
    updatedAt
    readiness {
      score
      missing {
        item
        advice
      }
    }
  }
`);

export const PROFILE_PAGE_PROFILE = graphql(`
  query ProfilePageProfile($organizationId: ID!) {
    enterpriseProfile(organizationId: $organizationId) {
      ...ProfileFields
    }
  }
`);

export const SAVE_ENTERPRISE_PROFILE = graphql(`
  mutation ProfilePageSave($input: SaveEnterpriseProfileInput!) {
    saveEnterpriseProfile(input: $input) {
      enterpriseProfile {
        ...ProfileFields
      }
    }
  }
`);

export type Profile = ProfileFieldsFragment;

export const LEGAL_FORMS: readonly LegalForm[] = ['EKONOMISK_FORENING', 'IDEELL_FORENING', 'STIFTELSE', 'AKTIEBOLAG_SVB', 'AKTIEBOLAG', 'OTHER'];

/** LOU 4 kap. 18 §: at least this share of the employees for a reserved contract (libs/domain RESERVED_CONTRACT_MIN_SHARE). */
export const RESERVED_CONTRACT_MIN_SHARE = 30;

const FORM = 'profile';
const MAX_KRONOR = 100_000_000_000;
const MAX_EMPLOYEES = 1_000_000;

interface PlaceRow {
  countyCode: string;
  municipalityCode: string;
}

export interface ProfileValues {
  description: string;
  services: string;
  cpvCodes: string[];
  sdgs: number[];
  area: 'nationwide' | 'places' | '';
  places: PlaceRow[];
  maxContractSek: string;
  employees: string;
  annualTurnoverSek: string;
  legalForm: LegalForm | '';
  ideburen: boolean;
  workIntegrating: boolean;
  farFromLabourMarketShare: string;
  certifications: string;
}

/** The fields in the order of the form, for the error summary. */
const FIELDS = [
  'description',
  'services',
  'cpvCodes',
  'sdgs',
  'area',
  'places',
  'maxContractSek',
  'employees',
  'annualTurnoverSek',
  'legalForm',
  'ideburen',
  'workIntegrating',
  'farFromLabourMarketShare',
  'certifications',
] as const;
type FieldName = (typeof FIELDS)[number];

/** Where each item of the readiness checklist is filled in on this page. */
const READINESS_FIELD: Record<ReadinessItemName, string> = {
  description: 'description',
  services: 'services',
  cpvCodes: 'cpvCodes',
  sdgs: 'sdgs',
  area: 'area-nationwide',
  capacity: 'maxContractSek',
  size: 'employees',
  legalForm: 'legalForm',
  workIntegrationShare: 'farFromLabourMarketShare',
};

/** The API's field names (and their list items) on the form's fields. */
function formField(apiPath: string): FieldName | null {
  const head = apiPath.split(/[.[]/)[0];
  if (head === 'municipalityCodes' || head === 'countyCodes') return 'places';
  if (head === 'nationwide') return 'area';
  return (FIELDS as readonly string[]).includes(head) ? (head as FieldName) : null;
}

export function valuesOf(profile: Profile | null): ProfileValues {
  if (!profile) {
    return {
      description: '',
      services: '',
      cpvCodes: [],
      sdgs: [],
      area: '',
      places: [],
      maxContractSek: '',
      employees: '',
      annualTurnoverSek: '',
      legalForm: '',
      ideburen: false,
      workIntegrating: false,
      farFromLabourMarketShare: '',
      certifications: '',
    };
  }
  const places: PlaceRow[] = [
    ...profile.countyCodes.map((countyCode) => ({ countyCode, municipalityCode: '' })),
    ...profile.municipalityCodes.map((code) => ({ countyCode: code.slice(0, 2), municipalityCode: code })),
  ];
  const digits = (n: number | null | undefined) => (n == null ? '' : String(n));
  return {
    description: profile.description,
    services: profile.services,
    cpvCodes: [...profile.cpvCodes],
    sdgs: [...profile.sdgs],
    area: profile.nationwide ? 'nationwide' : places.length > 0 ? 'places' : '',
    places,
    maxContractSek: digits(profile.maxContractSek),
    employees: digits(profile.employees),
    annualTurnoverSek: digits(profile.annualTurnoverSek),
    legalForm: profile.legalForm ?? '',
    ideburen: profile.ideburen,
    workIntegrating: profile.workIntegrating,
    farFromLabourMarketShare: digits(profile.farFromLabourMarketShare),
    certifications: profile.certifications.join('\n'),
  };
}

/** A whole number as typed, with spaces between the thousands allowed; null when empty, NaN when not a number. */
export function wholeNumber(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!compact) return null;
  return /^\d+$/.test(compact) ? Number(compact) : Number.NaN;
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

type ProfileProblems = Problems<FieldName>;

/** The form's own checks, the same rules as the API's (libs/features/marketplace/profile.validator.ts). */
export function profileProblems(values: ProfileValues, t: TFunction<'enterprise'>): ProfileProblems {
  const errors: ProfileProblems = {};
  const description = [...values.description.trim()].length;
  if (description > 5_000) errors.description = { type: 'long', message: t('profile.descriptionLong', { count: description }) };
  const services = [...values.services.trim()].length;
  if (services > 2_000) errors.services = { type: 'long', message: t('profile.servicesLong', { count: services }) };
  if (values.cpvCodes.length > 50) errors.cpvCodes = { type: 'many', message: t('profile.cpvTooMany', { count: values.cpvCodes.length }) };
  if (values.area === 'places') {
    if (values.places.length === 0) errors.places = { type: 'required', message: t('profile.placesEmpty') };
    else {
      const seen = new Set<string>();
      for (const [i, place] of values.places.entries()) {
        const key = place.municipalityCode || place.countyCode;
        if (!key) {
          errors.places = { type: `row-${i}`, message: t('profile.placeEmpty', { number: i + 1 }) };
          break;
        }
        if (seen.has(key)) {
          errors.places = { type: `row-${i}`, message: t('profile.placeDuplicate', { number: i + 1 }) };
          break;
        }
        seen.add(key);
      }
    }
  }
  const kronor = (name: 'maxContractSek' | 'annualTurnoverSek') => {
    const n = wholeNumber(values[name]);
    if (n === null) return;
    if (Number.isNaN(n)) errors[name] = { type: 'format', message: t('profile.wholeKronor') };
    else if (n > MAX_KRONOR) errors[name] = { type: 'range', message: t('profile.kronorRange') };
  };
  kronor('maxContractSek');
  const employees = wholeNumber(values.employees);
  if (employees !== null && Number.isNaN(employees)) errors.employees = { type: 'format', message: t('profile.wholeNumber') };
  else if (employees !== null && employees > MAX_EMPLOYEES) errors.employees = { type: 'range', message: t('profile.employeesRange') };
  kronor('annualTurnoverSek');
  if (values.workIntegrating) {
    const share = wholeNumber(values.farFromLabourMarketShare);
    if (share !== null && (Number.isNaN(share) || share > 100)) errors.farFromLabourMarketShare = { type: 'range', message: t('profile.shareRange') };
  }
  const certifications = lines(values.certifications);
  if (certifications.length > 20) errors.certifications = { type: 'many', message: t('profile.certificationsTooMany', { count: certifications.length }) };
  else {
    const long = certifications.findIndex((c) => [...c].length > 100);
    if (long >= 0) errors.certifications = { type: 'long', message: t('profile.certificationLong', { number: long + 1 }) };
  }
  return errors;
}

/** The input the API takes: the whole profile (fields left out are emptied). */
export function inputOf(organizationId: string, version: number | null, values: ProfileValues) {
  const places = values.area === 'places' ? values.places : [];
  const number = (text: string) => {
    const n = wholeNumber(text);
    return n === null || Number.isNaN(n) ? null : n;
  };
  return {
    organizationId,
    version,
    description: values.description.trim(),
    services: values.services.trim(),
    cpvCodes: values.cpvCodes,
    sdgs: values.sdgs,
    nationwide: values.area === 'nationwide',
    municipalityCodes: places.filter((p) => p.municipalityCode).map((p) => p.municipalityCode),
    countyCodes: places.filter((p) => !p.municipalityCode && p.countyCode).map((p) => p.countyCode),
    maxContractSek: number(values.maxContractSek),
    employees: number(values.employees),
    annualTurnoverSek: number(values.annualTurnoverSek),
    legalForm: values.legalForm || null,
    ideburen: values.ideburen,
    workIntegrating: values.workIntegrating,
    farFromLabourMarketShare: values.workIntegrating ? number(values.farFromLabourMarketShare) : null,
    certifications: lines(values.certifications),
  };
}

/** Where the error summary sends each field's problem: the element that takes the answer. */
function summaryPath(path: FieldName, values: ProfileValues, type: string | undefined): string {
  if (path === 'area') return 'area-nationwide';
  if (path === 'places') {
    const row = /^row-(\d+)$/.exec(type ?? '')?.[1];
    if (row !== undefined) return `place-${row}-county`;
    return values.places.length > 0 ? 'place-0-county' : 'add-place';
  }
  return path;
}

function Readiness({ profile }: { profile: Profile | null }) {
  const { t } = useTranslation('enterprise');
  const readiness = profile?.readiness;
  return (
    <section aria-labelledby="profile-readiness" className="enterprise-readiness-box">
      <Heading level={2} data-size="sm" id="profile-readiness">
        {t('readiness.title')}
      </Heading>
      {!readiness ? (
        <Paragraph>{t('readiness.noProfile')}</Paragraph>
      ) : (
        <>
          <Paragraph className="accounts-strong">{t('readiness.score', { score: readiness.score })}</Paragraph>
          {readiness.missing.length === 0 ? (
            <Paragraph>{t('readiness.complete')}</Paragraph>
          ) : (
            <ReadinessList missing={readiness.missing} fieldHref={(item) => `#${fieldId(FORM, READINESS_FIELD[item])}`} />
          )}
        </>
      )}
    </section>
  );
}

/** How the reserved-contract rule applies to the share given, in words. */
function ReservedRule({ workIntegrating, share }: { workIntegrating: boolean; share: string }) {
  const { t } = useTranslation('enterprise');
  const n = wholeNumber(share);
  const verdict = !workIntegrating
    ? t('profile.ruleNotWorkIntegrating')
    : n === null || Number.isNaN(n) || n > 100
      ? t('profile.ruleUnknown')
      : n >= RESERVED_CONTRACT_MIN_SHARE
        ? t('profile.ruleYes', { share: n })
        : t('profile.ruleNo', { share: n });
  return (
    <div className="enterprise-rule">
      <Heading level={3} data-size="2xs">
        {t('profile.ruleTitle')}
      </Heading>
      <Paragraph data-size="sm">{t('profile.rule')}</Paragraph>
      <Paragraph data-size="sm" className="accounts-strong" aria-live="polite">
        {verdict}
      </Paragraph>
    </div>
  );
}

interface FormProps {
  organizationId: string;
  profile: Profile | null;
  onSaved: (profile: Profile) => void;
  /** Fetches the latest version (after someone else saved one). */
  onReload: () => void;
  /** Each time the form is sent, before it is checked (a message of an earlier save no longer applies). */
  onAttempt?: () => void;
}

export function ProfileForm({ organizationId, profile, onSaved, onReload, onAttempt }: FormProps) {
  const { t } = useTranslation('enterprise');
  const [save] = useMutation(SAVE_ENTERPRISE_PROFILE);
  const [general, setGeneral] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const resolver = resolverOf<ProfileValues>((values) => profileProblems(values, t));
  const {
    register,
    control,
    handleSubmit,
    setError,
    watch,
    setValue,
    formState: { errors, submitCount, isSubmitting },
  } = useForm<ProfileValues>({ defaultValues: valuesOf(profile), resolver, shouldFocusError: false });

  const area = watch('area');
  const places = watch('places');
  const workIntegrating = watch('workIntegrating');
  const share = watch('farFromLabourMarketShare');
  const current = watch();
  // After a row of places is added or removed, the field to move focus to.
  const [focusAfter, setFocusAfter] = useState<string | null>(null);
  useEffect(() => {
    if (!focusAfter) return;
    document.getElementById(fieldId(FORM, focusAfter))?.focus();
    setFocusAfter(null);
  }, [focusAfter, places.length]);

  const onSubmit = handleSubmit(
    async (values) => {
      setGeneral(null);
      setStale(false);
      try {
        const { data } = await save({ variables: { input: inputOf(organizationId, profile?.version ?? null, values) } });
        if (!data) throw new Error('no answer');
        onSaved(data.saveEnterpriseProfile.enterpriseProfile);
      } catch (error) {
        const found = problemsOf(error, t('profile.failed'));
        const left: string[] = [];
        let isStale = false;
        for (const problem of found.fields) {
          if (problem.path === 'version') {
            isStale = true;
            continue;
          }
          const field = formField(problem.path);
          if (field && !errors[field]) setError(field, { type: 'api', message: problem.message });
          else left.push(problem.message);
        }
        if (isStale) {
          setStale(true);
          left.unshift(t('profile.stale'));
        }
        setGeneral([isStale ? null : found.general, ...left].filter(Boolean).join(' ') || null);
      }
    },
    () => {
      setGeneral(null);
      setStale(false);
    },
  );

  const problems: FieldProblem[] = [];
  for (const path of FIELDS) {
    const error = errors[path];
    const message = error?.message;
    if (typeof message === 'string' && message) problems.push({ path: summaryPath(path, current, error?.type), message });
  }

  const placeError = errors.places?.message;

  return (
    <form
      onSubmit={(e) => {
        onAttempt?.();
        void onSubmit(e);
      }}
      noValidate
      className="enterprise-form"
    >
      <ErrorSummary attempt={submitCount} form={FORM} problems={problems} general={general} />
      {stale ? (
        <Paragraph>
          <Button type="button" variant="secondary" onClick={onReload}>
            {t('profile.reload')}
          </Button>
        </Paragraph>
      ) : null}

      <section className="enterprise-form-section" aria-labelledby="profile-about">
        <Heading level={2} data-size="sm" id="profile-about">
          {t('profile.aboutTitle')}
        </Heading>
        <Textfield
          id={fieldId(FORM, 'description')}
          label={t('profile.description')}
          description={t('profile.descriptionHint')}
          multiline
          rows={7}
          error={errors.description?.message}
          {...register('description')}
        />
        <Textfield
          id={fieldId(FORM, 'services')}
          label={t('profile.services')}
          description={t('profile.servicesHint')}
          multiline
          rows={4}
          error={errors.services?.message}
          {...register('services')}
        />
        <Controller
          control={control}
          name="cpvCodes"
          render={({ field }) => (
            <div>
              <CpvPicker id={fieldId(FORM, 'cpvCodes')} legend={t('profile.cpvLegend')} hint={t('profile.cpvHint')} value={field.value} onChange={field.onChange} />
              {errors.cpvCodes?.message ? <ValidationMessage>{errors.cpvCodes.message}</ValidationMessage> : null}
            </div>
          )}
        />
        <Controller
          control={control}
          name="sdgs"
          render={({ field }) => (
            <div id={fieldId(FORM, 'sdgs')} tabIndex={-1} className="enterprise-sdgs">
              <Heading level={3} data-size="2xs">
                {t('profile.sdgLegend')}
              </Heading>
              <Paragraph data-size="sm">{t('profile.sdgHint')}</Paragraph>
              <SdgPicker value={field.value} onChange={field.onChange} />
              {errors.sdgs?.message ? <ValidationMessage>{errors.sdgs.message}</ValidationMessage> : null}
            </div>
          )}
        />
      </section>

      <section className="enterprise-form-section" aria-labelledby="profile-where">
        <Heading level={2} data-size="sm" id="profile-where">
          {t('profile.whereTitle')}
        </Heading>
        <Controller
          control={control}
          name="area"
          render={({ field }) => (
            <Fieldset aria-invalid={errors.area ? true : undefined}>
              <Fieldset.Legend>{t('profile.whereLegend')}</Fieldset.Legend>
              <Fieldset.Description>{t('profile.whereHint')}</Fieldset.Description>
              <Radio
                id={fieldId(FORM, 'area-nationwide')}
                name={field.name}
                value="nationwide"
                checked={field.value === 'nationwide'}
                onChange={() => field.onChange('nationwide')}
                label={t('profile.nationwide')}
              />
              <Radio
                id={fieldId(FORM, 'area-places')}
                name={field.name}
                value="places"
                checked={field.value === 'places'}
                onChange={() => {
                  field.onChange('places');
                  if (places.length === 0) setValue('places', [{ countyCode: '', municipalityCode: '' }]);
                }}
                label={t('profile.places')}
              />
              {errors.area?.message ? <ValidationMessage>{errors.area.message}</ValidationMessage> : null}
            </Fieldset>
          )}
        />
        {area === 'places' ? (
          <Fieldset aria-invalid={placeError ? true : undefined}>
            <Fieldset.Legend>{t('profile.placesLegend')}</Fieldset.Legend>
            <Fieldset.Description>{t('profile.placesHint')}</Fieldset.Description>
            <ol className="enterprise-places">
              {places.map((place, index) => (
                // The rows have no identity of their own; a row's place is its index.
                <li key={index} className="enterprise-place">
                  {/* Each row is its own group, so its two selects are read as "Plats 2, Län". */}
                  <Fieldset>
                    <Fieldset.Legend className="enterprise-place-legend">{t('profile.placeRow', { number: index + 1 })}</Fieldset.Legend>
                    <PlacePicker
                      id={fieldId(FORM, `place-${index}`)}
                      countyCode={place.countyCode}
                      municipalityCode={place.municipalityCode}
                      onChange={(next) =>
                        setValue(
                          'places',
                          places.map((p, i) => (i === index ? next : p)),
                          { shouldDirty: true },
                        )
                      }
                    />
                    <div>
                      <Button
                        type="button"
                        variant="tertiary"
                        data-size="sm"
                        onClick={() => {
                          setValue(
                            'places',
                            places.filter((_, i) => i !== index),
                            { shouldDirty: true },
                          );
                          // The button goes with its row: focus moves to the button that adds one.
                          setFocusAfter('add-place');
                        }}
                      >
                        {t('profile.removePlace', { number: index + 1 })}
                      </Button>
                    </div>
                  </Fieldset>
                </li>
              ))}
            </ol>
            <div>
              <Button
                type="button"
                variant="secondary"
                data-size="sm"
                id={fieldId(FORM, 'add-place')}
                onClick={() => {
                  setValue('places', [...places, { countyCode: '', municipalityCode: '' }], { shouldDirty: true });
                  setFocusAfter(`place-${places.length}-county`);
                }}
              >
                {t('profile.addPlace')}
              </Button>
            </div>
            {placeError ? <ValidationMessage>{placeError}</ValidationMessage> : null}
          </Fieldset>
        ) : null}
      </section>

      <section className="enterprise-form-section" aria-labelledby="profile-capacity">
        <Heading level={2} data-size="sm" id="profile-capacity">
          {t('profile.capacityTitle')}
        </Heading>
        <Textfield
          id={fieldId(FORM, 'maxContractSek')}
          className="enterprise-narrow"
          label={t('profile.maxContract')}
          description={t('profile.maxContractHint')}
          inputMode="numeric"
          autoComplete="off"
          error={errors.maxContractSek?.message}
          {...register('maxContractSek')}
        />
        <Textfield
          id={fieldId(FORM, 'employees')}
          className="enterprise-narrow"
          label={t('profile.employees')}
          description={t('profile.employeesHint')}
          inputMode="numeric"
          autoComplete="off"
          error={errors.employees?.message}
          {...register('employees')}
        />
        <Textfield
          id={fieldId(FORM, 'annualTurnoverSek')}
          className="enterprise-narrow"
          label={t('profile.turnover')}
          description={t('profile.turnoverHint')}
          inputMode="numeric"
          autoComplete="off"
          error={errors.annualTurnoverSek?.message}
          {...register('annualTurnoverSek')}
        />
      </section>

      <section className="enterprise-form-section" aria-labelledby="profile-form">
        <Heading level={2} data-size="sm" id="profile-form">
          {t('profile.formTitle')}
        </Heading>
        <Controller
          control={control}
          name="legalForm"
          render={({ field }) => (
            <Field>
              <Label htmlFor={fieldId(FORM, 'legalForm')}>{t('profile.legalForm')}</Label>
              <Field.Description>{t('profile.legalFormHint')}</Field.Description>
              <Select
                id={fieldId(FORM, 'legalForm')}
                name={field.name}
                value={field.value}
                onChange={(e) => field.onChange(e.target.value as LegalForm | '')}
                onBlur={field.onBlur}
                aria-invalid={errors.legalForm ? true : undefined}
              >
                <Select.Option value="">{t('profile.legalFormNone')}</Select.Option>
                {LEGAL_FORMS.map((form) => (
                  <Select.Option key={form} value={form}>
                    {t(`profile.legalForms.${form}`)}
                  </Select.Option>
                ))}
              </Select>
              {errors.legalForm?.message ? <ValidationMessage>{errors.legalForm.message}</ValidationMessage> : null}
            </Field>
          )}
        />
        <Checkbox id={fieldId(FORM, 'ideburen')} label={t('profile.ideburen')} description={t('profile.ideburenHint')} error={errors.ideburen?.message} {...register('ideburen')} />
      </section>

      <section className="enterprise-form-section" aria-labelledby="profile-work">
        <Heading level={2} data-size="sm" id="profile-work">
          {t('profile.workTitle')}
        </Heading>
        <Checkbox
          id={fieldId(FORM, 'workIntegrating')}
          label={t('profile.workIntegrating')}
          description={t('profile.workIntegratingHint')}
          error={errors.workIntegrating?.message}
          {...register('workIntegrating')}
        />
        {workIntegrating ? (
          <Textfield
            id={fieldId(FORM, 'farFromLabourMarketShare')}
            className="enterprise-narrow"
            label={t('profile.share')}
            description={t('profile.shareHint')}
            inputMode="numeric"
            autoComplete="off"
            error={errors.farFromLabourMarketShare?.message}
            {...register('farFromLabourMarketShare')}
          />
        ) : null}
        <ReservedRule workIntegrating={workIntegrating} share={share} />
      </section>

      <section className="enterprise-form-section">
        <Textfield
          id={fieldId(FORM, 'certifications')}
          label={t('profile.certifications')}
          description={t('profile.certificationsHint')}
          multiline
          rows={3}
          error={errors.certifications?.message}
          {...register('certifications')}
        />
      </section>

      <div className="accounts-actions">
        <Button type="submit" aria-disabled={isSubmitting || undefined}>
          {isSubmitting ? <Spinner aria-hidden data-size="xs" /> : null}
          {t('profile.save')}
        </Button>
      </div>
    </form>
  );
}

export function Component() {
  const { t } = useTranslation('enterprise');
  const { organization } = useSession();
  usePageTitle(t('profile.title'));
  const isEnterprise = organization?.kind === 'SOCIAL_ENTERPRISE';

  return (
    <div className="page enterprise-page">
      <Heading level={1} data-size="lg">
        {t('profile.title')}
      </Heading>
      {!organization ? (
        <Paragraph>{t('profile.noOrganization')}</Paragraph>
      ) : !isEnterprise ? (
        <Alert data-color="info">
          <Heading level={2} data-size="xs">
            {t('profile.notEnterpriseTitle')}
          </Heading>
          <Paragraph>{t('profile.notEnterpriseBody', { organization: organization.name })}</Paragraph>
        </Alert>
      ) : (
        <ProfileEditor key={organization.id} organizationId={organization.id} />
      )}
    </div>
  );
}

export function ProfileEditor({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation('enterprise');
  const { data, loading, refetch, client } = useQuery(PROFILE_PAGE_PROFILE, { variables: { organizationId }, fetchPolicy: 'network-only' });
  useRefetchOnLanguageChange(refetch);
  const [saved, setSaved] = useState<{ profile: Profile; at: number } | null>(null);
  const success = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (saved) success.current?.focus();
  }, [saved]);

  if (!data && loading) return <Spinner aria-label={t('common:state.loading')} />;
  if (!data) {
    return (
      <Alert data-color="danger">
        <Paragraph>{t('profile.loadError')}</Paragraph>
        <Button variant="secondary" data-size="sm" onClick={() => void refetch()}>
          {t('profile.retry')}
        </Button>
      </Alert>
    );
  }
  const profile = data.enterpriseProfile ?? null;

  return (
    <>
      <Paragraph>{t('profile.intro')}</Paragraph>
      {profile ? (
        <Paragraph>
          <DsLink asChild>
            <Link to={`/foretag/${encodeURIComponent(organizationId)}`}>{t('profile.publicLink')}</Link>
          </DsLink>
        </Paragraph>
      ) : null}
      {saved ? (
        <Alert data-color="success" ref={success} tabIndex={-1}>
          {t('profile.savedReadiness', { score: saved.profile.readiness.score })}
        </Alert>
      ) : null}
      <Readiness profile={profile} />
      <ProfileForm
        // A new version starts the form again from what was saved.
        key={profile?.version ?? 0}
        organizationId={organizationId}
        profile={profile}
        onAttempt={() => setSaved(null)}
        onReload={() => {
          setSaved(null);
          void refetch();
        }}
        onSaved={(next) => {
          client.writeQuery({ query: PROFILE_PAGE_PROFILE, variables: { organizationId }, data: { enterpriseProfile: next } });
          setSaved({ profile: next, at: Date.now() });
        }}
      />
    </>
  );
}
