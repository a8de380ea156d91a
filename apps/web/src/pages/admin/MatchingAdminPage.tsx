import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Heading, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemsOf } from '../../forms/api-errors';
import { formatDateTime, formatNumber } from '../../lib/format';
import { ConfirmDialog } from '../offers/ConfirmDialog';
import '../offers/offers.css';
import { ADMIN_MATCHING, ADMIN_REBUILD } from './admin-queries';
import { AdminPage, Progress } from './admin-shared';

/** How often the status is asked for while a rebuild runs. */
export const POLL_MS = 2000;

/** The latest rebuild of all matches, a button to start one (confirmed first), and its progress live. */
export function MatchingAdminPage() {
  const { t } = useTranslation('admin');
  return (
    <AdminPage title={t('matching.title')}>
      <Paragraph>{t('matching.lead')}</Paragraph>
      <Rebuild />
    </AdminPage>
  );
}

function Rebuild() {
  const { t } = useTranslation('admin');
  const { data, loading, error, startPolling, stopPolling } = useQuery(ADMIN_MATCHING, { fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: false });
  const [rebuild, { loading: starting }] = useMutation(ADMIN_REBUILD);
  const [confirming, setConfirming] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const current = data?.matchingRebuild ?? null;
  const running = current?.status === 'RUNNING';
  /** The rebuild this visit started or saw running: its end is announced once. */
  const followed = useRef<string | null>(null);

  useEffect(() => {
    if (running) {
      followed.current ??= current?.id ?? null;
      startPolling(POLL_MS);
    } else {
      stopPolling();
      if (current && followed.current === current.id && current.status === 'DONE') {
        setAnnouncement(t('matching.announceDone'));
        followed.current = null;
      }
    }
    return () => stopPolling();
  }, [running, current, startPolling, stopPolling, t]);

  const start = async () => {
    setStartError(null);
    try {
      const result = await rebuild({
        update: (cache, { data: answer }) => {
          if (answer) cache.writeQuery({ query: ADMIN_MATCHING, data: { matchingRebuild: answer.rebuildMatches.matchingRebuild } });
        },
      });
      const begun = result.data?.rebuildMatches.matchingRebuild;
      setConfirming(false);
      if (begun?.status === 'DONE') {
        // Nothing to recompute (no published need): it ended as it began.
        setAnnouncement(t('matching.announceDone'));
      } else {
        followed.current = begun?.id ?? null;
        setAnnouncement(t('matching.announceStarted'));
      }
    } catch (e) {
      const found = problemsOf(e, t('matching.failed'));
      setStartError(found.general ?? t('matching.failed'));
    }
  };

  return (
    <>
      <p role="status" aria-live="polite" className="visually-hidden">
        {announcement}
      </p>
      <section aria-labelledby="matching-status" className="admin-form">
        <Heading level={2} data-size="sm" id="matching-status">
          {t('matching.status')}
        </Heading>
        {!data && loading ? (
          <Spinner aria-label={t('matching.loading')} />
        ) : !data && error ? (
          <Alert data-color="danger">
            <Paragraph>{t('matching.error')}</Paragraph>
          </Alert>
        ) : !current ? (
          <Paragraph>{t('matching.none')}</Paragraph>
        ) : (
          <>
            <div>
              <Tag data-size="sm" data-color={running ? 'info' : 'success'}>
                {t(`matching.state_${current.status}`, { defaultValue: current.status })}
              </Tag>
            </div>
            <Progress done={current.chunksDone} total={current.chunksTotal} label={t('matching.progressText', { done: current.chunksDone, total: current.chunksTotal })} />
            <dl className="admin-facts">
              <dt>{t('matching.algorithm')}</dt>
              <dd>
                <code>{current.algorithmVersion}</code>
              </dd>
              <dt>{t('matching.reason')}</dt>
              <dd>{current.reason}</dd>
              <dt>{t('matching.needs')}</dt>
              <dd>{formatNumber(current.needsTotal)}</dd>
              <dt>{t('matching.started')}</dt>
              <dd>{formatDateTime(current.startedAt)}</dd>
              <dt>{t('matching.finished')}</dt>
              <dd>{current.finishedAt ? formatDateTime(current.finishedAt) : t('matching.notFinished')}</dd>
            </dl>
          </>
        )}
        <div className="admin-actions">
          <Button
            onClick={() => {
              if (running) return;
              setStartError(null);
              setConfirming(true);
            }}
            aria-disabled={running || undefined}
            aria-describedby={running ? 'matching-running' : undefined}
          >
            {t('matching.rebuild')}
          </Button>
          {running ? (
            <Paragraph id="matching-running" data-size="sm">
              {t('matching.rebuildRunning')}
            </Paragraph>
          ) : null}
        </div>
      </section>
      <ConfirmDialog
        open={confirming && !running}
        title={t('matching.confirmTitle')}
        confirmLabel={t('matching.confirmYes')}
        cancelLabel={t('matching.cancel')}
        closeLabel={t('matching.close')}
        onConfirm={() => void start()}
        onClose={() => setConfirming(false)}
        busy={starting}
        error={startError}
      >
        <Paragraph>{t('matching.confirmBody')}</Paragraph>
      </ConfirmDialog>
    </>
  );
}

export { MatchingAdminPage as Component };
