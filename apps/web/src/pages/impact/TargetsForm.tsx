import { useMutation } from '@apollo/client/react';
import { Button, Field, Fieldset, Heading, Label, Paragraph, Select, Spinner, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId, problemsOf, type FieldProblem } from '../../forms/api-errors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { PROPOSE_TARGETS } from './impact-queries';
import { MAX_TARGETS, readValue, REPORT_EVERY, writeValue } from './impact-rules';
import { REFETCH, useIndicatorText, type Indicator, type Partnership } from './impact-shared';

const FORM = 'targets';
type Row = { key: number; indicatorCode: string; target: string; note: string };

interface Props {
  partnership: Partnership;
  indicators: Indicator[];
  onCancel(): void;
  onDone(): void;
}

/**
 * A proposal of targets: each an indicator of the catalogue (its unit named), a value for the whole term
 * in that unit, and a note; and how often the enterprise reports. Starts from the targets proposed before.
 */
export function TargetsForm({ partnership: p, indicators, onCancel, onDone }: Props) {
  const { t, i18n } = useTranslation('impact');
  const text = useIndicatorText();
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const choosable = indicators.filter((i) => i.active);
  const nextKey = useRef(0);
  const [rows, setRows] = useState<Row[]>(() => {
    const existing = (p.targets ?? []).map((x) => ({ key: nextKey.current++, indicatorCode: x.indicatorCode, target: writeValue(x.target, i18n.language), note: x.note }));
    return existing.length ? existing : [{ key: nextKey.current++, indicatorCode: '', target: '', note: '' }];
  });
  const [every, setEvery] = useState(String(p.reportEveryMonths ?? 3));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [propose, { loading }] = useMutation(PROPOSE_TARGETS, REFETCH);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const set = (key: number, change: Partial<Row>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const ruleOf = (indicator: Indicator | undefined) => {
    const decimals = indicator?.decimals ?? 0;
    return decimals === 0 ? t('value.whole') : t('value.decimals', { count: decimals });
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setGeneral(null);
    const found: Record<string, string> = {};
    const seen = new Set<string>();
    const targets: { indicatorCode: string; target: number; note: string }[] = [];
    rows.forEach((row, i) => {
      const number = i + 1;
      const indicator = byCode.get(row.indicatorCode);
      if (!indicator) found[`targets[${i}].indicatorCode`] = t('targets.errors.indicatorRequired', { number });
      else if (seen.has(row.indicatorCode)) found[`targets[${i}].indicatorCode`] = t('targets.errors.indicatorRepeated', { number });
      seen.add(row.indicatorCode);
      const name = indicator ? text.name(indicator, row.indicatorCode) : t('targets.row', { number });
      const read = readValue(row.target, indicator?.decimals ?? 0);
      if (!read.ok) {
        found[`targets[${i}].target`] = t(`value.errors.${read.problem.key}`, {
          name,
          unit: text.unit(indicator),
          count: read.problem.key === 'decimals' ? read.problem.count : undefined,
        });
      } else if (read.value === null) found[`targets[${i}].target`] = t('value.errors.required', { name });
      else targets.push({ indicatorCode: row.indicatorCode, target: read.value, note: row.note.trim() });
    });
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    try {
      await propose({ variables: { input: { partnershipId: p.id, version: p.version, reportEveryMonths: Number(every), targets } } });
      onDone();
    } catch (error) {
      const problems = problemsOf(error, t('targets.errors.failed'));
      const placed: Record<string, string> = {};
      const left: string[] = [];
      for (const f of problems.fields) {
        if (/^targets\[\d+\]\.(indicatorCode|target|note)$/.test(f.path) || f.path === 'reportEveryMonths') placed[f.path] ??= f.message;
        else left.push(f.message);
      }
      setErrors(placed);
      setGeneral([problems.general, ...left].filter(Boolean).join(' ') || (problems.fields.length ? null : t('targets.errors.failed')));
      setAttempt((n) => n + 1);
    }
  };

  const order = [...rows.flatMap((_, i) => [`targets[${i}].indicatorCode`, `targets[${i}].target`, `targets[${i}].note`]), 'reportEveryMonths'];
  const problems: FieldProblem[] = order.filter((path) => errors[path]).map((path) => ({ path, message: errors[path] }));

  return (
    <form className="impact-form impact-card" noValidate aria-labelledby="targets-form-title" onSubmit={(e) => void submit(e)}>
      <Heading level={3} data-size="xs" id="targets-form-title" ref={headingRef} tabIndex={-1}>
        {t('targets.formTitle')}
      </Heading>
      <Paragraph>{t('targets.formIntro')}</Paragraph>
      <ErrorSummary attempt={attempt} form={FORM} problems={problems} general={general} />
      {rows.map((row, i) => {
        const number = i + 1;
        const indicator = byCode.get(row.indicatorCode);
        const path = (name: string) => `targets[${i}].${name}`;
        const selectId = fieldId(FORM, path('indicatorCode'));
        return (
          <Fieldset key={row.key} className="impact-row">
            <Fieldset.Legend>{t('targets.row', { number })}</Fieldset.Legend>
            <Field>
              <Label htmlFor={selectId}>{t('targets.fields.indicator')}</Label>
              <Field.Description>{t('targets.fields.indicatorHint')}</Field.Description>
              <Select
                id={selectId}
                value={row.indicatorCode}
                onChange={(e) => set(row.key, { indicatorCode: e.target.value })}
                aria-invalid={errors[path('indicatorCode')] ? true : undefined}
              >
                <Select.Option value="">{t('targets.fields.indicatorNone')}</Select.Option>
                {choosable.map((i) => (
                  <Select.Option key={i.code} value={i.code}>
                    {`${text.name(i, i.code)} (${text.unit(i)})`}
                  </Select.Option>
                ))}
              </Select>
              {errors[path('indicatorCode')] ? <ValidationMessage>{errors[path('indicatorCode')]}</ValidationMessage> : null}
            </Field>
            <Textfield
              className="impact-number"
              id={fieldId(FORM, path('target'))}
              label={t('targets.fields.target')}
              description={indicator ? t('targets.fields.targetHint', { unit: text.unit(indicator), rule: ruleOf(indicator) }) : undefined}
              inputMode={(indicator?.decimals ?? 0) === 0 ? 'numeric' : 'decimal'}
              autoComplete="off"
              value={row.target}
              onChange={(e) => set(row.key, { target: e.target.value })}
              error={errors[path('target')]}
            />
            <Textfield
              id={fieldId(FORM, path('note'))}
              label={t('targets.fields.note')}
              description={t('targets.fields.noteHint')}
              value={row.note}
              onChange={(e) => set(row.key, { note: e.target.value })}
              error={errors[path('note')]}
            />
            {rows.length > 1 ? (
              <div>
                <Button type="button" variant="tertiary" data-size="sm" onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}>
                  {t('targets.removeRow', { number })}
                </Button>
              </div>
            ) : null}
          </Fieldset>
        );
      })}
      {rows.length < MAX_TARGETS ? (
        <div>
          <Button type="button" variant="secondary" onClick={() => setRows((all) => [...all, { key: nextKey.current++, indicatorCode: '', target: '', note: '' }])}>
            {t('targets.addRow')}
          </Button>
        </div>
      ) : null}
      <Field>
        <Label htmlFor={fieldId(FORM, 'reportEveryMonths')}>{t('targets.fields.reportEveryMonths')}</Label>
        <Field.Description>{t('targets.fields.reportEveryMonthsHint')}</Field.Description>
        <Select id={fieldId(FORM, 'reportEveryMonths')} value={every} onChange={(e) => setEvery(e.target.value)}>
          {REPORT_EVERY.map((months) => (
            <Select.Option key={months} value={String(months)}>
              {t(`targets.fields.every.${months}`)}
            </Select.Option>
          ))}
        </Select>
        {errors.reportEveryMonths ? <ValidationMessage>{errors.reportEveryMonths}</ValidationMessage> : null}
      </Field>
      <div className="impact-actions">
        <Button type="submit" aria-disabled={loading || undefined}>
          {loading ? <Spinner aria-hidden data-size="xs" /> : null}
          {t('targets.send')}
        </Button>
        <Button type="button" variant="tertiary" onClick={onCancel}>
          {t('targets.cancel')}
        </Button>
      </div>
    </form>
  );
}
