import { useQuery } from '@apollo/client/react';
import { Alert, Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useSession } from '../../app/session';
import { graphql } from '../../gql';
import type { NeedForm, NeedStatus } from '../../gql/graphql';
import { ineligibilityFor, ownOffer, takesOffers } from './eligibility';
import './offers.css';

export const OFFER_CALLOUT = graphql(`
  query OfferCallout($needId: ID!, $organizationId: ID!) {
    need(id: $needId) {
      id
      offers {
        id
        status
        enterpriseOrganizationId
        updatedAt
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

interface NeedFacts {
  id: string;
  form: NeedForm;
  status: NeedStatus;
  responseDeadline?: string | null;
  viewerCanManage: boolean;
}

/**
 * On a need's page, what the person signed in can do with it: an enterprise learns whether it may answer
 * (reserved contracts, IOP) and makes or opens its offer; the buyer goes to its matches and offers.
 */
export function OfferCallout({ need }: { need: NeedFacts }) {
  const { organization } = useSession();
  if (need.viewerCanManage) return <BuyerCallout needId={need.id} />;
  if (organization?.kind !== 'SOCIAL_ENTERPRISE') return null;
  return <EnterpriseCallout need={need} organization={organization} />;
}

function BuyerCallout({ needId }: { needId: string }) {
  const { t } = useTranslation('offers');
  return (
    <section aria-labelledby="need-offer" className="offers-callout">
      <Heading level={2} data-size="sm" id="need-offer">
        {t('callout.buyerTitle')}
      </Heading>
      <Paragraph>{t('callout.buyer')}</Paragraph>
      <Button asChild variant="primary">
        <RouterLink to={`/mina-behov/${encodeURIComponent(needId)}`}>{t('callout.buyerLink')}</RouterLink>
      </Button>
    </section>
  );
}

function EnterpriseCallout({ need, organization }: { need: NeedFacts; organization: { id: string; name: string } }) {
  const { t } = useTranslation('offers');
  const { data } = useQuery(OFFER_CALLOUT, { variables: { needId: need.id, organizationId: organization.id }, fetchPolicy: 'cache-and-network' });
  if (!data) return null;
  const own = ownOffer(data.need?.offers ?? [], organization.id);
  const offerPath = `/behov/${encodeURIComponent(need.id)}/anbud`;
  const live = own && own.status !== 'WITHDRAWN' ? own : null;
  if (!live && !takesOffers(need)) return null;
  const ineligible = live ? null : ineligibilityFor(need.form, data.enterpriseProfile);
  if (ineligible) {
    return (
      <Alert data-color="warning">
        <Heading level={2} data-size="xs">
          {t('eligibility.title')}
        </Heading>
        <Paragraph>{t(`eligibility.${ineligible.key}`, { min: ineligible.min, share: ineligible.share })}</Paragraph>
        <Paragraph>{t('eligibility.fixProfile')}</Paragraph>
      </Alert>
    );
  }
  return (
    <section aria-labelledby="need-offer" className="offers-callout">
      <Heading level={2} data-size="sm" id="need-offer">
        {t('callout.title')}
      </Heading>
      <Paragraph>
        {live?.status === 'DRAFT'
          ? t('callout.hasDraft')
          : live
            ? t('callout.hasOffer', { status: t(`status.${live.status}`) })
            : t('callout.eligible', { organization: organization.name })}
      </Paragraph>
      <Paragraph>
        {live ? (
          <Link asChild>
            <RouterLink to={offerPath}>{live.status === 'DRAFT' ? t('callout.continueDraft') : t('callout.showOffer')}</RouterLink>
          </Link>
        ) : (
          <Button asChild>
            <RouterLink to={offerPath}>{t('callout.start')}</RouterLink>
          </Button>
        )}
      </Paragraph>
    </section>
  );
}
