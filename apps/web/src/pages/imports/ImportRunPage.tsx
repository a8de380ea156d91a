import { useApolloClient, useQuery } from '@apollo/client/react';
import { Alert, Button, Field, Heading, Label, Link as DsLink, Paragraph, Select, Spinner, Table } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../app/session';
import { graphql } from '../../gql';
import type { ImportRunPageMessagesQuery, ImportRunPageRunQuery, ImportSeverity } from '../../gql/graphql';
import { formatDateTime, formatNumber } from '../../lib/format';
import { usePageTitle } from '../../lib/page';
import { messagesCsv } from './import-formats';
import './imports.css';

export const IMPORT_RUN = graphql(`
  query ImportRunPageRun($id: ID!) {
    importRun(id: $id) {
      id
      fileName
      kind
      format
      source
      status
      rowsRead
      created
      updated
      unchanged
      skipped
      rejected
      warnings
      failure
      startedAt
      finishedAt
    }
  }
`);

export const IMPORT_MESSAGES = graphql(`
  query ImportRunPageMessages($id: ID!, $severity: ImportSeverity, $after: String, $first: Int) {
    importRun(id: $id) {
      id
      messages(first: $first, after: $after, severity: $severity) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          seq
          line
          item
          field
          externalId
          severity
          message
        }
      }
    }
  }
`);

/** How often a running import is asked for its counts. */
export const POLL_MS = 1000;
const COUNTS = ['rowsRead', 'created', 'updated', 'unchanged', 'skipped', 'rejected', 'warnings'] as const;
type Run = NonNullable<ImportRunPageRunQuery['importRun']>;
const isActive = (run: Run | null | undefined) => run?.status === 'QUEUED' || run?.status === 'RUNNING';

