import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Field, Heading, Label, Paragraph, Search, Select, Spinner, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { PLACE_PICKER_PLACES } from '../../components/PlacePicker';
import { graphql } from '../../gql';
import type { OrganisationsPageToVerifyQuery } from '../../gql/graphql';
import { formatDate, formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/page';
import { ConfirmDialog } from '../offers/ConfirmDialog';
import { ReadinessList } from './ReadinessList';
import './organisations.css';

export const ORGANIZATION_FIELDS = graphql(`
  fragment OrganisationsPageOrganization on Organization {
    id
    name
    kind
    organisationsnummer
    municipalityCode
    countyCode
    createdAt
    website
    verified
    verifiedAt
    version
    members {
      role
      user {
        id
        displayName
        email
      }
    }
  }
`);

export const TO_VERIFY = graphql(`
  query OrganisationsPageToVerify($countyCode: String) {
    organizations(first: 100, filter: { verified: false, countyCode: $countyCode }) {
      totalCount
      nodes {
        ...OrganisationsPageOrganization
      }
    }
  }
`);

export const VERIFIED = graphql(`
  query OrganisationsPageVerified($countyCode: String, $search: String) {
    organizations(first: 20, filter: { verified: true, countyCode: $countyCode, search: $search }) {
      totalCount
      nodes {
        ...OrganisationsPageOrganization
      }
    }
  }
`);

export const VERIFY = graphql(`
  mutation OrganisationsPageVerify($input: VerifyOrganizationInput!) {
    verifyOrganization(input: $input) {
      organization {
        ...OrganisationsPageOrganization
      }
    }
  }
`);

export const HISTORY = graphql(`
  query OrganisationsPageHistory($entityId: String!) {
    auditEvents(first: 50, filter: { entityId: $entityId }) {
      nodes {
        id
        action
        actorUserId
        occurredAt
      }
    }
  }
`);

type OrganizationFields = OrganisationsPageToVerifyQuery['organizations']['nodes'][number];

const VERIFICATION_ACTIONS = new Set(['organization.verified', 'organization.unverified']);

function History({ organization, isAdmin }: { organization: OrganizationFields; isAdmin: boolean }) {
  const { t } = useTranslation('organisations');
  const [open, setOpen] = useState(false);
  const [load, { data, loading, error }] = useLazyQuery(HISTORY, { fetchPolicy: 'network-only' });
  if (!isAdmin) return null;
  const events = (data?.auditEvents.nodes ?? []).filter((e) => VERIFICATION_ACTIONS.has(e.action));
  const members = new Map((organization.members ?? []).map((m) => [m.user.id, m.user.displayName]));
  const regionId = `org-history-${organization.id}`;
  return (
    <div className="orgs-history">
      <Button
        variant="tertiary"
        data-size="sm"
        aria-expanded={open}
        aria-controls={regionId}
        onClick={() => {
          if (!open) void load({ variables: { entityId: organization.id } });
          setOpen(!open);
        }}
      >
        {open ? t('history.hide') : t('history.show')}
      </Button>
      <div id={regionId} hidden={!open}>
        {open ? (
          loading && !data ? (
            <Spinner aria-label={t('common:state.loading')} data-size="sm" />
          ) : error ? (
            <Paragraph data-size="sm">{t('history.error')}</Paragraph>
          ) : events.length === 0 ? (
            <Paragraph data-size="sm">{t('history.empty')}</Paragraph>
          ) : (
            <ul className="orgs-history-list" aria-label={t('history.title', { name: organization.name })}>
              {events.map((e) => {
                const when = formatDateTime(e.occurredAt);
                const text = e.action === 'organization.verified' ? t('history.verified', { when }) : t('history.unverified', { when });
                const who = e.actorUserId ? (members.get(e.actorUserId) ?? e.actorUserId) : null;
                return (
                  <li key={e.id}>
                    {text}
                    {who ? ` ${t('history.by', { who })}` : null}
                  </li>
                );
              })}
            </ul>
          )
        ) : null}
      </div>
    </div>
  );
}

function OrganizationCard({
  organization,
  municipality,
  isAdmin,
  action,
}: {
  organization: OrganizationFields;
  municipality: (code: string) => string;
  isAdmin: boolean;
  action: { label: string; short: string; onClick(): void; danger?: boolean };
}) {
  const { t } = useTranslation('organisations');
  const headingId = `org-${organization.id}`;
  return (
    <li className="orgs-card" aria-labelledby={headingId}>
      <Heading level={3} data-size="2xs" id={headingId}>
        {organization.name}
      </Heading>
      <dl className="orgs-facts">
        <dt>{t('toVerify.kind')}</dt>
        <dd>{t(`kinds.${organization.kind}`)}</dd>
        <dt>{t('toVerify.orgNumber')}</dt>
        <dd>{organization.organisationsnummer}</dd>
        <dt>{t('toVerify.municipality')}</dt>
        <dd>{organization.municipalityCode ? municipality(organization.municipalityCode) : '–'}</dd>
        <dt>{t('toVerify.created')}</dt>
        <dd>{formatDate(organization.createdAt.slice(0, 10))}</dd>
        {organization.verified && organization.verifiedAt ? (
          <>
            <dt>{t('verified.verifiedAt', { date: '' }).trim()}</dt>
            <dd>{formatDate(organization.verifiedAt.slice(0, 10))}</dd>
          </>
        ) : null}
        <dt>{t('toVerify.website')}</dt>
        <dd className="orgs-break">{organization.website ?? t('toVerify.noWebsite')}</dd>
        <dt>{t('toVerify.members')}</dt>
        <dd>
          {organization.members?.length ? (
            <ul className="orgs-members">
              {organization.members.map((m) => (
                <li key={m.user.id} className="orgs-break">
                  {m.user.displayName}
                  {m.user.email ? ` (${m.user.email})` : null}
                  {m.role === 'OWNER' ? (
                    <>
                      {' '}
                      <Tag data-size="sm">{t('toVerify.owner')}</Tag>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            t('toVerify.noMembers')
          )}
        </dd>
      </dl>
      <div className="orgs-actions">
        <Button data-color={action.danger ? 'danger' : undefined} variant={action.danger ? 'secondary' : 'primary'} aria-label={action.label} onClick={action.onClick}>
          {action.short}
        </Button>
      </div>
      <History organization={organization} isAdmin={isAdmin} />
    </li>
  );
}

export function Component() {
  const { t } = useTranslation('organisations');
  const { me } = useSession();
  usePageTitle(t('title'));
  const [params, setParams] = useSearchParams();
  const isAdmin = me?.platformRole === 'ADMIN';
  const own = me?.coordinatorCountyCodes ?? [];
  const chosen = params.get('lan');
  const countyCode = isAdmin ? chosen || null : chosen && own.includes(chosen) ? chosen : (own[0] ?? null);
  const places = useQuery(PLACE_PICKER_PLACES, { fetchPolicy: 'cache-first', skip: !me });
  const counties = (places.data?.counties ?? []).filter((c) => isAdmin || own.includes(c.code));
  const municipalityNames = new Map((places.data?.municipalities ?? []).map((m) => [m.code, m.name]));
  const municipality = (code: string) => municipalityNames.get(code) ?? code;

  const toVerify = useQuery(TO_VERIFY, { variables: { countyCode }, skip: !me, fetchPolicy: 'cache-and-network' });
  const [search, setSearch] = useState('');
  const searching = search.trim().length >= 2;
  const verified = useQuery(VERIFIED, { variables: { countyCode, search: search.trim() }, skip: !me || !searching });
  const [verify, verifying] = useMutation(VERIFY);
  const [confirm, setConfirm] = useState<{ organization: OrganizationFields; verified: boolean } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  if (!me) return <Spinner aria-label={t('common:state.loading')} />;

  // Oldest first: the API lists organisations by name, so the page of those waiting is put in order here.
  const waiting = [...(toVerify.data?.organizations.nodes ?? [])].sort((a, b) => a.createdAt.localeCompare(b.createdAt));

  const onConfirm = async () => {
    if (!confirm) return;
    setFailed(null);
    try {
      await verify({ variables: { input: { organizationId: confirm.organization.id, verified: confirm.verified } } });
      setStatus(confirm.verified ? t('toVerify.verified', { name: confirm.organization.name }) : t('toVerify.unverified', { name: confirm.organization.name }));
      setConfirm(null);
      await Promise.all([toVerify.refetch(), searching ? verified.refetch() : null]);
    } catch {
      setFailed(t('dialog.failed'));
    }
  };

  return (
    <div className="page orgs-page">
      <Heading level={1} data-size="lg">
        {t('title')}
      </Heading>
      <Paragraph>{t('intro')}</Paragraph>
      {counties.length > 1 ? (
        <Field className="orgs-county">
          <Label htmlFor="orgs-county">{t('county.label')}</Label>
          <Field.Description>{t('county.hint')}</Field.Description>
          <Select
            id="orgs-county"
            value={countyCode ?? ''}
            onChange={(e) => {
              const next = new URLSearchParams(params);
              if (e.target.value) next.set('lan', e.target.value);
              else next.delete('lan');
              setParams(next, { replace: true });
            }}
          >
            {isAdmin ? <Select.Option value="">{t('county.all')}</Select.Option> : null}
            {counties.map((c) => (
              <Select.Option key={c.code} value={c.code}>
                {c.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
      ) : null}

      <div role="status" className="orgs-status">
        {status ? (
          <Alert data-color="success">
            <Paragraph>{status}</Paragraph>
          </Alert>
        ) : null}
      </div>

      <section aria-labelledby="orgs-to-verify" className="orgs-section">
        <Heading level={2} data-size="sm" id="orgs-to-verify">
          {t('toVerify.title')}
        </Heading>
        <Paragraph data-size="sm">{t('toVerify.intro')}</Paragraph>
        {!toVerify.data && toVerify.loading ? (
          <Spinner aria-label={t('common:state.loading')} />
        ) : !toVerify.data && toVerify.error ? (
          <Alert data-color="danger">
            <Paragraph>{t('toVerify.error')}</Paragraph>
            <Button variant="secondary" data-size="sm" onClick={() => void toVerify.refetch()}>
              {t('retry')}
            </Button>
          </Alert>
        ) : waiting.length === 0 ? (
          <Paragraph>{t('toVerify.empty')}</Paragraph>
        ) : (
          <>
            <Paragraph data-size="sm">{t('toVerify.count', { count: toVerify.data?.organizations.totalCount ?? waiting.length })}</Paragraph>
            <ul className="orgs-list">
              {waiting.map((o) => (
                <OrganizationCard
                  key={o.id}
                  organization={o}
                  municipality={municipality}
                  isAdmin={isAdmin}
                  action={{
                    label: t('toVerify.verify', { name: o.name }),
                    short: t('toVerify.verifyShort'),
                    onClick: () => {
                      setFailed(null);
                      setConfirm({ organization: o, verified: true });
                    },
                  }}
                />
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="orgs-verified" className="orgs-section">
        <Heading level={2} data-size="sm" id="orgs-verified">
          {t('verified.title')}
        </Heading>
        <Paragraph data-size="sm">{t('verified.intro')}</Paragraph>
        <Field className="orgs-search">
          <Label htmlFor="orgs-search">{t('verified.search')}</Label>
          <Field.Description>{t('verified.searchHint')}</Field.Description>
          <Search>
            <Search.Input id="orgs-search" value={search} onChange={(e) => setSearch(e.target.value)} aria-label={t('verified.search')} />
            <Search.Clear aria-label={t('dialog.cancel')} onClick={() => setSearch('')} />
          </Search>
        </Field>
        {searching ? (
          !verified.data && verified.loading ? (
            <Spinner aria-label={t('common:state.loading')} />
          ) : (verified.data?.organizations.nodes.length ?? 0) === 0 ? (
            <Paragraph>{t('verified.empty')}</Paragraph>
          ) : (
            <ul className="orgs-list">
              {verified.data!.organizations.nodes.map((o) => (
                <OrganizationCard
                  key={o.id}
                  organization={o}
                  municipality={municipality}
                  isAdmin={isAdmin}
                  action={{
                    label: t('verified.unverify', { name: o.name }),
                    short: t('verified.unverifyShort'),
                    danger: true,
                    onClick: () => {
                      setFailed(null);
                      setConfirm({ organization: o, verified: false });
                    },
                  }}
                />
              ))}
            </ul>
          )
        ) : null}
      </section>

      <ReadinessList countyCode={countyCode} />

      <ConfirmDialog
        open={confirm !== null}
        title={confirm ? (confirm.verified ? t('dialog.verifyTitle', { name: confirm.organization.name }) : t('dialog.unverifyTitle', { name: confirm.organization.name })) : ''}
        confirmLabel={confirm?.verified === false ? t('dialog.unverifyConfirm') : t('dialog.verifyConfirm')}
        cancelLabel={t('dialog.cancel')}
        closeLabel={t('dialog.close')}
        danger={confirm?.verified === false}
        busy={verifying.loading}
        error={failed}
        onClose={() => setConfirm(null)}
        onConfirm={() => void onConfirm()}
      >
        <Paragraph>{confirm?.verified === false ? t('dialog.unverifyBody') : t('dialog.verifyBody')}</Paragraph>
      </ConfirmDialog>
    </div>
  );
}
