import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Heading, Link as DsLink, Paragraph, Spinner, Table, Tag } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { problemsOf } from '../../forms/api-errors';
import { graphql } from '../../gql';
import type { BrokeringPageQuery, IntroductionStatus } from '../../gql/graphql';
import { formatDateTime, formatNumber } from '../../lib/format';
import { usePageTitle } from '../../lib/page';
import { ConfirmDialog } from '../offers/ConfirmDialog';
import { CountyChoice, useBrokeringCounties } from './brokering-shared';
import './brokering.css';

export const BROKERING_PAGE = graphql(`
  query BrokeringPage($countyCode: String!) {
    needsWithoutOffers(countyCode: $countyCode, first: 50) {
      totalCount
      nodes {
        bestMatchScore
        matchCount
        introductionCount
        hasIntroductions
        need {
          id
          title
          responseDeadline
          buyer {
            id
            name
          }
        }
      }
    }
    needs(filter: { countyCode: $countyCode, statuses: [PUBLISHED] }, sort: DEADLINE, first: 50) {
      totalCount
      nodes {
        id
        title
        responseDeadline
        buyer {
          id
          name
        }
      }
    }
    introductions(filter: { countyCode: $countyCode }, first: 100) {
      totalCount
      nodes {
        id
        version
        status
        note
        responseNote
        createdAt
        respondedAt
        partnership {
          id
          title
        }
        need {
          id
          title
          buyer {
            id
            name
          }
        }
        enterprise {
          id
          name
        }
        coordinator {
          id
          displayName
        }
      }
    }
  }
`);

export const WITHDRAW_INTRODUCTION = graphql(`
  mutation BrokeringWithdraw($input: WithdrawIntroductionInput!) {
    withdrawIntroduction(input: $input) {
      introduction {
        id
        version
        status
      }
    }
  }
`);

type Introduction = BrokeringPageQuery['introductions']['nodes'][number];
const GROUPS: IntroductionStatus[] = ['PROPOSED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN'];

export function BrokeringPage() {
  const { t } = useTranslation('brokering');
  usePageTitle(t('title'));
  const { counties, isAdmin, isCoordinator, ready } = useBrokeringCounties();
  const [params, setParams] = useSearchParams();
  const chosen = params.get('lan');
  const countyCode = counties.find((c) => c.code === chosen)?.code ?? counties[0]?.code ?? '';

  return (
    <div className="page brokering-page">
      <Heading level={1} data-size="lg">
        {t('title')}
      </Heading>
      <Paragraph>{t('intro')}</Paragraph>
      {!ready ? (
        <Spinner aria-label={t('common:state.loading')} />
      ) : !isAdmin && !isCoordinator ? (
        <Alert data-color="info">
          <Paragraph>{t('notCoordinator')}</Paragraph>
        </Alert>
      ) : (
        <>
          {isAdmin ? (
            <Alert data-color="info">
              <Paragraph>{t('adminNote')}</Paragraph>
            </Alert>
          ) : (
            <Paragraph>
              <DsLink asChild>
                <Link to="/formedling/samarbete">{t('recordPartnership')}</Link>
              </DsLink>
            </Paragraph>
          )}
          <CountyChoice counties={counties} value={countyCode} onChange={(code) => setParams({ lan: code }, { replace: true })} />
          {countyCode ? <CountyBrokering key={countyCode} countyCode={countyCode} mayBroker={isCoordinator} /> : null}
        </>
      )}
    </div>
  );
}

