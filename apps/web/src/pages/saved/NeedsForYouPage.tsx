import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Details, Fieldset, Heading, Link as DsLink, Paragraph, Radio, Skeleton, Spinner, Tag, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { useUrlFilters, writeFilters } from '../../components/url-filters';
import { fieldId, problemsOf, type FieldProblem } from '../../forms/api-errors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { graphql } from '../../gql';
import type { NeedsForYouQuery } from '../../gql/graphql';
import { formatKronorRange } from '../../lib/format';
import { usePageTitle } from '../../lib/page';
import { useWideScreen } from '../../lib/screen';
import { useRefetchOnLanguageChange } from '../accounts/shared';
import { ConfirmDialog } from '../offers/ConfirmDialog';
import { RecommendedNeedCard } from '../enterprise/enterprise-shared';
import { ineligibilityFor } from '../offers/eligibility';
import { FilterPanel, NEEDS_FILTERS, NEEDS_PAGE_SEARCH, NeedSummary, TextSearch, needFilterOf, needSortOf } from '../public/NeedsPage';
import { NEEDS_PAGE_NAMES } from '../public/needs-shared';
import { hasFilters, savedFilterOf, urlFiltersOf } from './saved-filters';
import '../accounts/accounts.css';
import '../enterprise/enterprise.css';
import '../offers/offers.css';
import '../public/NeedsPage.css';
import './saved.css';

const RECOMMENDED = 10;
const RESULTS = 10;
const FORM = 'saved-search';

export const NEEDS_FOR_YOU = graphql(`
  query NeedsForYou($organizationId: ID!, $first: Int!) {
    recommendedNeeds(organizationId: $organizationId, first: $first) {
      totalCount
      nodes {
        ...RecommendedNeed
      }
    }
    enterpriseProfile(organizationId: $organizationId) {
      organizationId
      workIntegrating
      farFromLabourMarketShare
      ideburen
    }
    savedSearches(organizationId: $organizationId) {
      id
      name
      minScore
      email
      filter {
        search
        cpvCodes
        sdgs
        municipalityCode
        countyCode
        forms
        budgetFromSek
        budgetToSek
      }
    }
  }
`);

export const CREATE_SAVED_SEARCH = graphql(`
  mutation NeedsForYouCreate($input: CreateSavedSearchInput!) {
    createSavedSearch(input: $input) {
      savedSearch {
        id
        name
      }
    }
  }
`);

export const UPDATE_SAVED_SEARCH = graphql(`
  mutation NeedsForYouUpdate($input: UpdateSavedSearchInput!) {
    updateSavedSearch(input: $input) {
      savedSearch {
        id
        name
        minScore
        email
      }
    }
  }
`);

export const DELETE_SAVED_SEARCH = graphql(`
  mutation NeedsForYouDelete($input: DeleteSavedSearchInput!) {
    deleteSavedSearch(input: $input) {
      savedSearchId
    }
  }
`);

type Data = NeedsForYouQuery;
type Saved = Data['savedSearches'][number];

/**
 * "Behov för er": the needs the matching recommends for the enterprise (score, reasons, whether it may
 * answer), the public needs search with its filters in the address, and the searches it has saved.
 */
export function NeedsForYouPage() {
  const { t } = useTranslation('saved');
  usePageTitle(t('title'));
  const { organization } = useSession();
  return (
    <div className="page saved-page">
      <Heading level={1} data-size="lg">
        {t('title')}
      </Heading>
      <Paragraph>{t('intro')}</Paragraph>
      {!organization ? (
        <Paragraph>{t('noOrganization')}</Paragraph>
      ) : organization.kind !== 'SOCIAL_ENTERPRISE' ? (
        <Alert data-color="info">
          <Paragraph>{t('notEnterprise', { organization: organization.name })}</Paragraph>
        </Alert>
      ) : (
        <ForEnterprise key={organization.id} organizationId={organization.id} />
      )}
    </div>
  );
}

