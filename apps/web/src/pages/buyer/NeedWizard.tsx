import { CombinedGraphQLErrors } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Details, Fieldset, Heading, Link as DsLink, Paragraph, Radio, Spinner, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Controller, useForm, type FieldValues, type Path, type UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { CPV_PICKER_CODE, CpvPicker } from '../../components/CpvPicker';
import { PLACE_PICKER_PLACES, PlacePicker } from '../../components/PlacePicker';
import { SDG_PICKER_GOALS, SdgPicker } from '../../components/SdgPicker';
import { fieldId, problemsOf, type FieldProblem } from '../../forms/api-errors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { graphql } from '../../gql';
import type { NeedForm, UpdateNeedInput, WizardNeedFragment } from '../../gql/graphql';
import { formatDate, formatDateTime, formatKronor, formatKronorRange } from '../../lib/format';
import { usePageTitle } from '../../lib/page';
import {
  CPV_MAX,
  DESCRIPTION_MAX,
  DIRECT_AWARD_LIMIT_SEK,
  FORMS,
  fromSwedishDateTime,
  IMPACT_MAX,
  isStep,
  KRONOR_MAX,
  missingForPublishing,
  parseKronor,
  PUBLISH_DESCRIPTION_MIN,
  PUBLISH_TITLE_MIN,
  stepOf,
  STEPS,
  TITLE_MAX,
  toSwedishDateTime,
  type MissingField,
  type Step,
} from './need-rules';
import { useRefetchOnLanguageChange } from '../accounts/shared';
import { resolverOf, type Problems } from '../../forms/resolver';
import './buyer.css';

/** What the wizard reads of a need and gets back from every save. */
export const WIZARD_NEED = graphql(`
  fragment WizardNeed on Need {
    id
    version
    status
    title
    description
    form
    cpvCodes
    sdgs
    municipalityCode
    countyCode
    budgetMinSek
    budgetMaxSek
    wantedImpact
    responseDeadline
    awaitingVerification
    buyerOrganizationId
    viewerCanManage
    updatedAt
    warnings {
      code
      message
    }
  }
`);

export const NEED_WIZARD_NEED = graphql(`
  query NeedWizardNeed($id: ID!) {
    need(id: $id) {
      ...WizardNeed
    }
  }
`);

export const NEED_WIZARD_CREATE = graphql(`
  mutation NeedWizardCreate($input: CreateNeedInput!) {
    createNeed(input: $input) {
      need {
        ...WizardNeed
      }
    }
  }
`);

export const NEED_WIZARD_UPDATE = graphql(`
  mutation NeedWizardUpdate($input: UpdateNeedInput!) {
    updateNeed(input: $input) {
      need {
        ...WizardNeed
      }
    }
  }
`);

export const NEED_WIZARD_PUBLISH = graphql(`
  mutation NeedWizardPublish($input: PublishNeedInput!) {
    publishNeed(input: $input) {
      need {
        ...WizardNeed
        publishedAt
      }
    }
  }
`);

export type WizardNeed = WizardNeedFragment;
type Changes = Omit<UpdateNeedInput, 'needId' | 'version'>;

const FORM = 'need';
/** The steps with a number (the check is the last page, not a question). */
const QUESTIONS = STEPS.length - 1;

/** What the first step answered, carried to the second in the history entry until the draft exists. */
interface WhatState {
  what?: { title: string; description: string };
}

/** A failed save, read into what the step shows: problems on its own fields, the rest as one message. */
class SaveFailed extends Error {
  constructor(
    readonly fields: FieldProblem[],
    readonly general: string | null,
    readonly stale: boolean,
  ) {
    super(general ?? 'save failed');
  }
}

/** Puts a failed save's problems on the step's fields (through `placeOf`) and returns what is left. */
function placeFailure<V extends FieldValues>(error: unknown, placeOf: (path: string) => Path<V> | null, setError: UseFormSetError<V>, fallback: string): string | null {
  if (!(error instanceof SaveFailed)) return fallback;
  const left: string[] = error.general ? [error.general] : [];
  for (const field of error.fields) {
    const path = placeOf(field.path);
    if (path) setError(path, { type: 'api', message: field.message });
    else left.push(field.message);
  }
  return left.join(' ') || null;
}

// ---------------------------------------------------------------------------------------------------------
// The frame of a step: its form, summary and button.

interface StepFormProps {
  onSubmit(event: FormEvent<HTMLFormElement>): void;
  submitCount: number;
  problems: FieldProblem[];
  general: string | null;
  busy: boolean;
  label: string;
  children: ReactNode;
}

function StepForm({ onSubmit, submitCount, problems, general, busy, label, children }: StepFormProps) {
  return (
    <form onSubmit={onSubmit} noValidate className="buyer-form">
      <ErrorSummary attempt={submitCount} form={FORM} problems={problems} general={general} />
      {children}
      <div className="buyer-actions">
        <Button type="submit" aria-disabled={busy || undefined}>
          {busy ? <Spinner aria-hidden data-size="xs" /> : null}
          {label}
        </Button>
      </div>
    </form>
  );
}

interface StepProps {
  need: WizardNeed | null;
  save(changes: Changes): Promise<void>;
  label: string;
}