function CountyBrokering({ countyCode, mayBroker }: { countyCode: string; mayBroker: boolean }) {
  const { t } = useTranslation('brokering');
  const { data, loading, error, refetch } = useQuery(BROKERING_PAGE, { variables: { countyCode } });
  if (!data && loading) return <Spinner aria-label={t('common:state.loading')} />;
  if (!data || error) {
    return (
      <Alert data-color="danger">
        <Paragraph>{t('loadError')}</Paragraph>
        <Button variant="secondary" data-size="sm" onClick={() => void refetch()}>
          {t('retry')}
        </Button>
      </Alert>
    );
  }
  return (
    <>
      <WorkList rows={data.needsWithoutOffers.nodes} />
      <Introductions introductions={data.introductions.nodes} mayBroker={mayBroker} />
      <section aria-labelledby="brokering-needs" className="brokering-section">
        <Heading level={2} data-size="md" id="brokering-needs">
          {t('needs.title')}
        </Heading>
        <Paragraph>{t('needs.intro')}</Paragraph>
        {data.needs.nodes.length === 0 ? (
          <Paragraph>{t('needs.none')}</Paragraph>
        ) : (
          <ul className="brokering-list">
            {data.needs.nodes.map((need) => (
              <li key={need.id}>
                <DsLink asChild>
                  <Link to={`/formedling/behov/${encodeURIComponent(need.id)}`}>{need.title}</Link>
                </DsLink>
                <Paragraph data-size="sm">
                  {need.buyer.name}
                  {need.responseDeadline ? ` · ${t('work.deadline')} ${formatDateTime(need.responseDeadline)}` : ''}
                </Paragraph>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function WorkList({ rows }: { rows: BrokeringPageQuery['needsWithoutOffers']['nodes'] }) {
  const { t } = useTranslation('brokering');
  return (
    <section aria-labelledby="brokering-work" className="brokering-section">
      <Heading level={2} data-size="md" id="brokering-work">
        {t('work.title')}
      </Heading>
      <Paragraph>{t('work.intro')}</Paragraph>
      {rows.length === 0 ? (
        <Paragraph>{t('work.none')}</Paragraph>
      ) : (
        <div className="brokering-table-wrap" role="region" aria-labelledby="brokering-work-caption" tabIndex={0}>
          <Table zebra>
            <caption id="brokering-work-caption" className="visually-hidden">
              {t('work.caption')}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('work.need')}</Table.HeaderCell>
                <Table.HeaderCell>{t('work.deadline')}</Table.HeaderCell>
                <Table.HeaderCell>{t('work.bestMatch')}</Table.HeaderCell>
                <Table.HeaderCell>{t('work.introductions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((row) => (
                <Table.Row key={row.need.id}>
                  <Table.Cell>
                    <DsLink asChild>
                      <Link to={`/formedling/behov/${encodeURIComponent(row.need.id)}`}>{row.need.title}</Link>
                    </DsLink>
                    <div className="accounts-meta">{row.need.buyer.name}</div>
                  </Table.Cell>
                  <Table.Cell>{row.need.responseDeadline ? formatDateTime(row.need.responseDeadline) : ''}</Table.Cell>
                  <Table.Cell>{row.bestMatchScore != null ? t('work.score', { score: formatNumber(Math.round(row.bestMatchScore)) }) : t('work.noMatch')}</Table.Cell>
                  <Table.Cell>{row.hasIntroductions ? t('work.introductionsCount', { count: row.introductionCount }) : t('work.introductionsNone')}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

/** The county's introductions by status: who, which need, the note, the answer; withdraw a proposed one, record a partnership from an accepted one. */
export function Introductions({ introductions, mayBroker }: { introductions: readonly Introduction[]; mayBroker: boolean }) {
  const { t } = useTranslation('brokering');
  const [withdraw] = useMutation(WITHDRAW_INTRODUCTION);
  const [withdrawing, setWithdrawing] = useState<Introduction | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const confirm = async () => {
    if (!withdrawing) return;
    setBusy(true);
    setFailure(null);
    try {
      await withdraw({ variables: { input: { introductionId: withdrawing.id, version: withdrawing.version } } });
      setDone(t('introductions.withdrawn', { enterprise: withdrawing.enterprise.name }));
      setWithdrawing(null);
    } catch (error) {
      setFailure(problemsOf(error, t('introductions.withdrawFailed')).general ?? t('introductions.withdrawFailed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="brokering-introductions" className="brokering-section">
      <Heading level={2} data-size="md" id="brokering-introductions">
        {t('introductions.title')}
      </Heading>
      <Paragraph>{t('introductions.intro')}</Paragraph>
      {done ? (
        <Alert data-color="success" ref={doneRef} tabIndex={-1}>
          <Paragraph>{done}</Paragraph>
        </Alert>
      ) : null}
      {GROUPS.map((status) => {
        const group = introductions.filter((i) => i.status === status);
        return (
          <section key={status} aria-labelledby={`brokering-group-${status}`}>
            <Heading level={3} data-size="sm" id={`brokering-group-${status}`}>
              {t(`introductions.groups.${status}`)} ({formatNumber(group.length)})
            </Heading>
            {group.length === 0 ? (
              <Paragraph data-size="sm">{t('introductions.none')}</Paragraph>
            ) : (
              <ul className="brokering-list">
                {group.map((introduction) => (
                  <IntroductionItem
                    key={introduction.id}
                    introduction={introduction}
                    mayBroker={mayBroker}
                    onWithdraw={() => {
                      setFailure(null);
                      setWithdrawing(introduction);
                    }}
                  />
                ))}
              </ul>
            )}
          </section>
        );
      })}
      <ConfirmDialog
        open={withdrawing !== null}
        title={t('introductions.withdrawTitle')}
        confirmLabel={t('introductions.withdrawConfirm')}
        cancelLabel={t('introductions.withdrawCancel')}
        closeLabel={t('introductions.withdrawClose')}
        onConfirm={() => void confirm()}
        onClose={() => setWithdrawing(null)}
        busy={busy}
        error={failure}
        danger
      >
        <Paragraph>
          {withdrawing ? t('introductions.withdrawBody', { enterprise: withdrawing.enterprise.name, need: withdrawing.need?.title ?? t('introductions.needGone') }) : null}
        </Paragraph>
      </ConfirmDialog>
    </section>
  );
}

function IntroductionItem({ introduction, mayBroker, onWithdraw }: { introduction: Introduction; mayBroker: boolean; onWithdraw(): void }) {
  const { t } = useTranslation('brokering');
  const answered = introduction.status === 'ACCEPTED' || introduction.status === 'DECLINED';
  return (
    <li>
      <Heading level={4} data-size="xs">
        {introduction.enterprise.name}
      </Heading>
      <Tag data-color={introduction.status === 'ACCEPTED' ? 'success' : introduction.status === 'PROPOSED' ? 'info' : 'neutral'} data-size="sm">
        {t(`introductions.status.${introduction.status}`)}
      </Tag>
      <dl className="accounts-details">
        <dt>{t('introductions.need')}</dt>
        <dd>
          {introduction.need ? (
            <DsLink asChild>
              <Link to={`/formedling/behov/${encodeURIComponent(introduction.need.id)}`}>{introduction.need.title}</Link>
            </DsLink>
          ) : (
            t('introductions.needGone')
          )}
        </dd>
        {introduction.need ? (
          <>
            <dt>{t('introductions.buyer')}</dt>
            <dd>{introduction.need.buyer.name}</dd>
          </>
        ) : null}
        <dt>{t('introductions.coordinator')}</dt>
        <dd>{introduction.coordinator?.displayName ?? '–'}</dd>
        <dt>{t('introductions.made')}</dt>
        <dd>{formatDateTime(introduction.createdAt)}</dd>
      </dl>
      <Heading level={5} data-size="2xs">
        {t('introductions.note')}
      </Heading>
      <blockquote className="brokering-quote">
        <p>{introduction.note}</p>
      </blockquote>
      {answered ? (
        <>
          <Heading level={5} data-size="2xs">
            {t('introductions.answer')}
            {introduction.respondedAt ? <span className="accounts-meta"> – {t('introductions.answeredOn', { date: formatDateTime(introduction.respondedAt) })}</span> : null}
          </Heading>
          {introduction.responseNote ? (
            <blockquote className="brokering-quote">
              <p>{introduction.responseNote}</p>
            </blockquote>
          ) : (
            <Paragraph data-size="sm">{t('introductions.noAnswer')}</Paragraph>
          )}
        </>
      ) : null}
      {mayBroker && introduction.status === 'PROPOSED' ? (
        <div className="brokering-actions">
          <Button variant="secondary" data-size="sm" onClick={onWithdraw} aria-label={t('introductions.withdrawFor', { enterprise: introduction.enterprise.name })}>
            {t('introductions.withdraw')}
          </Button>
        </div>
      ) : null}
      {introduction.partnership ? (
        <Paragraph>
          <DsLink asChild>
            <Link to={`/samarbeten/${encodeURIComponent(introduction.partnership.id)}`}>{t('introductions.partnership', { title: introduction.partnership.title })}</Link>
          </DsLink>
        </Paragraph>
      ) : mayBroker && introduction.status === 'ACCEPTED' ? (
        <Paragraph>
          <DsLink asChild>
            <Link to={`/formedling/samarbete?introduktion=${encodeURIComponent(introduction.id)}`}>
              {t('recordPartnership')}
              <span className="visually-hidden">: {introduction.enterprise.name}</span>
            </Link>
          </DsLink>
        </Paragraph>
      ) : null}
    </li>
  );
}

export { BrokeringPage as Component };
