import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { PLACE_PICKER_PLACES } from '../../components/PlacePicker';
import { AccountStep, CREATE_ORGANIZATION, OrganizationStep, REGISTER } from './RegisterPage';
import { renderWithApi, watchFocus } from './test-support';

const places = {
  request: { query: PLACE_PICKER_PLACES },
  result: {
    data: {
      counties: [{ __typename: 'County', code: '12', name: 'Skåne län' }],
      municipalities: [
        { __typename: 'Municipality', code: '1280', name: 'Malmö', countyCode: '12' },
        { __typename: 'Municipality', code: '1281', name: 'Lund', countyCode: '12' },
      ],
    },
  },
  maxUsageCount: 10,
};

const SUMMARY = { name: 'Rätta följande innan du fortsätter:' };

describe('registration, step 2: the organisationsnummer checked as it is typed', () => {
  it('says nothing while digits are missing, names a wrong check digit at once, and confirms a right number', async () => {
    const user = userEvent.setup();
    renderWithApi(<OrganizationStep onDone={() => undefined} />, [places]);
    const number = screen.getByRole('textbox', { name: 'Organisationsnummer' });
    expect(number).toHaveAccessibleDescription(/10 siffror, så här: NNNNNN-NNNN/);

    await user.type(number, '556016-068');
    expect(number).not.toHaveAttribute('aria-invalid', 'true');

    await user.type(number, '1');
    const wrong = 'Organisationsnumret har fel kontrollsiffra: den sista siffran ska vara 0 om de andra stämmer. Kontrollera numret.';
    await waitFor(() => expect(number).toHaveAccessibleDescription(expect.stringContaining(wrong)));
    expect(number).toHaveAttribute('aria-invalid', 'true');

    await user.type(number, '{Backspace}0');
    await waitFor(() => expect(number).not.toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText('556016-0680 är ett giltigt organisationsnummer.')).toBeInTheDocument();
  });

  it('asks for all ten digits once the person leaves the field with fewer', async () => {
    const user = userEvent.setup();
    renderWithApi(<OrganizationStep onDone={() => undefined} />, [places]);
    const number = screen.getByRole('textbox', { name: 'Organisationsnummer' });
    await user.type(number, '55601');
    expect(number).not.toHaveAttribute('aria-invalid', 'true');
    await user.tab();
    await waitFor(() => expect(number).toHaveAccessibleDescription(expect.stringContaining('Skriv organisationsnumret med 10 siffror, så här: NNNNNN-NNNN.')));
  });
});

