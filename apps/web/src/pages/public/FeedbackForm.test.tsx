import { MockedProvider, type MockedProviderProps } from '@apollo/client/testing/react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { FeedbackForm, SEND_FEEDBACK } from './FeedbackForm';

type MockedResponse = NonNullable<MockedProviderProps['mocks']>[number];

const sent = (input: Record<string, unknown>): MockedResponse => ({
  request: { query: SEND_FEEDBACK, variables: { input } },
  result: { data: { sendFeedback: { __typename: 'SendFeedbackPayload', feedbackId: 'f1', receivedAt: '2026-12-07T10:00:00Z' } } },
});

const renderForm = (mocks: MockedResponse[] = [], initialPage = '') =>
  render(
    <MockedProvider mocks={mocks}>
      <FeedbackForm initialPage={initialPage} />
    </MockedProvider>,
  );

describe('the accessibility feedback form', () => {
  it('asks for the message in an error summary that links to the field, and sends nothing', async () => {
    const user = userEvent.setup();
    renderForm();
    await user.type(screen.getByRole('textbox', { name: 'Din e-postadress (frivilligt)' }), 'inte-en-adress');
    await user.click(screen.getByRole('button', { name: 'Skicka synpunkten' }));

    const summary = await screen.findByRole('group', { name: 'Rätta följande innan du fortsätter:' });
    expect(
      within(summary)
        .getAllByRole('link')
        .map((l) => [l.textContent, l.getAttribute('href')]),
    ).toEqual([
      ['Skriv vad som inte fungerade.', '#feedback-message'],
      ['Skriv en e-postadress, till exempel namn@kommun.se.', '#feedback-email'],
    ]);
    const message = screen.getByRole('textbox', { name: 'Vad fungerade inte?' });
    expect(message).toHaveAttribute('aria-invalid', 'true');
    expect(message).toHaveAccessibleDescription(/Skriv vad som inte fungerade\./);
  });

  it('sends the message anonymously, with the page it came from, and thanks without promising an answer', async () => {
    const user = userEvent.setup();
    renderForm([sent({ message: 'Knappen går inte att nå med tangentbordet.', page: '/behov', email: null })], '/behov');
    expect(screen.getByRole('textbox', { name: 'Vilken sida gäller det? (frivilligt)' })).toHaveValue('/behov');
    await user.type(screen.getByRole('textbox', { name: 'Vad fungerade inte?' }), '  Knappen går inte att nå med tangentbordet. ');
    await user.click(screen.getByRole('button', { name: 'Skicka synpunkten' }));

    expect(await screen.findByRole('heading', { name: 'Tack för din synpunkt' })).toBeInTheDocument();
    expect(screen.getByText('Vi har tagit emot den. Du har inte lämnat någon e-postadress, så vi kan inte svara dig.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Skicka en synpunkt till' }));
    expect(screen.getByRole('textbox', { name: 'Vad fungerade inte?' })).toHaveValue('');
  });

  it('promises an answer to the address given', async () => {
    const user = userEvent.setup();
    renderForm([sent({ message: 'Kontrasten är låg.', page: null, email: 'anna@exempel.se' })]);
    await user.type(screen.getByRole('textbox', { name: 'Vad fungerade inte?' }), 'Kontrasten är låg.');
    await user.type(screen.getByRole('textbox', { name: 'Din e-postadress (frivilligt)' }), 'anna@exempel.se');
    await user.click(screen.getByRole('button', { name: 'Skicka synpunkten' }));
    expect(await screen.findByText('Vi har tagit emot den och svarar till anna@exempel.se.')).toBeInTheDocument();
  });

  it('puts the API’s problems on their fields, and a refusal without a field in the summary', async () => {
    const user = userEvent.setup();
    const tooLong = 'Skriv högst 500 tecken.';
    renderForm([
      {
        request: { query: SEND_FEEDBACK, variables: { input: { message: 'Hej', page: 'x'.repeat(501), email: null } } },
        result: {
          errors: [new GraphQLError('En uppgift behöver rättas.', { extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['page'], code: 'TOO_LONG', message: tooLong }] } })],
        },
      },
      {
        request: { query: SEND_FEEDBACK, variables: { input: { message: 'Hej', page: null, email: null } } },
        result: { errors: [new GraphQLError('Du har skickat många synpunkter på kort tid. Vänta 60 sekunder och försök igen.', { extensions: { code: 'TOO_MANY_REQUESTS' } })] },
      },
    ]);
    await user.type(screen.getByRole('textbox', { name: 'Vad fungerade inte?' }), 'Hej');
    const page = screen.getByRole('textbox', { name: 'Vilken sida gäller det? (frivilligt)' });
    await user.click(page);
    await user.paste('x'.repeat(501));
    await user.click(screen.getByRole('button', { name: 'Skicka synpunkten' }));
    const summary = await screen.findByRole('group', { name: 'Rätta följande innan du fortsätter:' });
    expect(within(summary).getByRole('link', { name: tooLong })).toHaveAttribute('href', '#feedback-page');
    expect(page).toHaveAccessibleDescription(new RegExp(tooLong));

    await user.clear(page);
    await user.click(screen.getByRole('button', { name: 'Skicka synpunkten' }));
    await waitFor(() =>
      expect(screen.getByRole('group', { name: 'Rätta följande innan du fortsätter:' })).toHaveTextContent(
        'Du har skickat många synpunkter på kort tid. Vänta 60 sekunder och försök igen.',
      ),
    );
  });
});
