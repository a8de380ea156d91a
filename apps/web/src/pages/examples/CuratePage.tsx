import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Checkbox, Heading, Link as DsLink, Paragraph, Spinner, Tag, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { fieldId, problemsOf } from '../../forms/api-errors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { fieldProblems } from '../../forms/field-problems';
import { resolverOf, type Problems } from '../../forms/resolver';
import type { CuratedExampleFragment } from '../../gql/graphql';
import { formatNumber } from '../../lib/format';
import { usePageTitle } from '../../lib/page';
import { CuratorNote, useFigure } from '../public/GoodExamplesPage';
import '../public/public.css';
import '../public/GoodExamplesPage.css';
import { CURATE, CURATE_LIST } from './curate-queries';

const PAGE_SIZE = 20;
const NOTE_MAX = 600;
const FIELDS = ['noteSv', 'noteEn', 'featured', 'hidden', 'hiddenReason'] as const;
type Values = { noteSv: string; noteEn: string; featured: boolean; hidden: boolean; hiddenReason: string };

/**
 * The region's coordinator curates its part of the library of good examples: what each shows, which are
 * featured (first in the library) and which are hidden (with a reason the parties see). Administrators
 * curate every county's.
 */
export function CuratePage() {
  const { t } = useTranslation('examples');
  const { me } = useSession();
  usePageTitle(t('curate.title'));
  if (!me) return <Spinner aria-label={t('common:state.loading')} />;
  return (
    <div className="page examples-page">
      <Heading level={1} data-size="lg">
        {t('curate.title')}
      </Heading>
      <Paragraph className="examples-lead">{t('curate.lead')}</Paragraph>
      <Paragraph>
        <DsLink asChild>
          <Link to="/goda-exempel">{t('curate.publicLink')}</Link>
        </DsLink>
      </Paragraph>
      <Examples />
    </div>
  );
}

