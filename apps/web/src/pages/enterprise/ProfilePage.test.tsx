import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { MemoryRouter } from 'react-router';
import { PLACE_PICKER_PLACES } from '../../components/PlacePicker';
import { SDG_PICKER_GOALS } from '../../components/SdgPicker';
import { watchFocus } from '../accounts/test-support';
import { inputOf, PROFILE_PAGE_PROFILE, ProfileEditor, ProfileForm, SAVE_ENTERPRISE_PROFILE, valuesOf, type Profile } from './ProfilePage';

const places = {
  request: { query: PLACE_PICKER_PLACES },
  result: {
    data: {
      counties: [{ __typename: 'County', code: '12', name: 'Skåne län' }],
      municipalities: [
        { __typename: 'Municipality', code: '1280', name: 'Malmö', countyCode: '12' },
        { __typename: 'Municipality', code: '1283', name: 'Helsingborg', countyCode: '12' },
      ],
    },
  },
  maxUsageCount: 20,
};

const goals = {
  request: { query: SDG_PICKER_GOALS },
  result: { data: { sdgs: [{ __typename: 'Sdg', number: 8, titleSv: 'Anständiga arbetsvillkor och ekonomisk tillväxt', titleEn: 'Decent work and economic growth' }] } },
  maxUsageCount: 20,
};

const CAPACITY_ADVICE = 'Ange det största kontrakt verksamheten kan ta, i kronor. Då ser köparna vad som passar.';

function profile(extra: Partial<Profile> = {}): Profile {
  return {
    __typename: 'EnterpriseProfile',
    organizationId: 'o1',
    version: 3,
    description: 'Växthuset är en stadsodling och plantskola i norra Helsingborg där människor arbetstränar bland växter och tar uppdrag.',
    services: 'Plantering och skötsel av rabatter',
    cpvCodes: [],
    sdgs: [8],
    nationwide: false,
    municipalityCodes: ['1283'],
    countyCodes: [],
    employees: 15,
    annualTurnoverSek: 3_400_000,
    maxContractSek: null,
    legalForm: 'IDEELL_FORENING',
    ideburen: true,
    workIntegrating: true,
    farFromLabourMarketShare: 80,
    certifications: ['Skoopi-medlem'],
    updatedAt: '2026-12-01T10:00:00Z',
    readiness: {
      __typename: 'Readiness',
      score: 85,
      missing: [{ __typename: 'ReadinessItem', item: 'capacity', advice: CAPACITY_ADVICE }],
    },
    ...extra,
  } as Profile;
}

const complete = (p: Profile): Profile => ({ ...p, readiness: { __typename: 'Readiness', score: 100, missing: [] } }) as Profile;

function renderForm(current: Profile | null, mocks: MockLink.MockedResponse[] = [], onSaved = vi.fn()) {
  render(
    <MockedProvider mocks={[places, goals, ...mocks]}>
      <MemoryRouter>
        <ProfileForm organizationId="o1" profile={current} onSaved={onSaved} onReload={() => undefined} />
      </MemoryRouter>
    </MockedProvider>,
  );
  return onSaved;
}

const SUMMARY = { name: 'Rätta följande innan du fortsätter:' };