function problemsIn<V extends FieldValues>(
  errors: Partial<Record<keyof V, { message?: string } | undefined>>,
  order: readonly (keyof V & string)[],
  anchors: Partial<Record<string, string>> = {},
): FieldProblem[] {
  const found: FieldProblem[] = [];
  for (const path of order) {
    const message = errors[path]?.message;
    if (typeof message === 'string' && message) found.push({ path: anchors[path] ?? path, message });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------
// 1. What

type WhatValues = { title: string; description: string };

export function WhatStep({ need, initial, onDone, label }: { need: WizardNeed | null; initial?: WhatValues; onDone(values: WhatValues): Promise<void>; label: string }) {
  const { t } = useTranslation('buyer');
  const [general, setGeneral] = useState<string | null>(null);
  const resolver = resolverOf<WhatValues>((values): Problems => {
    const errors: Problems = {};
    const title = values.title.trim();
    if (!title) errors.title = { type: 'required', message: t('wizard.what.titleRequired') };
    else if (title.length > TITLE_MAX) errors.title = { type: 'long', message: t('wizard.what.titleLong', { count: TITLE_MAX, length: title.length }) };
    const description = values.description.trim();
    if (description.length > DESCRIPTION_MAX)
      errors.description = { type: 'long', message: t('wizard.what.descriptionLong', { count: DESCRIPTION_MAX, length: description.length }) };
    return errors;
  });
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, submitCount, isSubmitting },
  } = useForm<WhatValues>({ defaultValues: initial ?? { title: need?.title ?? '', description: need?.description ?? '' }, resolver, shouldFocusError: false });
  const onSubmit = handleSubmit(
    async (values) => {
      setGeneral(null);
      try {
        await onDone({ title: values.title.trim(), description: values.description.trim() });
      } catch (error) {
        setGeneral(placeFailure<WhatValues>(error, (p) => (p === 'title' || p === 'description' ? p : null), setError, t('wizard.failed')));
      }
    },
    () => setGeneral(null),
  );
  return (
    <StepForm
      onSubmit={(e) => void onSubmit(e)}
      submitCount={submitCount}
      problems={problemsIn(errors, ['title', 'description'])}
      general={general}
      busy={isSubmitting}
      label={label}
    >
      <Textfield id={fieldId(FORM, 'title')} label={t('wizard.what.titleLabel')} description={t('wizard.what.titleHint')} error={errors.title?.message} {...register('title')} />
      <div className="buyer-field">
        <Textfield
          multiline
          rows={8}
          id={fieldId(FORM, 'description')}
          label={t('wizard.what.descriptionLabel')}
          description={t('wizard.what.descriptionHint')}
          error={errors.description?.message}
          {...register('description')}
        />
        <Details className="buyer-example">
          <Details.Summary>{t('wizard.what.exampleSummary')}</Details.Summary>
          <Details.Content>
            <Paragraph>{t('wizard.what.example')}</Paragraph>
          </Details.Content>
        </Details>
      </div>
    </StepForm>
  );
}

// ---------------------------------------------------------------------------------------------------------
// 2. The procurement form

type FormValues = { form: NeedForm | '' };

export function FormStep({ need, onDone, label }: { need: WizardNeed | null; onDone(form: NeedForm): Promise<void>; label: string }) {
  const { t } = useTranslation('buyer');
  const { t: tn } = useTranslation('needs');
  const [general, setGeneral] = useState<string | null>(null);
  const resolver = resolverOf<FormValues>((values): Problems => (values.form ? {} : { form: { type: 'required', message: t('wizard.form.required') } }));
  const {
    control,
    handleSubmit,
    setError,
    formState: { errors, submitCount, isSubmitting },
  } = useForm<FormValues>({ defaultValues: { form: need?.form ?? '' }, resolver, shouldFocusError: false });
  const onSubmit = handleSubmit(
    async (values) => {
      setGeneral(null);
      try {
        await onDone(values.form as NeedForm);
      } catch (error) {
        setGeneral(placeFailure<FormValues>(error, (p) => (p === 'form' ? 'form' : null), setError, t('wizard.failed')));
      }
    },
    () => setGeneral(null),
  );
  return (
    <StepForm
      onSubmit={(e) => void onSubmit(e)}
      submitCount={submitCount}
      problems={problemsIn(errors, ['form'], { form: `form-${FORMS[0]}` })}
      general={general}
      busy={isSubmitting}
      label={label}
    >
      <Controller
        control={control}
        name="form"
        render={({ field }) => (
          <Fieldset aria-invalid={errors.form ? true : undefined}>
            <Fieldset.Legend>{t('wizard.form.legend')}</Fieldset.Legend>
            <Fieldset.Description>{t('wizard.form.hint')}</Fieldset.Description>
            {FORMS.map((form) => (
              <Radio
                key={form}
                id={fieldId(FORM, `form-${form}`)}
                name={field.name}
                value={form}
                checked={field.value === form}
                onChange={() => field.onChange(form)}
                onBlur={field.onBlur}
                label={tn(`forms.${form}`)}
                description={t(`wizard.form.hints.${form}`)}
              />
            ))}
            {errors.form?.message ? <ValidationMessage>{errors.form.message}</ValidationMessage> : null}
          </Fieldset>
        )}
      />
    </StepForm>
  );
}

// ---------------------------------------------------------------------------------------------------------
// 3. CPV codes

type CpvValues = { cpvCodes: string[] };

