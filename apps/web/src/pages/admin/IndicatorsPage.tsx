import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Paragraph, Spinner, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminIndicatorsQuery } from '../../gql/graphql';
import { problemsOf } from '../../forms/api-errors';
import { ConfirmDialog } from '../offers/ConfirmDialog';
import '../offers/offers.css';
import { ADMIN_INDICATORS, ADMIN_UPDATE_INDICATOR } from './admin-queries';
import { AdminPage } from './admin-shared';
import { IndicatorForm } from './IndicatorForm';

export type Indicator = AdminIndicatorsQuery['impactIndicators'][number];

/** The catalogue of impact indicators, retired ones too: add, change, retire and reinstate. */
export function IndicatorsPage() {
  const { t } = useTranslation('admin');
  return (
    <AdminPage title={t('indicators.title')}>
      <Paragraph>{t('indicators.lead')}</Paragraph>
      <Catalogue />
    </AdminPage>
  );
}

type Editing = { kind: 'new' } | { kind: 'edit'; indicator: Indicator } | null;

function Catalogue() {
  const { t, i18n } = useTranslation('admin');
  const { data, loading, error } = useQuery(ADMIN_INDICATORS, { fetchPolicy: 'cache-and-network' });
  const [editing, setEditing] = useState<Editing>(null);
  const [toggling, setToggling] = useState<Indicator | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [toggleError, setToggleError] = useState<string | null>(null);
  const [update, { loading: updating }] = useMutation(ADMIN_UPDATE_INDICATOR, { refetchQueries: [ADMIN_INDICATORS], awaitRefetchQueries: true });
  const name = (i: Indicator) => (i18n.language === 'en' ? i.nameEn : i.nameSv);

  const toggle = async () => {
    if (!toggling) return;
    setToggleError(null);
    try {
      await update({ variables: { input: { indicatorCode: toggling.code, version: toggling.version, active: !toggling.active } } });
      setDone(t(toggling.active ? 'indicators.retiredDone' : 'indicators.reinstatedDone', { code: toggling.code }));
      setToggling(null);
    } catch (e) {
      const found = problemsOf(e, t('indicators.failed'));
      setToggleError([found.general, ...found.fields.map((f) => f.message)].filter(Boolean).join(' ') || t('indicators.failed'));
    }
  };

  if (!data && loading) return <Spinner aria-label={t('indicators.loading')} />;
  if (!data) {
    return error ? (
      <Alert data-color="danger">
        <Paragraph>{t('indicators.error')}</Paragraph>
      </Alert>
    ) : null;
  }
  const indicators = [...data.impactIndicators].sort((a, b) => Number(b.active) - Number(a.active) || a.code.localeCompare(b.code));
  return (
    <>
      <div role="status" aria-live="polite">
        {done ? (
          <Alert data-color="success">
            <Paragraph>{done}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {editing ? (
        <IndicatorForm
          indicator={editing.kind === 'edit' ? editing.indicator : null}
          onCancel={() => setEditing(null)}
          onSaved={(code) => {
            setEditing(null);
            setDone(t('indicators.saved', { code }));
          }}
        />
      ) : (
        <div>
          <Button
            onClick={() => {
              setDone(null);
              setEditing({ kind: 'new' });
            }}
          >
            {t('indicators.add')}
          </Button>
        </div>
      )}
      <div className="admin-table-wrap" role="region" aria-label={t('indicators.tableRegion')} tabIndex={0}>
        <Table className="admin-table">
          <caption className="visually-hidden">{t('indicators.tableCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('indicators.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('indicators.code')}</Table.HeaderCell>
              <Table.HeaderCell>{t('indicators.unit')}</Table.HeaderCell>
              <Table.HeaderCell>{t('indicators.theme')}</Table.HeaderCell>
              <Table.HeaderCell>{t('indicators.status')}</Table.HeaderCell>
              <Table.HeaderCell>{t('indicators.actions')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {indicators.map((i) => (
              <Table.Row key={i.code}>
                <Table.HeaderCell scope="row">{name(i)}</Table.HeaderCell>
                <Table.Cell>
                  <code>{i.code}</code>
                </Table.Cell>
                <Table.Cell>{t(`indicators.unit_${i.unit}`)}</Table.Cell>
                <Table.Cell>{t(`indicators.theme_${i.theme}`)}</Table.Cell>
                <Table.Cell>
                  <Tag data-size="sm" data-color={i.active ? 'success' : 'neutral'}>
                    {i.active ? t('indicators.active') : t('indicators.retired')}
                  </Tag>
                </Table.Cell>
                <Table.Cell>
                  <div className="admin-actions">
                    <Button
                      variant="secondary"
                      data-size="sm"
                      aria-label={t('indicators.edit', { name: name(i) })}
                      onClick={() => {
                        setDone(null);
                        setEditing({ kind: 'edit', indicator: i });
                      }}
                    >
                      {t('indicators.actions')}
                    </Button>
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      onClick={() => {
                        setDone(null);
                        setToggleError(null);
                        setToggling(i);
                      }}
                    >
                      {t(i.active ? 'indicators.retire' : 'indicators.reinstate', { name: name(i) })}
                    </Button>
                  </div>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <ConfirmDialog
        open={toggling !== null}
        title={toggling ? t(toggling.active ? 'indicators.retireTitle' : 'indicators.reinstateTitle', { name: name(toggling) }) : ''}
        confirmLabel={toggling?.active ? t('indicators.retireYes') : t('indicators.reinstateYes')}
        cancelLabel={t('indicators.cancel')}
        closeLabel={t('indicators.close')}
        onConfirm={() => void toggle()}
        onClose={() => setToggling(null)}
        busy={updating}
        error={toggleError}
        danger={toggling?.active}
      >
        <Paragraph>{toggling?.active ? t('indicators.retireBody') : t('indicators.reinstateBody')}</Paragraph>
      </ConfirmDialog>
    </>
  );
}

export { IndicatorsPage as Component };
