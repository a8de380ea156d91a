import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Heading, Link, Paragraph, Spinner, Tag, Textfield } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { useSession, type MyMembership } from '../../app/session';
import { fieldId, problemsOf } from '../../forms/api-errors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { fieldProblems } from '../../forms/field-problems';
import { resolverOf, type Problems } from '../../forms/resolver';
import { graphql } from '../../gql';
import type { OfferPageQuery } from '../../gql/graphql';
import { formatDate, formatDateTime, formatKronor, formatKronorRange, formatTime } from '../../lib/format';
import { usePageTitle } from '../../lib/page';
import { swedishDay } from '../public/needs-shared';
import { ConfirmDialog } from './ConfirmDialog';
import { ineligibilityFor, ownOffer, takesOffers } from './eligibility';
import './offers.css';

export const OFFER_PAGE = graphql(`
  query OfferPage($needId: ID!, $organizationId: ID!) {
    need(id: $needId) {
      id
      title
      form
      status
      responseDeadline
      budgetMinSek
      budgetMaxSek
      buyer {
        id
        name
      }
      offers {
        id
        needId
        enterpriseOrganizationId
        status
        message
        priceSek
        proposedOutcomes
        submittedAt
        decidedAt
        declineReason
        updatedAt
        version
      }
    }
    enterpriseProfile(organizationId: $organizationId) {
      organizationId
      workIntegrating
      farFromLabourMarketShare
      ideburen
    }
  }
`);

export const CREATE_OFFER = graphql(`
  mutation OfferPageCreate($input: CreateOfferInput!) {
    createOffer(input: $input) {
      offer {
        id
        needId
        enterpriseOrganizationId
        status
        message
        priceSek
        proposedOutcomes
        submittedAt
        decidedAt
        declineReason
        updatedAt
        version
      }
    }
  }
`);

export const UPDATE_OFFER = graphql(`
  mutation OfferPageUpdate($input: UpdateOfferInput!) {
    updateOffer(input: $input) {
      offer {
        id
        needId
        enterpriseOrganizationId
        status
        message
        priceSek
        proposedOutcomes
        submittedAt
        decidedAt
        declineReason
        updatedAt
        version
      }
    }
  }
`);

export const SUBMIT_OFFER = graphql(`
  mutation OfferPageSubmit($input: SubmitOfferInput!) {
    submitOffer(input: $input) {
      offer {
        id
        needId
        enterpriseOrganizationId
        status
        message
        priceSek
        proposedOutcomes
        submittedAt
        decidedAt
        declineReason
        updatedAt
        version
      }
    }
  }
`);

export const WITHDRAW_OFFER = graphql(`
  mutation OfferPageWithdraw($input: WithdrawOfferInput!) {
    withdrawOffer(input: $input) {
      offer {
        id
        needId
        enterpriseOrganizationId
        status
        message
        priceSek
        proposedOutcomes
        submittedAt
        decidedAt
        declineReason
        updatedAt
        version
      }
    }
  }
`);

type Need = NonNullable<OfferPageQuery['need']>;
type Offer = Need['offers'][number];
type Organization = MyMembership['organization'];

/** How long typing must pause before the draft is saved. */
export const AUTOSAVE_DELAY_MS = 700;
const MAX_TEXT = 5_000;
const MAX_PRICE = 100_000_000_000;

const FORM = 'offer';
const FIELDS = ['message', 'priceSek', 'proposedOutcomes'] as const;
type Values = { message: string; priceSek: string; proposedOutcomes: string };
type Field = (typeof FIELDS)[number];

/** A price as typed ("450 000", "450000 kr"): whole kronor, empty for none, or what is wrong with it. */
function readPrice(text: string): { ok: true; value: number | null } | { ok: false; problem: 'priceFormat' | 'priceTooLarge' } {
  const digits = text.replace(/[\s\u00a0\u202f]/g, '').replace(/kr$/i, '');
  if (!digits) return { ok: true, value: null };
  if (!/^\d+$/.test(digits)) return { ok: false, problem: 'priceFormat' };
  const value = Number(digits);
  return value > MAX_PRICE ? { ok: false, problem: 'priceTooLarge' } : { ok: true, value };
}