export function CpvStep({ need, save, label }: StepProps) {
  const { t } = useTranslation('buyer');
  const [general, setGeneral] = useState<string | null>(null);
  const resolver = resolverOf<CpvValues>((values): Problems =>
    values.cpvCodes.length > CPV_MAX ? { cpvCodes: { type: 'many', message: t('wizard.cpv.tooMany', { count: CPV_MAX, chosen: values.cpvCodes.length }) } } : {},
  );
  const {
    control,
    handleSubmit,
    setError,
    formState: { errors, submitCount, isSubmitting },
  } = useForm<CpvValues>({ defaultValues: { cpvCodes: [...(need?.cpvCodes ?? [])] }, resolver, shouldFocusError: false });
  const onSubmit = handleSubmit(
    async (values) => {
      setGeneral(null);
      try {
        await save({ cpvCodes: values.cpvCodes });
      } catch (error) {
        setGeneral(placeFailure<CpvValues>(error, (p) => (p.startsWith('cpvCodes') ? 'cpvCodes' : null), setError, t('wizard.failed')));
      }
    },
    () => setGeneral(null),
  );
  return (
    <StepForm onSubmit={(e) => void onSubmit(e)} submitCount={submitCount} problems={problemsIn(errors, ['cpvCodes'])} general={general} busy={isSubmitting} label={label}>
      <Controller
        control={control}
        name="cpvCodes"
        render={({ field }) => (
          <div className="buyer-field" aria-invalid={errors.cpvCodes ? true : undefined}>
            <CpvPicker id={fieldId(FORM, 'cpvCodes')} value={field.value} onChange={field.onChange} legend={t('wizard.cpv.legend')} hint={t('wizard.cpv.hint')} />
            {errors.cpvCodes?.message ? <ValidationMessage>{errors.cpvCodes.message}</ValidationMessage> : null}
          </div>
        )}
      />
    </StepForm>
  );
}

// ---------------------------------------------------------------------------------------------------------
// 4. Global goals

type SdgValues = { sdgs: number[] };

export function SdgStep({ need, save, label }: StepProps) {
  const { t } = useTranslation('buyer');
  const [general, setGeneral] = useState<string | null>(null);
  const {
    control,
    handleSubmit,
    setError,
    formState: { errors, submitCount, isSubmitting },
  } = useForm<SdgValues>({ defaultValues: { sdgs: [...(need?.sdgs ?? [])] }, shouldFocusError: false });
  const onSubmit = handleSubmit(async (values) => {
    setGeneral(null);
    try {
      await save({ sdgs: values.sdgs });
    } catch (error) {
      setGeneral(placeFailure<SdgValues>(error, (p) => (p.startsWith('sdgs') ? 'sdgs' : null), setError, t('wizard.failed')));
    }
  });
  return (
    <StepForm onSubmit={(e) => void onSubmit(e)} submitCount={submitCount} problems={problemsIn(errors, ['sdgs'])} general={general} busy={isSubmitting} label={label}>
      <Controller
        control={control}
        name="sdgs"
        render={({ field }) => (
          <div className="buyer-field" id={fieldId(FORM, 'sdgs')} tabIndex={-1}>
            <SdgPicker value={field.value} onChange={field.onChange} defaultOpen hint={t('wizard.sdgs.hint')} />
            {errors.sdgs?.message ? <ValidationMessage>{errors.sdgs.message}</ValidationMessage> : null}
          </div>
        )}
      />
    </StepForm>
  );
}

// ---------------------------------------------------------------------------------------------------------
// 5. Where

type PlaceValues = { countyCode: string; municipalityCode: string };

