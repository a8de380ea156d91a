import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Checkbox, Fieldset, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { graphql } from '../../gql';
import type { NotificationKind } from '../../gql/graphql';

export const NOTIFICATION_PREFERENCES = graphql(`
  query NotificationSettings {
    notificationPreferences {
      kind
      inApp
      email
    }
  }
`);

export const SET_NOTIFICATION_PREFERENCE = graphql(`
  mutation NotificationSettingsSet($input: SetNotificationPreferenceInput!) {
    setNotificationPreference(input: $input) {
      notificationPreference {
        kind
        inApp
        email
      }
    }
  }
`);

/** The kinds that concern a buyer (a kommun or a region), a social enterprise, and everyone. */
const BUYER: readonly NotificationKind[] = [
  'OFFER_RECEIVED',
  'OFFER_STATUS_CHANGED',
  'INTRODUCTION_MADE',
  'INTRODUCTION_ANSWERED',
  'PARTNERSHIP_STARTED',
  'PARTNERSHIP_TARGETS',
  'PARTNERSHIP_ENDED',
  'REPORT_SUBMITTED',
];
const ENTERPRISE: readonly NotificationKind[] = [
  'MATCH_STRONG',
  'OFFER_INVITED',
  'OFFER_STATUS_CHANGED',
  'INTRODUCTION_RECEIVED',
  'PARTNERSHIP_STARTED',
  'PARTNERSHIP_TARGETS',
  'PARTNERSHIP_ENDED',
  'REPORT_DUE',
  'REPORT_CONFIRMED',
  'REPORT_RETURNED',
];
const EVERYONE: readonly NotificationKind[] = ['ORGANIZATION_VERIFIED', 'ORGANIZATION_UNVERIFIED'];

/** The kinds worth choosing for the organisation the person acts for (all of them for coordinators and administrators). */
export function kindsFor(organizationKind: string | null | undefined, admin: boolean): readonly NotificationKind[] | null {
  if (admin) return null;
  if (organizationKind === 'MUNICIPALITY' || organizationKind === 'REGION') return [...BUYER, ...EVERYONE];
  if (organizationKind === 'SOCIAL_ENTERPRISE') return [...ENTERPRISE, ...EVERYONE];
  return null;
}

/**
 * "Inställningar för aviseringar": each kind of notification that concerns the organisation the person acts
 * for, in plain words, with whether it reaches the inbox and e-mail. Each change is saved at once and said.
 */
export function NotificationSettings() {
  const { t } = useTranslation('accounts');
  const { me, organization } = useSession();
  const { data, loading, error, refetch } = useQuery(NOTIFICATION_PREFERENCES);
  const [setPreference] = useMutation(SET_NOTIFICATION_PREFERENCE);
  const [said, setSaid] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState<string | null>(null);
  const admin = me?.platformRole === 'ADMIN';
  const wanted = kindsFor(organization?.kind, admin);
  // In the order the organisation meets them (the API lists them in the order they were added).
  const preferences = (data?.notificationPreferences ?? [])
    .filter((p) => (wanted ? wanted.includes(p.kind) : admin || p.kind !== 'FEEDBACK_RECEIVED'))
    .sort((a, b) => (wanted ? wanted.indexOf(a.kind) - wanted.indexOf(b.kind) : 0));

  const change = async (kind: NotificationKind, inApp: boolean, email: boolean) => {
    setFailure(null);
    setSaving(kind);
    try {
      await setPreference({
        variables: { input: { kind, inApp, email } },
        optimisticResponse: { setNotificationPreference: { notificationPreference: { kind, inApp, email } } },
        // A preference has no id of its own: the list is written again with the kind's new choice.
        update: (cache, { data: answer }) => {
          const saved = answer?.setNotificationPreference.notificationPreference;
          if (!saved) return;
          cache.updateQuery({ query: NOTIFICATION_PREFERENCES }, (previous) =>
            previous ? { notificationPreferences: previous.notificationPreferences.map((p) => (p.kind === saved.kind ? { ...p, ...saved } : p)) } : previous,
          );
        },
      });
      setSaid(t('settings.saved', { kind: t(`settings.kinds.${kind}.title`), channels: channels(inApp, email) }));
    } catch {
      setFailure(t('settings.failed'));
      void refetch();
    } finally {
      setSaving(null);
    }
  };
  const channels = (inApp: boolean, email: boolean) =>
    inApp && email ? t('settings.both') : inApp ? t('settings.onlyInbox') : email ? t('settings.onlyEmail') : t('settings.none');

  return (
    <section aria-labelledby="notification-settings" className="accounts-settings">
      <Heading level={2} data-size="md" id="notification-settings">
        {t('settings.title')}
      </Heading>
      <Paragraph>{t('settings.intro')}</Paragraph>
      {error && !data ? (
        <Alert data-color="danger">
          <Paragraph>{t('settings.loadFailed')}</Paragraph>
        </Alert>
      ) : !data && loading ? (
        <Spinner aria-label={t('common:state.loading')} />
      ) : (
        <div className="accounts-settings-list">
          {preferences.map((p) => (
            <Fieldset key={p.kind} className="accounts-setting" aria-busy={saving === p.kind || undefined}>
              <Fieldset.Legend>{t(`settings.kinds.${p.kind}.title`)}</Fieldset.Legend>
              <Fieldset.Description>{t(`settings.kinds.${p.kind}.description`)}</Fieldset.Description>
              <div className="accounts-setting-channels">
                <Checkbox label={t('settings.inApp')} checked={p.inApp} onChange={(e) => void change(p.kind, e.target.checked, p.email)} />
                <Checkbox label={t('settings.email')} checked={p.email} onChange={(e) => void change(p.kind, p.inApp, e.target.checked)} />
              </div>
            </Fieldset>
          ))}
        </div>
      )}
      {failure ? <Alert data-color="danger">{failure}</Alert> : null}
      <p role="status" className="accounts-settings-said">
        {said}
      </p>
    </section>
  );
}