describe('the profile editor', () => {
  let focus: ReturnType<typeof watchFocus>;
  beforeEach(() => {
    focus = watchFocus();
  });
  afterEach(() => focus.restore());

  it('shows what is missing, why it matters, and links each item to its field', async () => {
    const current = profile();
    render(
      <MockedProvider mocks={[places, goals, { request: { query: PROFILE_PAGE_PROFILE, variables: { organizationId: 'o1' } }, result: { data: { enterpriseProfile: current } } }]}>
        <MemoryRouter>
          <ProfileEditor organizationId="o1" />
        </MemoryRouter>
      </MockedProvider>,
    );
    const checklist = await screen.findByRole('region', { name: 'Vad saknas i profilen?' });
    expect(within(checklist).getByText('Profilen är 85 % klar')).toBeInTheDocument();
    expect(within(checklist).getByRole('link', { name: 'Största kontrakt' })).toHaveAttribute('href', '#profile-maxContractSek');
    expect(within(checklist).getByText(CAPACITY_ADVICE)).toBeInTheDocument();
    expect(within(checklist).getByText(/^Därför behövs det: Matchningen jämför det med behovets budget/)).toBeInTheDocument();
    // The link leads to a field that is there.
    expect(document.getElementById('profile-maxContractSek')).toBe(screen.getByRole('textbox', { name: 'Största kontrakt ni kan ta (kr)' }));
    expect(screen.getByRole('link', { name: 'Se profilen som köparna ser den' })).toHaveAttribute('href', '/foretag/o1');
  });

  it('saves, and the checklist follows what was saved', async () => {
    const user = userEvent.setup();
    const current = profile();
    const values = { ...valuesOf(current), maxContractSek: '800 000' };
    const saved = complete({ ...current, version: 4, maxContractSek: 800_000 });
    render(
      <MockedProvider
        mocks={[
          places,
          goals,
          { request: { query: PROFILE_PAGE_PROFILE, variables: { organizationId: 'o1' } }, result: { data: { enterpriseProfile: current } } },
          {
            request: { query: SAVE_ENTERPRISE_PROFILE, variables: { input: inputOf('o1', 3, values) } },
            result: { data: { saveEnterpriseProfile: { __typename: 'SaveEnterpriseProfilePayload', enterpriseProfile: saved } } },
          },
        ]}
      >
        <MemoryRouter>
          <ProfileEditor organizationId="o1" />
        </MemoryRouter>
      </MockedProvider>,
    );
    const maxContract = await screen.findByRole('textbox', { name: 'Största kontrakt ni kan ta (kr)' });
    await user.type(maxContract, '800 000');
    await user.click(screen.getByRole('button', { name: 'Spara profilen' }));
    expect(await screen.findByText('Profilen är sparad och 100 % klar.')).toBeInTheDocument();
    const checklist = screen.getByRole('region', { name: 'Vad saknas i profilen?' });
    expect(within(checklist).getByText('Profilen är komplett. Allt som matchningen och köparna behöver finns med.')).toBeInTheDocument();
    expect(within(checklist).queryByRole('link')).toBeNull();
    // The form starts again from what was saved.
    expect(screen.getByRole('textbox', { name: 'Största kontrakt ni kan ta (kr)' })).toHaveValue('800000');
  });

  it('checks the fields before sending: amounts, the share and each place, each named on its field and in the summary', async () => {
    const user = userEvent.setup();
    const onSaved = renderForm(profile({ nationwide: true, municipalityCodes: [] }));
    await user.type(screen.getByRole('textbox', { name: 'Största kontrakt ni kan ta (kr)' }), '1,5 miljoner');
    const share = screen.getByRole('textbox', { name: /^Andel av de anställda/ });
    await user.clear(share);
    await user.type(share, '150');
    await user.click(screen.getByRole('radio', { name: 'I vissa län eller kommuner' }));
    // Choosing places gives a first row to fill in.
    expect(screen.getByRole('combobox', { name: 'Län' })).toHaveValue('');
    await user.click(screen.getByRole('button', { name: 'Spara profilen' }));

    const summary = await screen.findByRole('group', SUMMARY);
    await waitFor(() => expect(focus.tookFocus(summary)).toBe(true));
    const links = within(summary).getAllByRole('link');
    expect(links.map((l) => [l.textContent, l.getAttribute('href')])).toEqual([
      ['Välj län eller kommun på plats 1, eller ta bort raden.', '#profile-place-0-county'],
      ['Skriv ett belopp i hela kronor, bara siffror, till exempel 1 500 000.', '#profile-maxContractSek'],
      ['Skriv ett heltal från 0 till 100.', '#profile-farFromLabourMarketShare'],
    ]);
    expect(document.getElementById('profile-place-0-county')).toBe(screen.getByRole('combobox', { name: 'Län' }));
    const maxContract = screen.getByRole('textbox', { name: 'Största kontrakt ni kan ta (kr)' });
    expect(maxContract).toHaveAttribute('aria-invalid', 'true');
    expect(maxContract).toHaveAccessibleDescription(expect.stringContaining('Skriv ett belopp i hela kronor'));
    expect(maxContract).toHaveValue('1,5 miljoner');
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('puts the API’s problems on their fields: an unknown kommun on the places, a description on the description', async () => {
    const user = userEvent.setup();
    const current = profile();
    const values = { ...valuesOf(current), maxContractSek: '800000' };
    const unknown = 'Okänd kommunkod: 1283.';
    const tooLong = 'Skriv högst 5 000 tecken.';
    const onSaved = renderForm(current, [
      {
        request: { query: SAVE_ENTERPRISE_PROFILE, variables: { input: inputOf('o1', 3, values) } },
        result: {
          errors: [
            new GraphQLError('2 uppgifter behöver rättas.', {
              extensions: {
                code: 'BAD_USER_INPUT',
                fields: [
                  { path: ['input', 'description'], code: 'TOO_LONG', message: tooLong },
                  { path: ['input', 'municipalityCodes', 0], code: 'UNKNOWN_CODE', message: unknown },
                ],
              },
            }),
          ],
        },
      },
    ]);
    await user.type(screen.getByRole('textbox', { name: 'Största kontrakt ni kan ta (kr)' }), '800000');
    await user.click(screen.getByRole('button', { name: 'Spara profilen' }));

    const summary = await screen.findByRole('group', SUMMARY);
    expect(within(summary).getByRole('link', { name: tooLong })).toHaveAttribute('href', '#profile-description');
    expect(within(summary).getByRole('link', { name: unknown })).toHaveAttribute('href', '#profile-place-0-county');
    expect(screen.getByRole('textbox', { name: 'Beskrivning' })).toHaveAccessibleDescription(expect.stringContaining(tooLong));
    // Once in the summary, once under the places.
    expect(screen.getAllByText(unknown)).toHaveLength(2);
    expect(screen.getByText('Län och kommuner').closest('fieldset')).toHaveTextContent(unknown);
    // Nothing typed is lost.
    expect(screen.getByRole('textbox', { name: 'Största kontrakt ni kan ta (kr)' })).toHaveValue('800000');
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('says so when someone else saved the profile first', async () => {
    const user = userEvent.setup();
    const current = profile();
    renderForm(current, [
      {
        request: { query: SAVE_ENTERPRISE_PROFILE, variables: { input: inputOf('o1', 3, valuesOf(current)) } },
        result: {
          errors: [
            new GraphQLError('Uppgiften har ändrats.', { extensions: { code: 'CONFLICT', fields: [{ path: ['version'], code: 'STALE', message: 'Uppgiften har ändrats.' }] } }),
          ],
        },
      },
    ]);
    await user.click(screen.getByRole('button', { name: 'Spara profilen' }));
    const summary = await screen.findByRole('group', SUMMARY);
    expect(within(summary).getByText(/^Någon annan har ändrat profilen sedan du öppnade den\./)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Ladda den senaste versionen' })).toBeInTheDocument();
  });

  it('adds and removes places, each its own group, with focus on the new row or back on the button that adds one', async () => {
    const user = userEvent.setup();
    renderForm(profile({ municipalityCodes: ['1283'] }));
    const rows = () => screen.getAllByRole('group', { name: /^Plats \d$/ });
    expect(rows()).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Lägg till en plats' }));
    expect(rows()).toHaveLength(2);
    await waitFor(() => expect(document.activeElement).toBe(within(rows()[1]).getByRole('combobox', { name: 'Län' })));
    // The län come from their own query: chosen once they are there.
    await within(rows()[1]).findByRole('option', { name: 'Skåne län' });
    await user.selectOptions(within(rows()[1]).getByRole('combobox', { name: 'Län' }), 'Skåne län');
    await user.click(within(rows()[0]).getByRole('button', { name: 'Ta bort plats 1' }));
    expect(rows()).toHaveLength(1);
    // The row left is the one added, with its län.
    expect(within(rows()[0]).getByRole('combobox', { name: 'Län' })).toHaveValue('12');
    expect(within(rows()[0]).getByRole('combobox', { name: 'Kommun' })).toHaveValue('');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Lägg till en plats' })));
  });

  it('explains the reserved-contract rule for the share as it is typed', async () => {
    const user = userEvent.setup();
    renderForm(profile({ farFromLabourMarketShare: null }));
    expect(screen.getByText('Ange andelen, så ser ni om ni kan lämna anbud på reserverade upphandlingar.')).toBeInTheDocument();
    expect(screen.getByText(/lagen om offentlig upphandling, 4 kap\. 18 §.*minst 30 %/)).toBeInTheDocument();
    const share = screen.getByRole('textbox', { name: /^Andel av de anställda/ });
    await user.type(share, '25');
    expect(screen.getByText('Med 25 % kan ni inte lämna anbud på reserverade upphandlingar. Det krävs minst 30 %.')).toBeInTheDocument();
    await user.clear(share);
    await user.type(share, '30');
    expect(screen.getByText('Med 30 % kan ni lämna anbud på reserverade upphandlingar.')).toBeInTheDocument();
    // Not work-integrating: no share to give, and the rule says who it is for.
    await user.click(screen.getByRole('checkbox', { name: 'Vi är ett arbetsintegrerande socialt företag' }));
    expect(screen.queryByRole('textbox', { name: /^Andel av de anställda/ })).toBeNull();
    expect(screen.getByText('Reserverade upphandlingar är bara för arbetsintegrerande sociala företag.')).toBeInTheDocument();
  });

  it('sends the whole profile: places as kommuner and län, amounts without spaces, no share unless work-integrating', () => {
    const values = {
      ...valuesOf(null),
      area: 'places' as const,
      places: [
        { countyCode: '12', municipalityCode: '' },
        { countyCode: '12', municipalityCode: '1280' },
      ],
      maxContractSek: '1 500 000',
      employees: '12',
      workIntegrating: false,
      farFromLabourMarketShare: '40',
      certifications: 'ISO 14001\n\n Svanen ',
    };
    expect(inputOf('o1', null, values)).toMatchObject({
      nationwide: false,
      countyCodes: ['12'],
      municipalityCodes: ['1280'],
      maxContractSek: 1_500_000,
      employees: 12,
      annualTurnoverSek: null,
      farFromLabourMarketShare: null,
      legalForm: null,
      certifications: ['ISO 14001', 'Svanen'],
      version: null,
    });
  });
});
