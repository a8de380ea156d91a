import { useApolloClient, useMutation } from '@apollo/client/react';
import { Button, Fieldset, Heading, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId, problemsOf, type FieldProblem } from '../../forms/api-errors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { formatDate, formatNumber } from '../../lib/format';
import { CORRECT_REPORT, CREATE_REPORT, SUBMIT_REPORT, UPDATE_REPORT } from './impact-queries';
import { checkPeriod, MAX_NARRATIVE, readValue, suggestedPeriod, swedishToday, writeValue } from './impact-rules';
import { REFETCH, useIndicatorText, type Indicator, type Partnership, type Report } from './impact-shared';

export type ReportMode = { kind: 'new' } | { kind: 'edit'; report: Report } | { kind: 'correct'; report: Report };

const FORM = 'report';
const valuePath = (code: string) => `values.${code}`;

interface Props {
  partnership: Partnership;
  byCode: Map<string, Indicator>;
  mode: ReportMode;
  onCancel(): void;
  onDone(notice: string): void;
  /** Today, for tests. */
  today?: string;
}

/**
 * A report of one period: the dates, one number per agreed indicator in its unit, and what the figures
 * mean. Checked as the API checks it before anything is sent; the API's own problems land on the same fields.
 */
export function ReportForm({ partnership: p, byCode, mode, onCancel, onDone, today = swedishToday() }: Props) {
  const { t, i18n } = useTranslation('impact');
  const text = useIndicatorText();
  const from = mode.kind === 'new' ? null : mode.report;
  const lastDay = p.endsOn && p.endsOn < today ? p.endsOn : today;
  // Which indicators the report counts: the agreed targets', and for a correction also those it had.
  const codes = [...new Set([...(p.targets ?? []).map((x) => x.indicatorCode), ...(from?.values.map((v) => v.indicatorCode) ?? [])])];
  const targetOf = new Map((p.targets ?? []).map((x) => [x.indicatorCode, x.target]));
  const initialPeriod = from
    ? { periodStart: from.periodStart, periodEnd: from.periodEnd }
    : suggestedPeriod(
        p.startsOn,
        (p.impactReports ?? []).filter((r) => r.status !== 'SUPERSEDED'),
        p.reportEveryMonths ?? 3,
        lastDay,
      );
  const [periodStart, setPeriodStart] = useState(initialPeriod.periodStart);
  const [periodEnd, setPeriodEnd] = useState(initialPeriod.periodEnd);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      codes.map((code) => [
        code,
        (() => {
          const found = from?.values.find((v) => v.indicatorCode === code);
          return found ? writeValue(found.value, i18n.language) : '';
        })(),
      ]),
    ),
  );
  const [narrative, setNarrative] = useState(from?.narrative ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  // The report being written once it exists: a second save updates it.
  const saved = useRef<{ id: string; version: number } | null>(mode.kind === 'edit' ? { id: mode.report.id, version: mode.report.version } : null);
  const [create] = useMutation(CREATE_REPORT);
  const [update] = useMutation(UPDATE_REPORT);
  const [correct] = useMutation(CORRECT_REPORT);
  const [submitReport] = useMutation(SUBMIT_REPORT);
  const client = useApolloClient();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const nameOf = (code: string) => text.name(byCode.get(code), code);
  const ruleOf = (code: string) => {
    const decimals = byCode.get(code)?.decimals ?? 0;
    return decimals === 0 ? t('value.whole') : t('value.decimals', { count: decimals });
  };

  /** Every problem the browser can find, in the order of the fields. */
  const check = (forSubmit: boolean): Record<string, string> => {
    const found: Record<string, string> = {};
    const period = checkPeriod(periodStart, periodEnd, { firstDay: p.startsOn, lastDay, today });
    const periodText = (key: string) => t(`form.errors.${key}`, { date: formatDate(key === 'afterLast' ? lastDay : p.startsOn) });
    if (period.periodStart) found.periodStart = periodText(period.periodStart);
    if (period.periodEnd) found.periodEnd = periodText(period.periodEnd);
    let any = false;
    for (const code of codes) {
      const indicator = byCode.get(code);
      const read = readValue(values[code] ?? '', indicator?.decimals ?? 0);
      if (!read.ok) {
        found[valuePath(code)] = t(`value.errors.${read.problem.key}`, {
          name: nameOf(code),
          unit: text.unit(indicator),
          count: read.problem.key === 'decimals' ? read.problem.count : undefined,
        });
      } else if (read.value !== null) any = true;
    }
    if (forSubmit && !any && codes.length > 0 && !found[valuePath(codes[0])]) found[valuePath(codes[0])] = t('form.errors.valuesRequired');
    if (forSubmit && !narrative.trim()) found.narrative = t('form.errors.narrativeRequired');
    else if ([...narrative].length > MAX_NARRATIVE) found.narrative = t('form.errors.narrativeTooLong');
    return found;
  };

  const send = async (forSubmit: boolean) => {
    setGeneral(null);
    const found = check(forSubmit);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    const sent = codes.flatMap((code) => {
      const read = readValue(values[code] ?? '', byCode.get(code)?.decimals ?? 0);
      return read.ok && read.value !== null ? [{ indicatorCode: code, value: read.value }] : [];
    });
    const input = { periodStart, periodEnd, values: sent, narrative };
    setBusy(forSubmit ? 'submit' : 'save');
    try {
      let report: { id: string; version: number } | undefined;
      if (saved.current) {
        const { data } = await update({ variables: { input: { ...input, impactReportId: saved.current.id, version: saved.current.version } } });
        report = data?.updateImpactReport.impactReport;
      } else if (mode.kind === 'correct') {
        const { data } = await correct({ variables: { input: { ...input, impactReportId: mode.report.id } } });
        report = data?.correctImpactReport.impactReport;
      } else {
        const { data } = await create({ variables: { input: { ...input, partnershipId: p.id } } });
        report = data?.createImpactReport.impactReport;
      }
      if (!report) throw new Error('no answer');
      saved.current = { id: report.id, version: report.version };
      if (forSubmit) await submitReport({ variables: { input: { impactReportId: report.id, version: report.version } } });
      // The list below, the totals and the next due date: asked for again once, after the last change.
      await client.refetchQueries({ include: REFETCH.refetchQueries });
      onDone(forSubmit ? t('reports.done.submitted', { buyer: p.buyer.name }) : t('reports.done.saved'));
    } catch (error) {
      const problems = problemsOf(error, t('form.errors.failed'));
      const placed: Record<string, string> = {};
      const left: string[] = [];
      for (const f of problems.fields) {
        const entry = /^values\[(\d+)\]/.exec(f.path);
        const path = entry ? (sent[Number(entry[1])] ? valuePath(sent[Number(entry[1])].indicatorCode) : null) : f.path === 'values' && codes[0] ? valuePath(codes[0]) : f.path;
        if (path && (path === 'periodStart' || path === 'periodEnd' || path === 'narrative' || path.startsWith('values.'))) placed[path] ??= f.message;
        else left.push(f.message);
      }
      setErrors(placed);
      setGeneral([problems.general, ...left].filter(Boolean).join(' ') || (problems.fields.length ? null : t('form.errors.failed')));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(null);
    }
  };

  const order = ['periodStart', 'periodEnd', ...codes.map(valuePath), 'narrative'];
  const problems: FieldProblem[] = order.filter((path) => errors[path]).map((path) => ({ path, message: errors[path] }));
  const title =
    mode.kind === 'new'
      ? t('form.titleNew')
      : t(mode.kind === 'correct' ? 'form.titleCorrect' : 'form.titleEdit', { period: `${formatDate(mode.report.periodStart)} – ${formatDate(mode.report.periodEnd)}` });
  const field = (path: string) => ({ id: fieldId(FORM, path), error: errors[path] });
  /** A field's problem goes once it is changed; the next check finds it again if it is still there. */
  const changed = (path: string) => setErrors((all) => (all[path] ? Object.fromEntries(Object.entries(all).filter(([key]) => key !== path)) : all));

  return (
    <form
      className="impact-form impact-card"
      noValidate
      aria-labelledby="report-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        void send(true);
      }}
    >
      <Heading level={3} data-size="xs" id="report-form-title" ref={headingRef} tabIndex={-1}>
        {title}
      </Heading>
      <Paragraph>{t('form.intro')}</Paragraph>
      <ErrorSummary attempt={attempt} form={FORM} problems={problems} general={general} />
      <Fieldset>
        <Fieldset.Legend>{t('form.periodLegend')}</Fieldset.Legend>
        <Fieldset.Description>{t('form.periodHint')}</Fieldset.Description>
        <div className="impact-dates">
          <Textfield
            type="date"
            label={t('form.periodStart')}
            value={periodStart}
            onChange={(e) => (setPeriodStart(e.target.value), changed('periodStart'))}
            {...field('periodStart')}
          />
          <Textfield type="date" label={t('form.periodEnd')} value={periodEnd} onChange={(e) => (setPeriodEnd(e.target.value), changed('periodEnd'))} {...field('periodEnd')} />
        </div>
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>{t('form.valuesLegend')}</Fieldset.Legend>
        <Fieldset.Description>{t('form.valuesHint')}</Fieldset.Description>
        {codes.map((code) => {
          const indicator = byCode.get(code);
          const target = targetOf.get(code);
          return (
            <Textfield
              key={code}
              className="impact-number"
              label={t('form.valueLabel', { name: nameOf(code), unit: text.unit(indicator) })}
              description={target !== undefined ? t('form.valueHint', { target: formatNumber(target), unit: text.unit(indicator), rule: ruleOf(code) }) : ruleOf(code)}
              inputMode={(indicator?.decimals ?? 0) === 0 ? 'numeric' : 'decimal'}
              autoComplete="off"
              value={values[code] ?? ''}
              onChange={(e) => (setValues((v) => ({ ...v, [code]: e.target.value })), changed(valuePath(code)))}
              {...field(valuePath(code))}
            />
          );
        })}
      </Fieldset>
      <Textfield
        multiline
        rows={6}
        label={t('form.narrative')}
        description={t('form.narrativeHint')}
        value={narrative}
        onChange={(e) => (setNarrative(e.target.value), changed('narrative'))}
        {...field('narrative')}
      />
      <div className="impact-actions">
        <Button type="submit" aria-disabled={busy !== null || undefined}>
          {busy === 'submit' ? <Spinner aria-hidden data-size="xs" /> : null}
          {t('form.submit')}
        </Button>
        <Button type="button" variant="secondary" onClick={() => void send(false)} aria-disabled={busy !== null || undefined}>
          {busy === 'save' ? <Spinner aria-hidden data-size="xs" /> : null}
          {t('form.save')}
        </Button>
        <Button type="button" variant="tertiary" onClick={onCancel}>
          {t('form.cancel')}
        </Button>
      </div>
    </form>
  );
}
