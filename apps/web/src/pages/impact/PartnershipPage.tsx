import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Details, Heading, Link as DsLink, Paragraph, Spinner, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../app/session';
import { problemsOf } from '../../forms/api-errors';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { usePageTitle } from '../../lib/page';
import { ConfirmDialog } from '../offers/ConfirmDialog';
import { AGREE_TARGETS, COMPLETE_PARTNERSHIP, CONFIRM_REPORT, DELETE_REPORT, PARTNERSHIP_PAGE, RETURN_REPORT, SET_PUBLIC, TERMINATE_PARTNERSHIP } from './impact-queries';
import { MAX_COMMENT } from './impact-rules';
import { REFETCH, useIndicatorText, type Indicator, type Party, type Partnership, type Report } from './impact-shared';
import { ReportForm, type ReportMode } from './ReportForm';
import { TargetsForm } from './TargetsForm';
import '../offers/offers.css';
import './impact.css';

const period = (r: { periodStart: string; periodEnd: string }) => `${formatDate(r.periodStart)} – ${formatDate(r.periodEnd)}`;

export function PartnershipPage() {
  const { t } = useTranslation('impact');
  const { partnershipId = '' } = useParams();
  const { organization } = useSession();
  const { data, loading, error, refetch } = useQuery(PARTNERSHIP_PAGE, { variables: { id: partnershipId }, fetchPolicy: 'cache-and-network' });
  if (!data && loading) return <Spinner aria-label={t('common:state.loading')} />;
  if (!data && error) {
    return (
      <Frame title={t('page.error')}>
        <Alert data-color="danger">
          <Paragraph>{t('page.error')}</Paragraph>
          <Button variant="secondary" data-size="sm" onClick={() => void refetch()}>
            {t('page.retry')}
          </Button>
        </Alert>
      </Frame>
    );
  }
  const partnership = data?.partnership;
  if (!partnership) {
    return (
      <Frame title={t('page.notFoundTitle')}>
        <Paragraph>{t('page.notFoundBody')}</Paragraph>
        <BackLink />
      </Frame>
    );
  }
  const party: Party = organization?.id === partnership.buyerOrganizationId ? 'buyer' : organization?.id === partnership.enterpriseOrganizationId ? 'enterprise' : null;
  return <Workspace partnership={partnership} indicators={data.impactIndicators} party={party} />;
}

function Frame({ title, children }: { title: string; children: ReactNode }) {
  usePageTitle(title);
  return (
    <div className="page impact-page">
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      {children}
    </div>
  );
}

function BackLink() {
  const { t } = useTranslation('impact');
  return (
    <Paragraph>
      <DsLink asChild>
        <Link to="/samarbeten">{t('page.toList')}</Link>
      </DsLink>
    </Paragraph>
  );
}

/** A success message that takes focus when it appears, so a screen reader hears what happened. */
function Notice({ text }: { text: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (text) ref.current?.focus();
  }, [text]);
  if (!text) return null;
  return (
    <Alert data-color="success" ref={ref} tabIndex={-1}>
      <Paragraph>{text}</Paragraph>
    </Alert>
  );
}

function Workspace({ partnership: p, indicators, party }: { partnership: Partnership; indicators: Indicator[]; party: Party }) {
  const { t } = useTranslation('impact');
  const { i18n } = useTranslation();
  const [notice, setNotice] = useState<string | null>(null);
  // The message was written in the language of the moment: a change of language drops it.
  useEffect(() => setNotice(null), [i18n.language]);
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const other = party === 'buyer' ? p.enterprise.name : p.buyer.name;
  return (
    <Frame title={p.title}>
      <Paragraph>
        <Tag data-size="sm" data-color={p.status === 'ACTIVE' ? 'success' : 'neutral'}>
          {t(`status.${p.status}`)}
        </Tag>{' '}
        {t(`page.youAre.${party ?? 'none'}`)}
      </Paragraph>
      <Facts partnership={p} />
      {p.status !== 'ACTIVE' ? (
        <Alert data-color="info">
          <Paragraph>{p.endedAt ? t('page.ended', { date: formatDateTime(p.endedAt) }) : t(`status.${p.status}`)}</Paragraph>
          {p.endReason ? <Paragraph className="impact-text">{t('page.endReason', { reason: p.endReason })}</Paragraph> : null}
        </Alert>
      ) : null}
      <Notice text={notice} />
      <Targets partnership={p} byCode={byCode} indicators={indicators} party={party} other={other} onDone={setNotice} />
      <Reports partnership={p} byCode={byCode} party={party} onDone={setNotice} />
      {party ? <Consent partnership={p} party={party} other={other} onDone={setNotice} /> : null}
      {party && p.status === 'ACTIVE' ? <End partnership={p} party={party} other={other} /> : null}
      <BackLink />
    </Frame>
  );
}

