import { useQuery } from '@apollo/client/react';
import { Alert, Button, Details, Field, Heading, Label, Link as DsLink, Paragraph, Select, Spinner, Table, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { uploadFile } from '../../api/upload';
import { useSession } from '../../app/session';
import { fieldId, problemsOf } from '../../forms/api-errors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { fieldProblems } from '../../forms/field-problems';
import { resolverOf, type Problems } from '../../forms/resolver';
import { graphql } from '../../gql';
import type { ImportFormat, ImportKind, NeedImportStatus } from '../../gql/graphql';
import { formatDateTime, formatNumber } from '../../lib/format';
import { usePageTitle } from '../../lib/page';
import { exampleOf, KIND_FORMATS, KINDS, parseExchangeRates, templateOf } from './import-formats';
import './imports.css';

export const START_IMPORT = graphql(`
  mutation ImportsPageStart($input: StartImportInput!) {
    startImport(input: $input) {
      importRun {
        id
        status
      }
    }
  }
`);

export const IMPORT_RUNS = graphql(`
  query ImportsPageRuns($after: String) {
    importRuns(first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        fileName
        kind
        status
        createdAt
        rowsRead
        rejected
      }
    }
  }
`);

/** As the API allows by default (IMPORT_MAX_UPLOAD_MB): a larger file is refused before it is sent. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

const FORM = 'import';
const FIELDS = ['kind', 'file', 'format', 'buyer', 'needStatus', 'exchangeRates', 'source'] as const;
type FieldName = (typeof FIELDS)[number];
interface Values {
  kind: ImportKind;
  file: FileList | null;
  format: '' | ImportFormat;
  buyer: string;
  needStatus: NeedImportStatus;
  exchangeRates: string;
  source: string;
}

/** The API names a field of the input; an exchange rate's part belongs to the one field they are typed in. */
function fieldOf(path: string): FieldName | null {
  const head = path.split(/[.[]/)[0];
  return (FIELDS as readonly string[]).includes(head) ? (head as FieldName) : null;
}

function ImportForm() {
  const { t } = useTranslation('imports');
  const navigate = useNavigate();
  const [general, setGeneral] = useState<string | null>(null);
  const resolver = resolverOf<Values>((values) => {
    const errors: Problems = {};
    const file = values.file?.[0];
    if (!file) errors.file = { type: 'required', message: t('form.fileRequired') };
    else if (file.size > MAX_UPLOAD_BYTES) errors.file = { type: 'maxSize', message: t('form.fileTooLarge') };
    if (values.kind === 'OCDS' && values.exchangeRates.trim() && !parseExchangeRates(values.exchangeRates)) {
      errors.exchangeRates = { type: 'pattern', message: t('form.exchangeRatesFormat') };
    }
    return errors;
  });
  const {
    register,
    handleSubmit,
    setError,
    watch,
    formState: { errors, submitCount, isSubmitting },
  } = useForm<Values>({
    defaultValues: { kind: 'ENTERPRISES', file: null, format: '', buyer: '', needStatus: 'DRAFT', exchangeRates: '', source: '' },
    resolver,
    shouldFocusError: false,
  });
  const kind = watch('kind');
  const forNeeds = kind !== 'ENTERPRISES';
  const template = templateOf(kind);

  const onSubmit = handleSubmit(
    async (values) => {
      setGeneral(null);
      const rates = values.kind === 'OCDS' && values.exchangeRates.trim() ? parseExchangeRates(values.exchangeRates) : null;
      const input = {
        kind: values.kind,
        file: null,
        ...(values.format ? { format: values.format } : {}),
        ...(values.source.trim() ? { source: values.source.trim() } : {}),
        ...(forNeeds && values.buyer.trim() ? { buyer: values.buyer.trim() } : {}),
        ...(forNeeds ? { needStatus: values.needStatus } : {}),
        ...(rates?.length ? { exchangeRates: rates } : {}),
      };
      try {
        const data = await uploadFile(START_IMPORT, { input }, 'input.file', values.file![0]);
        void navigate(`/importer/${encodeURIComponent(data.startImport.importRun.id)}`);
      } catch (error) {
        const found = problemsOf(error, t('form.failed'));
        const unplaced: string[] = [];
        for (const field of found.fields) {
          const name = fieldOf(field.path);
          if (name) setError(name, { type: 'api', message: field.message });
          else unplaced.push(field.message);
        }
        const general = found.code === 'PAYLOAD_TOO_LARGE' ? null : found.code === 'FORBIDDEN' ? t('form.forbidden') : found.general;
        if (found.code === 'PAYLOAD_TOO_LARGE') setError('file', { type: 'api', message: t('form.fileTooLarge') });
        setGeneral([general, ...unplaced].filter(Boolean).join(' ') || null);
      }
    },
    () => setGeneral(null),
  );

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="imports-form" aria-labelledby="imports-form-title">
      <Heading level={2} data-size="sm" id="imports-form-title">
        {t('form.title')}
      </Heading>
      <ErrorSummary attempt={submitCount} form={FORM} problems={fieldProblems(errors, FIELDS)} general={general} />
      <Field>
        <Label htmlFor={fieldId(FORM, 'kind')}>{t('form.kind')}</Label>
        <Field.Description>{t('form.kindHint')}</Field.Description>
        <Select id={fieldId(FORM, 'kind')} aria-invalid={errors.kind ? true : undefined} {...register('kind')}>
          {KINDS.map((k) => (
            <Select.Option key={k} value={k}>
              {t(`kinds.${k}`)}
            </Select.Option>
          ))}
        </Select>
        {errors.kind ? <ValidationMessage>{errors.kind.message}</ValidationMessage> : null}
      </Field>

      <Details className="imports-help">
        <Details.Summary>{t('help.title')}</Details.Summary>
        <Details.Content>
          <Paragraph data-size="sm">{t(`help.${kind}`)}</Paragraph>
          <Paragraph data-size="sm">{t('help.example')}:</Paragraph>
          <pre className="imports-example" tabIndex={0} aria-label={t('help.example')}>
            <code>{exampleOf(kind)}</code>
          </pre>
          <Paragraph data-size="sm">
            <DsLink href={template.href} download={template.fileName}>
              {t('help.template', { format: t(`formats.${template.format}`) })}
            </DsLink>
          </Paragraph>
        </Details.Content>
      </Details>

      <Field>
        <Label htmlFor={fieldId(FORM, 'file')}>{t('form.file')}</Label>
        <Field.Description>{t('form.fileHint')}</Field.Description>
        <input
          type="file"
          id={fieldId(FORM, 'file')}
          className="imports-file"
          accept={KIND_FORMATS[kind].map((f) => (f === 'JSONL' ? '.jsonl,.ndjson' : `.${f.toLowerCase()}`)).join(',')}
          aria-invalid={errors.file ? true : undefined}
          {...register('file')}
        />
        {errors.file ? <ValidationMessage>{errors.file.message}</ValidationMessage> : null}
      </Field>

      <Field>
        <Label htmlFor={fieldId(FORM, 'format')}>{t('form.format')}</Label>
        <Field.Description>{t('form.formatHint')}</Field.Description>
        <Select id={fieldId(FORM, 'format')} aria-invalid={errors.format ? true : undefined} {...register('format')}>
          <Select.Option value="">{t('form.formatFromName')}</Select.Option>
          {KIND_FORMATS[kind].map((f) => (
            <Select.Option key={f} value={f}>
              {t(`formats.${f}`)}
            </Select.Option>
          ))}
        </Select>
        {errors.format ? <ValidationMessage>{errors.format.message}</ValidationMessage> : null}
      </Field>

      {forNeeds ? (
        <>
          <Textfield id={fieldId(FORM, 'buyer')} label={t('form.buyer')} description={t('form.buyerHint')} error={errors.buyer?.message} {...register('buyer')} />
          <Field>
            <Label htmlFor={fieldId(FORM, 'needStatus')}>{t('form.needStatus')}</Label>
            <Field.Description>{t('form.needStatusHint')}</Field.Description>
            <Select id={fieldId(FORM, 'needStatus')} {...register('needStatus')}>
              {(['DRAFT', 'PUBLISHED'] as const).map((s) => (
                <Select.Option key={s} value={s}>
                  {t(`form.needStatuses.${s}`)}
                </Select.Option>
              ))}
            </Select>
            {errors.needStatus ? <ValidationMessage>{errors.needStatus.message}</ValidationMessage> : null}
          </Field>
        </>
      ) : null}
      {kind === 'OCDS' ? (
        <Textfield
          id={fieldId(FORM, 'exchangeRates')}
          label={t('form.exchangeRates')}
          description={t('form.exchangeRatesHint')}
          error={errors.exchangeRates?.message}
          {...register('exchangeRates')}
        />
      ) : null}
      <Textfield
        id={fieldId(FORM, 'source')}
        label={t('form.source')}
        description={t('form.sourceHint')}
        spellCheck={false}
        error={errors.source?.message}
        {...register('source')}
      />
      <div>
        <Button type="submit" aria-disabled={isSubmitting || undefined}>
          {isSubmitting ? <Spinner aria-hidden data-size="xs" /> : null}
          {isSubmitting ? t('form.sending') : t('form.submit')}
        </Button>
      </div>
    </form>
  );
}

function RunList({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation('imports');
  const { data, loading, error, refetch, fetchMore } = useQuery(IMPORT_RUNS, { fetchPolicy: 'cache-and-network' });
  const runs = data?.importRuns.nodes ?? [];
  return (
    <section aria-labelledby="imports-runs" className="imports-section">
      <Heading level={2} data-size="sm" id="imports-runs">
        {t('runs.title')}
      </Heading>
      <Paragraph data-size="sm">{isAdmin ? t('runs.introAdmin') : t('runs.introCoordinator')}</Paragraph>
      {!data && loading ? (
        <Spinner aria-label={t('common:state.loading')} />
      ) : !data && error ? (
        <Alert data-color="danger">
          <Paragraph>{t('runs.error')}</Paragraph>
          <Button variant="secondary" data-size="sm" onClick={() => void refetch()}>
            {t('retry')}
          </Button>
        </Alert>
      ) : runs.length === 0 ? (
        <Paragraph>{t('runs.empty')}</Paragraph>
      ) : (
        <>
          <div className="imports-scroll" role="region" aria-labelledby="imports-runs-caption" tabIndex={0}>
            <Table data-size="sm">
              <caption id="imports-runs-caption" className="visually-hidden">
                {t('runs.caption')}
              </caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('runs.file')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('runs.kind')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('runs.status')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('runs.started')}</Table.HeaderCell>
                  <Table.HeaderCell className="imports-number">{t('runs.rows')}</Table.HeaderCell>
                  <Table.HeaderCell className="imports-number">{t('runs.rejected')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {runs.map((run) => (
                  <Table.Row key={run.id}>
                    <Table.Cell>
                      <DsLink asChild>
                        <Link to={`/importer/${encodeURIComponent(run.id)}`}>{run.fileName}</Link>
                      </DsLink>
                    </Table.Cell>
                    <Table.Cell>{t(`kinds.${run.kind}`)}</Table.Cell>
                    <Table.Cell>{t(`statuses.${run.status}`)}</Table.Cell>
                    <Table.Cell>{formatDateTime(run.createdAt)}</Table.Cell>
                    <Table.Cell className="imports-number">{formatNumber(run.rowsRead)}</Table.Cell>
                    <Table.Cell className="imports-number">{formatNumber(run.rejected)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          {data?.importRuns.pageInfo.hasNextPage ? (
            <Button
              variant="secondary"
              onClick={() =>
                void fetchMore({
                  variables: { after: data.importRuns.pageInfo.endCursor },
                  updateQuery: (previous, { fetchMoreResult }) => ({
                    ...fetchMoreResult,
                    importRuns: { ...fetchMoreResult.importRuns, nodes: [...previous.importRuns.nodes, ...fetchMoreResult.importRuns.nodes] },
                  }),
                })
              }
            >
              {t('runs.showMore')}
            </Button>
          ) : null}
        </>
      )}
    </section>
  );
}

export function Component() {
  const { t } = useTranslation('imports');
  const { me } = useSession();
  usePageTitle(t('title'));
  if (!me) return <Spinner aria-label={t('common:state.loading')} />;
  const isAdmin = me.platformRole === 'ADMIN';
  return (
    <div className="page imports-page">
      <Heading level={1} data-size="lg">
        {t('title')}
      </Heading>
      <Paragraph>{t('intro')}</Paragraph>
      {!isAdmin ? <Paragraph data-size="sm">{t('coordinatorScope')}</Paragraph> : null}
      <ImportForm />
      <RunList isAdmin={isAdmin} />
    </div>
  );
}
