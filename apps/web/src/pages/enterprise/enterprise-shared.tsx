import { Link as DsLink } from '@digdir/designsystemet-react';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

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