const valuesOf = (offer: Pick<Offer, 'message' | 'priceSek' | 'proposedOutcomes'> | null): Values => ({
  message: offer?.message ?? '',
  priceSek: offer?.priceSek != null ? String(offer.priceSek) : '',
  proposedOutcomes: offer?.proposedOutcomes ?? '',
});

export function OfferPage() {
  const { t } = useTranslation('offers');
  const { needId = '' } = useParams();
  const { me, organization } = useSession();
  if (!me) return <Spinner aria-label={t('common:state.loading')} />;
  if (!organization || organization.kind !== 'SOCIAL_ENTERPRISE') {
    return (
      <Frame title={t('offer.title')}>
        <Alert data-color="info">
          <Paragraph>{organization ? t('offer.notEnterprise', { organization: organization.name }) : t('offer.noOrganization')}</Paragraph>
        </Alert>
        <Paragraph>
          <Link asChild>
            <RouterLink to={`/behov/${encodeURIComponent(needId)}`}>{t('offer.need')}</RouterLink>
          </Link>
        </Paragraph>
      </Frame>
    );
  }
  return <OfferLoader key={organization.id} needId={needId} organization={organization} />;
}

function Frame({ title, children }: { title: string; children: ReactNode }) {
  usePageTitle(title);
  return (
    <div className="page offers-page">
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      {children}
    </div>
  );
}

function OfferLoader({ needId, organization }: { needId: string; organization: Organization }) {
  const { t } = useTranslation('offers');
  const { data, loading, error, refetch } = useQuery(OFFER_PAGE, { variables: { needId, organizationId: organization.id }, fetchPolicy: 'cache-and-network' });
  const need = data?.need;
  if (!data && loading) return <Spinner aria-label={t('common:state.loading')} />;
  if (!data && error) {
    return (
      <Frame title={t('offer.title')}>
        <Alert data-color="danger">
          <Paragraph>{t('offer.error')}</Paragraph>
          <Button variant="secondary" data-size="sm" onClick={() => void refetch()}>
            {t('offer.retry')}
          </Button>
        </Alert>
      </Frame>
    );
  }
  if (!need) {
    return (
      <Frame title={t('offer.notFoundTitle')}>
        <Paragraph>{t('offer.notFoundBody')}</Paragraph>
        <Paragraph>
          <Link asChild>
            <RouterLink to="/behov">{t('offer.toNeeds')}</RouterLink>
          </Link>
        </Paragraph>
      </Frame>
    );
  }
  return <OfferWorkspace need={need} profile={data?.enterpriseProfile ?? null} organization={organization} />;
}

function NeedSummary({ need }: { need: Need }) {
  const { t } = useTranslation('offers');
  const budget = formatKronorRange(need.budgetMinSek, need.budgetMaxSek);
  return (
    <dl className="offers-facts">
      <div className="offers-facts-wide">
        <dt>{t('offer.need')}</dt>
        <dd>
          <Link asChild>
            <RouterLink to={`/behov/${encodeURIComponent(need.id)}`}>{need.title}</RouterLink>
          </Link>
        </dd>
      </div>
      <div>
        <dt>{t('offer.buyer')}</dt>
        <dd>{need.buyer.name}</dd>
      </div>
      <div>
        <dt>{t('offer.budget')}</dt>
        <dd>{budget ?? t('offer.budgetNone')}</dd>
      </div>
      <div>
        <dt>{t('offer.deadline')}</dt>
        <dd>{need.responseDeadline ? formatDateTime(need.responseDeadline) : t('offer.deadlineNone')}</dd>
      </div>
    </dl>
  );
}

type Notice = 'submitted' | 'withdrawn' | 'draftRemoved' | null;

