import { useMutation } from '@apollo/client/react';
import { Button, Field, Heading, Label, Paragraph, Select, Spinner, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SdgPicker } from '../../components/SdgPicker';
import { fieldId, problemsOf } from '../../forms/api-errors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { fieldProblems } from '../../forms/field-problems';
import { resolverOf, type Problems } from '../../forms/resolver';
import type { ImpactTheme, ImpactUnit } from '../../gql/graphql';
import { ADMIN_CREATE_INDICATOR, ADMIN_INDICATORS, ADMIN_UPDATE_INDICATOR } from './admin-queries';
import type { Indicator } from './IndicatorsPage';

const FORM = 'indicator';
const FIELDS = ['code', 'nameSv', 'nameEn', 'unit', 'theme', 'methodSv', 'methodEn', 'sdgs'] as const;
type Name = (typeof FIELDS)[number];
type Values = { code: string; nameSv: string; nameEn: string; unit: ImpactUnit | ''; theme: ImpactTheme | ''; methodSv: string; methodEn: string; sdgs: number[] };
export const UNITS: ImpactUnit[] = ['PERSONS', 'HOURS', 'MEALS', 'COUNT', 'TONNES', 'TONNES_CO2E'];
export const THEMES: ImpactTheme[] = ['WORK_INTEGRATION', 'INCLUSION', 'WELFARE', 'ENVIRONMENT'];
const CODE = /^[A-Z][A-Z0-9_]{1,39}$/;

/** As the API checks them (libs/features/impact/impact-indicator.service.ts). */
const LENGTHS: Partial<Record<Name, [number, number]>> = { nameSv: [1, 200], nameEn: [1, 200], methodSv: [10, 2000], methodEn: [10, 2000] };

/**
 * A new indicator, or changes to one (its code never changes; its unit only while nothing uses it, which
 * the API says on the unit's field). Checked here as the API will, the API's answer placed on the fields.
 */
