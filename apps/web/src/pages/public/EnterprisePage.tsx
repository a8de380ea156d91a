import { CombinedGraphQLErrors } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Alert, Heading, Link as DsLink, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { graphql } from '../../gql';
import { formatKronor, formatNumber } from '../../lib/format';
import { usePageTitle } from '../../lib/page';
import { CpvLabel, SdgList, usePlacesText } from './public-data';
import { RESERVED_CONTRACT_MIN_SHARE } from './rules';
import './public.css';
import './EnterprisePage.css';

export const ENTERPRISE_PAGE_PROFILE = graphql(`
  query EnterprisePageProfile($organizationId: ID!) {
    enterpriseProfile(organizationId: $organizationId) {
      organizationId
      description
      services
      cpvCodes
      sdgs
      nationwide
      countyCodes
      municipalityCodes
      employees
      annualTurnoverSek
      maxContractSek
      legalForm
      ideburen
      workIntegrating
      farFromLabourMarketShare
      certifications
      organization {
        id
        name
        organisationsnummer
        website
        verified
      }
    }
  }
`);

/** Only http(s) addresses become links; anything else is shown as text. */
function safeWebsite(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(/^https?:\/\//i.test(url) ? url : `https://${url}`);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function NotFound() {
  const { t } = useTranslation('directory');
  usePageTitle(t('profile.notFoundTitle'));
  return (
    <div className="page">
      <Heading level={1} data-size="lg">
        {t('profile.notFoundTitle')}
      </Heading>
      <Paragraph>{t('profile.notFoundBody')}</Paragraph>
      <Paragraph>
        <Link to="/foretag">{t('profile.back')}</Link>
      </Paragraph>
    </div>
  );
}

export function EnterprisePage() {
  const { t } = useTranslation('directory');
  const common = useTranslation().t;
  const { organizationId = '' } = useParams();
  const { data, loading, error } = useQuery(ENTERPRISE_PAGE_PROFILE, { variables: { organizationId } });
  const placesText = usePlacesText();
  const profile = data?.enterpriseProfile;
  usePageTitle(profile?.organization.name ?? (loading ? null : t('profile.notFoundTitle')));

  if (loading && !profile) return <Spinner aria-label={common('state.loading')} />;
  if (!profile) {
    // An id the API cannot read is answered with an input error: for a visitor that is a page that does not exist.
    const unreadable = CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'BAD_USER_INPUT');
    if (error && !unreadable) {
      return (
        <div className="page">
          <Heading level={1} data-size="lg">
            {t('title')}
          </Heading>
          <Alert data-color="danger">{common('state.error')}</Alert>
        </div>
      );
    }
    return <NotFound />;
  }

  const org = profile.organization;
  const website = safeWebsite(org.website);
  const share = profile.farFromLabourMarketShare;
  const reserved = !profile.workIntegrating ? 'reservedNo' : share == null ? 'reservedShareUnknown' : share >= RESERVED_CONTRACT_MIN_SHARE ? 'reservedYes' : 'reservedShareLow';
  const none = t('profile.notGiven');

  return (
    <div className="page enterprise-page">
      <Paragraph data-size="sm">
        <Link to="/foretag">{t('profile.back')}</Link>
      </Paragraph>
      <header className="enterprise-header">
        <Heading level={1} data-size="lg">
          {org.name}
        </Heading>
        {profile.ideburen || profile.workIntegrating ? (
          <ul className="public-badges" aria-label={t('filters.kind')}>
            {profile.workIntegrating ? (
              <li>
                <Tag data-color="accent">{t('badges.workIntegrating')}</Tag>
              </li>
            ) : null}
            {profile.ideburen ? (
              <li>
                <Tag data-color="brand1">{t('badges.ideburen')}</Tag>
              </li>
            ) : null}
          </ul>
        ) : null}
        {!org.verified ? <Alert data-color="warning">{t('profile.notVerified')}</Alert> : null}
      </header>

      <div className="enterprise-columns">
        <div className="enterprise-main">
          <section aria-labelledby="enterprise-about">
            <Heading level={2} data-size="sm" id="enterprise-about">
              {t('profile.about')}
            </Heading>
            <Paragraph className="enterprise-text" lang={profile.description ? 'sv' : undefined}>
              {profile.description || none}
            </Paragraph>
          </section>

          <section aria-labelledby="enterprise-offers">
            <Heading level={2} data-size="sm" id="enterprise-offers">
              {t('profile.offers')}
            </Heading>
            <Paragraph className="enterprise-text" lang={profile.services ? 'sv' : undefined}>
              {profile.services || none}
            </Paragraph>
            {profile.cpvCodes.length > 0 ? (
              <>
                <Heading level={3} data-size="2xs">
                  {t('profile.cpv')}
                </Heading>
                <ul className="enterprise-cpv">
                  {profile.cpvCodes.map((code) => (
                    <li key={code}>
                      <CpvLabel code={code} /> <span className="enterprise-code">({code})</span>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>

          <section aria-labelledby="enterprise-where">
            <Heading level={2} data-size="sm" id="enterprise-where">
              {t('profile.where')}
            </Heading>
            <Paragraph>{placesText(profile).join(', ')}</Paragraph>
          </section>

          <section aria-labelledby="enterprise-eligibility">
            <Heading level={2} data-size="sm" id="enterprise-eligibility">
              {t('profile.eligibility')}
            </Heading>
            <Paragraph>{t(`profile.${reserved}`, { minShare: RESERVED_CONTRACT_MIN_SHARE, share: share == null ? '' : formatNumber(share) })}</Paragraph>
            <Paragraph>{t(profile.ideburen ? 'profile.iopYes' : 'profile.iopNo')}</Paragraph>
          </section>

          {profile.sdgs.length > 0 ? (
            <section aria-labelledby="enterprise-sdgs">
              <Heading level={2} data-size="sm" id="enterprise-sdgs">
                {t('profile.sdgs')}
              </Heading>
              <SdgList sdgs={profile.sdgs} />
            </section>
          ) : null}
        </div>

        <aside className="enterprise-aside" aria-labelledby="enterprise-facts">
          <Heading level={2} data-size="sm" id="enterprise-facts">
            {t('profile.facts')}
          </Heading>
          <dl className="public-facts">
            <dt>{t('card.form')}</dt>
            <dd>{profile.legalForm ? t(`legalForm.${profile.legalForm}`) : none}</dd>
            <dt>{t('profile.employees')}</dt>
            <dd>{profile.employees != null ? formatNumber(profile.employees) : none}</dd>
            <dt>{t('profile.maxContract')}</dt>
            <dd>{profile.maxContractSek != null ? formatKronor(profile.maxContractSek) : none}</dd>
            <dt>{t('profile.turnover')}</dt>
            <dd>{profile.annualTurnoverSek != null ? formatKronor(profile.annualTurnoverSek) : none}</dd>
            {profile.workIntegrating ? (
              <>
                <dt>{t('profile.farShare')}</dt>
                <dd>{share != null ? `${formatNumber(share)} %` : none}</dd>
              </>
            ) : null}
            {profile.certifications.length > 0 ? (
              <>
                <dt>{t('profile.certifications')}</dt>
                <dd>{profile.certifications.join(', ')}</dd>
              </>
            ) : null}
            <dt>{t('profile.organisationsnummer')}</dt>
            <dd>{org.organisationsnummer}</dd>
            <dt>{t('profile.website')}</dt>
            <dd>{website ? <DsLink href={website}>{org.website}</DsLink> : none}</dd>
          </dl>
        </aside>
      </div>
    </div>
  );
}

export { EnterprisePage as Component };