export function ForEnterprise({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation('saved');
  const { data, loading, refetch } = useQuery(NEEDS_FOR_YOU, { variables: { organizationId, first: RECOMMENDED }, errorPolicy: 'all' });
  useRefetchOnLanguageChange(refetch);
  const [editing, setEditing] = useState<Saved | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (!data && loading) return <Skeleton variant="rectangle" height={160} />;
  if (!data) {
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
      <Recommended data={data} />
      <SearchSection
        organizationId={organizationId}
        saved={data.savedSearches}
        editing={editing}
        onEdit={setEditing}
        notice={notice}
        onNotice={setNotice}
        refetch={() => void refetch()}
      />
    </>
  );
}

function Recommended({ data }: { data: Data }) {
  const { t } = useTranslation('saved');
  const matches = data.recommendedNeeds?.nodes ?? [];
  return (
    <section aria-labelledby="saved-recommended" className="accounts-section">
      <Heading level={2} data-size="sm" id="saved-recommended">
        {t('recommended.title')}
      </Heading>
      <Paragraph>{t('recommended.intro')}</Paragraph>
      {matches.length === 0 ? (
        <Paragraph>{t('recommended.none')}</Paragraph>
      ) : (
        <ol className="enterprise-matches">
          {matches.map((match) => {
            const ineligible = ineligibilityFor(match.need.form, data.enterpriseProfile);
            return (
              <li key={match.need.id}>
                <RecommendedNeedCard
                  match={match}
                  idPrefix="saved-match"
                  badges={
                    <div className="saved-badges">
                      <Tag data-size="sm" data-color={ineligible ? 'warning' : 'success'}>
                        {ineligible ? t(`recommended.ineligible.${ineligible.key}`, { min: ineligible.min }) : t('recommended.eligible')}
                      </Tag>
                    </div>
                  }
                />
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

interface SearchProps {
  organizationId: string;
  saved: readonly Saved[];
  editing: Saved | null;
  onEdit(search: Saved | null): void;
  notice: string | null;
  onNotice(text: string | null): void;
  refetch(): void;
}

function SearchSection({ organizationId, saved, editing, onEdit, notice, onNotice, refetch }: SearchProps) {
  const { t } = useTranslation('saved');
  const tn = useTranslation('needs').t;
  const filters = useUrlFilters(NEEDS_FILTERS);
  const { values } = filters;
  const filter = useMemo(() => needFilterOf(values), [values]);
  const sort = needSortOf(values);
  const wide = useWideScreen();
  const chosen = filters.activeCount(['q', 'sortera']);
  const { data, previousData, loading, error } = useQuery(NEEDS_PAGE_SEARCH, { variables: { filter, sort, first: RESULTS } });
  const { data: names } = useQuery(NEEDS_PAGE_NAMES, { fetchPolicy: 'cache-first' });
  const shown = data ?? previousData;
  const panel = <FilterPanel values={values} set={filters.set} reset={() => filters.reset(['q', 'sortera'])} chosenCount={chosen} />;
  const address = writeFilters(NEEDS_FILTERS, values).toString();

  return (
    <>
      <section aria-labelledby="saved-search-title" className="accounts-section">
        <Heading level={2} data-size="sm" id="saved-search-title">
          {t('search.title')}
        </Heading>
        <div className="needs-layout">
          <div role="search" aria-label={tn('search.landmark')} className="needs-filters">
            <TextSearch key={values.q} value={values.q} onSearch={(q) => filters.set({ q })} />
            {wide ? (
              <div className="needs-filter-panel">{panel}</div>
            ) : (
              <Details className="needs-filter-disclosure">
                <Details.Summary>{chosen > 0 ? tn('search.filtersChosen', { count: chosen }) : tn('search.filters')}</Details.Summary>
                <Details.Content>{panel}</Details.Content>
              </Details>
            )}
          </div>
          <div className="needs-results">
            <div aria-live="polite" aria-atomic="true">
              <Heading level={3} data-size="xs">
                {shown ? t('search.count', { count: shown.needs.totalCount }) : t('search.searching')}
              </Heading>
            </div>
            {error && !loading ? (
              <Alert data-color="danger">
                <Paragraph>{t('search.error')}</Paragraph>
              </Alert>
            ) : null}
            {!shown && loading ? <Spinner aria-label={t('search.searching')} /> : null}
            {shown && shown.needs.nodes.length > 0 ? (
              <ol className="needs-list saved-results">
                {shown.needs.nodes.map((need) => (
                  <li key={need.id}>
                    <NeedSummary need={need} names={names} />
                  </li>
                ))}
              </ol>
            ) : null}
            {shown && shown.needs.totalCount > shown.needs.nodes.length ? (
              <Paragraph>
                <DsLink asChild>
                  <Link to={`/behov${address ? `?${address}` : ''}`}>{t('search.allResults')}</Link>
                </DsLink>
              </Paragraph>
            ) : null}
          </div>
        </div>
      </section>

      <SaveForm
        key={editing?.id ?? 'new'}
        organizationId={organizationId}
        values={values}
        editing={editing}
        onDone={(text) => {
          onEdit(null);
          onNotice(text);
          refetch();
        }}
        onCancel={() => onEdit(null)}
      />

      <SavedList
        organizationId={organizationId}
        saved={saved}
        notice={notice}
        onOpen={(search) => filters.set(urlFiltersOf(search.filter))}
        onEdit={(search) => {
          onNotice(null);
          filters.set(urlFiltersOf(search.filter));
          onEdit(search);
        }}
        onDeleted={(text) => {
          onNotice(text);
          refetch();
        }}
      />
    </>
  );
}

interface SaveFormProps {
  organizationId: string;
  values: Parameters<typeof savedFilterOf>[0];
  editing: Saved | null;
  onDone(notice: string): void;
  onCancel(): void;
}

function SaveForm({ organizationId, values, editing, onDone, onCancel }: SaveFormProps) {
  const { t } = useTranslation('saved');
  const [name, setName] = useState(editing?.name ?? '');
  const [minScore, setMinScore] = useState(String(editing?.minScore ?? 60));
  const [email, setEmail] = useState(editing?.email ?? true);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [create, created] = useMutation(CREATE_SAVED_SEARCH);
  const [update, updated] = useMutation(UPDATE_SAVED_SEARCH);
  const heading = useRef<HTMLHeadingElement>(null);
  const filter = savedFilterOf(values);

  useEffect(() => {
    if (editing) heading.current?.focus();
  }, [editing]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const own: FieldProblem[] = [];
    const trimmed = name.trim();
    if (!trimmed) own.push({ path: 'name', message: t('save.nameRequired') });
    else if ([...trimmed].length > 100) own.push({ path: 'name', message: t('save.nameTooLong') });
    const score = /^\s*\d{1,3}\s*$/.test(minScore) ? Number(minScore) : NaN;
    if (!(score >= 0 && score <= 100)) own.push({ path: 'minScore', message: t('save.minScoreRange') });
    setAttempt((n) => n + 1);
    setProblems(own);
    setGeneral(null);
    if (own.length > 0) return;
    try {
      if (editing) {
        await update({ variables: { input: { organizationId, savedSearchId: editing.id, name: trimmed, minScore: score, email, filter } } });
        onDone(t('save.updated', { name: trimmed }));
      } else {
        await create({ variables: { input: { organizationId, name: trimmed, minScore: score, email, filter } } });
        setName('');
        onDone(t('save.saved', { name: trimmed }));
      }
    } catch (failure) {
      const api = problemsOf(failure, t('save.failed'));
      setProblems(api.fields.filter((f) => f.path === 'name' || f.path === 'minScore'));
      const others = api.fields.filter((f) => f.path !== 'name' && f.path !== 'minScore').map((f) => f.message);
      setGeneral([api.general, ...others].filter(Boolean).join(' ') || null);
    }
  }

  const problemOf = (path: string) => problems.find((p) => p.path === path)?.message;
  const busy = created.loading || updated.loading;
  return (
    <section aria-labelledby="saved-save-title" className="accounts-section saved-form">
      <Heading level={2} data-size="sm" id="saved-save-title" ref={heading} tabIndex={-1}>
        {editing ? t('save.editTitle', { name: editing.name }) : t('save.title')}
      </Heading>
      <Paragraph>{t('save.intro')}</Paragraph>
      {!hasFilters(filter) ? <Paragraph data-size="sm">{t('save.noFilters')}</Paragraph> : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary attempt={attempt} form={FORM} problems={problems} general={general} />
        <Textfield
          id={fieldId(FORM, 'name')}
          label={t('save.name')}
          description={t('save.nameHint')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={problemOf('name')}
          maxLength={200}
        />
        <Textfield
          id={fieldId(FORM, 'minScore')}
          label={t('save.minScore')}
          description={t('save.minScoreHint')}
          inputMode="numeric"
          value={minScore}
          onChange={(e) => setMinScore(e.target.value)}
          error={problemOf('minScore')}
          className="saved-score-field"
        />
        <Fieldset>
          <Fieldset.Legend>{t('save.notify')}</Fieldset.Legend>
          <Radio id={fieldId(FORM, 'email-yes')} name={`${FORM}-email`} value="email" label={t('save.notifyEmail')} checked={email} onChange={() => setEmail(true)} />
          <Radio id={fieldId(FORM, 'email-no')} name={`${FORM}-email`} value="inbox" label={t('save.notifyInbox')} checked={!email} onChange={() => setEmail(false)} />
        </Fieldset>
        <div className="saved-actions">
          <Button type="submit" aria-disabled={busy || undefined}>
            {editing ? t('save.submitEdit') : t('save.submit')}
          </Button>
          {editing ? (
            <Button type="button" variant="secondary" onClick={onCancel}>
              {t('save.cancelEdit')}
            </Button>
          ) : null}
        </div>
      </form>
    </section>
  );
}

interface ListProps {
  organizationId: string;
  saved: readonly Saved[];
  notice: string | null;
  onOpen(search: Saved): void;
  onEdit(search: Saved): void;
  onDeleted(notice: string): void;
}

function SavedList({ organizationId, saved, notice, onOpen, onEdit, onDeleted }: ListProps) {
  const { t } = useTranslation('saved');
  const [removing, setRemoving] = useState<Saved | null>(null);
  const [remove, removal] = useMutation(DELETE_SAVED_SEARCH);
  const [failure, setFailure] = useState<string | null>(null);

  async function confirm() {
    if (!removing) return;
    try {
      await remove({ variables: { input: { organizationId, savedSearchId: removing.id } } });
      const name = removing.name;
      setRemoving(null);
      onDeleted(t('save.deleted', { name }));
    } catch (error) {
      setFailure(problemsOf(error, t('list.deleteFailed')).general ?? t('list.deleteFailed'));
    }
  }

  return (
    <section aria-labelledby="saved-list-title" className="accounts-section">
      <Heading level={2} data-size="sm" id="saved-list-title">
        {t('list.title')}
      </Heading>
      <div aria-live="polite">{notice ? <Alert data-color="success">{notice}</Alert> : null}</div>
      {saved.length === 0 ? (
        <Paragraph>{t('list.none')}</Paragraph>
      ) : (
        <ul className="saved-list">
          {saved.map((search) => (
            <li key={search.id} className="saved-item">
              <Heading level={3} data-size="xs">
                {search.name}
              </Heading>
              <Paragraph data-size="sm" className="accounts-meta">
                {t('list.minScore', { score: search.minScore })} · {search.email ? t('list.byEmail') : t('list.inboxOnly')}
              </Paragraph>
              <Paragraph data-size="sm">
                {t('list.filters')}: <FilterSummary filter={search.filter} />
              </Paragraph>
              <div className="saved-actions">
                <Button variant="secondary" data-size="sm" onClick={() => onOpen(search)} aria-label={t('list.openLabel', { name: search.name })}>
                  {t('list.open')}
                </Button>
                <Button variant="secondary" data-size="sm" onClick={() => onEdit(search)} aria-label={t('list.editLabel', { name: search.name })}>
                  {t('list.edit')}
                </Button>
                <Button
                  variant="tertiary"
                  data-size="sm"
                  data-color="danger"
                  onClick={() => {
                    setFailure(null);
                    setRemoving(search);
                  }}
                  aria-label={t('list.deleteLabel', { name: search.name })}
                >
                  {t('list.delete')}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={t('list.confirmTitle', { name: removing?.name ?? '' })}
        confirmLabel={t('list.confirm')}
        cancelLabel={t('list.cancel')}
        closeLabel={t('list.close')}
        onConfirm={() => void confirm()}
        onClose={() => setRemoving(null)}
        busy={removal.loading}
        error={failure}
        danger
      >
        <Paragraph>{t('list.confirmBody')}</Paragraph>
      </ConfirmDialog>
    </section>
  );
}

function FilterSummary({ filter }: { filter: Saved['filter'] }) {
  const { t } = useTranslation('saved');
  const parts: string[] = [];
  if (filter.search) parts.push(t('summary.search', { value: filter.search }));
  if (filter.municipalityCode || filter.countyCode) parts.push(t('summary.place', { value: filter.municipalityCode ?? filter.countyCode }));
  if (filter.cpvCodes.length) parts.push(t('summary.cpv', { count: filter.cpvCodes.length }));
  if (filter.forms.length) parts.push(t('summary.forms', { count: filter.forms.length }));
  if (filter.sdgs.length) parts.push(t('summary.sdgs', { count: filter.sdgs.length }));
  const budget = formatKronorRange(filter.budgetFromSek ?? null, filter.budgetToSek ?? null);
  if (budget) parts.push(`${t('summary.budget')} ${budget}`);
  return <>{parts.length ? parts.join(' · ') : t('list.allNeeds')}</>;
}

export { NeedsForYouPage as Component };