export function IndicatorForm({ indicator, onCancel, onSaved }: { indicator: Indicator | null; onCancel(): void; onSaved(code: string): void }) {
  const { t } = useTranslation('admin');
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const [general, setGeneral] = useState<string | null>(null);
  const options = { refetchQueries: [ADMIN_INDICATORS], awaitRefetchQueries: true };
  const [create] = useMutation(ADMIN_CREATE_INDICATOR, options);
  const [update] = useMutation(ADMIN_UPDATE_INDICATOR, options);
  const label = (name: Name) => t(`indicatorForm.${name}`);

  const resolver = resolverOf<Values>((v) => {
    const errors: Problems = {};
    if (!indicator && !CODE.test(v.code.trim()))
      errors.code = { type: 'pattern', message: v.code.trim() ? t('indicatorForm.codeFormat') : t('indicatorForm.required', { field: label('code').toLowerCase() }) };
    for (const [name, [min, max]] of Object.entries(LENGTHS) as [Name, [number, number]][]) {
      const length = [...String(v[name]).trim()].length;
      if (length === 0) errors[name] = { type: 'required', message: t('indicatorForm.required', { field: label(name).toLowerCase() }) };
      else if (length < min) errors[name] = { type: 'minLength', message: t('indicatorForm.tooShort', { field: label(name), count: min }) };
      else if (length > max) errors[name] = { type: 'maxLength', message: t('indicatorForm.tooLong', { field: label(name), count: max }) };
    }
    if (!v.unit) errors.unit = { type: 'required', message: t('indicatorForm.required', { field: label('unit').toLowerCase() }) };
    if (!v.theme) errors.theme = { type: 'required', message: t('indicatorForm.required', { field: label('theme').toLowerCase() }) };
    return errors;
  });
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, submitCount, isSubmitting },
  } = useForm<Values>({
    defaultValues: indicator
      ? {
          code: indicator.code,
          nameSv: indicator.nameSv,
          nameEn: indicator.nameEn,
          unit: indicator.unit,
          theme: indicator.theme,
          methodSv: indicator.methodSv,
          methodEn: indicator.methodEn,
          sdgs: [...indicator.sdgs],
        }
      : { code: '', nameSv: '', nameEn: '', unit: '', theme: '', methodSv: '', methodEn: '', sdgs: [] },
    resolver,
    shouldFocusError: false,
  });

  const onSubmit = handleSubmit(
    async (v) => {
      setGeneral(null);
      const fields = {
        nameSv: v.nameSv.trim(),
        nameEn: v.nameEn.trim(),
        methodSv: v.methodSv.trim(),
        methodEn: v.methodEn.trim(),
        unit: v.unit as ImpactUnit,
        theme: v.theme as ImpactTheme,
        sdgs: v.sdgs,
      };
      try {
        if (indicator) {
          // Only what changed: the unit is sent only when it changes, so an indicator in use can still be renamed.
          const { unit, ...rest } = fields;
          await update({ variables: { input: { indicatorCode: indicator.code, version: indicator.version, ...rest, ...(unit !== indicator.unit ? { unit } : {}) } } });
          onSaved(indicator.code);
        } else {
          const code = v.code.trim();
          await create({ variables: { input: { code, ...fields } } });
          onSaved(code);
        }
      } catch (error) {
        const found = problemsOf(error, t('indicatorForm.failed'));
        const unplaced: string[] = [];
        for (const field of found.fields) {
          const path = field.path.replace(/\[\d+\]$/, '');
          if ((FIELDS as readonly string[]).includes(path)) setError(path as Name, { type: 'api', message: field.message });
          else unplaced.push(field.message);
        }
        setGeneral([found.general, ...unplaced].filter(Boolean).join(' ') || null);
      }
    },
    () => setGeneral(null),
  );

  const select = (name: 'unit' | 'theme', values: readonly string[], hint: string, choose: string) => (
    <Field>
      <Label htmlFor={fieldId(FORM, name)}>{label(name)}</Label>
      <Field.Description>{hint}</Field.Description>
      <Select id={fieldId(FORM, name)} aria-invalid={errors[name] ? true : undefined} {...register(name)}>
        <Select.Option value="">{choose}</Select.Option>
        {values.map((value) => (
          <Select.Option key={value} value={value}>
            {t(`indicators.${name}_${value}`)}
          </Select.Option>
        ))}
      </Select>
      {errors[name]?.message ? <ValidationMessage>{errors[name].message}</ValidationMessage> : null}
    </Field>
  );

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="admin-form" aria-labelledby="indicator-form-title">
      <Heading level={2} data-size="sm" id="indicator-form-title" ref={headingRef} tabIndex={-1}>
        {indicator ? t('indicatorForm.editTitle', { code: indicator.code }) : t('indicatorForm.addTitle')}
      </Heading>
      <ErrorSummary attempt={submitCount} form={FORM} problems={fieldProblems(errors, FIELDS)} general={general} />
      {indicator ? (
        <Paragraph>
          {label('code')}: <code>{indicator.code}</code>
        </Paragraph>
      ) : (
        <Textfield
          id={fieldId(FORM, 'code')}
          label={label('code')}
          description={t('indicatorForm.codeHint')}
          autoComplete="off"
          spellCheck={false}
          error={errors.code?.message}
          {...register('code')}
        />
      )}
      <Textfield
        id={fieldId(FORM, 'nameSv')}
        label={label('nameSv')}
        description={t('indicatorForm.nameSvHint')}
        lang="sv"
        error={errors.nameSv?.message}
        {...register('nameSv')}
      />
      <Textfield
        id={fieldId(FORM, 'nameEn')}
        label={label('nameEn')}
        description={t('indicatorForm.nameEnHint')}
        lang="en"
        error={errors.nameEn?.message}
        {...register('nameEn')}
      />
      {select('unit', UNITS, t('indicatorForm.unitHint'), t('indicatorForm.unitChoose'))}
      {select('theme', THEMES, t('indicatorForm.themeHint'), t('indicatorForm.themeChoose'))}
      <Textfield
        id={fieldId(FORM, 'methodSv')}
        label={label('methodSv')}
        description={t('indicatorForm.methodSvHint')}
        multiline
        rows={4}
        lang="sv"
        error={errors.methodSv?.message}
        {...register('methodSv')}
      />
      <Textfield
        id={fieldId(FORM, 'methodEn')}
        label={label('methodEn')}
        description={t('indicatorForm.methodEnHint')}
        multiline
        rows={4}
        lang="en"
        error={errors.methodEn?.message}
        {...register('methodEn')}
      />
      <div id={fieldId(FORM, 'sdgs')}>
        <Paragraph className="admin-strong">{label('sdgs')}</Paragraph>
        <Controller control={control} name="sdgs" render={({ field }) => <SdgPicker value={field.value} onChange={field.onChange} hint={t('indicatorForm.sdgsHint')} />} />
        {errors.sdgs?.message ? <ValidationMessage>{errors.sdgs.message}</ValidationMessage> : null}
      </div>
      <div className="admin-actions">
        <Button type="submit" aria-disabled={isSubmitting || undefined}>
          {isSubmitting ? <Spinner aria-hidden data-size="xs" /> : null}
          {t('indicatorForm.save')}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('indicatorForm.cancel')}
        </Button>
      </div>
    </form>
  );
}
