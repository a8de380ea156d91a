import { useQuery } from '@apollo/client/react';
import { Alert, Button, Field, Heading, Input, Label, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUrlFilters } from '../../components/url-filters';
import { PLACE_PICKER_PLACES } from '../../components/PlacePicker';
import type { AdminPeopleQuery } from '../../gql/graphql';
import { formatDate, formatNumber } from '../../lib/format';
import { ADMIN_PEOPLE } from './admin-queries';
import { AdminPage } from './admin-shared';
import { RoleDialog } from './RoleDialog';

const PAGE_SIZE = 25;
/** The search in the address: /admin/personer?q=anna */
const PEOPLE_FILTERS = { q: 'text' } as const;

export type Person = AdminPeopleQuery['users']['nodes'][number];

/** People with accounts, searchable, each with their platform role and a way to change it. */
export function PeoplePage() {
  const { t } = useTranslation('admin');
  return (
    <AdminPage title={t('people.title')}>
      <Paragraph>{t('people.lead')}</Paragraph>
      <People />
    </AdminPage>
  );
}

function People() {
  const { t } = useTranslation('admin');
  const { values, set } = useUrlFilters(PEOPLE_FILTERS);
  const { data, previousData, loading, error, fetchMore } = useQuery(ADMIN_PEOPLE, {
    variables: { search: values.q || null, first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const places = useQuery(PLACE_PICKER_PLACES, { fetchPolicy: 'cache-first' });
  const countyName = (code: string) => places.data?.counties.find((c) => c.code === code)?.name ?? code;
  const [editing, setEditing] = useState<Person | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const result = (data ?? previousData)?.users;
  const searching = loading && !loadingMore;

  const loadMore = async () => {
    if (!result?.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after: result.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          ...fetchMoreResult,
          users: { ...fetchMoreResult.users, nodes: [...previous.users.nodes, ...fetchMoreResult.users.nodes] },
        }),
      });
    } finally {
      setLoadingMore(false);
    }
  };

  const countText = searching
    ? t('people.loading')
    : result
      ? result.totalCount === 0
        ? t('people.countNone')
        : t('people.count', { count: result.totalCount, formatted: formatNumber(result.totalCount) })
      : '';

  return (
    <>
      <Search value={values.q} onSearch={(q) => set({ q })} />
      <p role="status" aria-live="polite" aria-atomic="true">
        {countText}
      </p>
      <div role="status" aria-live="polite">
        {saved ? (
          <Alert data-color="success">
            <Paragraph>{saved}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {error && !result ? (
        <Alert data-color="danger">
          <Paragraph>{t('people.error')}</Paragraph>
        </Alert>
      ) : !result ? (
        <Spinner aria-label={t('common:state.loading')} />
      ) : result.totalCount === 0 ? (
        <Paragraph>{t('people.empty')}</Paragraph>
      ) : (
        <>
          <div className="admin-table-wrap" role="region" aria-label={t('people.tableRegion')} tabIndex={0}>
            <Table className="admin-table" aria-busy={searching}>
              <caption className="visually-hidden">{t('people.tableCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('people.name')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('people.email')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('people.role')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('people.counties')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('people.created')}</Table.HeaderCell>
                  <Table.HeaderCell>
                    <span className="visually-hidden">{t('people.change')}</span>
                  </Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {result.nodes.map((person) => (
                  <Table.Row key={person.id}>
                    <Table.HeaderCell scope="row">{person.displayName}</Table.HeaderCell>
                    <Table.Cell>{person.email ?? t('people.noEmail')}</Table.Cell>
                    <Table.Cell>{t(`people.role_${person.platformRole}`)}</Table.Cell>
                    <Table.Cell>{person.coordinatorCountyCodes.map(countyName).join(', ')}</Table.Cell>
                    <Table.Cell className="admin-nowrap">{formatDate(person.createdAt.slice(0, 10))}</Table.Cell>
                    <Table.Cell>
                      <Button
                        variant="secondary"
                        data-size="sm"
                        onClick={() => {
                          setSaved(null);
                          setEditing(person);
                        }}
                        aria-label={t('people.changeFor', { name: person.displayName })}
                      >
                        {t('people.change')}
                      </Button>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          {result.pageInfo.hasNextPage ? (
            <div>
              <Button variant="secondary" onClick={() => void loadMore()} loading={loadingMore} disabled={loadingMore}>
                {t('people.more')}
              </Button>
            </div>
          ) : null}
        </>
      )}
      {editing ? (
        <RoleDialog
          person={editing}
          counties={places.data?.counties ?? []}
          onClose={() => setEditing(null)}
          onSaved={(role) => {
            setSaved(t('people.saved', { name: editing.displayName, role: t(`people.role_${role}`).toLowerCase() }));
            setEditing(null);
          }}
        />
      ) : null}
    </>
  );
}

function Search({ value, onSearch }: { value: string; onSearch(q: string): void }) {
  const { t } = useTranslation('admin');
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  return (
    <form role="search" onSubmit={submit} aria-labelledby="admin-people-search-heading">
      <Heading level={2} data-size="xs" id="admin-people-search-heading" className="visually-hidden">
        {t('people.search')}
      </Heading>
      <Field>
        <Label htmlFor="admin-people-q">{t('people.search')}</Label>
        <Field.Description>{t('people.searchHint')}</Field.Description>
        <div className="admin-actions">
          <Input id="admin-people-q" type="search" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
          <Button type="submit" variant="secondary">
            {t('people.searchButton')}
          </Button>
        </div>
      </Field>
    </form>
  );
}

export { PeoplePage as Component };
