import { useQuery } from '@apollo/client/react';
import { Alert, Button, Details, Field, Heading, Label, Paragraph, Select, Spinner, Table, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUrlFilters, type FilterValues } from '../../components/url-filters';
import { fieldId, problemsOf } from '../../forms/api-errors';
import type { AdminAuditQuery, AuditFilterInput } from '../../gql/graphql';
import { formatDateTime, formatNumber } from '../../lib/format';
import { ADMIN_AUDIT, ADMIN_AUDIT_ACTORS } from './admin-queries';
import { AdminPage } from './admin-shared';

const PAGE_SIZE = 25;
const FORM = 'audit';
/** The trail's filters in the address: /admin/granskning?vad=user.platformRoleSet&fran=2026-12-01&till=2026-12-07 */
export const AUDIT_FILTERS = { vem: 'text', vad: 'text', typ: 'text', post: 'text', fran: 'text', till: 'text' } as const;
type Filters = FilterValues<typeof AUDIT_FILTERS>;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

type AuditEvent = AdminAuditQuery['auditEvents']['nodes'][number];

export function auditFilter(v: Filters): AuditFilterInput {
  const filter: AuditFilterInput = {};
  if (v.vem) filter.actorUserId = v.vem;
  if (v.vad) filter.action = v.vad;
  if (v.typ) filter.entityType = v.typ;
  if (v.post) filter.entityId = v.post;
  if (DAY.test(v.fran)) filter.from = v.fran;
  if (DAY.test(v.till)) filter.to = v.till;
  return filter;
}

/** The form's own check of the days, before the API's: the format, and not backwards. */
export function dayProblems(v: Pick<Filters, 'fran' | 'till'>, t: (key: string) => string): Partial<Record<'fran' | 'till', string>> {
  const problems: Partial<Record<'fran' | 'till', string>> = {};
  if (v.fran && !DAY.test(v.fran)) problems.fran = t('audit.dateFormat');
  if (v.till && !DAY.test(v.till)) problems.till = t('audit.dateFormat');
  if (!problems.fran && !problems.till && v.fran && v.till && v.till < v.fran) problems.till = t('audit.toBeforeFrom');
  return problems;
}

/** The audit trail, newest first, filtered by who, what and when; each event's details in a disclosure. */
export function AuditPage() {
  const { t } = useTranslation('admin');
  return (
    <AdminPage title={t('audit.title')}>
      <Paragraph>{t('audit.lead')}</Paragraph>
      <Trail />
    </AdminPage>
  );
}

