import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { MemoryRouter } from 'react-router';
import { watchFocus } from '../accounts/test-support';
import { AnswerForm, RESPOND_TO_INTRODUCTION } from './IntroductionsPage';

const introduction = {
  __typename: 'Introduction' as const,
  id: 'i1',
  version: 2,
  status: 'PROPOSED' as const,
  createdAt: '2026-12-01T09:00:00Z',
  respondedAt: null,
  note: 'Ni arbetstränar redan i grön miljö.',
  responseNote: '',
  coordinator: { __typename: 'User' as const, id: 'u1', displayName: 'Petra Nilsson' },
  need: {
    __typename: 'Need' as const,
    id: 'n1',
    title: 'Utvecklingsmedel 2027',
    responseDeadline: null,
    buyer: { __typename: 'Organization' as const, id: 'b1', name: 'Region Skåne' },
  },
};

function renderForm(mocks: MockLink.MockedResponse[] = []) {
  const onAnswered = vi.fn();
  render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter>
        <AnswerForm introduction={introduction} onAnswered={onAnswered} />
      </MemoryRouter>
    </MockedProvider>,
  );
  return onAnswered;
}

const SUMMARY = { name: 'Rätta följande innan du fortsätter:' };

describe('answering an introduction', () => {
  let focus: ReturnType<typeof watchFocus>;
  beforeEach(() => {
    focus = watchFocus();
  });
  afterEach(() => focus.restore());

  it('asks for a choice, and for a reason when declining', async () => {
    const user = userEvent.setup();
    const onAnswered = renderForm();
    await user.click(screen.getByRole('button', { name: 'Skicka svaret' }));
    const summary = await screen.findByRole('group', SUMMARY);
    expect(within(summary).getByRole('link', { name: 'Välj om ni är intresserade eller inte.' })).toHaveAttribute('href', '#introduction-i1-answer-accept');
    await waitFor(() => expect(focus.tookFocus(summary)).toBe(true));

    await user.click(screen.getByRole('radio', { name: 'Nej tack' }));
    await user.click(screen.getByRole('button', { name: 'Skicka svaret' }));
    const reason = screen.getByRole('textbox', { name: 'Varför tackar ni nej?' });
    await waitFor(() => expect(reason).toHaveAccessibleDescription(expect.stringContaining('Skriv varför ni tackar nej.')));
    expect(within(screen.getByRole('group', SUMMARY)).getByRole('link', { name: 'Skriv varför ni tackar nej.' })).toHaveAttribute('href', '#introduction-i1-note');
    expect(onAnswered).not.toHaveBeenCalled();
  });

  it('declines with the reason, and the API’s problem with the note goes on the note', async () => {
    const user = userEvent.setup();
    const problem = 'Skriv högst 2 000 tecken.';
    const onAnswered = renderForm([
      {
        request: { query: RESPOND_TO_INTRODUCTION, variables: { input: { introductionId: 'i1', version: 2, accept: false, note: 'Vi har inte plats i höst.' } } },
        result: {
          errors: [new GraphQLError('Rätta meddelandet.', { extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['input', 'note'], code: 'TOO_LONG', message: problem }] } })],
        },
      },
      {
        request: { query: RESPOND_TO_INTRODUCTION, variables: { input: { introductionId: 'i1', version: 2, accept: false, note: 'Vi har inte plats i höst.' } } },
        result: {
          data: {
            respondToIntroduction: {
              __typename: 'RespondToIntroductionPayload',
              introduction: {
                __typename: 'Introduction',
                id: 'i1',
                version: 3,
                status: 'DECLINED',
                respondedAt: '2026-12-07T10:00:00Z',
                responseNote: 'Vi har inte plats i höst.',
              },
            },
          },
        },
      },
    ]);
    await user.click(screen.getByRole('radio', { name: 'Nej tack' }));
    await user.type(screen.getByRole('textbox', { name: 'Varför tackar ni nej?' }), 'Vi har inte plats i höst.');
    await user.click(screen.getByRole('button', { name: 'Skicka svaret' }));
    const summary = await screen.findByRole('group', SUMMARY);
    expect(within(summary).getByRole('link', { name: problem })).toHaveAttribute('href', '#introduction-i1-note');
    expect(screen.getByRole('textbox', { name: 'Varför tackar ni nej?' })).toHaveValue('Vi har inte plats i höst.');

    await user.click(screen.getByRole('button', { name: 'Skicka svaret' }));
    await waitFor(() => expect(onAnswered).toHaveBeenCalledWith({ accepted: false, title: 'Utvecklingsmedel 2027', needId: 'n1' }));
  });

  it('accepts without a note', async () => {
    const user = userEvent.setup();
    const onAnswered = renderForm([
      {
        request: { query: RESPOND_TO_INTRODUCTION, variables: { input: { introductionId: 'i1', version: 2, accept: true, note: null } } },
        result: {
          data: {
            respondToIntroduction: {
              __typename: 'RespondToIntroductionPayload',
              introduction: { __typename: 'Introduction', id: 'i1', version: 3, status: 'ACCEPTED', respondedAt: '2026-12-07T10:00:00Z', responseNote: '' },
            },
          },
        },
      },
    ]);
    await user.click(screen.getByRole('radio', { name: 'Ja, vi är intresserade' }));
    expect(screen.getByRole('textbox', { name: 'Meddelande till samordnaren och köparen (frivilligt)' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Skicka svaret' }));
    await waitFor(() => expect(onAnswered).toHaveBeenCalledWith({ accepted: true, title: 'Utvecklingsmedel 2027', needId: 'n1' }));
  });
});