function Facts({ partnership: p }: { partnership: Partnership }) {
  const { t } = useTranslation('impact');
  return (
    <dl className="impact-facts">
      <div>
        <dt>{t('page.buyer')}</dt>
        <dd>{p.buyer.name}</dd>
      </div>
      <div>
        <dt>{t('page.enterprise')}</dt>
        <dd>{p.enterprise.name}</dd>
      </div>
      <div>
        <dt>{t('page.need')}</dt>
        <dd>
          {p.need ? (
            <DsLink asChild>
              <Link to={`/behov/${encodeURIComponent(p.need.id)}`}>{p.need.title}</Link>
            </DsLink>
          ) : (
            t('page.needNone')
          )}
        </dd>
      </div>
      <div>
        <dt>{t('page.period')}</dt>
        <dd>{p.endsOn ? t('page.periodValue', { start: formatDate(p.startsOn), end: formatDate(p.endsOn) }) : t('page.periodOpen', { start: formatDate(p.startsOn) })}</dd>
      </div>
      {p.reportEveryMonths ? (
        <div>
          <dt>{t('page.reportEvery')}</dt>
          <dd>{t('page.reportEveryValue', { count: p.reportEveryMonths })}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('page.nextDue')}</dt>
        <dd>{p.nextReportDue ? formatDate(p.nextReportDue) : t('page.nextDueNone')}</dd>
      </div>
    </dl>
  );
}

interface SectionProps {
  partnership: Partnership;
  byCode: Map<string, Indicator>;
  party: Party;
  onDone(notice: string): void;
}

function Targets({ partnership: p, byCode, indicators, party, other, onDone }: SectionProps & { indicators: Indicator[]; other: string }) {
  const { t } = useTranslation('impact');
  const text = useIndicatorText();
  const [editing, setEditing] = useState(false);
  const [agree, { loading }] = useMutation(AGREE_TARGETS, REFETCH);
  const [failure, setFailure] = useState<string | null>(null);
  const targets = p.targets ?? [];
  const ours = party !== null && p.targetsProposedBy?.id === (party === 'buyer' ? p.buyerOrganizationId : p.enterpriseOrganizationId);
  const mayAct = party !== null && p.status === 'ACTIVE';
  let state: string;
  if (p.targetsStatus === 'AGREED')
    state = t('targets.agreed', { date: p.targetsAgreedAt ? formatDate(p.targetsAgreedAt.slice(0, 10)) : '', party: p.targetsProposedBy?.name ?? '' });
  else if (p.targetsStatus === 'PROPOSED') state = ours ? t('targets.proposedByUs', { other }) : t('targets.proposedByOther', { other: p.targetsProposedBy?.name ?? other });
  else state = t('targets.none');

  const onAgree = async () => {
    setFailure(null);
    try {
      await agree({ variables: { input: { partnershipId: p.id, version: p.version } } });
      onDone(t('targets.agreed_done'));
    } catch (error) {
      setFailure(problemsOf(error, t('targets.errors.agreeFailed')).general ?? t('targets.errors.agreeFailed'));
    }
  };

  return (
    <section aria-labelledby="impact-targets" className="impact-section">
      <Heading level={2} data-size="sm" id="impact-targets">
        {t('targets.title')}
      </Heading>
      <Paragraph>{t('targets.intro')}</Paragraph>
      <Paragraph>
        <Tag data-size="sm" data-color={p.targetsStatus === 'AGREED' ? 'success' : p.targetsStatus === 'PROPOSED' ? 'warning' : 'neutral'}>
          {t(`targets.status.${p.targetsStatus ?? 'NONE'}`)}
        </Tag>{' '}
        {state}
      </Paragraph>
      {targets.length > 0 ? (
        // On a narrow screen the table scrolls sideways: its box takes focus so a keyboard can scroll it.
        <div className="impact-table-wrap" tabIndex={0} role="region" aria-label={t('targets.table')}>
          <Table data-size="sm">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('targets.indicator')}</Table.HeaderCell>
                <Table.HeaderCell>{t('targets.target')}</Table.HeaderCell>
                <Table.HeaderCell>{t('targets.total')}</Table.HeaderCell>
                <Table.HeaderCell>{t('targets.note')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {targets.map((target) => {
                const indicator = byCode.get(target.indicatorCode);
                return (
                  <Table.Row key={target.indicatorCode}>
                    <Table.Cell>{text.name(indicator, target.indicatorCode)}</Table.Cell>
                    <Table.Cell>{`${formatNumber(target.target)} ${text.unit(indicator)}`}</Table.Cell>
                    <Table.Cell>{`${formatNumber(target.confirmedTotal)} ${text.unit(indicator)}`}</Table.Cell>
                    <Table.Cell>{target.note || '–'}</Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </div>
      ) : null}
      {failure ? (
        <Alert data-color="danger">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      ) : null}
      {mayAct && !editing && p.targetsStatus !== 'AGREED' ? (
        <div className="impact-actions">
          {p.targetsStatus === 'PROPOSED' && !ours ? (
            <Button onClick={() => void onAgree()} aria-disabled={loading || undefined}>
              {loading ? <Spinner aria-hidden data-size="xs" /> : null}
              {t('targets.agree')}
            </Button>
          ) : null}
          <Button variant={p.targetsStatus === 'PROPOSED' && !ours ? 'secondary' : 'primary'} onClick={() => setEditing(true)}>
            {p.targetsStatus === 'NONE' ? t('targets.propose') : ours ? t('targets.change') : t('targets.proposeOther')}
          </Button>
        </div>
      ) : null}
      {editing ? (
        <TargetsForm
          partnership={p}
          indicators={indicators}
          onCancel={() => setEditing(false)}
          onDone={() => {
            setEditing(false);
            onDone(t('targets.proposed_done', { other }));
          }}
        />
      ) : null}
    </section>
  );
}

/** Reports by chain of versions: a first report and its corrections, newest first. */
function chains(reports: readonly Report[]): Report[][] {
  const byId = new Map(reports.map((r) => [r.id, r]));
  const rootOf = (r: Report): string => {
    let at = r;
    const seen = new Set<string>();
    while (at.correctsReportId && byId.has(at.correctsReportId) && !seen.has(at.id)) {
      seen.add(at.id);
      at = byId.get(at.correctsReportId)!;
    }
    return at.id;
  };
  const groups = new Map<string, Report[]>();
  for (const r of reports) {
    const root = rootOf(r);
    groups.set(root, [...(groups.get(root) ?? []), r]);
  }
  return [...groups.values()].map((g) => g.sort((a, b) => b.revision - a.revision)).sort((a, b) => b[0].periodStart.localeCompare(a[0].periodStart));
}

function Reports({ partnership: p, byCode, party, onDone }: SectionProps) {
  const { t } = useTranslation('impact');
  const [mode, setMode] = useState<ReportMode | null>(null);
  const reports = p.impactReports ?? [];
  const open = p.status !== 'TERMINATED' && p.targetsStatus === 'AGREED';
  const enterprise = party === 'enterprise';
  const done = (notice: string) => {
    setMode(null);
    onDone(notice);
  };
  return (
    <section aria-labelledby="impact-reports" className="impact-section">
      <Heading level={2} data-size="sm" id="impact-reports">
        {t('reports.title')}
      </Heading>
      <Paragraph>{party === 'buyer' ? t('reports.introBuyer') : t('reports.introEnterprise')}</Paragraph>
      {p.targetsStatus !== 'AGREED' ? <Paragraph>{t('reports.noTargets')}</Paragraph> : p.status === 'TERMINATED' ? <Paragraph>{t('reports.closed')}</Paragraph> : null}
      {enterprise && open && p.status === 'ACTIVE' && !mode ? (
        <div className="impact-actions">
          <Button onClick={() => setMode({ kind: 'new' })}>{t('reports.new')}</Button>
        </div>
      ) : null}
      {mode ? <ReportForm partnership={p} byCode={byCode} mode={mode} onCancel={() => setMode(null)} onDone={done} /> : null}
      {reports.length === 0 ? (
        <Paragraph>{t('reports.none')}</Paragraph>
      ) : (
        <ul className="impact-list">
          {chains(reports).map((chain) => (
            <ReportCard
              key={chain[0].id}
              chain={chain}
              partnership={p}
              byCode={byCode}
              party={party}
              editing={mode !== null}
              mayReport={open}
              onEdit={(m) => setMode(m)}
              onDone={onDone}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function ReportValues({ report, byCode }: { report: Report; byCode: Map<string, Indicator> }) {
  const { t } = useTranslation('impact');
  const text = useIndicatorText();
  if (report.values.length === 0) return <Paragraph>{t('reports.noValues')}</Paragraph>;
  return (
    <dl className="impact-values">
      {report.values.map((v) => {
        const indicator = byCode.get(v.indicatorCode);
        return (
          <div key={v.indicatorCode}>
            <dt>{text.name(indicator, v.indicatorCode)}</dt>
            <dd>{`${formatNumber(v.value)} ${text.unit(indicator)}`}</dd>
          </div>
        );
      })}
    </dl>
  );
}

function ReportStatusTag({ status }: { status: Report['status'] }) {
  const { t } = useTranslation('impact');
  const color = status === 'CONFIRMED' ? 'success' : status === 'RETURNED' ? 'danger' : status === 'SUBMITTED' ? 'info' : status === 'DRAFT' ? 'warning' : 'neutral';
  return (
    <Tag data-size="sm" data-color={color}>
      {t(`reportStatus.${status}`)}
    </Tag>
  );
}

function when(t: (key: string, options?: Record<string, unknown>) => string, r: Report): string {
  if (r.supersededAt) return t('reports.supersededAt', { date: formatDateTime(r.supersededAt) });
  if (r.confirmedAt) return t('reports.confirmedAt', { date: formatDateTime(r.confirmedAt) });
  if (r.submittedAt && r.status !== 'DRAFT') return t('reports.submittedAt', { date: formatDateTime(r.submittedAt) });
  return t('reports.updatedAt', { date: formatDateTime(r.updatedAt) });
}

interface CardProps {
  chain: Report[];
  partnership: Partnership;
  byCode: Map<string, Indicator>;
  party: Party;
  editing: boolean;
  mayReport: boolean;
  onEdit(mode: ReportMode): void;
  onDone(notice: string): void;
}

function ReportCard({ chain, partnership: p, byCode, party, editing, mayReport, onEdit, onDone }: CardProps) {
  const { t } = useTranslation('impact');
  const [report] = chain;
  const headingId = `report-${report.id}`;
  const previous = chain.find((r) => r.id === report.correctsReportId);
  const enterprise = party === 'enterprise';
  const [asking, setAsking] = useState<'confirm' | 'delete' | null>(null);
  const [returning, setReturning] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirm, { loading: confirming }] = useMutation(CONFIRM_REPORT, REFETCH);
  const [remove, { loading: removing }] = useMutation(DELETE_REPORT, REFETCH);

  const act = async () => {
    setFailure(null);
    try {
      if (asking === 'confirm') {
        await confirm({ variables: { input: { impactReportId: report.id, version: report.version } } });
        setAsking(null);
        onDone(t('reports.done.confirmed'));
      } else {
        await remove({ variables: { input: { impactReportId: report.id, version: report.version } } });
        setAsking(null);
        onDone(t('reports.done.deleted'));
      }
    } catch (error) {
      setFailure(problemsOf(error, t('reports.failed')).general ?? t('reports.failed'));
    }
  };

  return (
    <li className="impact-card" aria-labelledby={headingId}>
      <Heading level={3} data-size="xs" id={headingId}>
        {t('reports.periodTitle', { period: period(report) })}
      </Heading>
      <div className="impact-meta">
        <ReportStatusTag status={report.status} />
        <span>{t('reports.version', { revision: report.revision })}</span>
        {previous ? <span>{t('reports.corrects', { revision: previous.revision })}</span> : null}
        <span>{when(t, report)}</span>
      </div>
      {report.status === 'RETURNED' && report.returnComment ? (
        <Alert data-color="warning">
          <Paragraph>{t('reports.returnedBy')}</Paragraph>
          <Paragraph className="impact-text">{report.returnComment}</Paragraph>
        </Alert>
      ) : null}
      <ReportValues report={report} byCode={byCode} />
      {report.narrative ? (
        <>
          <Paragraph data-size="sm" className="impact-strong">
            {t('reports.narrative')}
          </Paragraph>
          <Paragraph className="impact-text">{report.narrative}</Paragraph>
        </>
      ) : null}
      {enterprise && !editing && (report.status === 'DRAFT' || report.status === 'RETURNED') && mayReport ? (
        <div className="impact-actions">
          <Button onClick={() => onEdit({ kind: 'edit', report })}>{t('reports.edit')}</Button>
          {report.status === 'DRAFT' ? (
            <Button variant="tertiary" data-color="danger" onClick={() => setAsking('delete')}>
              {t('reports.delete')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {enterprise && !editing && report.status === 'CONFIRMED' && mayReport ? (
        <>
          <Paragraph data-size="sm">{t('reports.correctHint')}</Paragraph>
          <div className="impact-actions">
            <Button variant="secondary" onClick={() => onEdit({ kind: 'correct', report })}>
              {t('reports.correct')}
            </Button>
          </div>
        </>
      ) : null}
      {party === 'buyer' && report.status === 'SUBMITTED' && !returning ? (
        <div className="impact-actions">
          <Button onClick={() => setAsking('confirm')}>{t('reports.confirm')}</Button>
          <Button variant="secondary" onClick={() => setReturning(true)}>
            {t('reports.return')}
          </Button>
        </div>
      ) : null}
      {returning ? (
        <ReturnForm
          report={report}
          onCancel={() => setReturning(false)}
          onDone={() => {
            setReturning(false);
            onDone(t('reports.done.returned', { enterprise: p.enterprise.name }));
          }}
        />
      ) : null}
      {chain.length > 1 ? (
        <Details>
          <Details.Summary>{t('reports.history', { count: chain.length })}</Details.Summary>
          <Details.Content>
            <ol className="impact-history">
              {[...chain].reverse().map((r) => (
                <li key={r.id}>
                  <span className="impact-strong">{t('reports.version', { revision: r.revision })}</span> <ReportStatusTag status={r.status} /> {period(r)}. {when(t, r)}.
                  {r.returnComment ? <div className="impact-text">{`${t('reports.returnedBy')} ${r.returnComment}`}</div> : null}
                  {r.id !== report.id ? <ReportValues report={r} byCode={byCode} /> : null}
                </li>
              ))}
            </ol>
          </Details.Content>
        </Details>
      ) : null}
      <ConfirmDialog
        open={asking !== null}
        title={asking === 'delete' ? t('reports.deleteTitle') : t('reports.confirmTitle')}
        confirmLabel={asking === 'delete' ? t('reports.deleteConfirm') : t('reports.confirmConfirm')}
        cancelLabel={t('reports.cancel')}
        closeLabel={t('reports.close')}
        onConfirm={() => void act()}
        onClose={() => (setAsking(null), setFailure(null))}
        busy={confirming || removing}
        error={failure}
        danger={asking === 'delete'}
      >
        <Paragraph>{asking === 'delete' ? t('reports.deleteBody') : t('reports.confirmBody')}</Paragraph>
      </ConfirmDialog>
    </li>
  );
}

/** The buyer sends a report back with a comment the enterprise reads; the comment is required. */
function ReturnForm({ report, onCancel, onDone }: { report: Report; onCancel(): void; onDone(): void }) {
  const { t } = useTranslation('impact');
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const [send, { loading }] = useMutation(RETURN_REPORT, REFETCH);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => fieldRef.current?.focus(), []);
  const id = `return-${report.id}`;
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setGeneral(null);
    const text = comment.trim();
    const found = !text ? t('reports.returnForm.required') : [...text].length > MAX_COMMENT ? t('reports.returnForm.tooLong') : null;
    setProblem(found);
    if (found) {
      fieldRef.current?.focus();
      return;
    }
    try {
      await send({ variables: { input: { impactReportId: report.id, version: report.version, comment: text } } });
      onDone();
    } catch (error) {
      const problems = problemsOf(error, t('reports.failed'));
      const onField = problems.fields.find((f) => f.path === 'comment');
      if (onField) setProblem(onField.message);
      setGeneral(problems.general ?? (onField ? null : t('reports.failed')));
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="impact-form" aria-labelledby={`${id}-title`}>
      <Heading level={4} data-size="2xs" id={`${id}-title`}>
        {t('reports.returnForm.title')}
      </Heading>
      {general ? (
        <Alert data-color="danger">
          <Paragraph>{general}</Paragraph>
        </Alert>
      ) : null}
      <Textfield
        multiline
        rows={4}
        id={id}
        ref={fieldRef}
        label={t('reports.returnForm.comment')}
        description={t('reports.returnForm.commentHint')}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        error={problem ?? undefined}
      />
      <div className="impact-actions">
        <Button type="submit" aria-disabled={loading || undefined}>
          {loading ? <Spinner aria-hidden data-size="xs" /> : null}
          {t('reports.returnForm.send')}
        </Button>
        <Button type="button" variant="tertiary" onClick={onCancel}>
          {t('reports.cancel')}
        </Button>
      </div>
    </form>
  );
}

function Consent({ partnership: p, party, other, onDone }: { partnership: Partnership; party: 'buyer' | 'enterprise'; other: string; onDone(notice: string): void }) {
  const { t } = useTranslation('impact');
  const ours = (party === 'buyer' ? p.buyerPublic : p.enterprisePublic) ?? false;
  const theirs = (party === 'buyer' ? p.enterprisePublic : p.buyerPublic) ?? false;
  const [summary, setSummary] = useState(p.publicSummary ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const [setPublic, { loading }] = useMutation(SET_PUBLIC, REFETCH);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const change = async (show: boolean) => {
    setGeneral(null);
    setProblem(null);
    const text = summary.trim();
    if (show) {
      const found = !text ? t('consent.summaryRequired') : [...text].length > MAX_COMMENT ? t('consent.summaryTooLong') : null;
      if (found) {
        setProblem(found);
        fieldRef.current?.focus();
        return;
      }
    }
    const changed = show && text !== (p.publicSummary ?? '').trim();
    try {
      await setPublic({ variables: { input: { partnershipId: p.id, public: show, version: p.version, ...(changed ? { summary: text } : {}) } } });
      onDone(show ? t('consent.given') : t('consent.withdrawn'));
    } catch (error) {
      const problems = problemsOf(error, t('consent.failed'));
      const onField = problems.fields.find((f) => f.path === 'summary');
      if (onField) setProblem(onField.message);
      setGeneral(problems.general ?? (onField ? null : t('consent.failed')));
    }
  };
  return (
    <section aria-labelledby="impact-consent" className="impact-section">
      <Heading level={2} data-size="sm" id="impact-consent">
        {t('consent.title')}
      </Heading>
      <Paragraph>{t('consent.intro')}</Paragraph>
      <ul className="impact-consent">
        <li>{t('consent.ours', { state: ours ? t('consent.yes') : t('consent.no') })}</li>
        <li>{t('consent.theirs', { party: other, state: theirs ? t('consent.yes') : t('consent.no') })}</li>
      </ul>
      {ours && theirs && p.goodExampleHiddenReason ? (
        <Alert data-color="warning">
          <Paragraph>{t('consent.hidden', { reason: p.goodExampleHiddenReason })}</Paragraph>
        </Alert>
      ) : ours && theirs ? (
        <Alert data-color="success">
          <Paragraph>{t('consent.public')}</Paragraph>
        </Alert>
      ) : null}
      {general ? (
        <Alert data-color="danger">
          <Paragraph>{general}</Paragraph>
        </Alert>
      ) : null}
      {ours ? (
        <>
          {p.publicSummary ? <Paragraph className="impact-text">{p.publicSummary}</Paragraph> : null}
          <div className="impact-actions">
            <Button variant="secondary" onClick={() => void change(false)} aria-disabled={loading || undefined}>
              {t('consent.withdraw')}
            </Button>
          </div>
        </>
      ) : (
        <div className="impact-form">
          <Textfield
            multiline
            rows={4}
            id="consent-summary"
            ref={fieldRef}
            label={t('consent.summary')}
            description={t('consent.summaryHint')}
            value={summary}
            onChange={(e) => setSummary(e.target.value)}
            error={problem ?? undefined}
          />
          <div className="impact-actions">
            <Button onClick={() => void change(true)} aria-disabled={loading || undefined}>
              {loading ? <Spinner aria-hidden data-size="xs" /> : null}
              {t('consent.give')}
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}

function End({ partnership: p, party, other }: { partnership: Partnership; party: 'buyer' | 'enterprise'; other: string }) {
  const { t } = useTranslation('impact');
  const [asking, setAsking] = useState<'complete' | 'terminate' | null>(null);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [complete, { loading: completing }] = useMutation(COMPLETE_PARTNERSHIP, REFETCH);
  const [terminate, { loading: terminating }] = useMutation(TERMINATE_PARTNERSHIP, REFETCH);
  const close = () => {
    setAsking(null);
    setText('');
    setProblem(null);
    setFailure(null);
  };
  const act = async () => {
    setFailure(null);
    const value = text.trim();
    const found = asking === 'terminate' && !value ? t('end.reasonRequired') : [...value].length > MAX_COMMENT ? t('end.tooLong') : null;
    setProblem(found);
    if (found) return;
    try {
      if (asking === 'complete') await complete({ variables: { input: { partnershipId: p.id, version: p.version, ...(value ? { note: value } : {}) } } });
      else await terminate({ variables: { input: { partnershipId: p.id, version: p.version, reason: value } } });
      close();
    } catch (error) {
      const problems = problemsOf(error, t('end.failed'));
      const onField = problems.fields.find((f) => f.path === 'reason' || f.path === 'note');
      if (onField) setProblem(onField.message);
      setFailure(problems.general ?? (onField ? null : t('end.failed')));
    }
  };
  return (
    <section aria-labelledby="impact-end" className="impact-section">
      <Heading level={2} data-size="sm" id="impact-end">
        {t('end.title')}
      </Heading>
      <Paragraph>{party === 'buyer' ? t('end.introBuyer') : t('end.introEnterprise')}</Paragraph>
      <div className="impact-actions">
        {party === 'buyer' ? <Button onClick={() => setAsking('complete')}>{t('end.complete')}</Button> : null}
        <Button variant="secondary" data-color="danger" onClick={() => setAsking('terminate')}>
          {t('end.terminate')}
        </Button>
      </div>
      <ConfirmDialog
        open={asking !== null}
        title={asking === 'terminate' ? t('end.terminateTitle') : t('end.completeTitle')}
        confirmLabel={asking === 'terminate' ? t('end.terminateConfirm') : t('end.completeConfirm')}
        cancelLabel={t('end.cancel')}
        closeLabel={t('end.close')}
        onConfirm={() => void act()}
        onClose={close}
        busy={completing || terminating}
        error={failure}
        danger={asking === 'terminate'}
      >
        <Paragraph>{asking === 'terminate' ? t('end.terminateBody', { other }) : t('end.completeBody', { enterprise: p.enterprise.name })}</Paragraph>
        {asking ? (
          <Textfield
            multiline
            rows={3}
            id="end-text"
            label={asking === 'terminate' ? t('end.reason') : t('end.note')}
            description={asking === 'terminate' ? t('end.reasonHint') : t('end.noteHint')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            error={problem ?? undefined}
          />
        ) : null}
      </ConfirmDialog>
    </section>
  );
}

export { PartnershipPage as Component };
