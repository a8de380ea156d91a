import { Heading, Link as DsLink } from '@digdir/designsystemet-react';
import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { RecommendedNeedFragment } from '../../gql/graphql';
import { formatDateTime, formatKronorRange, formatNumber } from '../../lib/format';

/** What a recommendation shows: the need, its score and the matcher's reasons (in the reader's language). */
export const RECOMMENDED_NEED = graphql(`
  fragment RecommendedNeed on Match {
    score
    reasons {
      code
      text
    }
    need {
      id
      title
      form
      responseDeadline
      budgetMinSek
      budgetMaxSek
      buyer {
        id
        name
      }
    }
  }
`);

/**
 * A need the matching recommends to the enterprise: title, score, the facts that decide whether to answer,
 * and why it fits. `badges` go under the title (on "Behov för er", whether the enterprise may offer).
 */
export function RecommendedNeedCard({ match, idPrefix, badges }: { match: RecommendedNeedFragment; idPrefix: string; badges?: ReactNode }) {
  const { t } = useTranslation('enterprise');
  const need = match.need;
  const headingId = `${idPrefix}-${need.id}`;
  const budget = formatKronorRange(need.budgetMinSek, need.budgetMaxSek);
  return (
    <article className="enterprise-match" aria-labelledby={headingId}>
      <div className="enterprise-match-head">
        <Heading level={3} data-size="xs" id={headingId}>
          <DsLink asChild>
            <Link to={`/behov/${encodeURIComponent(need.id)}`}>{need.title}</Link>
          </DsLink>
        </Heading>
        <p className="enterprise-score">
          <span className="enterprise-score-label">{t('start.scoreLabel')}</span>{' '}
          <span className="enterprise-score-value">{t('start.score', { score: formatNumber(Math.round(match.score)) })}</span>
        </p>
      </div>
      {badges}
      <dl className="enterprise-facts">
        <div>
          <dt>{t('start.buyer')}</dt>
          <dd>{need.buyer.name}</dd>
        </div>
        <div>
          <dt>{t('start.form')}</dt>
          <dd>{t(`forms.${need.form}`)}</dd>
        </div>
        <div>
          <dt>{t('start.budget')}</dt>
          <dd>{budget ?? t('start.budgetUnknown')}</dd>
        </div>
        <div>
          <dt>{t('start.deadline')}</dt>
          <dd>{need.responseDeadline ? formatDateTime(need.responseDeadline) : t('start.deadlineNone')}</dd>
        </div>
      </dl>
      {match.reasons.length > 0 ? (
        <>
          <p className="enterprise-reasons-title" id={`${headingId}-reasons`}>
            {t('start.reasons')}
          </p>
          <ul className="enterprise-reasons" aria-labelledby={`${headingId}-reasons`}>
            {match.reasons.map((reason) => (
              <li key={reason.code}>{reason.text}</li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}

/** Offer statuses in the order an offer goes through them. */
export const OFFER_STATUSES = ['DRAFT', 'SUBMITTED', 'SHORTLISTED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN'] as const;

/** The checklist's items as the API names them (libs/domain/src/marketplace/readiness.ts). */
export const READINESS_ITEMS = ['description', 'services', 'cpvCodes', 'sdgs', 'area', 'capacity', 'size', 'legalForm', 'workIntegrationShare'] as const;
export type ReadinessItemName = (typeof READINESS_ITEMS)[number];

function known(item: string): item is ReadinessItemName {
  return (READINESS_ITEMS as readonly string[]).includes(item);
}

/** Follows a link to a field on the page the way the error summary does: the field takes focus, in view. */
function focusField(event: MouseEvent<HTMLAnchorElement>, href: string): void {
  const target = document.getElementById(decodeURIComponent(href.replace(/^#/, '')));
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.scrollIntoView({ block: 'center' });
}

interface Props {
  /** What the API says is missing: the item's name and its advice in the reader's language. */
  missing: readonly { item: string; advice: string }[];
  /** Where each item's field is on this page, for a link to it (the profile editor). */
  fieldHref?: (item: ReadinessItemName) => string;
}

/**
 * What a profile lacks: for each item its name, what to add (the API's advice) and why it matters (how
 * the matching and the buyers use it). Where the page has the field, the item's name links to it.
 */
export function ReadinessList({ missing, fieldHref }: Props) {
  const { t } = useTranslation('enterprise');
  return (
    <ul className="enterprise-readiness">
      {missing.map(({ item, advice }) => (
        <li key={item}>
          {fieldHref && known(item) ? (
            <DsLink href={fieldHref(item)} className="accounts-strong" onClick={(event) => focusField(event, fieldHref(item))}>
              {t(`readiness.items.${item}`)}
            </DsLink>
          ) : (
            <span className="accounts-strong">{known(item) ? t(`readiness.items.${item}`) : item}</span>
          )}
          <p>{advice}</p>
          {known(item) ? (
            <p className="accounts-meta">
              {t('readiness.why')} {t(`readiness.whyItems.${item}`)}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
