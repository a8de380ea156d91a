import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { LOGIN, SignInForm } from './SignInPage';
import { renderWithApi, watchFocus } from './test-support';

const loginFails = (email: string, password: string, error: GraphQLError) => ({
  request: { query: LOGIN, variables: { input: { email, password, session: 'COOKIE' } } },
  result: { errors: [error] },
});

describe('the sign-in form', () => {
  let focus: ReturnType<typeof watchFocus>;
  beforeEach(() => {
    focus = watchFocus();
  });
  afterEach(() => focus.restore());

  it('answers an empty submit with a Swedish error summary that takes focus and links to each field', async () => {
    const user = userEvent.setup();
    renderWithApi(<SignInForm onSignedIn={() => undefined} />);
    await user.click(screen.getByRole('button', { name: 'Logga in' }));

    const summary = await screen.findByRole('group', { name: 'Rätta följande innan du fortsätter:' });
    await waitFor(() => expect(focus.tookFocus(summary)).toBe(true));
    const links = within(summary).getAllByRole('link');
    expect(links.map((l) => [l.textContent, l.getAttribute('href')])).toEqual([
      ['Skriv din e-postadress.', '#sign-in-email'],
      ['Skriv ditt lösenord.', '#sign-in-password'],
    ]);
    const email = screen.getByRole('textbox', { name: 'E-postadress' });
    expect(email).toHaveAttribute('id', 'sign-in-email');
    expect(email).toHaveAccessibleDescription(/Skriv din e-postadress\./);
    expect(email).toHaveAttribute('aria-invalid', 'true');
  });

  it('puts the API’s problem with a field on that field and in the summary', async () => {
    const user = userEvent.setup();
    const problem = 'Skriv en e-postadress, till exempel namn@kommun.se.';
    renderWithApi(<SignInForm onSignedIn={() => undefined} />, [
      loginFails(
        'anna@',
        'ett långt lösenord',
        new GraphQLError('Kontrollera fälten.', { extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['email'], code: 'INVALID_FORMAT', message: problem }] } }),
      ),
    ]);
    await user.type(screen.getByRole('textbox', { name: 'E-postadress' }), 'anna@');
    await user.type(screen.getByLabelText('Lösenord'), 'ett långt lösenord');
    await user.click(screen.getByRole('button', { name: 'Logga in' }));

    const summary = await screen.findByRole('group', { name: 'Rätta följande innan du fortsätter:' });
    expect(within(summary).getByRole('link', { name: problem })).toHaveAttribute('href', '#sign-in-email');
    await waitFor(() => expect(focus.tookFocus(summary)).toBe(true));
    expect(screen.getByRole('textbox', { name: 'E-postadress' })).toHaveAccessibleDescription(problem);
    // What was typed stays.
    expect(screen.getByRole('textbox', { name: 'E-postadress' })).toHaveValue('anna@');
    expect(screen.getByLabelText('Lösenord')).toHaveValue('ett långt lösenord');
  });

  it('shows a wrong e-mail or password on the password, as the API words it', async () => {
    const user = userEvent.setup();
    const wrong = 'E-postadressen eller lösenordet är fel.';
    renderWithApi(<SignInForm onSignedIn={() => undefined} />, [
      loginFails('anna@malmo.se', 'fel lösenord här', new GraphQLError(wrong, { extensions: { code: 'UNAUTHENTICATED' } })),
    ]);
    await user.type(screen.getByRole('textbox', { name: 'E-postadress' }), 'anna@malmo.se');
    await user.type(screen.getByLabelText('Lösenord'), 'fel lösenord här');
    await user.click(screen.getByRole('button', { name: 'Logga in' }));
    const summary = await screen.findByRole('group', { name: 'Rätta följande innan du fortsätter:' });
    expect(within(summary).getByRole('link', { name: wrong })).toHaveAttribute('href', '#sign-in-password');
    expect(screen.getByLabelText('Lösenord')).toHaveAccessibleDescription(wrong);
  });
});