function OfferWorkspace({ need, profile, organization }: { need: Need; profile: Parameters<typeof ineligibilityFor>[1]; organization: Organization }) {
  const { t } = useTranslation('offers');
  const own = ownOffer(need.offers, organization.id);
  const [notice, setNotice] = useState<Notice>(null);
  // A new form for each new offer (after one is withdrawn), not for each save of the same one.
  const [round, setRound] = useState(0);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const open = takesOffers(need);
  const ineligible = ineligibilityFor(need.form, profile);
  let body: ReactNode;
  if (own && own.status !== 'DRAFT' && own.status !== 'WITHDRAWN') {
    body = <SentOffer offer={own} onWithdrawn={() => (setNotice('withdrawn'), setRound((r) => r + 1))} />;
  } else if (!open) {
    body = (
      <>
        <Alert data-color="warning">
          <Paragraph>{t('offer.closed')}</Paragraph>
        </Alert>
        {own ? <SentOffer offer={own} onWithdrawn={() => (setNotice('draftRemoved'), setRound((r) => r + 1))} /> : null}
      </>
    );
  } else if (ineligible && own?.status !== 'DRAFT') {
    body = (
      <Alert data-color="warning">
        <Heading level={2} data-size="xs">
          {t('eligibility.title')}
        </Heading>
        <Paragraph>{t(`eligibility.${ineligible.key}`, { min: ineligible.min, share: ineligible.share })}</Paragraph>
        <Paragraph>{t('eligibility.fixProfile')}</Paragraph>
      </Alert>
    );
  } else {
    const previous = own?.status === 'WITHDRAWN' && own.submittedAt ? own : null;
    body = (
      <OfferForm
        key={round}
        need={need}
        organization={organization}
        draft={own?.status === 'DRAFT' ? own : null}
        previous={previous}
        onSubmitted={() => setNotice('submitted')}
        onRemoved={() => (setNotice('draftRemoved'), setRound((r) => r + 1))}
      />
    );
  }

  return (
    <Frame title={t('offer.title')}>
      <NeedSummary need={need} />
      {notice ? (
        <Alert data-color="success" ref={noticeRef} tabIndex={-1}>
          <Paragraph>{notice === 'submitted' ? t('offer.submitted', { buyer: need.buyer.name }) : t(`offer.${notice}`)}</Paragraph>
        </Alert>
      ) : null}
      {body}
      <Paragraph>
        <Link asChild>
          <RouterLink to="/anbud">{t('offer.allOffers')}</RouterLink>
        </Link>
      </Paragraph>
    </Frame>
  );
}