describe('registration keeps what was typed', () => {
  let focus: ReturnType<typeof watchFocus>;
  beforeEach(() => {
    focus = watchFocus();
  });
  afterEach(() => focus.restore());

  it('step 1: an e-mail address already taken goes on its field, and every value stays', async () => {
    const user = userEvent.setup();
    const taken = 'Det finns redan ett konto med den här e-postadressen. Logga in i stället.';
    renderWithApi(<AccountStep steps={2} onDone={() => undefined} />, [
      {
        request: { query: REGISTER, variables: { input: { displayName: 'Sara Svensson', email: 'sara@exempel.se', password: 'tre ord i rad', session: 'COOKIE' } } },
        result: { errors: [new GraphQLError(taken, { extensions: { code: 'CONFLICT', fields: [{ path: ['email'], code: 'TAKEN', message: taken }] } })] },
      },
    ]);
    await user.type(screen.getByRole('textbox', { name: 'Ditt namn' }), 'Sara Svensson');
    await user.type(screen.getByRole('textbox', { name: 'E-postadress' }), 'sara@exempel.se');
    await user.type(screen.getByLabelText('Nytt lösenord'), 'tre ord i rad');
    await user.click(screen.getByRole('button', { name: 'Skapa konto och fortsätt' }));

    const summary = await screen.findByRole('group', SUMMARY);
    expect(within(summary).getByRole('link', { name: taken })).toHaveAttribute('href', '#register-account-email');
    await waitFor(() => expect(focus.tookFocus(summary)).toBe(true));
    expect(screen.getByRole('textbox', { name: 'E-postadress' })).toHaveAccessibleDescription(expect.stringContaining(taken));
    expect(screen.getByRole('textbox', { name: 'Ditt namn' })).toHaveValue('Sara Svensson');
    expect(screen.getByRole('textbox', { name: 'E-postadress' })).toHaveValue('sara@exempel.se');
    expect(screen.getByLabelText('Nytt lösenord')).toHaveValue('tre ord i rad');
  });

  it('step 1: shows the password rule and checks the length before asking the API', async () => {
    const user = userEvent.setup();
    renderWithApi(<AccountStep steps={2} onDone={() => undefined} />);
    const password = screen.getByLabelText('Nytt lösenord');
    expect(password).toHaveAccessibleDescription(/Minst 12 och högst 128 tecken/);
    await user.type(password, 'för kort');
    await user.click(screen.getByRole('button', { name: 'Skapa konto och fortsätt' }));
    const summary = await screen.findByRole('group', SUMMARY);
    expect(
      within(summary)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual(['Skriv ditt namn.', 'Skriv din e-postadress.', 'Lösenordet är för kort. Skriv minst 12 tecken.']);
    expect(password).toHaveValue('för kort');
  });

  it('step 2: a number registered already goes on its field, and every value stays', async () => {
    const user = userEvent.setup();
    const taken = 'Organisationsnumret 556016-0680 är redan registrerat. Be organisationens ägare att bjuda in dig i stället.';
    renderWithApi(<OrganizationStep onDone={() => undefined} />, [
      places,
      {
        request: {
          query: CREATE_ORGANIZATION,
          variables: {
            input: {
              name: 'Gröna Händer ekonomisk förening',
              organisationsnummer: '556016-0680',
              kind: 'SOCIAL_ENTERPRISE',
              countyCode: '12',
              municipalityCode: '1281',
              website: null,
            },
          },
        },
        result: { errors: [new GraphQLError(taken, { extensions: { code: 'CONFLICT', fields: [{ path: ['organisationsnummer'], code: 'TAKEN', message: taken }] } })] },
      },
    ]);
    await user.type(screen.getByRole('textbox', { name: 'Organisationens namn' }), 'Gröna Händer ekonomisk förening');
    await user.type(screen.getByRole('textbox', { name: 'Organisationsnummer' }), '556016-0680');
    await user.click(screen.getByRole('radio', { name: /Socialt företag/ }));
    await screen.findByRole('option', { name: 'Lund' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kommun' }), 'Lund');
    await user.click(screen.getByRole('button', { name: 'Registrera organisationen' }));

    const summary = await screen.findByRole('group', SUMMARY);
    expect(within(summary).getByRole('link', { name: taken })).toHaveAttribute('href', '#register-organization-organisationsnummer');
    await waitFor(() => expect(focus.tookFocus(summary)).toBe(true));
    expect(screen.getByRole('textbox', { name: 'Organisationsnummer' })).toHaveAccessibleDescription(expect.stringContaining(taken));
    expect(screen.getByRole('textbox', { name: 'Organisationens namn' })).toHaveValue('Gröna Händer ekonomisk förening');
    expect(screen.getByRole('textbox', { name: 'Organisationsnummer' })).toHaveValue('556016-0680');
    expect(screen.getByRole('radio', { name: /Socialt företag/ })).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Län' })).toHaveValue('12');
    expect(screen.getByRole('combobox', { name: 'Kommun' })).toHaveValue('1281');
  });

  it('step 2: the kind and the place are asked for, and the summary links to them', async () => {
    const user = userEvent.setup();
    renderWithApi(<OrganizationStep onDone={() => undefined} />, [places]);
    await user.click(screen.getByRole('button', { name: 'Registrera organisationen' }));
    const summary = await screen.findByRole('group', SUMMARY);
    expect(
      within(summary)
        .getAllByRole('link')
        .map((l) => [l.textContent, l.getAttribute('href')]),
    ).toEqual([
      ['Skriv organisationens namn.', '#register-organization-name'],
      ['Skriv organisationsnumret.', '#register-organization-organisationsnummer'],
      ['Välj vilken sorts organisation det är.', '#register-organization-kind-SOCIAL_ENTERPRISE'],
      ['Välj län, och kommun om organisationen hör till en.', '#register-organization-place-county'],
    ]);
    expect(document.getElementById('register-organization-kind-SOCIAL_ENTERPRISE')).toHaveAttribute('type', 'radio');
    expect(document.getElementById('register-organization-place-county')?.tagName).toBe('SELECT');
  });
});
