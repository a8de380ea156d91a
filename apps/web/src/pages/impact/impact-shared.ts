import { useTranslation } from 'react-i18next';
import type { PartnershipPageQuery } from '../../gql/graphql';

export type Partnership = NonNullable<PartnershipPageQuery['partnership']>;
export type Indicator = PartnershipPageQuery['impactIndicators'][number];
export type Report = NonNullable<Partnership['impactReports']>[number];
/** Which side of the partnership the reader acts for (null: a coordinator or administrator looking on). */
export type Party = 'buyer' | 'enterprise' | null;

/** The query every change asks for again, so targets, totals, reports and the next due date agree. */
export const REFETCH: { refetchQueries: string[]; awaitRefetchQueries: true } = { refetchQueries: ['PartnershipPage'], awaitRefetchQueries: true };

/** An indicator's name and unit in the reader's language. */
export function useIndicatorText() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return {
    name: (i: Indicator | undefined, code: string) => (i ? (en ? i.nameEn : i.nameSv) : code),
    unit: (i: Indicator | undefined) => (i ? (en ? i.unitLabelEn : i.unitLabelSv) : ''),
  };
}