export function PlaceStep({ need, save, label }: StepProps) {
  const { t } = useTranslation('buyer');
  const [general, setGeneral] = useState<string | null>(null);
  const resolver = resolverOf<PlaceValues>((values): Problems =>
    values.countyCode || values.municipalityCode ? {} : { municipalityCode: { type: 'required', message: t('wizard.place.required') } },
  );
  const {
    control,
    handleSubmit,
    setError,
    formState: { errors, submitCount, isSubmitting },
  } = useForm<PlaceValues>({
    defaultValues: { countyCode: need?.countyCode ?? need?.municipalityCode?.slice(0, 2) ?? '', municipalityCode: need?.municipalityCode ?? '' },
    resolver,
    shouldFocusError: false,
  });
  const onSubmit = handleSubmit(
    async (values) => {
      setGeneral(null);
      try {
        // A kommun carries its län; a län alone is the whole län.
        await save(values.municipalityCode ? { municipalityCode: values.municipalityCode, countyCode: null } : { municipalityCode: null, countyCode: values.countyCode });
      } catch (error) {
        setGeneral(placeFailure<PlaceValues>(error, (p) => (p === 'municipalityCode' || p === 'countyCode' ? 'municipalityCode' : null), setError, t('wizard.failed')));
      }
    },
    () => setGeneral(null),
  );
  return (
    <StepForm
      onSubmit={(e) => void onSubmit(e)}
      submitCount={submitCount}
      problems={problemsIn(errors, ['municipalityCode'], { municipalityCode: 'place-county' })}
      general={general}
      busy={isSubmitting}
      label={label}
    >
      <Fieldset aria-invalid={errors.municipalityCode ? true : undefined}>
        <Fieldset.Legend>{t('wizard.place.legend')}</Fieldset.Legend>
        <Fieldset.Description>{t('wizard.place.hint')}</Fieldset.Description>
        <Controller
          control={control}
          name="countyCode"
          render={({ field: county }) => (
            <Controller
              control={control}
              name="municipalityCode"
              render={({ field: municipality }) => (
                <PlacePicker
                  id={fieldId(FORM, 'place')}
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
    </StepForm>
  );
}

// ---------------------------------------------------------------------------------------------------------
// 6. Budget

type BudgetValues = { budgetMinSek: string; budgetMaxSek: string };

function kronorText(value: number | null | undefined): string {
  return value == null ? '' : String(value);
}

export function BudgetStep({ need, save, label }: StepProps) {
  const { t } = useTranslation('buyer');
  const [general, setGeneral] = useState<string | null>(null);
  const resolver = resolverOf<BudgetValues>((values): Problems => {
    const errors: Problems = {};
    const min = parseKronor(values.budgetMinSek);
    const max = parseKronor(values.budgetMaxSek);
    for (const [key, value] of [
      ['budgetMinSek', min],
      ['budgetMaxSek', max],
    ] as const) {
      if (value !== null && Number.isNaN(value)) errors[key] = { type: 'format', message: t('wizard.budget.invalid') };
      else if (value !== null && value > KRONOR_MAX) errors[key] = { type: 'max', message: t('wizard.budget.tooLarge', { max: formatKronor(KRONOR_MAX) }) };
    }
    if (!errors.budgetMinSek && !errors.budgetMaxSek && min !== null && max !== null && min > max) errors.budgetMinSek = { type: 'order', message: t('wizard.budget.minAboveMax') };
    return errors;
  });
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, submitCount, isSubmitting },
  } = useForm<BudgetValues>({ defaultValues: { budgetMinSek: kronorText(need?.budgetMinSek), budgetMaxSek: kronorText(need?.budgetMaxSek) }, resolver, shouldFocusError: false });
  const onSubmit = handleSubmit(
    async (values) => {
      setGeneral(null);
      try {
        await save({ budgetMinSek: parseKronor(values.budgetMinSek), budgetMaxSek: parseKronor(values.budgetMaxSek) });
      } catch (error) {
        setGeneral(placeFailure<BudgetValues>(error, (p) => (p === 'budgetMinSek' || p === 'budgetMaxSek' ? p : null), setError, t('wizard.failed')));
      }
    },
    () => setGeneral(null),
  );
  return (
    <StepForm
      onSubmit={(e) => void onSubmit(e)}
      submitCount={submitCount}
      problems={problemsIn(errors, ['budgetMinSek', 'budgetMaxSek'])}
      general={general}
      busy={isSubmitting}
      label={label}
    >
      {need?.form === 'DIRECT_AWARD' ? (
        <Alert data-color="info">
          <Paragraph>{t('wizard.budget.directAwardNote', { limit: formatKronor(DIRECT_AWARD_LIMIT_SEK) })}</Paragraph>
        </Alert>
      ) : null}
      <Textfield
        id={fieldId(FORM, 'budgetMinSek')}
        label={t('wizard.budget.minLabel')}
        description={t('wizard.budget.minHint')}
        inputMode="numeric"
        autoComplete="off"
        className="buyer-kronor"
        size={16}
        error={errors.budgetMinSek?.message}
        {...register('budgetMinSek')}
      />
      <Textfield
        id={fieldId(FORM, 'budgetMaxSek')}
        label={t('wizard.budget.maxLabel')}
        description={t('wizard.budget.maxHint')}
        inputMode="numeric"
        autoComplete="off"
        className="buyer-kronor"
        size={16}
        error={errors.budgetMaxSek?.message}
        {...register('budgetMaxSek')}
      />
    </StepForm>
  );
}

// ---------------------------------------------------------------------------------------------------------
// 7. Wanted impact

type ImpactValues = { wantedImpact: string };

export function ImpactStep({ need, save, label }: StepProps) {
  const { t } = useTranslation('buyer');
  const [general, setGeneral] = useState<string | null>(null);
  const resolver = resolverOf<ImpactValues>((values): Problems => {
    const length = values.wantedImpact.trim().length;
    return length > IMPACT_MAX ? { wantedImpact: { type: 'long', message: t('wizard.impact.tooLong', { count: IMPACT_MAX, length }) } } : {};
  });
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, submitCount, isSubmitting },
  } = useForm<ImpactValues>({ defaultValues: { wantedImpact: need?.wantedImpact ?? '' }, resolver, shouldFocusError: false });
  const onSubmit = handleSubmit(
    async (values) => {
      setGeneral(null);
      try {
        await save({ wantedImpact: values.wantedImpact.trim() });
      } catch (error) {
        setGeneral(placeFailure<ImpactValues>(error, (p) => (p === 'wantedImpact' ? p : null), setError, t('wizard.failed')));
      }
    },
    () => setGeneral(null),
  );
  return (
    <StepForm onSubmit={(e) => void onSubmit(e)} submitCount={submitCount} problems={problemsIn(errors, ['wantedImpact'])} general={general} busy={isSubmitting} label={label}>
      <Textfield
        multiline
        rows={5}
        id={fieldId(FORM, 'wantedImpact')}
        label={t('wizard.impact.label')}
        description={t('wizard.impact.hint')}
        error={errors.wantedImpact?.message}
        {...register('wantedImpact')}
      />
    </StepForm>
  );
}

// ---------------------------------------------------------------------------------------------------------
// 8. The response deadline

type DeadlineValues = { date: string; time: string };

/** A date four weeks ahead, as the hint's example. */
function exampleDate(now: Date): string {
  return toSwedishDateTime(new Date(now.getTime() + 28 * 86_400_000).toISOString()).date;
}

/** "23.59" and "9:30" as people write them, as "23:59" and "09:30". */
function normaliseTime(text: string): string {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  return m ? `${m[1].padStart(2, '0')}:${m[2]}` : text.trim();
}