function Trail() {
  const { t } = useTranslation('admin');
  const { values, set, reset, activeCount } = useUrlFilters(AUDIT_FILTERS);
  const problems = dayProblems(values, t);
  const valid = Object.keys(problems).length === 0;
  const { data, previousData, loading, error, fetchMore } = useQuery(ADMIN_AUDIT, {
    variables: { filter: auditFilter(values), first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
    skip: !valid,
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const result = (data ?? previousData)?.auditEvents;
  const searching = loading && !loadingMore;
  const apiProblem = error ? problemsOf(error, t('audit.error')) : null;

  const actorIds = useMemo(() => [...new Set((result?.nodes ?? []).map((e) => e.actorUserId).filter((id): id is string => !!id))], [result]);
  const actors = useQuery(ADMIN_AUDIT_ACTORS, { variables: { ids: actorIds }, skip: actorIds.length === 0 });
  const names = new Map((actors.data?.nodes ?? []).flatMap((n) => (n && 'displayName' in n ? [[n.id, n.displayName] as const] : [])));

  const loadMore = async () => {
    if (!result?.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after: result.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          ...fetchMoreResult,
          auditEvents: { ...fetchMoreResult.auditEvents, nodes: [...previous.auditEvents.nodes, ...fetchMoreResult.auditEvents.nodes] },
        }),
      });
    } finally {
      setLoadingMore(false);
    }
  };

  const countText = !valid
    ? ''
    : searching
      ? t('audit.loading')
      : result
        ? result.totalCount === 0
          ? t('audit.countNone')
          : t('audit.count', { count: result.totalCount, formatted: formatNumber(result.totalCount) })
        : '';

  return (
    <>
      <FilterForm
        values={values}
        problems={{ ...problems, ...apiFieldProblems(apiProblem?.fields ?? []) }}
        onApply={(next) => set(next)}
        onClear={activeCount() > 0 ? () => reset() : undefined}
        actorName={values.vem ? (names.get(values.vem) ?? null) : null}
      />
      <p role="status" aria-live="polite" aria-atomic="true">
        {countText}
      </p>
      {apiProblem && !apiProblem.fields.length && !result ? (
        <Alert data-color="danger">
          <Paragraph>{apiProblem.general}</Paragraph>
        </Alert>
      ) : !valid ? null : !result ? (
        error ? null : (
          <Spinner aria-label={t('common:state.loading')} />
        )
      ) : result.totalCount === 0 ? (
        <Paragraph>{t('audit.empty')}</Paragraph>
      ) : (
        <>
          <div className="admin-table-wrap" role="region" aria-label={t('audit.tableRegion')} tabIndex={0}>
            <Table className="admin-table" aria-busy={searching}>
              <caption className="visually-hidden">{t('audit.tableCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('audit.when')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('audit.who')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('audit.what')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('audit.entity')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('audit.details')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {result.nodes.map((event) => (
                  <EventRow key={event.id} event={event} name={event.actorUserId ? (names.get(event.actorUserId) ?? null) : null} onActor={(id) => set({ vem: id })} />
                ))}
              </Table.Body>
            </Table>
          </div>
          {result.pageInfo.hasNextPage ? (
            <div>
              <Button variant="secondary" onClick={() => void loadMore()} loading={loadingMore} disabled={loadingMore}>
                {t('audit.more')}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </>
  );
}

/** The API names the filter's fields `filter.to`, `filter.from`; the form names them by their address. */
function apiFieldProblems(fields: { path: string; message: string }[]): Partial<Record<keyof Filters, string>> {
  const byPath: Record<string, keyof Filters> = { 'filter.from': 'fran', 'filter.to': 'till', 'filter.actorUserId': 'vem' };
  const found: Partial<Record<keyof Filters, string>> = {};
  for (const f of fields) if (byPath[f.path]) found[byPath[f.path]] ??= f.message;
  return found;
}

function EventRow({ event, name, onActor }: { event: AuditEvent; name: string | null; onActor(id: string): void }) {
  const { t } = useTranslation('admin');
  const labels = t('audit.actions', { returnObjects: true }) as Record<string, string>;
  const label = labels[event.action];
  const who = event.actorUserId ? (name ?? t('audit.unknownPerson')) : t(`audit.actorKind_${event.actorKind}`);
  let details = event.data;
  try {
    details = JSON.stringify(JSON.parse(event.data), null, 2);
  } catch {
    // Shown as it came.
  }
  return (
    <Table.Row>
      <Table.Cell className="admin-nowrap">{formatDateTime(event.occurredAt)}</Table.Cell>
      <Table.Cell>
        {event.actorUserId ? (
          <Button variant="tertiary" data-size="sm" onClick={() => onActor(event.actorUserId!)} aria-label={t('audit.onlyThisActor', { name: who })}>
            {who}
          </Button>
        ) : (
          who
        )}
      </Table.Cell>
      <Table.Cell>
        {label ?? event.action}
        {label ? (
          <>
            <br />
            <code>{event.action}</code>
          </>
        ) : null}
      </Table.Cell>
      <Table.Cell>
        {event.entityType}
        <br />
        <code className="admin-json">{event.entityId}</code>
      </Table.Cell>
      <Table.Cell>
        {details && details !== '{}' ? (
          <Details>
            <Details.Summary>{t('audit.detailsSummary')}</Details.Summary>
            <Details.Content>
              <pre className="admin-json">{details}</pre>
            </Details.Content>
          </Details>
        ) : null}
      </Table.Cell>
    </Table.Row>
  );
}

interface FilterFormProps {
  values: Filters;
  problems: Partial<Record<keyof Filters, string>>;
  onApply(values: Filters): void;
  onClear?: () => void;
  actorName: string | null;
}

/** The filters, applied together on send (a date half typed does not ask the API). */
function FilterForm({ values, problems, onApply, onClear, actorName }: FilterFormProps) {
  const { t } = useTranslation('admin');
  const [draft, setDraft] = useState(values);
  useEffect(() => setDraft(values), [values]);
  const labels = t('audit.actions', { returnObjects: true }) as Record<string, string>;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...draft, vem: draft.vem.trim(), typ: draft.typ.trim(), post: draft.post.trim(), fran: draft.fran.trim(), till: draft.till.trim() });
  };
  const text = (name: 'vem' | 'typ' | 'post' | 'fran' | 'till', label: string, hint: string, extra: Record<string, unknown> = {}) => (
    <Textfield
      id={fieldId(FORM, name)}
      label={label}
      description={hint}
      value={draft[name]}
      onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
      error={problems[name]}
      autoComplete="off"
      {...extra}
    />
  );
  return (
    <form onSubmit={submit} noValidate aria-labelledby="audit-filters-heading" className="admin-form admin-filter-form">
      <Heading level={2} data-size="xs" id="audit-filters-heading">
        {t('audit.filters')}
      </Heading>
      <div className="admin-filters">
        <Field>
          <Label htmlFor={fieldId(FORM, 'vad')}>{t('audit.action')}</Label>
          <Field.Description>{t('audit.actionHint')}</Field.Description>
          <Select id={fieldId(FORM, 'vad')} value={draft.vad} onChange={(e) => setDraft({ ...draft, vad: e.target.value })}>
            <Select.Option value="">{t('audit.actionAll')}</Select.Option>
            {draft.vad && !labels[draft.vad] ? <Select.Option value={draft.vad}>{draft.vad}</Select.Option> : null}
            {Object.entries(labels)
              .sort(([, a], [, b]) => a.localeCompare(b))
              .map(([action, label]) => (
                <Select.Option key={action} value={action}>
                  {label}
                </Select.Option>
              ))}
          </Select>
        </Field>
        {text('vem', t('audit.actor'), actorName ? `${t('audit.actorHint')} (${actorName})` : t('audit.actorHint'), { spellCheck: false })}
        {text('typ', t('audit.entityType'), t('audit.entityTypeHint'), { spellCheck: false })}
        {text('post', t('audit.entityId'), t('audit.entityIdHint'), { spellCheck: false })}
        {text('fran', t('audit.from'), t('audit.fromHint'), { type: 'date' })}
        {text('till', t('audit.to'), t('audit.toHint'), { type: 'date' })}
      </div>
      <div className="admin-actions">
        <Button type="submit">{t('audit.apply')}</Button>
        {onClear ? (
          <Button type="button" variant="tertiary" onClick={onClear}>
            {t('audit.clear')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

export { AuditPage as Component };