function Examples() {
  const { t } = useTranslation('examples');
  const { data, loading, error, fetchMore } = useQuery(CURATE_LIST, { variables: { first: PAGE_SIZE }, fetchPolicy: 'cache-and-network' });
  const [saved, setSaved] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const result = data?.goodExamplesToCurate;
  if (!result && loading) return <Spinner aria-label={t('curate.loading')} />;
  if (!result) {
    return error ? (
      <Alert data-color="danger">
        <Paragraph>{t('curate.error')}</Paragraph>
      </Alert>
    ) : null;
  }
  const loadMore = async () => {
    if (!result.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after: result.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          ...fetchMoreResult,
          goodExamplesToCurate: { ...fetchMoreResult.goodExamplesToCurate, nodes: [...previous.goodExamplesToCurate.nodes, ...fetchMoreResult.goodExamplesToCurate.nodes] },
        }),
      });
    } finally {
      setLoadingMore(false);
    }
  };
  return (
    <>
      <div role="status" aria-live="polite">
        {saved ? (
          <Alert data-color="success">
            <Paragraph>{saved}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {result.totalCount === 0 ? (
        <Paragraph>{t('curate.none')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('curate.count', { count: result.totalCount, formatted: formatNumber(result.totalCount) })}</Paragraph>
          <ul className="examples-list" aria-label={t('curate.title')}>
            {result.nodes.map((example) => (
              <CuratedItem key={example.partnershipId} example={example} onSaved={(title) => setSaved(t('curate.saved', { title }))} onEdit={() => setSaved(null)} />
            ))}
          </ul>
          {result.pageInfo.hasNextPage ? (
            <Button variant="secondary" onClick={() => void loadMore()} loading={loadingMore} disabled={loadingMore}>
              {t('curate.more')}
            </Button>
          ) : null}
        </>
      )}
    </>
  );
}

function CuratedItem({ example, onSaved, onEdit }: { example: CuratedExampleFragment; onSaved(title: string): void; onEdit(): void }) {
  const { t, i18n } = useTranslation('examples');
  const figure = useFigure();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const headingId = `curate-${example.partnershipId}`;
  const place = [example.municipalityName, example.countyName].filter(Boolean).join(', ');
  return (
    <li className="examples-item">
      <article aria-labelledby={headingId}>
        <div className="examples-item-head">
          <Heading level={2} data-size="sm" id={headingId} lang="sv">
            {example.title}
          </Heading>
          {example.featured ? (
            <Tag data-color="accent" data-size="sm">
              {t('featured')}
            </Tag>
          ) : null}
          {example.hiddenReason ? (
            <Tag data-color="warning" data-size="sm">
              {t('curate.hidden')}
            </Tag>
          ) : null}
          <Tag data-color={example.status === 'COMPLETED' ? 'success' : 'info'} data-size="sm">
            {t(`status.${example.status}`)}
          </Tag>
        </div>
        <Paragraph className="examples-summary" lang="sv">
          {example.summary}
        </Paragraph>
        <dl className="public-facts">
          <dt>{t('item.buyer')}</dt>
          <dd>{example.buyer.name}</dd>
          <dt>{t('item.enterprise')}</dt>
          <dd>{example.enterprise.name}</dd>
          <dt>{t('item.where')}</dt>
          <dd>{place}</dd>
        </dl>
        <div role="group" aria-labelledby={`${headingId}-impact`} className="examples-impact">
          <Heading level={3} data-size="2xs" id={`${headingId}-impact`}>
            {t('item.impact')}
          </Heading>
          {example.impact.length === 0 ? (
            <Paragraph data-size="sm">{t('item.impactNone')}</Paragraph>
          ) : (
            <ul>
              {example.impact.map((f) => (
                <li key={f.indicatorCode}>
                  <span className="examples-figure">{figure(f.value, f.unit)}</span>
                  <span className="examples-figure-name">{i18n.language === 'en' ? f.nameEn : f.nameSv}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        {example.curatorNoteSv || example.curatorNoteEn ? (
          <CuratorNote sv={example.curatorNoteSv} en={example.curatorNoteEn} />
        ) : (
          <Paragraph data-size="sm">{t('curate.noNote')}</Paragraph>
        )}
        {example.hiddenReason ? <Paragraph data-size="sm">{t('curate.hiddenReasonShown', { reason: example.hiddenReason })}</Paragraph> : null}
        {editing ? (
          <CurateForm
            example={example}
            onCancel={() => {
              setEditing(false);
              requestAnimationFrame(() => editButton.current?.focus());
            }}
            onSaved={() => {
              setEditing(false);
              onSaved(example.title);
              requestAnimationFrame(() => editButton.current?.focus());
            }}
          />
        ) : (
          <div>
            <Button
              ref={editButton}
              variant="secondary"
              onClick={() => {
                onEdit();
                setEditing(true);
              }}
            >
              {t('curate.edit', { title: example.title })}
            </Button>
          </div>
        )}
      </article>
    </li>
  );
}

function CurateForm({ example, onCancel, onSaved }: { example: CuratedExampleFragment; onCancel(): void; onSaved(): void }) {
  const { t } = useTranslation('examples');
  const form = `curate-${example.partnershipId}`;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const [general, setGeneral] = useState<string | null>(null);
  const [curate] = useMutation(CURATE, { refetchQueries: [CURATE_LIST], awaitRefetchQueries: true });
  const resolver = resolverOf<Values>((v) => {
    const errors: Problems = {};
    if ([...v.noteSv.trim()].length > NOTE_MAX) errors.noteSv = { type: 'maxLength', message: t('curate.form.tooLong', { field: t('curate.form.noteSv'), count: NOTE_MAX }) };
    if ([...v.noteEn.trim()].length > NOTE_MAX) errors.noteEn = { type: 'maxLength', message: t('curate.form.tooLong', { field: t('curate.form.noteEn'), count: NOTE_MAX }) };
    if (v.hidden && !v.hiddenReason.trim()) errors.hiddenReason = { type: 'required', message: t('curate.form.reasonRequired') };
    else if ([...v.hiddenReason.trim()].length > NOTE_MAX)
      errors.hiddenReason = { type: 'maxLength', message: t('curate.form.tooLong', { field: t('curate.form.hiddenReason'), count: NOTE_MAX }) };
    if (v.hidden && v.featured) errors.featured = { type: 'conflict', message: t('curate.form.featuredHidden') };
    return errors;
  });
  const {
    register,
    handleSubmit,
    setError,
    watch,
    formState: { errors, submitCount, isSubmitting },
  } = useForm<Values>({
    defaultValues: {
      noteSv: example.curatorNoteSv ?? '',
      noteEn: example.curatorNoteEn ?? '',
      featured: example.featured,
      hidden: !!example.hiddenReason,
      hiddenReason: example.hiddenReason ?? '',
    },
    resolver,
    shouldFocusError: false,
  });
  const hidden = watch('hidden');

  const onSubmit = handleSubmit(
    async (v) => {
      setGeneral(null);
      try {
        await curate({
          variables: {
            input: {
              partnershipId: example.partnershipId,
              version: example.curationVersion,
              noteSv: v.noteSv.trim() || null,
              noteEn: v.noteEn.trim() || null,
              featured: v.featured,
              hidden: v.hidden,
              hiddenReason: v.hidden ? v.hiddenReason.trim() : null,
            },
          },
        });
        onSaved();
      } catch (error) {
        const found = problemsOf(error, t('curate.form.failed'));
        const unplaced: string[] = [];
        for (const field of found.fields) {
          if ((FIELDS as readonly string[]).includes(field.path)) setError(field.path as (typeof FIELDS)[number], { type: 'api', message: field.message });
          else unplaced.push(field.message);
        }
        setGeneral([found.general, ...unplaced].filter(Boolean).join(' ') || null);
      }
    },
    () => setGeneral(null),
  );

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="examples-curate-form" aria-labelledby={`${form}-title`}>
      <Heading level={3} data-size="xs" id={`${form}-title`} ref={headingRef} tabIndex={-1}>
        {t('curate.form.title', { title: example.title })}
      </Heading>
      <ErrorSummary attempt={submitCount} form={form} problems={fieldProblems(errors, FIELDS)} general={general} />
      <Textfield
        id={fieldId(form, 'noteSv')}
        label={t('curate.form.noteSv')}
        description={t('curate.form.noteSvHint')}
        multiline
        rows={4}
        lang="sv"
        error={errors.noteSv?.message}
        {...register('noteSv')}
      />
      <Textfield
        id={fieldId(form, 'noteEn')}
        label={t('curate.form.noteEn')}
        description={t('curate.form.noteEnHint')}
        multiline
        rows={3}
        lang="en"
        error={errors.noteEn?.message}
        {...register('noteEn')}
      />
      <Checkbox
        id={fieldId(form, 'featured')}
        label={t('curate.form.featured')}
        description={t('curate.form.featuredHint')}
        error={errors.featured?.message}
        {...register('featured')}
      />
      <Checkbox id={fieldId(form, 'hidden')} label={t('curate.form.hidden')} description={t('curate.form.hiddenHint')} error={errors.hidden?.message} {...register('hidden')} />
      {hidden ? (
        <Textfield
          id={fieldId(form, 'hiddenReason')}
          label={t('curate.form.hiddenReason')}
          description={t('curate.form.hiddenReasonHint')}
          multiline
          rows={3}
          error={errors.hiddenReason?.message}
          {...register('hiddenReason')}
        />
      ) : null}
      <div className="examples-curate-actions">
        <Button type="submit" aria-disabled={isSubmitting || undefined}>
          {isSubmitting ? <Spinner aria-hidden data-size="xs" /> : null}
          {t('curate.form.save')}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('curate.form.cancel')}
        </Button>
      </div>
    </form>
  );
}

export { CuratePage as Component };