/** Where an offer the enterprise can no longer change stands, what was sent, and the way to take it back. */
function SentOffer({ offer, onWithdrawn }: { offer: Offer; onWithdrawn(): void }) {
  const { t } = useTranslation('offers');
  const [withdrawOffer, { loading }] = useMutation(WITHDRAW_OFFER);
  const [asking, setAsking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const withdrawable = offer.status === 'DRAFT' || offer.status === 'SUBMITTED' || offer.status === 'SHORTLISTED';
  const draft = offer.status === 'DRAFT';
  const when = offer.status === 'SUBMITTED' ? offer.submittedAt : offer.decidedAt;
  const withdraw = async () => {
    setFailure(null);
    try {
      await withdrawOffer({ variables: { input: { offerId: offer.id, version: offer.version } } });
      setAsking(false);
      onWithdrawn();
    } catch (error) {
      setFailure(problemsOf(error, t('offer.withdrawFailed')).general ?? t('offer.withdrawFailed'));
    }
  };
  return (
    <section aria-labelledby="offer-status" className="offers-section">
      <Heading level={2} data-size="sm" id="offer-status">
        {t('offer.statusTitle')}
      </Heading>
      <Paragraph>
        <StatusTag status={offer.status} />
      </Paragraph>
      <Paragraph>{t(`offer.statusLong.${offer.status}`, { date: when ? formatDate(swedishDay(when)) : '' })}</Paragraph>
      {offer.status === 'DECLINED' && offer.declineReason ? (
        <div className="offers-reason">
          <Heading level={3} data-size="2xs">
            {t('offer.declineReason')}
          </Heading>
          <Paragraph className="offers-text">{offer.declineReason}</Paragraph>
        </div>
      ) : null}
      {offer.status === 'SUBMITTED' || offer.status === 'SHORTLISTED' ? <Paragraph>{t('offer.locked')}</Paragraph> : null}
      <Heading level={3} data-size="xs">
        {t('offer.sent')}
      </Heading>
      <dl className="offers-sent">
        <dt>{t('offer.price')}</dt>
        <dd>{offer.priceSek != null ? formatKronor(offer.priceSek) : '–'}</dd>
        <dt>{t('offer.sentMessage')}</dt>
        <dd className="offers-text">{offer.message || '–'}</dd>
        <dt>{t('offer.sentOutcomes')}</dt>
        <dd className="offers-text">{offer.proposedOutcomes || '–'}</dd>
      </dl>
      {withdrawable ? (
        <>
          <div className="offers-actions">
            <Button variant="secondary" data-color="danger" onClick={() => setAsking(true)}>
              {draft ? t('offer.withdrawDraft') : t('offer.withdraw')}
            </Button>
          </div>
          <ConfirmDialog
            open={asking}
            title={draft ? t('offer.withdrawDraftTitle') : t('offer.withdrawTitle')}
            confirmLabel={draft ? t('offer.withdrawDraftConfirm') : t('offer.withdrawConfirm')}
            cancelLabel={t('offer.cancel')}
            closeLabel={t('offer.close')}
            onConfirm={() => void withdraw()}
            onClose={() => setAsking(false)}
            busy={loading}
            error={failure}
            danger
          >
            <Paragraph>{draft ? t('offer.withdrawDraftBody') : t('offer.withdrawBody')}</Paragraph>
          </ConfirmDialog>
        </>
      ) : null}
    </section>
  );
}

export function StatusTag({ status }: { status: Offer['status'] }) {
  const { t } = useTranslation('offers');
  const color =
    status === 'ACCEPTED' ? 'success' : status === 'DECLINED' || status === 'WITHDRAWN' ? 'neutral' : status === 'SHORTLISTED' ? 'info' : status === 'DRAFT' ? 'warning' : 'accent';
  return (
    <Tag data-color={color} data-size="sm">
      {t(`status.${status}`)}
    </Tag>
  );
}

type SaveState = { state: 'idle' } | { state: 'saving' } | { state: 'saved'; at: string } | { state: 'waiting' } | { state: 'failed'; reason: string };

interface FormProps {
  need: Need;
  organization: Organization;
  /** The draft to go on with, if there is one. */
  draft: Offer | null;
  /** A withdrawn offer the new one starts from. */
  previous: Offer | null;
  onSubmitted(): void;
  onRemoved(): void;
}

/**
 * The offer as a short form. What is typed is saved as a draft once typing pauses (and when a field is
 * left), the first time by creating the offer; the status line says when it was saved, politely.
 */
export function OfferForm({ need, organization, draft, previous, onSubmitted, onRemoved }: FormProps) {
  const { t } = useTranslation('offers');
  const [createOffer] = useMutation(CREATE_OFFER, {
    update(cache, { data }) {
      const offer = data?.createOffer.offer;
      if (!offer) return;
      cache.modify({
        id: cache.identify({ __typename: 'Need', id: need.id }),
        fields: {
          offers: (existing, { toReference }) => {
            const list = Array.isArray(existing) ? (existing as unknown[]) : [];
            return [...list, toReference({ __typename: 'Offer', id: offer.id })];
          },
        },
      });
    },
  });
  const [updateOffer] = useMutation(UPDATE_OFFER);
  const [submitOffer] = useMutation(SUBMIT_OFFER);
  const [withdrawOffer, { loading: removing }] = useMutation(WITHDRAW_OFFER);
  const [general, setGeneral] = useState<string | null>(null);
  const [save, setSave] = useState<SaveState>(draft ? { state: 'saved', at: draft.updatedAt } : { state: 'idle' });
  const [asking, setAsking] = useState(false);
  const [removeFailure, setRemoveFailure] = useState<string | null>(null);
  const [created, setCreated] = useState(!!draft);

  const saved = useRef<{ id: string; version: number } | null>(draft ? { id: draft.id, version: draft.version } : null);
  const pending = useRef<Values | null>(null);
  const running = useRef<Promise<boolean> | null>(null);
  // What the offer holds now, so that a submit with nothing new does not save it again.
  const lastSaved = useRef<string | null>(draft ? JSON.stringify(valuesOf(draft)) : null);
  const lastOk = useRef(true);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const textProblem = (text: string) => ([...text].length > MAX_TEXT ? t('offer.errors.tooLong', { count: [...text].length, max: MAX_TEXT }) : null);
  const resolver = resolverOf<Values>((values) => {
    const errors: Problems = {};
    if (!values.message.trim()) errors.message = { type: 'required', message: t('offer.errors.messageRequired') };
    else if (textProblem(values.message)) errors.message = { type: 'long', message: textProblem(values.message)! };
    const price = readPrice(values.priceSek);
    if (!price.ok) errors.priceSek = { type: 'format', message: t(`offer.errors.${price.problem}`) };
    else if (price.value === null) errors.priceSek = { type: 'required', message: t('offer.errors.priceRequired') };
    if (textProblem(values.proposedOutcomes)) errors.proposedOutcomes = { type: 'long', message: textProblem(values.proposedOutcomes)! };
    return errors;
  });
  const {
    register,
    handleSubmit,
    setError,
    clearErrors,
    watch,
    formState: { errors, submitCount, isSubmitting },
  } = useForm<Values>({ defaultValues: valuesOf(draft ?? previous), resolver, shouldFocusError: false });

  /** Places the API's problems on their fields; what names no field is returned. */
  const place = useCallback(
    (error: unknown, fallback: string): string | null => {
      const found = problemsOf(error, fallback);
      const left: string[] = [];
      for (const field of found.fields) {
        if ((FIELDS as readonly string[]).includes(field.path)) setError(field.path as Field, { type: 'api', message: field.message });
        else left.push(field.message);
      }
      return [found.general, ...left].filter(Boolean).join(' ') || (found.fields.length ? null : fallback);
    },
    [setError],
  );

  /** One save of these values: creates the offer the first time there is something to keep. */
  const saveOnce = async (values: Values): Promise<boolean> => {
    const price = readPrice(values.priceSek);
    if (!price.ok) setError('priceSek', { type: 'format', message: t(`offer.errors.${price.problem}`) });
    const input = { message: values.message, proposedOutcomes: values.proposedOutcomes, ...(price.ok ? { priceSek: price.value } : {}) };
    try {
      let offer: Offer | undefined;
      if (!saved.current) {
        if (!values.message.trim() && !values.proposedOutcomes.trim() && !(price.ok && price.value !== null)) {
          setSave({ state: 'idle' });
          return true;
        }
        const { data } = await createOffer({ variables: { input: { ...input, needId: need.id, enterpriseOrganizationId: organization.id } } });
        offer = data?.createOffer.offer;
      } else {
        const { data } = await updateOffer({ variables: { input: { ...input, offerId: saved.current.id, version: saved.current.version } } });
        offer = data?.updateOffer.offer;
      }
      if (!offer) throw new Error('no answer');
      saved.current = { id: offer.id, version: offer.version };
      lastSaved.current = price.ok ? JSON.stringify(values) : null;
      setCreated(true);
      clearErrors(price.ok ? ['message', 'priceSek', 'proposedOutcomes'] : ['message', 'proposedOutcomes']);
      setSave(price.ok ? { state: 'saved', at: offer.updatedAt } : { state: 'waiting' });
      return price.ok;
    } catch (error) {
      setSave({ state: 'failed', reason: place(error, t('offer.errors.saveFailed')) ?? '' });
      return false;
    }
  };
  const saveOnceRef = useRef(saveOnce);
  saveOnceRef.current = saveOnce;

  /** Saves what is waiting, one save at a time, until nothing waits; true when the last save went through. */
  const flush = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    while (running.current || pending.current) {
      if (running.current) {
        await running.current;
        continue;
      }
      const values = pending.current!;
      pending.current = null;
      setSave({ state: 'saving' });
      running.current = saveOnceRef.current(values).then((ok) => {
        lastOk.current = ok;
        running.current = null;
        return ok;
      });
    }
    return lastOk.current;
  }, []);

  useEffect(() => {
    const subscription = watch((values, { type }) => {
      if (type !== 'change') return;
      pending.current = { message: values.message ?? '', priceSek: values.priceSek ?? '', proposedOutcomes: values.proposedOutcomes ?? '' };
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    });
    return () => subscription.unsubscribe();
  }, [watch, flush]);

  // Leaving the page within the pause: save at once (a route change), or ask first (closing or reloading the tab).
  useEffect(() => {
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (pending.current || running.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      if (pending.current) void flush();
    };
  }, [flush]);

  const onSubmit = handleSubmit(
    async (values) => {
      setGeneral(null);
      if (JSON.stringify(values) !== lastSaved.current) pending.current = values;
      if (!(await flush()) || !saved.current) return;
      try {
        await submitOffer({ variables: { input: { offerId: saved.current.id, version: saved.current.version } } });
        onSubmitted();
      } catch (error) {
        setGeneral(place(error, t('offer.errors.failed')));
      }
    },
    () => setGeneral(null),
  );

  const remove = async () => {
    setRemoveFailure(null);
    pending.current = null;
    await flush();
    if (!saved.current) return;
    try {
      await withdrawOffer({ variables: { input: { offerId: saved.current.id, version: saved.current.version } } });
      setAsking(false);
      onRemoved();
    } catch (error) {
      setRemoveFailure(problemsOf(error, t('offer.withdrawFailed')).general ?? t('offer.withdrawFailed'));
    }
  };

  const field = (name: Field) => {
    const registered = register(name);
    return {
      ...registered,
      id: fieldId(FORM, name),
      error: errors[name]?.message,
      onBlur: async (event: { target: unknown; type?: unknown }) => {
        await registered.onBlur(event);
        if (pending.current) void flush();
      },
    };
  };

  const status =
    save.state === 'saved'
      ? t('offer.save.saved', { time: formatTime(save.at) })
      : save.state === 'waiting'
        ? t('offer.save.waiting')
        : save.state === 'failed'
          ? t('offer.save.failed', { reason: save.reason })
          : '';

  return (
    <section aria-labelledby="offer-form" className="offers-section">
      <Heading level={2} data-size="sm" id="offer-form">
        {t('offer.formLabel')}
      </Heading>
      <Paragraph>{t('offer.intro')}</Paragraph>
      {previous ? (
        <Alert data-color="info">
          <Paragraph>{t('offer.previous', { date: formatDate(swedishDay(previous.decidedAt ?? previous.updatedAt)) })}</Paragraph>
        </Alert>
      ) : null}
      {!organization.verified ? (
        <Alert data-color="warning">
          <Paragraph>{t('offer.notVerified', { organization: organization.name })}</Paragraph>
        </Alert>
      ) : null}
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="offers-form" aria-labelledby="offer-form">
        <ErrorSummary attempt={submitCount} form={FORM} problems={fieldProblems(errors, FIELDS)} general={general} />
        <Textfield multiline rows={8} label={t('offer.fields.message')} description={t('offer.fields.messageHint')} {...field('message')} />
        <Textfield
          label={t('offer.fields.priceSek')}
          description={t('offer.fields.priceSekHint')}
          inputMode="numeric"
          autoComplete="off"
          className="offers-price"
          {...field('priceSek')}
        />
        <Textfield multiline rows={5} label={t('offer.fields.proposedOutcomes')} description={t('offer.fields.proposedOutcomesHint')} {...field('proposedOutcomes')} />
        {/* Only the outcome is announced, and only when it changes: typing is not interrupted by every save. */}
        <div className="offers-save">
          <p role="status" className={save.state === 'saving' ? 'visually-hidden' : undefined}>
            {status}
          </p>
          {save.state === 'saving' ? (
            <p aria-hidden>
              <Spinner aria-hidden data-size="xs" /> {t('offer.save.saving')}
            </p>
          ) : null}
        </div>
        <Paragraph data-size="sm" className="offers-hint">
          {t('offer.submitHint')}
        </Paragraph>
        <div className="offers-actions">
          <Button type="submit" aria-disabled={isSubmitting || undefined}>
            {isSubmitting ? <Spinner aria-hidden data-size="xs" /> : null}
            {t('offer.submit')}
          </Button>
          {created ? (
            <Button type="button" variant="tertiary" data-color="danger" onClick={() => setAsking(true)}>
              {t('offer.withdrawDraft')}
            </Button>
          ) : null}
        </div>
      </form>
      <ConfirmDialog
        open={asking}
        title={t('offer.withdrawDraftTitle')}
        confirmLabel={t('offer.withdrawDraftConfirm')}
        cancelLabel={t('offer.cancel')}
        closeLabel={t('offer.close')}
        onConfirm={() => void remove()}
        onClose={() => setAsking(false)}
        busy={removing}
        error={removeFailure}
        danger
      >
        <Paragraph>{t('offer.withdrawDraftBody')}</Paragraph>
      </ConfirmDialog>
    </section>
  );
}

export { OfferPage as Component };
