import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Heading, Link as DsLink, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { fieldId, problemsOf } from '../../forms/api-errors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { fieldProblems } from '../../forms/field-problems';
import { resolverOf, type Problems } from '../../forms/resolver';
import { graphql } from '../../gql';
import type { BrokeringNeedQuery } from '../../gql/graphql';
import { formatDateTime, formatKronorRange } from '../../lib/format';
import { usePageTitle } from '../../lib/page';
import { MatchItem } from '../offers/MatchItem';
import { useBrokeringCounties } from './brokering-shared';
import '../accounts/accounts.css';
import '../offers/offers.css';
import './brokering.css';

export const BROKERING_NEED = graphql(`
  query BrokeringNeed($id: ID!) {
    need(id: $id) {
      id
      title
      status
      form
      description
      wantedImpact
      budgetMinSek
      budgetMaxSek
      responseDeadline
      buyer {
        id
        name
        countyCode
      }
      matchStatus {
        state
        computedAt
      }
      matches(first: 20) {
        totalCount
        nodes {
          score
          enterprise {
            id
            name
          }
          components {
            name
            value
            weight
            applicable
          }
          reasons {
            code
            sv
            en
          }
        }
      }
      introductions {
        id
        status
        note
        createdAt
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

export const BROKERING_DIRECTORY = graphql(`
  query BrokeringDirectory($search: String!, $countyCode: String) {
    enterprises(filter: { search: $search, countyCode: $countyCode }, first: 10) {
      totalCount
      nodes {
        organizationId
        organization {
          id
          name
        }
        services
      }
    }
  }
`);

export const INTRODUCE_ENTERPRISE = graphql(`
  mutation BrokeringIntroduce($input: IntroduceEnterpriseInput!) {
    introduceEnterprise(input: $input) {
      introduction {
        id
        version
        status
        note
        createdAt
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

type Need = NonNullable<BrokeringNeedQuery['need']>;
interface Candidate {
  id: string;
  name: string;
  /** The matcher's reasons in the reader's language, offered as a start of the note. */
  reasons: string[];
}

const NOTE_MAX = 2_000;
const FORM = 'introduce';
const FIELDS = ['enterpriseOrganizationId', 'note'] as const;
type Values = { enterpriseOrganizationId: string; note: string };

export function BrokeringNeedPage() {
  const { t } = useTranslation('brokering');
  const { needId = '' } = useParams();
  // Matches and introductions answer FORBIDDEN to anyone but the buyer and its coordinators: the need comes anyway.
  const { data, loading } = useQuery(BROKERING_NEED, { variables: { id: needId }, errorPolicy: 'all' });
  const need = data?.need ?? null;
  usePageTitle(need?.title ?? t('title'));
  const back = (
    <Paragraph>
      <DsLink asChild>
        <Link to="/formedling">{t('need.back')}</Link>
      </DsLink>
    </Paragraph>
  );
  if (!data && loading) {
    return (
      <div className="page brokering-page">
        {back}
        <Spinner aria-label={t('common:state.loading')} />
      </div>
    );
  }
  if (!need) {
    return (
      <div className="page brokering-page">
        {back}
        <Heading level={1} data-size="lg">
          {t('title')}
        </Heading>
        <Alert data-color="warning">
          <Paragraph>{t('need.notFound')}</Paragraph>
        </Alert>
      </div>
    );
  }
  return (
    <div className="page brokering-page">
      {back}
      <NeedWorkspace need={need} />
    </div>
  );
}

function NeedWorkspace({ need }: { need: Need }) {
  const { t, i18n } = useTranslation('brokering');
  const english = i18n.language.startsWith('en');
  const { isCoordinator } = useBrokeringCounties();
  const open = need.status === 'PUBLISHED' && (!need.responseDeadline || new Date(need.responseDeadline).getTime() > Date.now());
  const mayIntroduce = isCoordinator && open;
  const [candidate, setCandidate] = useState<Candidate | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  const openIntroductions = new Set((need.introductions ?? []).filter((i) => i.status === 'PROPOSED' || i.status === 'ACCEPTED').map((i) => i.enterprise.id));
  const budget = formatKronorRange(need.budgetMinSek, need.budgetMaxSek);
  const choose = (next: Candidate) => {
    setDone(null);
    setCandidate(next);
  };

  return (
    <>
      <Heading level={1} data-size="lg">
        {need.title}
      </Heading>
      <section aria-labelledby="brokering-facts">
        <Heading level={2} data-size="md" id="brokering-facts">
          {t('need.facts')}
        </Heading>
        <dl className="accounts-details">
          <dt>{t('need.buyer')}</dt>
          <dd>{need.buyer.name}</dd>
          <dt>{t('need.form')}</dt>
          <dd>{t(`needs:forms.${need.form}`)}</dd>
          <dt>{t('need.budget')}</dt>
          <dd>{budget ?? t('need.budgetUnknown')}</dd>
          <dt>{t('need.deadline')}</dt>
          <dd>{need.responseDeadline ? formatDateTime(need.responseDeadline) : t('need.deadlineNone')}</dd>
          <dt>{t('need.description')}</dt>
          <dd className="brokering-quote-plain">{need.description}</dd>
          {need.wantedImpact ? (
            <>
              <dt>{t('need.wantedImpact')}</dt>
              <dd>{need.wantedImpact}</dd>
            </>
          ) : null}
        </dl>
        {!open ? (
          <Alert data-color="info">
            <Paragraph>{t('need.notOpen')}</Paragraph>
          </Alert>
        ) : null}
      </section>

      {done ? (
        <Alert data-color="success" ref={doneRef} tabIndex={-1}>
          <Paragraph>{done}</Paragraph>
        </Alert>
      ) : null}
      {candidate ? (
        <IntroduceForm
          key={candidate.id}
          need={need}
          candidate={candidate}
          onCancel={() => setCandidate(null)}
          onDone={(name) => {
            setCandidate(null);
            setDone(t('introduce.done', { enterprise: name }));
          }}
        />
      ) : null}

      <section aria-labelledby="buyer-matches" className="brokering-section offers-section">
        <Heading level={2} data-size="md" id="buyer-matches">
          {t('offers:buyer.matches.title')}
        </Heading>
        {need.matches && need.matches.nodes.length > 0 ? (
          <ol className="offers-matches">
            {need.matches.nodes.map((match, index) => (
              <MatchItem
                key={match.enterprise.id}
                match={match}
                rank={index + 1}
                offered={false}
                invitedAt={null}
                onInvite={null}
                action={
                  mayIntroduce ? (
                    openIntroductions.has(match.enterprise.id) ? (
                      <Paragraph data-size="sm" className="offers-hint">
                        {t('need.alreadyOpen')}
                      </Paragraph>
                    ) : (
                      <div className="offers-actions">
                        <Button
                          data-size="sm"
                          variant="secondary"
                          aria-label={t('need.introduceFor', { enterprise: match.enterprise.name })}
                          onClick={() => choose({ id: match.enterprise.id, name: match.enterprise.name, reasons: match.reasons.map((r) => (english ? r.en : r.sv)) })}
                        >
                          {t('need.introduce')}
                        </Button>
                      </div>
                    )
                  ) : (
                    <></>
                  )
                }
              />
            ))}
          </ol>
        ) : (
          <Paragraph>{need.matchStatus?.state === 'PENDING' ? t('offers:buyer.matches.pending') : t('offers:buyer.matches.none')}</Paragraph>
        )}
      </section>

      {mayIntroduce ? <DirectorySearch countyCode={need.buyer.countyCode ?? null} openIds={openIntroductions} onChoose={choose} /> : null}

      <section aria-labelledby="brokering-need-introductions" className="brokering-section">
        <Heading level={2} data-size="md" id="brokering-need-introductions">
          {t('need.introductionsTitle')}
        </Heading>
        {(need.introductions ?? []).length === 0 ? (
          <Paragraph>{t('need.introductionsNone')}</Paragraph>
        ) : (
          <ul className="brokering-list">
            {(need.introductions ?? []).map((introduction) => (
              <li key={introduction.id}>
                <Heading level={3} data-size="xs">
                  {introduction.enterprise.name}
                </Heading>
                <Paragraph data-size="sm">
                  {t(`introductions.status.${introduction.status}`)} · {formatDateTime(introduction.createdAt)}
                  {introduction.coordinator ? ` · ${introduction.coordinator.displayName}` : ''}
                </Paragraph>
                <blockquote className="brokering-quote">
                  <p>{introduction.note}</p>
                </blockquote>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function DirectorySearch({ countyCode, openIds, onChoose }: { countyCode: string | null; openIds: Set<string>; onChoose(candidate: Candidate): void }) {
  const { t } = useTranslation('brokering');
  const [text, setText] = useState('');
  const [searched, setSearched] = useState<string | null>(null);
  const [search, { data, loading, error }] = useLazyQuery(BROKERING_DIRECTORY);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const words = text.trim();
    if (!words) return;
    setSearched(words);
    void search({ variables: { search: words, countyCode } });
  };
  const results = data?.enterprises.nodes ?? [];
  return (
    <section aria-labelledby="brokering-search" className="brokering-section">
      <Heading level={2} data-size="md" id="brokering-search">
        {t('search.title')}
      </Heading>
      <Paragraph>{t('search.intro')}</Paragraph>
      <form role="search" aria-labelledby="brokering-search" onSubmit={submit} className="brokering-search">
        <Textfield id="brokering-search-text" label={t('search.label')} description={t('search.hint')} value={text} onChange={(e) => setText(e.target.value)} />
        <Button type="submit" variant="secondary">
          {t('search.submit')}
        </Button>
      </form>
      <div role="status">
        {loading ? (
          <Spinner aria-label={t('common:state.loading')} />
        ) : error ? (
          <Paragraph>{t('search.failed')}</Paragraph>
        ) : searched !== null && data ? (
          results.length === 0 ? (
            <Paragraph>{t('search.none', { search: searched })}</Paragraph>
          ) : (
            <Paragraph>{t('search.results', { count: data.enterprises.totalCount })}</Paragraph>
          )
        ) : null}
      </div>
      {results.length > 0 ? (
        <ul className="brokering-list">
          {results.map((profile) => (
            <li key={profile.organizationId}>
              <Heading level={3} data-size="xs">
                {profile.organization.name}
              </Heading>
              {profile.services ? <Paragraph data-size="sm">{profile.services}</Paragraph> : null}
              {openIds.has(profile.organizationId) ? (
                <Paragraph data-size="sm" className="offers-hint">
                  {t('need.alreadyOpen')}
                </Paragraph>
              ) : (
                <Button
                  data-size="sm"
                  variant="secondary"
                  aria-label={t('need.introduceFor', { enterprise: profile.organization.name })}
                  onClick={() => onChoose({ id: profile.organizationId, name: profile.organization.name, reasons: [] })}
                >
                  {t('need.introduce')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function IntroduceForm({ need, candidate, onCancel, onDone }: { need: Need; candidate: Candidate; onCancel(): void; onDone(name: string): void }) {
  const { t } = useTranslation('brokering');
  const [introduce] = useMutation(INTRODUCE_ENTERPRISE, { refetchQueries: [BROKERING_NEED] });
  const [general, setGeneral] = useState<string | null>(null);
  const box = useRef<HTMLElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, []);
  const resolver = resolverOf<Values>((values) => {
    const errors: Problems = {};
    const length = [...values.note.trim()].length;
    if (length === 0) errors.note = { type: 'required', message: t('introduce.noteRequired') };
    else if (length > NOTE_MAX) errors.note = { type: 'long', message: t('introduce.noteLong', { count: length }) };
    return errors;
  });
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, submitCount, isSubmitting },
  } = useForm<Values>({ defaultValues: { enterpriseOrganizationId: candidate.id, note: '' }, resolver, shouldFocusError: false });

  const onSubmit = handleSubmit(
    async (values) => {
      setGeneral(null);
      try {
        await introduce({ variables: { input: { needId: need.id, enterpriseOrganizationId: candidate.id, note: values.note.trim() } } });
        onDone(candidate.name);
      } catch (error) {
        const found = problemsOf(error, t('introduce.failed'));
        const left: string[] = [];
        for (const problem of found.fields) {
          if (problem.path === 'note' || problem.path === 'enterpriseOrganizationId') setError(problem.path, { type: 'api', message: problem.message });
          else left.push(problem.message);
        }
        setGeneral([found.general, ...left].filter(Boolean).join(' ') || null);
      }
    },
    () => setGeneral(null),
  );

  const startFromReasons = () => setValue('note', [t('introduce.reasonsStart'), ...candidate.reasons.map((r) => `– ${r}`)].join('\n'), { shouldDirty: true });

  return (
    <section aria-labelledby="brokering-introduce" className="brokering-section brokering-form-box" ref={box} tabIndex={-1}>
      <Heading level={2} data-size="md" id="brokering-introduce">
        {t('introduce.title', { enterprise: candidate.name })}
      </Heading>
      <Paragraph>{t('introduce.intro')}</Paragraph>
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="brokering-form">
        <ErrorSummary attempt={submitCount} form={FORM} problems={fieldProblems(errors, FIELDS)} general={general} />
        <Textfield
          id={fieldId(FORM, 'enterpriseOrganizationId')}
          label={t('introduce.enterprise')}
          description={t('introduce.enterpriseHint')}
          value={candidate.name}
          readOnly
          error={errors.enterpriseOrganizationId?.message}
        />
        <Textfield
          id={fieldId(FORM, 'note')}
          label={t('introduce.note')}
          description={t('introduce.noteHint')}
          multiline
          rows={6}
          error={errors.note?.message}
          {...register('note')}
        />
        {candidate.reasons.length > 0 ? (
          <div>
            <Button type="button" variant="tertiary" data-size="sm" onClick={startFromReasons}>
              {t('introduce.useReasons')}
            </Button>
          </div>
        ) : null}
        <div className="brokering-actions">
          <Button type="submit" aria-disabled={isSubmitting || undefined}>
            {isSubmitting ? <Spinner aria-hidden data-size="xs" /> : null}
            {t('introduce.send')}
          </Button>
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t('introduce.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}

export { BrokeringNeedPage as Component };
