import { Alert, Button, Fieldset, Heading, Link as DsLink, Paragraph, Radio, Spinner, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { fieldId, problemsOf } from '../../forms/api-errors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { fieldProblems } from '../../forms/field-problems';
import { graphql } from '../../gql';
import type { IntroductionsPageQuery } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/page';
import { resolverOf, type Problems } from '../../forms/resolver';
import '../accounts/accounts.css';
import './enterprise.css';

export const INTRODUCTIONS_PAGE = graphql(`
  query IntroductionsPage($organizationId: ID!) {
    organization(id: $organizationId) {
      id
      introductions(first: 100) {
        totalCount
        nodes {
          id
          version
          status
          createdAt
          respondedAt
          note
          responseNote
          coordinator {
            id
            displayName
          }
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
    }
  }
`);

export const RESPOND_TO_INTRODUCTION = graphql(`
  mutation IntroductionsPageRespond($input: RespondToIntroductionInput!) {
    respondToIntroduction(input: $input) {
      introduction {
        id
        version
        status
        respondedAt
        responseNote
      }
    }
  }
`);

type Introduction = NonNullable<NonNullable<IntroductionsPageQuery['organization']>['introductions']>['nodes'][number];

const NOTE_MAX = 2_000;
const FIELDS = ['answer', 'note'] as const;
export type AnswerValues = { answer: 'accept' | 'decline' | ''; note: string };

interface Answered {
  accepted: boolean;
  title: string;
  needId: string | null;
}

export function AnswerForm({ introduction, onAnswered }: { introduction: Introduction; onAnswered: (answer: Answered) => void }) {
  const { t } = useTranslation('enterprise');
  const form = `introduction-${introduction.id}`;
  const [respond] = useMutation(RESPOND_TO_INTRODUCTION);
  const [general, setGeneral] = useState<string | null>(null);
  const resolver = resolverOf<AnswerValues>((values) => {
    const errors: Problems = {};
    if (!values.answer) errors.answer = { type: 'required', message: t('introductions.answerRequired') };
    const length = [...values.note.trim()].length;
    if (length > NOTE_MAX) errors.note = { type: 'long', message: t('introductions.noteLong', { count: length }) };
    else if (values.answer === 'decline' && length === 0) errors.note = { type: 'required', message: t('introductions.declineNoteRequired') };
    return errors;
  });
  const {
    register,
    control,
    handleSubmit,
    setError,
    watch,
    formState: { errors, submitCount, isSubmitting },
  } = useForm<AnswerValues>({ defaultValues: { answer: '', note: '' }, resolver, shouldFocusError: false });
  const answer = watch('answer');

  const onSubmit = handleSubmit(
    async (values) => {
      setGeneral(null);
      try {
        const note = values.note.trim();
        const { data } = await respond({
          variables: { input: { introductionId: introduction.id, version: introduction.version, accept: values.answer === 'accept', note: note || null } },
        });
        if (!data) throw new Error('no answer');
        onAnswered({ accepted: values.answer === 'accept', title: introduction.need?.title ?? '', needId: introduction.need?.id ?? null });
      } catch (error) {
        const found = problemsOf(error, t('introductions.failed'));
        const left: string[] = [];
        for (const problem of found.fields) {
          if (problem.path === 'note') setError('note', { type: 'api', message: problem.message });
          else left.push(problem.message);
        }
        setGeneral([found.general, ...left].filter(Boolean).join(' ') || null);
      }
    },
    () => setGeneral(null),
  );

  // The summary links to the first choice of the answer.
  const problems = fieldProblems(errors, FIELDS).map((p) => (p.path === 'answer' ? { ...p, path: 'answer-accept' } : p));

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="accounts-form">
      <ErrorSummary attempt={submitCount} form={form} problems={problems} general={general} />
      <Controller
        control={control}
        name="answer"
        render={({ field }) => (
          <Fieldset aria-invalid={errors.answer ? true : undefined}>
            <Fieldset.Legend>{t('introductions.answerLegend')}</Fieldset.Legend>
            <Fieldset.Description>{t('introductions.answerHint')}</Fieldset.Description>
            <Radio
              id={fieldId(form, 'answer-accept')}
              name={`${form}-answer`}
              value="accept"
              checked={field.value === 'accept'}
              onChange={() => field.onChange('accept')}
              onBlur={field.onBlur}
              label={t('introductions.accept')}
            />
            <Radio
              id={fieldId(form, 'answer-decline')}
              name={`${form}-answer`}
              value="decline"
              checked={field.value === 'decline'}
              onChange={() => field.onChange('decline')}
              onBlur={field.onBlur}
              label={t('introductions.decline')}
            />
            {errors.answer?.message ? <ValidationMessage>{errors.answer.message}</ValidationMessage> : null}
          </Fieldset>
        )}
      />
      {answer ? (
        <Textfield
          id={fieldId(form, 'note')}
          label={answer === 'decline' ? t('introductions.declineNote') : t('introductions.acceptNote')}
          description={answer === 'decline' ? t('introductions.declineNoteHint') : t('introductions.acceptNoteHint')}
          multiline
          rows={4}
          error={errors.note?.message}
          {...register('note')}
        />
      ) : null}
      <div className="accounts-actions">
        <Button type="submit" aria-disabled={isSubmitting || undefined}>
          {isSubmitting ? <Spinner aria-hidden data-size="xs" /> : null}
          {t('introductions.send')}
        </Button>
      </div>
    </form>
  );
}