export function DeadlineStep({ need, save, label, now = new Date() }: StepProps & { now?: Date }) {
  const { t } = useTranslation('buyer');
  const [general, setGeneral] = useState<string | null>(null);
  const example = exampleDate(now);
  const resolver = resolverOf<DeadlineValues>((values): Problems => {
    const errors: Problems = {};
    const date = values.date.trim();
    const time = normaliseTime(values.time) || '23:59';
    if (!date) {
      if (values.time.trim() && values.time.trim() !== '23:59') errors.date = { type: 'required', message: t('wizard.deadline.timeWithoutDate') };
      return errors;
    }
    if (!fromSwedishDateTime(date, '12:00')) {
      errors.date = { type: 'format', message: t('wizard.deadline.dateInvalid', { example }) };
      return errors;
    }
    const moment = fromSwedishDateTime(date, time);
    if (!moment) errors.time = { type: 'format', message: t('wizard.deadline.timeInvalid') };
    else if (Date.parse(moment) <= now.getTime()) errors.date = { type: 'past', message: t('wizard.deadline.past') };
    return errors;
  });
  const initial = need?.responseDeadline ? toSwedishDateTime(need.responseDeadline) : { date: '', time: '23:59' };
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, submitCount, isSubmitting },
  } = useForm<DeadlineValues>({ defaultValues: initial, resolver, shouldFocusError: false });
  const onSubmit = handleSubmit(
    async (values) => {
      setGeneral(null);
      try {
        const date = values.date.trim();
        await save({ responseDeadline: date ? fromSwedishDateTime(date, normaliseTime(values.time) || '23:59') : null });
      } catch (error) {
        setGeneral(placeFailure<DeadlineValues>(error, (p) => (p === 'responseDeadline' ? 'date' : null), setError, t('wizard.failed')));
      }
    },
    () => setGeneral(null),
  );
  return (
    <StepForm
      onSubmit={(e) => void onSubmit(e)}
      submitCount={submitCount}
      problems={problemsIn(errors, ['date', 'time'], { date: 'responseDeadline', time: 'responseTime' })}
      general={general}
      busy={isSubmitting}
      label={label}
    >
      <Textfield
        id={fieldId(FORM, 'responseDeadline')}
        label={t('wizard.deadline.dateLabel')}
        description={t('wizard.deadline.dateHint', { example, date: formatDate(example) })}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        className="buyer-date"
        size={12}
        error={errors.date?.message}
        {...register('date')}
      />
      <Textfield
        id={fieldId(FORM, 'responseTime')}
        label={t('wizard.deadline.timeLabel')}
        description={t('wizard.deadline.timeHint')}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        className="buyer-time"
        size={6}
        error={errors.time?.message}
        {...register('time')}
      />
    </StepForm>
  );
}

// ---------------------------------------------------------------------------------------------------------
// 9. Check the answers, then publish

function CpvName({ code }: { code: string }) {
  const { i18n } = useTranslation();
  const { data } = useQuery(CPV_PICKER_CODE, { variables: { code }, fetchPolicy: 'cache-first' });
  const label = data?.cpvCode ? (i18n.language === 'en' ? data.cpvCode.labelEn : data.cpvCode.labelSv) : '';
  return (
    <li>
      <span className="buyer-code">{code}</span> {label}
    </li>
  );
}

function usePlace(municipalityCode: string | null | undefined, countyCode: string | null | undefined): string | null {
  const { t } = useTranslation('needs');
  const { data } = useQuery(PLACE_PICKER_PLACES, { fetchPolicy: 'cache-first' });
  if (!municipalityCode && !countyCode) return null;
  const county = data?.counties.find((c) => c.code === (countyCode ?? municipalityCode?.slice(0, 2)));
  const municipality = municipalityCode ? data?.municipalities.find((m) => m.code === municipalityCode) : undefined;
  if (municipality && county) return t('place.both', { municipality: municipality.name, county: county.name });
  if (county && !municipalityCode) return t('place.wholeCounty', { county: county.name });
  return municipality?.name ?? municipalityCode ?? countyCode ?? null;
}

type Row = 'title' | 'description' | 'form' | 'cpvCodes' | 'sdgs' | 'place' | 'budget' | 'wantedImpact' | 'responseDeadline';
const ROW_STEP: Record<Row, Step> = {
  title: 'vad',
  description: 'vad',
  form: 'upphandlingsform',
  cpvCodes: 'cpv',
  sdgs: 'mal',
  place: 'plats',
  budget: 'budget',
  wantedImpact: 'effekt',
  responseDeadline: 'svarsdag',
};

/** The row of the check where a field (as the API or the completeness check names it) is shown. */
function rowOf(field: string): Row {
  if (field === 'budgetMinSek' || field === 'budgetMaxSek') return 'budget';
  if (field === 'municipalityCode' || field === 'countyCode' || field === 'place') return 'place';
  if (field === 'deadlinePast') return 'responseDeadline';
  const step = stepOf(field);
  return (Object.keys(ROW_STEP) as Row[]).find((row) => row === field) ?? (Object.keys(ROW_STEP) as Row[]).find((row) => ROW_STEP[row] === step) ?? 'title';
}