/** Saves text as a file: the browser is asked to download it (only ever from a click). */
function saveFile(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function Messages({ run }: { run: Run }) {
  const { t } = useTranslation('imports');
  const client = useApolloClient();
  const [severity, setSeverity] = useState<'' | ImportSeverity>('');
  const active = isActive(run);
  const { data, loading, error, refetch, fetchMore, startPolling, stopPolling } = useQuery(IMPORT_MESSAGES, {
    variables: { id: run.id, severity: severity || null, first: 20 },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: false,
  });
  useEffect(() => {
    if (active) startPolling(POLL_MS);
    else stopPolling();
    return () => stopPolling();
  }, [active, startPolling, stopPolling]);
  // When the run ends, its last messages are read once more.
  useEffect(() => {
    if (!active) void refetch();
  }, [active, refetch]);
  const [downloading, setDownloading] = useState(false);
  const [downloadFailed, setDownloadFailed] = useState(false);

  const messages = data?.importRun?.messages;
  const rows = messages?.nodes ?? [];

  const download = async () => {
    setDownloading(true);
    setDownloadFailed(false);
    try {
      const all: (typeof rows)[number][] = [];
      let after: string | null = null;
      for (;;) {
        const page: { data?: ImportRunPageMessagesQuery } = await client.query({
          query: IMPORT_MESSAGES,
          variables: { id: run.id, severity: 'ERROR', after, first: 100 },
          fetchPolicy: 'network-only',
        });
        const connection = page.data?.importRun?.messages;
        if (!connection) throw new Error('no messages');
        all.push(...connection.nodes);
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor ?? null;
      }
      saveFile(messagesCsv(t('messages.csvHeader'), all), t('messages.fileName', { fileName: run.fileName.replace(/\.[^.]+$/, '') }));
    } catch {
      setDownloadFailed(true);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <section aria-labelledby="import-messages" className="imports-section">
      <Heading level={2} data-size="sm" id="import-messages">
        {t('messages.title')}
      </Heading>
      <Paragraph data-size="sm">{t('messages.intro')}</Paragraph>
      {run.rejected > 0 && !active ? (
        <div className="imports-download">
          <Button variant="secondary" onClick={() => void download()} aria-disabled={downloading || undefined} aria-describedby="import-download-hint">
            {downloading ? <Spinner aria-hidden data-size="xs" /> : null}
            {downloading ? t('messages.downloading') : t('messages.download')}
          </Button>
          <Paragraph data-size="sm" id="import-download-hint">
            {t('messages.downloadHint')}
          </Paragraph>
          {downloadFailed ? (
            <Alert data-color="danger">
              <Paragraph>{t('messages.downloadFailed')}</Paragraph>
            </Alert>
          ) : null}
        </div>
      ) : null}
      <Field className="imports-severity">
        <Label htmlFor="import-severity">{t('messages.severity')}</Label>
        <Field.Description>{t('messages.severityHint')}</Field.Description>
        <Select id="import-severity" value={severity} onChange={(e) => setSeverity(e.target.value as '' | ImportSeverity)}>
          <Select.Option value="">{t('messages.severities.ALL')}</Select.Option>
          <Select.Option value="ERROR">{t('messages.severities.ERROR')}</Select.Option>
          <Select.Option value="WARNING">{t('messages.severities.WARNING')}</Select.Option>
        </Select>
      </Field>
      {!data && loading ? (
        <Spinner aria-label={t('common:state.loading')} />
      ) : !data && error ? (
        <Alert data-color="danger">
          <Paragraph>{t('common:state.error')}</Paragraph>
          <Button variant="secondary" data-size="sm" onClick={() => void refetch()}>
            {t('retry')}
          </Button>
        </Alert>
      ) : rows.length === 0 ? (
        <Paragraph>{t('messages.empty')}</Paragraph>
      ) : (
        <>
          <div className="imports-scroll" role="region" aria-labelledby="import-messages-caption" tabIndex={0}>
            <Table data-size="sm" className="imports-messages">
              <caption id="import-messages-caption" className="visually-hidden">
                {t('messages.caption')}
              </caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell className="imports-number">{t('messages.line')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('messages.kindOf')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('messages.field')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('messages.externalId')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('messages.message')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {rows.map((m) => (
                  <Table.Row key={m.seq}>
                    <Table.Cell className="imports-number">{m.line ?? '–'}</Table.Cell>
                    <Table.Cell>{t(`messages.severityOne.${m.severity}`)}</Table.Cell>
                    <Table.Cell>
                      <code>{m.field ?? t('messages.wholeRow')}</code>
                      {m.item ? <> ({m.item})</> : null}
                    </Table.Cell>
                    <Table.Cell>{m.externalId ?? '–'}</Table.Cell>
                    <Table.Cell>{m.message}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          {messages?.pageInfo.hasNextPage ? (
            <>
              <Paragraph data-size="sm">{t('messages.shown', { shown: rows.length, total: messages.totalCount })}</Paragraph>
              <Button
                variant="secondary"
                onClick={() =>
                  void fetchMore({
                    variables: { after: messages.pageInfo.endCursor },
                    updateQuery: (previous, { fetchMoreResult }) => {
                      const before = previous.importRun?.messages;
                      const next = fetchMoreResult.importRun?.messages;
                      if (!before || !next || !fetchMoreResult.importRun) return fetchMoreResult;
                      return { importRun: { ...fetchMoreResult.importRun, messages: { ...next, nodes: [...before.nodes, ...next.nodes] } } };
                    },
                  })
                }
              >
                {t('messages.showMore')}
              </Button>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}

export function Component() {
  const { t } = useTranslation('imports');
  const { runId = '' } = useParams();
  const { me } = useSession();
  const { data, loading, error, refetch, startPolling, stopPolling } = useQuery(IMPORT_RUN, {
    variables: { id: runId },
    fetchPolicy: 'cache-and-network',
    skip: !me,
  });
  const run = data?.importRun;
  const active = isActive(run);
  useEffect(() => {
    if (active) startPolling(POLL_MS);
    else stopPolling();
    return () => stopPolling();
  }, [active, startPolling, stopPolling]);
  usePageTitle(run ? t('run.title', { fileName: run.fileName }) : t('title'));

  if (!me || (!data && loading)) return <Spinner aria-label={t('common:state.loading')} />;
  if (!data && error) {
    return (
      <div className="page imports-page">
        <Heading level={1} data-size="lg">
          {t('title')}
        </Heading>
        <Alert data-color="danger">
          <Paragraph>{t('common:state.error')}</Paragraph>
          <Button variant="secondary" data-size="sm" onClick={() => void refetch()}>
            {t('retry')}
          </Button>
        </Alert>
      </div>
    );
  }
  if (!run) {
    return (
      <div className="page imports-page">
        <Heading level={1} data-size="lg">
          {t('title')}
        </Heading>
        <Alert data-color="warning">
          <Paragraph>{t('run.notFound')}</Paragraph>
        </Alert>
        <Paragraph>
          <DsLink asChild>
            <Link to="/importer">{t('run.back')}</Link>
          </DsLink>
        </Paragraph>
      </div>
    );
  }

  return (
    <div className="page imports-page">
      <Paragraph data-size="sm">
        <DsLink asChild>
          <Link to="/importer">{t('run.back')}</Link>
        </DsLink>
      </Paragraph>
      <Heading level={1} data-size="lg" className="imports-break">
        {t('run.title', { fileName: run.fileName })}
      </Heading>
      {/* Announced when the status changes, not at every count. */}
      <div role="status" className="imports-announce">
        <Paragraph>
          <strong>{t(`run.announce.${run.status}`, { created: run.created, updated: run.updated, rejected: run.rejected })}</strong>
        </Paragraph>
      </div>
      {active ? <progress className="imports-progress" aria-label={t('run.progress')} /> : null}
      {run.status === 'FAILED' && run.failure ? (
        <Alert data-color="danger">
          <Heading level={2} data-size="xs">
            {t('run.failure')}
          </Heading>
          <Paragraph>{run.failure}</Paragraph>
        </Alert>
      ) : null}
      <dl className="imports-counts" aria-label={t('run.summary')}>
        {COUNTS.map((key) => (
          <div key={key} className={key === 'rejected' && run.rejected > 0 ? 'imports-count imports-count-rejected' : 'imports-count'}>
            <dt>{t(`run.counts.${key}`)}</dt>
            <dd>{formatNumber(run[key])}</dd>
          </div>
        ))}
      </dl>
      <dl className="imports-facts">
        <dt>{t('run.kind')}</dt>
        <dd>{t(`kinds.${run.kind}`)}</dd>
        <dt>{t('run.format')}</dt>
        <dd>{t(`formats.${run.format}`)}</dd>
        <dt>{t('run.source')}</dt>
        <dd>{run.source}</dd>
        <dt>{t('run.started')}</dt>
        <dd>{run.startedAt ? formatDateTime(run.startedAt) : t('run.notYet')}</dd>
        <dt>{t('run.finished')}</dt>
        <dd>{run.finishedAt ? formatDateTime(run.finishedAt) : t('run.notYet')}</dd>
      </dl>
      <Messages run={run} />
    </div>
  );
}
