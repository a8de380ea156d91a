import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { kindsFor, NOTIFICATION_PREFERENCES, NotificationSettings, SET_NOTIFICATION_PREFERENCE } from './NotificationSettings';
import { renderWithApi } from './test-support';

const preference = (kind: string, inApp = true, email = true) => ({ __typename: 'NotificationPreference', kind, inApp, email });

describe('notification settings', () => {
  it('lists the kinds in plain words and saves a change at once, saying so', async () => {
    const user = userEvent.setup();
    const saved = vi.fn();
    renderWithApi(<NotificationSettings />, [
      {
        request: { query: NOTIFICATION_PREFERENCES },
        result: { data: { notificationPreferences: [preference('OFFER_INVITED'), preference('OFFER_RECEIVED'), preference('FEEDBACK_RECEIVED')] } },
      },
      {
        request: { query: SET_NOTIFICATION_PREFERENCE, variables: { input: { kind: 'OFFER_INVITED', inApp: true, email: false } } },
        result: () => {
          saved();
          return { data: { setNotificationPreference: { __typename: 'SetNotificationPreferencePayload', notificationPreference: preference('OFFER_INVITED', true, false) } } };
        },
      },
    ]);
    // Designsystemet names the fieldset by its legend and its description together.
    const invited = await screen.findByRole('group', { name: 'Inbjudningar att lämna anbud När en köpare bjuder in ert företag att lämna anbud på ett behov.' });
    // Administrators' own kind is not offered to others.
    expect(screen.queryByRole('group', { name: /^Synpunkter på tillgängligheten/ })).not.toBeInTheDocument();
    const email = within(invited).getByRole('checkbox', { name: 'Med e-post' });
    expect(email).toBeChecked();
    await user.click(email);
    expect(await screen.findByText('Sparat. Inbjudningar att lämna anbud: bara i inkorgen.')).toBeInTheDocument();
    expect(saved).toHaveBeenCalledTimes(1);
    expect(within(invited).getByRole('checkbox', { name: 'Med e-post' })).not.toBeChecked();
    expect(within(invited).getByRole('checkbox', { name: 'I inkorgen' })).toBeChecked();
  });

  it('offers each organisation the kinds that concern it', () => {
    expect(kindsFor('SOCIAL_ENTERPRISE', false)).toContain('OFFER_INVITED');
    expect(kindsFor('SOCIAL_ENTERPRISE', false)).not.toContain('OFFER_RECEIVED');
    expect(kindsFor('MUNICIPALITY', false)).toContain('OFFER_RECEIVED');
    expect(kindsFor('REGION', false)).not.toContain('OFFER_INVITED');
    expect(kindsFor('MUNICIPALITY', true)).toBeNull();
  });
});