export function CheckStep({
  need,
  stepHref,
  onPublishing,
  now = new Date(),
}: {
  need: WizardNeed;
  stepHref(step: Step, fromCheck?: boolean): string;
  onPublishing?(publishing: boolean): void;
  now?: Date;
}) {
  const { t, i18n } = useTranslation('buyer');
  const { t: tn } = useTranslation('needs');
  const [publish] = useMutation(NEED_WIZARD_PUBLISH);
  const [busy, setBusy] = useState(false);
  const [attempts, setAttempts] = useState(0);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [general, setGeneral] = useState<string | null>(null);
  const [published, setPublished] = useState<WizardNeed | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const { data: goals } = useQuery(SDG_PICKER_GOALS, { fetchPolicy: 'cache-first' });
  const place = usePlace(need.municipalityCode, need.countyCode);
  const missing = missingForPublishing(need, now);

  const arrivedWithin = useLocation().key !== 'default';
  useEffect(() => {
    // Arriving from a step, and once published, the page's heading takes the focus as a new page's would.
    if ((arrivedWithin || published) && heading.current) {
      heading.current.tabIndex = -1;
      heading.current.focus();
    }
  }, [published, arrivedWithin]);

  usePageTitle(published ? t('wizard.check.publishedTitle') : t('wizard.check.title'));

  if (published) {
    return (
      <div className="page buyer-page">
        <Heading level={1} data-size="lg" ref={heading}>
          {t('wizard.check.publishedTitle')}
        </Heading>
        <Alert data-color="success">
          <Paragraph>{t('wizard.check.publishedBody')}</Paragraph>
          {published.awaitingVerification ? <Paragraph>{t('wizard.check.publishedWaiting')}</Paragraph> : null}
        </Alert>
        <ul className="buyer-links">
          <li>
            <DsLink asChild>
              <Link to={`/behov/${encodeURIComponent(published.id)}`}>{t('wizard.check.toPublic')}</Link>
            </DsLink>
          </li>
          <li>
            <DsLink asChild>
              <Link to="/mina-behov">{t('wizard.check.toList')}</Link>
            </DsLink>
          </li>
        </ul>
      </div>
    );
  }

  const problemOf = (row: Row) => problems.find((p) => p.path === row)?.message;
  const missingText = (field: MissingField) =>
    field === 'title'
      ? t('wizard.missing.title', { count: PUBLISH_TITLE_MIN })
      : field === 'description'
        ? t('wizard.missing.description', { count: PUBLISH_DESCRIPTION_MIN, length: need.description.trim().length })
        : t(`wizard.missing.${field}`);

  async function onPublish() {
    if (busy) return;
    setBusy(true);
    setGeneral(null);
    setProblems([]);
    onPublishing?.(true);
    try {
      const { data } = await publish({ variables: { input: { needId: need.id, version: need.version } } });
      if (!data) throw new Error('no answer');
      setPublished(data.publishNeed.need);
    } catch (error) {
      onPublishing?.(false);
      const found = problemsOf(error, t('wizard.check.publishFailed'));
      const placed: FieldProblem[] = [];
      const left: string[] = found.general ? [found.general] : [];
      for (const field of found.fields) {
        if (field.path === 'version') left.push(t('wizard.stale'));
        else if (!placed.some((p) => p.path === rowOf(field.path))) placed.push({ path: rowOf(field.path), message: field.message });
      }
      setProblems(placed);
      setGeneral(left.join(' ') || null);
      setAttempts((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  const value = (row: Row): ReactNode => {
    switch (row) {
      case 'title':
        return need.title || null;
      case 'description':
        return need.description ? <span className="buyer-pre">{need.description}</span> : null;
      case 'form':
        return tn(`forms.${need.form}`);
      case 'cpvCodes':
        return need.cpvCodes.length ? (
          <ul className="buyer-plain">
            {need.cpvCodes.map((code) => (
              <CpvName key={code} code={code} />
            ))}
          </ul>
        ) : null;
      case 'sdgs':
        return need.sdgs.length ? (
          <ul className="buyer-plain">
            {need.sdgs.map((n) => {
              const goal = goals?.sdgs.find((g) => g.number === n);
              return <li key={n}>{tn('need.sdg', { number: n, title: goal ? (i18n.language === 'en' ? goal.titleEn : goal.titleSv) : '' })}</li>;
            })}
          </ul>
        ) : null;
      case 'place':
        return place;
      case 'budget':
        return formatKronorRange(need.budgetMinSek, need.budgetMaxSek);
      case 'wantedImpact':
        return need.wantedImpact ? <span className="buyer-pre">{need.wantedImpact}</span> : null;
      case 'responseDeadline':
        return need.responseDeadline ? formatDateTime(need.responseDeadline) : null;
    }
  };

  return (
    <div className="page buyer-page">
      <Paragraph data-size="sm">
        <DsLink asChild>
          <Link to={stepHref('svarsdag')}>← {t('wizard.back')}</Link>
        </DsLink>
      </Paragraph>
      <Heading level={1} data-size="lg" ref={heading}>
        {t('wizard.check.title')}
      </Heading>
      <Paragraph>{t('wizard.check.intro')}</Paragraph>
      <ErrorSummary attempt={attempts} form="check" problems={problems} general={general} />

      {need.warnings.length > 0 ? (
        <Alert data-color="warning">
          <Heading level={2} data-size="xs">
            {t('wizard.check.warningsTitle')}
          </Heading>
          {need.warnings.map((w) => (
            <Paragraph key={w.code}>{w.message}</Paragraph>
          ))}
        </Alert>
      ) : null}

      {missing.length > 0 ? (
        <Alert data-color="info">
          <Heading level={2} data-size="xs">
            {t('wizard.check.missingTitle')}
          </Heading>
          <ul>
            {missing.map((field) => (
              <li key={field}>
                <DsLink asChild>
                  <Link to={stepHref(ROW_STEP[rowOf(field)], true)}>{missingText(field)}</Link>
                </DsLink>
              </li>
            ))}
          </ul>
          <Paragraph>{t('wizard.check.missingIntro')}</Paragraph>
        </Alert>
      ) : (
        <Alert data-color="success">
          <Paragraph>{t('wizard.check.complete')}</Paragraph>
        </Alert>
      )}

      <Heading level={2} data-size="sm">
        {t('wizard.check.answers')}
      </Heading>
      <dl className="buyer-summary">
        {(Object.keys(ROW_STEP) as Row[]).map((row) => {
          const shown = value(row);
          const problem = problemOf(row);
          const name = t(`wizard.check.rows.${row}`);
          return (
            <div key={row} className="buyer-summary-row" id={fieldId('check', row)} tabIndex={-1} data-invalid={problem ? true : undefined}>
              <dt>{name}</dt>
              <dd>
                {problem ? <ValidationMessage>{problem}</ValidationMessage> : null}
                {shown ?? <span className="buyer-empty">{t('wizard.check.empty')}</span>}
              </dd>
              <dd className="buyer-summary-change">
                <DsLink asChild>
                  <Link to={stepHref(ROW_STEP[row], true)} aria-label={t('wizard.check.changeNamed', { what: name.toLowerCase() })}>
                    {t('wizard.check.change')}
                  </Link>
                </DsLink>
              </dd>
            </div>
          );
        })}
      </dl>

      <div className="buyer-actions">
        <Button type="button" onClick={() => void onPublish()} aria-disabled={busy || undefined}>
          {busy ? <Spinner aria-hidden data-size="xs" /> : null}
          {t('wizard.check.publish')}
        </Button>
        <Button asChild variant="secondary">
          <Link to="/mina-behov">{t('wizard.check.keepDraft')}</Link>
        </Button>
      </div>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------------
// The page: which step, and saving as the person goes.

function isBuyer(kind: string | undefined): boolean {
  return kind === 'MUNICIPALITY' || kind === 'REGION';
}

export function Component() {
  const { t } = useTranslation('buyer');
  const { needId } = useParams();
  const { me, organization } = useSession();
  const [params] = useSearchParams();
  const step: Step = isStep(params.get('steg')) ? (params.get('steg') as Step) : 'vad';

  if (!me) return <Spinner aria-label={t('common:state.loading')} />;
  if (!needId) {
    if (!organization || !isBuyer(organization.kind)) return <NotBuyer />;
    return <NewNeed step={step} organizationId={organization.id} />;
  }
  return <ExistingNeed needId={needId} step={step} />;
}

function NotBuyer() {
  const { t } = useTranslation('buyer');
  usePageTitle(t('wizard.titleNew'));
  return (
    <div className="page buyer-page">
      <Heading level={1} data-size="lg">
        {t('wizard.titleNew')}
      </Heading>
      <Alert data-color="info">
        <Paragraph>{t('wizard.notBuyer')}</Paragraph>
      </Alert>
    </div>
  );
}

/** The page of one question: the back link, the step's number, its heading (focused on arrival), the form. */
function StepPage({ step, back, backState, title, intro, children }: { step: Step; back: string; backState?: WhatState; title: string; intro: string; children: ReactNode }) {
  const { t } = useTranslation('buyer');
  const heading = useRef<HTMLHeadingElement>(null);
  const arrivedWithin = useLocation().key !== 'default';
  usePageTitle(title);
  useEffect(() => {
    // Each step is a new page to the reader: its heading takes the focus, as a new page's would.
    if (arrivedWithin && heading.current) {
      heading.current.tabIndex = -1;
      heading.current.focus();
    }
  }, [step, arrivedWithin]);
  return (
    <div className="page buyer-page">
      <Paragraph data-size="sm">
        <DsLink asChild>
          <Link to={back} state={backState}>
            ← {STEPS.indexOf(step) === 0 ? t('wizard.backToList') : t('wizard.back')}
          </Link>
        </DsLink>
      </Paragraph>
      <p className="buyer-step">{t('wizard.stepOf', { step: STEPS.indexOf(step) + 1, steps: QUESTIONS })}</p>
      <Heading level={1} data-size="lg" ref={heading}>
        {title}
      </Heading>
      <Paragraph>{intro}</Paragraph>
      {STEPS.indexOf(step) === 0 ? (
        <Paragraph data-size="sm" className="buyer-note">
          {t('wizard.draftNote')}
        </Paragraph>
      ) : null}
      {children}
    </div>
  );
}

const STEP_TEXTS: Record<Exclude<Step, 'granska'>, string> = {
  vad: 'what',
  upphandlingsform: 'form',
  cpv: 'cpv',
  mal: 'sdgs',
  plats: 'place',
  budget: 'budget',
  effekt: 'impact',
  svarsdag: 'deadline',
};

/** A need not yet saved: the first step is kept in the history entry, and the second creates the draft. */
function NewNeed({ step, organizationId }: { step: Step; organizationId: string }) {
  const { t } = useTranslation('buyer');
  const navigate = useNavigate();
  const location = useLocation();
  const what = (location.state as WhatState | null)?.what;
  const [create] = useMutation(NEED_WIZARD_CREATE);

  if (step !== 'vad' && (step !== 'upphandlingsform' || !what)) return <Navigate to="/mina-behov/nytt" replace />;
  if (step === 'vad') {
    return (
      <StepPage step="vad" back="/mina-behov" title={t('wizard.what.title')} intro={t('wizard.what.intro')}>
        <WhatStep
          key="vad"
          need={null}
          initial={what}
          label={t('wizard.continue')}
          onDone={async (values) => {
            // The draft is created with the form (the API needs both); until then the answers ride along in
            // the history, this entry's too, so the browser's back button finds them.
            await navigate('.', { replace: true, state: { what: values } satisfies WhatState });
            await navigate('?steg=upphandlingsform', { state: { what: values } satisfies WhatState });
          }}
        />
      </StepPage>
    );
  }
  return (
    <StepPage step="upphandlingsform" back="/mina-behov/nytt" backState={{ what } satisfies WhatState} title={t('wizard.form.title')} intro={t('wizard.form.intro')}>
      <FormStep
        key="upphandlingsform"
        need={null}
        label={t('wizard.continue')}
        onDone={async (form) => {
          try {
            const { data } = await create({ variables: { input: { buyerOrganizationId: organizationId, title: what!.title, description: what!.description, form } } });
            if (!data) throw new Error('no answer');
            // The new draft's own address from now on; back from here leads to its first step.
            void navigate(`/mina-behov/${encodeURIComponent(data.createNeed.need.id)}/redigera?steg=cpv`, { replace: true });
          } catch (error) {
            const found = problemsOf(error, t('wizard.failed'));
            throw new SaveFailed(found.fields, found.general, false);
          }
        }}
      />
    </StepPage>
  );
}

/** A page that only says something: a need that cannot be found, or is no longer a draft. */
function Notice({ title, children }: { title: string; children: ReactNode }) {
  usePageTitle(title);
  return (
    <div className="page buyer-page">
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      {children}
    </div>
  );
}

function ExistingNeed({ needId, step }: { needId: string; step: Step }) {
  const { t } = useTranslation('buyer');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const fromCheck = params.get('fran') === 'granska';
  const { data, loading, error, refetch } = useQuery(NEED_WIZARD_NEED, { variables: { id: needId } });
  const [update] = useMutation(NEED_WIZARD_UPDATE);
  // The warnings come in the language asked for: ask again when the reader switches.
  useRefetchOnLanguageChange(refetch);
  // Set before publishing: the need stops being a draft, and the check stays to say it was published.
  const [publishing, setPublishing] = useState(false);
  const need = data?.need ?? null;
  const base = `/mina-behov/${encodeURIComponent(needId)}/redigera`;
  const stepHref = (to: Step, returning = false) => `${base}?steg=${to}${returning ? '&fran=granska' : ''}`;
  const malformed = CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'BAD_USER_INPUT');

  if (!data && loading) return <Spinner aria-label={t('common:state.loading')} />;
  if (!data && error && !malformed) {
    return (
      <Notice title={t('wizard.titleNew')}>
        <Alert data-color="danger">
          <Paragraph>{t('wizard.loadError')}</Paragraph>
          <Button variant="secondary" data-size="sm" onClick={() => void refetch()}>
            {t('list.retry')}
          </Button>
        </Alert>
      </Notice>
    );
  }
  if (!need || !need.viewerCanManage) {
    return (
      <Notice title={t('wizard.notFoundTitle')}>
        <Paragraph>{t('wizard.notFoundBody')}</Paragraph>
        <Paragraph>
          <DsLink asChild>
            <Link to="/mina-behov">{t('wizard.backToList')}</Link>
          </DsLink>
        </Paragraph>
      </Notice>
    );
  }
  if (step === 'granska' && (need.status === 'DRAFT' || publishing)) {
    return <CheckStep need={need} stepHref={stepHref} onPublishing={setPublishing} />;
  }
  if (need.status !== 'DRAFT') {
    return (
      <Notice title={t('wizard.notDraftTitle')}>
        <Paragraph>{t('wizard.notDraftBody', { status: t(`statusOne.${need.status}`).toLowerCase() })}</Paragraph>
        <Paragraph>
          <DsLink asChild>
            <Link to={`/behov/${encodeURIComponent(need.id)}`}>{t('wizard.toNeed')}</Link>
          </DsLink>
        </Paragraph>
        <Paragraph>
          <DsLink asChild>
            <Link to="/mina-behov">{t('wizard.backToList')}</Link>
          </DsLink>
        </Paragraph>
      </Notice>
    );
  }

  const index = STEPS.indexOf(step);
  const next = fromCheck ? 'granska' : STEPS[index + 1];
  const back = fromCheck ? stepHref('granska') : index === 0 ? '/mina-behov' : stepHref(STEPS[index - 1]);
  const label = fromCheck ? t('wizard.saveAndCheck') : t('wizard.continue');
  const version = need.version;

  async function save(changes: Changes): Promise<void> {
    try {
      await update({ variables: { input: { needId, version, ...changes } } });
    } catch (error) {
      const found = problemsOf(error, t('wizard.failed'));
      if (found.fields.some((f) => f.path === 'version')) {
        await refetch();
        throw new SaveFailed([], t('wizard.stale'), true);
      }
      throw new SaveFailed(found.fields, found.general, false);
    }
    void navigate(stepHref(next));
  }

  const texts = STEP_TEXTS[step as Exclude<Step, 'granska'>];
  const props = { need, save, label };
  return (
    <StepPage step={step} back={back} title={t(`wizard.${texts}.title`)} intro={t(`wizard.${texts}.intro`)}>
      {step === 'vad' ? <WhatStep key={step} need={need} label={label} onDone={(values) => save(values)} /> : null}
      {step === 'upphandlingsform' ? <FormStep key={step} need={need} label={label} onDone={(form) => save({ form })} /> : null}
      {step === 'cpv' ? <CpvStep key={step} {...props} /> : null}
      {step === 'mal' ? <SdgStep key={step} {...props} /> : null}
      {step === 'plats' ? <PlaceStep key={step} {...props} /> : null}
      {step === 'budget' ? <BudgetStep key={step} {...props} /> : null}
      {step === 'effekt' ? <ImpactStep key={step} {...props} /> : null}
      {step === 'svarsdag' ? <DeadlineStep key={step} {...props} /> : null}
    </StepPage>
  );
}