function Facts({ introduction }: { introduction: Introduction }) {
  const { t } = useTranslation('enterprise');
  return (
    <dl className="accounts-details">
      <dt>{t('introductions.buyer')}</dt>
      <dd>{introduction.need?.buyer.name ?? '–'}</dd>
      <dt>{t('introductions.from')}</dt>
      <dd>{introduction.coordinator?.displayName ?? t('introductions.coordinatorUnknown')}</dd>
      <dt>{t('introductions.received')}</dt>
      <dd>{formatDateTime(introduction.createdAt)}</dd>
      {introduction.need?.responseDeadline ? (
        <>
          <dt>{t('introductions.deadline')}</dt>
          <dd>{formatDateTime(introduction.need.responseDeadline)}</dd>
        </>
      ) : null}
    </dl>
  );
}

function NeedTitle({ introduction, level }: { introduction: Introduction; level: 2 | 3 }) {
  const { t } = useTranslation('enterprise');
  const id = `introduction-${introduction.id}-title`;
  return (
    <Heading level={level} data-size="xs" id={id}>
      {introduction.need ? (
        <DsLink asChild>
          <Link to={`/behov/${encodeURIComponent(introduction.need.id)}`}>{introduction.need.title}</Link>
        </DsLink>
      ) : (
        t('introductions.needGone')
      )}
    </Heading>
  );
}

export function Component() {
  const { t } = useTranslation('enterprise');
  const { organization } = useSession();
  usePageTitle(t('introductions.title'));
  const isEnterprise = organization?.kind === 'SOCIAL_ENTERPRISE';
  return (
    <div className="page enterprise-page">
      <Heading level={1} data-size="lg">
        {t('introductions.title')}
      </Heading>
      <Paragraph>{t('introductions.intro')}</Paragraph>
      {!organization ? (
        <Paragraph>{t('profile.noOrganization')}</Paragraph>
      ) : !isEnterprise ? (
        <Alert data-color="info">
          <Paragraph>{t('introductions.notEnterpriseBody', { organization: organization.name })}</Paragraph>
        </Alert>
      ) : (
        <IntroductionList key={organization.id} organizationId={organization.id} />
      )}
    </div>
  );
}

function IntroductionList({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation('enterprise');
  const { data, loading, refetch } = useQuery(INTRODUCTIONS_PAGE, { variables: { organizationId } });
  const [answered, setAnswered] = useState<Answered | null>(null);
  const confirmation = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (answered) confirmation.current?.focus();
  }, [answered]);

  if (!data && loading) return <Spinner aria-label={t('common:state.loading')} />;
  const introductions = data?.organization?.introductions?.nodes;
  if (!introductions) {
    return (
      <Alert data-color="danger">
        <Paragraph>{t('introductions.loadError')}</Paragraph>
        <Button variant="secondary" data-size="sm" onClick={() => void refetch()}>
          {t('introductions.retry')}
        </Button>
      </Alert>
    );
  }
  const waiting = introductions.filter((i) => i.status === 'PROPOSED');
  const done = introductions.filter((i) => i.status !== 'PROPOSED');

  return (
    <>
      {answered ? (
        <Alert data-color="success" ref={confirmation} tabIndex={-1}>
          <Paragraph>{t(answered.accepted ? 'introductions.accepted' : 'introductions.declined', { title: answered.title })}</Paragraph>
          {answered.accepted && answered.needId ? (
            <Paragraph>
              <DsLink asChild>
                <Link to={`/behov/${encodeURIComponent(answered.needId)}`}>{t('introductions.toNeed')}</Link>
              </DsLink>
            </Paragraph>
          ) : null}
        </Alert>
      ) : null}

      <section aria-labelledby="introductions-waiting" className="accounts-section">
        <Heading level={2} data-size="md" id="introductions-waiting">
          {t('introductions.waitingTitle')}
        </Heading>
        {waiting.length === 0 ? (
          <Paragraph>{t('introductions.waitingNone')}</Paragraph>
        ) : (
          <ul className="enterprise-introductions">
            {waiting.map((introduction) => (
              <li key={introduction.id} className="enterprise-introduction">
                <article aria-labelledby={`introduction-${introduction.id}-title`}>
                  <NeedTitle introduction={introduction} level={3} />
                  <Facts introduction={introduction} />
                  <Heading level={4} data-size="2xs">
                    {t('introductions.note')}
                  </Heading>
                  <blockquote className="enterprise-quote">
                    <p>{introduction.note}</p>
                  </blockquote>
                  <AnswerForm introduction={introduction} onAnswered={setAnswered} />
                </article>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="introductions-answered" className="accounts-section">
        <Heading level={2} data-size="md" id="introductions-answered">
          {t('introductions.answeredTitle')}
        </Heading>
        {done.length === 0 ? (
          <Paragraph>{t('introductions.answeredNone')}</Paragraph>
        ) : (
          <ul className="enterprise-introductions">
            {done.map((introduction) => (
              <li key={introduction.id} className="enterprise-introduction">
                <article aria-labelledby={`introduction-${introduction.id}-title`}>
                  <NeedTitle introduction={introduction} level={3} />
                  <Tag data-color={introduction.status === 'ACCEPTED' ? 'success' : 'neutral'}>{t(`introductions.status.${introduction.status}`)}</Tag>
                  <Facts introduction={introduction} />
                  {introduction.status === 'ACCEPTED' || introduction.status === 'DECLINED' ? (
                    <>
                      <Heading level={4} data-size="2xs">
                        {t('introductions.yourAnswer')}
                        {introduction.respondedAt ? (
                          <span className="accounts-meta"> – {t('introductions.answeredOn', { date: formatDateTime(introduction.respondedAt) })}</span>
                        ) : null}
                      </Heading>
                      {introduction.responseNote ? (
                        <blockquote className="enterprise-quote">
                          <p>{introduction.responseNote}</p>
                        </blockquote>
                      ) : (
                        <Paragraph data-size="sm">{t('introductions.noResponseNote')}</Paragraph>
                      )}
                    </>
                  ) : null}
                </article>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
