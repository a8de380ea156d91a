import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { CPV_PICKER_CODE } from '../../components/CpvPicker';
import { PLACE_PICKER_PLACES } from '../../components/PlacePicker';
import { SDG_PICKER_GOALS } from '../../components/SdgPicker';
import { Component as NeedWizard, NEED_WIZARD_CREATE, NEED_WIZARD_NEED, NEED_WIZARD_PUBLISH, NEED_WIZARD_UPDATE } from './NeedWizard';
import { meMock, renderAt, signIn, signOut } from './test-support';

const ROUTES = [
  { path: '/mina-behov/nytt', element: <NeedWizard /> },
  { path: '/mina-behov/:needId/redigera', element: <NeedWizard /> },
];
const SUMMARY = { name: 'Rätta följande innan du fortsätter:' };

function draft(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Need',
    id: 'n1',
    version: 3,
    status: 'DRAFT',
    title: 'Fönsterputs i simhallarna',
    description: 'Vi söker någon som putsar fönstren i fyra simhallar, fyra gånger om året.',
    form: 'DIRECT_AWARD',
    cpvCodes: ['90911300-9'],
    sdgs: [8],
    municipalityCode: '1280',
    countyCode: '12',
    budgetMinSek: null,
    budgetMaxSek: 600_000,
    wantedImpact: '',
    responseDeadline: '2099-03-01T22:59:00.000Z',
    awaitingVerification: false,
    buyerOrganizationId: 'malmo',
    viewerCanManage: true,
    updatedAt: '2026-12-07T10:00:00.000Z',
    warnings: [],
    ...overrides,
  };
}

function needMock(need: ReturnType<typeof draft>) {
  return { request: { query: NEED_WIZARD_NEED, variables: { id: 'n1' } }, result: { data: { need } }, maxUsageCount: 10 };
}

const lookups = [
  {
    request: { query: PLACE_PICKER_PLACES },
    result: {
      data: {
        counties: [{ __typename: 'County', code: '12', name: 'Skåne län' }],
        municipalities: [{ __typename: 'Municipality', code: '1280', name: 'Malmö', countyCode: '12' }],
      },
    },
    maxUsageCount: 10,
  },
  {
    request: { query: SDG_PICKER_GOALS },
    result: { data: { sdgs: [{ __typename: 'Sdg', number: 8, titleSv: 'Anständiga arbetsvillkor och ekonomisk tillväxt', titleEn: 'Decent work and economic growth' }] } },
    maxUsageCount: 10,
  },
  {
    request: { query: CPV_PICKER_CODE, variables: { code: '90911300-9' } },
    result: { data: { cpvCode: { __typename: 'CpvCode', code: '90911300-9', labelSv: 'Fönsterputsning', labelEn: 'Window-cleaning services' } } },
    maxUsageCount: 10,
  },
];

function badInput(message: string, fields: { path: (string | number)[]; message: string }[]) {
  return { errors: [new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', fields: fields.map((f) => ({ ...f, code: 'INVALID' })) } })] };
}

const where = () => screen.getByTestId('where').textContent;

beforeEach(() => signIn());
afterEach(() => signOut());

describe('a new need, step by step', () => {
  it('asks for a title before going on, then creates the draft with the procurement form and goes to its address', async () => {
    const user = userEvent.setup();
    renderAt('/mina-behov/nytt', ROUTES, [
      meMock(),
      ...lookups,
      {
        request: {
          query: NEED_WIZARD_CREATE,
          variables: { input: { buyerOrganizationId: 'malmo', title: 'Fönsterputs i simhallarna', description: 'Fyra simhallar, fyra gånger om året.', form: 'IOP' } },
        },
        result: { data: { createNeed: { __typename: 'CreateNeedPayload', need: draft({ form: 'IOP' }) } } },
      },
      needMock(draft({ form: 'IOP' })),
    ]);
    await screen.findByRole('heading', { level: 1, name: 'Vad behöver ni?' });
    expect(screen.getByText('Steg 1 av 8')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Rubrik' })).toHaveAccessibleDescription(/Städning av tre förskolor i Rosengård/);

    await user.click(screen.getByRole('button', { name: 'Spara och fortsätt' }));
    const summary = await screen.findByRole('group', SUMMARY);
    expect(within(summary).getByRole('link', { name: 'Skriv en rubrik för behovet.' })).toHaveAttribute('href', '#need-title');
    expect(screen.getByRole('textbox', { name: 'Rubrik' })).toHaveAccessibleDescription(expect.stringContaining('Skriv en rubrik för behovet.'));

    await user.type(screen.getByRole('textbox', { name: 'Rubrik' }), '  Fönsterputs i simhallarna ');
    await user.type(screen.getByRole('textbox', { name: 'Beskrivning' }), 'Fyra simhallar, fyra gånger om året.');
    await user.click(screen.getByRole('button', { name: 'Spara och fortsätt' }));

    await screen.findByRole('heading', { level: 1, name: 'Hur vill ni göra affären?' });
    expect(where()).toBe('/mina-behov/nytt?steg=upphandlingsform');
    // Every form is explained in plain words, the direct award with its limit.
    expect(screen.getByRole('radio', { name: 'Direktupphandling' })).toHaveAccessibleDescription(/högst 700 000 kronor/);
    expect(screen.getByRole('radio', { name: 'Idéburet offentligt partnerskap (IOP)' })).toHaveAccessibleDescription(/Bara idéburna organisationer/);

    await user.click(screen.getByRole('button', { name: 'Spara och fortsätt' }));
    expect(await within(await screen.findByRole('group', SUMMARY)).findByRole('link', { name: 'Välj hur ni vill göra affären.' })).toHaveAttribute(
      'href',
      '#need-form-DIRECT_AWARD',
    );

    await user.click(screen.getByRole('radio', { name: 'Idéburet offentligt partnerskap (IOP)' }));
    await user.click(screen.getByRole('button', { name: 'Spara och fortsätt' }));
    await screen.findByRole('heading', { level: 1, name: 'Vilket område gäller behovet?' });
    expect(where()).toBe('/mina-behov/n1/redigera?steg=cpv');
    expect(screen.getByText('Steg 3 av 8')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '← Tillbaka' })).toHaveAttribute('href', '/mina-behov/n1/redigera?steg=upphandlingsform');
  });

  it('tells a person acting for a social enterprise that needs are posted by kommuner and regioner', async () => {
    renderAt('/mina-behov/nytt', ROUTES, [meMock('SOCIAL_ENTERPRISE')]);
    expect(await screen.findByText(/Behov läggs upp av kommuner och regioner/)).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Rubrik' })).not.toBeInTheDocument();
  });
});

describe('a step of a draft', () => {
  it('checks the budget as it is written before asking the API', async () => {
    const user = userEvent.setup();
    renderAt('/mina-behov/n1/redigera?steg=budget', ROUTES, [meMock(), ...lookups, needMock(draft({ budgetMaxSek: null }))]);
    await screen.findByRole('heading', { level: 1, name: 'Hur stor är budgeten?' });
    expect(screen.getByText('Ni har valt direktupphandling. Den får bara användas för köp på högst 700 000 kr.')).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: 'Högsta budget i kronor' }), 'sjuhundra');
    await user.type(screen.getByRole('textbox', { name: 'Lägsta budget i kronor (frivillig)' }), '100 000');
    await user.click(screen.getByRole('button', { name: 'Spara och fortsätt' }));
    const summary = await screen.findByRole('group', SUMMARY);
    expect(within(summary).getByRole('link', { name: 'Skriv ett belopp i hela kronor, bara siffror.' })).toHaveAttribute('href', '#need-budgetMaxSek');

    await user.clear(screen.getByRole('textbox', { name: 'Högsta budget i kronor' }));
    await user.type(screen.getByRole('textbox', { name: 'Högsta budget i kronor' }), '50 000');
    await user.click(screen.getByRole('button', { name: 'Spara och fortsätt' }));
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Lägsta budget i kronor (frivillig)' })).toHaveAccessibleDescription(
        expect.stringContaining('Den lägsta budgeten får inte vara högre än den högsta.'),
      ),
    );
  });

  it('places the API’s problems on their fields and in the summary, and keeps what was written', async () => {
    const user = userEvent.setup();
    const problem = 'Ange budgeten i hela kronor, från 0 till 100 000 000 000.';
    renderAt('/mina-behov/n1/redigera?steg=budget', ROUTES, [
      meMock(),
      ...lookups,
      needMock(draft({ budgetMaxSek: null })),
      {
        request: { query: NEED_WIZARD_UPDATE, variables: { input: { needId: 'n1', version: 3, budgetMinSek: null, budgetMaxSek: 650_000 } } },
        result: badInput('Rätta de markerade fälten.', [{ path: ['input', 'budgetMaxSek'], message: problem }]),
      },
    ]);
    await screen.findByRole('heading', { level: 1, name: 'Hur stor är budgeten?' });
    await user.type(screen.getByRole('textbox', { name: 'Högsta budget i kronor' }), '650 000');
    await user.click(screen.getByRole('button', { name: 'Spara och fortsätt' }));

    const summary = await screen.findByRole('group', SUMMARY);
    expect(within(summary).getByRole('link', { name: problem })).toHaveAttribute('href', '#need-budgetMaxSek');
    expect(screen.getByRole('textbox', { name: 'Högsta budget i kronor' })).toHaveAccessibleDescription(expect.stringContaining(problem));
    expect(screen.getByRole('textbox', { name: 'Högsta budget i kronor' })).toHaveValue('650 000');
    expect(where()).toBe('/mina-behov/n1/redigera?steg=budget');
  });

  it('saves the deadline as the moment it is in Sweden and goes back to the check it came from', async () => {
    const user = userEvent.setup();
    renderAt('/mina-behov/n1/redigera?steg=svarsdag&fran=granska', ROUTES, [
      meMock(),
      ...lookups,
      needMock(draft({ responseDeadline: null })),
      {
        request: { query: NEED_WIZARD_UPDATE, variables: { input: { needId: 'n1', version: 3, responseDeadline: '2099-07-01T10:30:00.000Z' } } },
        result: { data: { updateNeed: { __typename: 'UpdateNeedPayload', need: draft({ version: 4, responseDeadline: '2099-07-01T10:30:00.000Z' }) } } },
      },
    ]);
    await screen.findByRole('heading', { level: 1, name: 'När är sista svarsdag?' });
    expect(screen.getByRole('link', { name: '← Tillbaka' })).toHaveAttribute('href', '/mina-behov/n1/redigera?steg=granska');

    await user.type(screen.getByRole('textbox', { name: 'Datum' }), '2099-02-30');
    await user.click(screen.getByRole('button', { name: 'Spara och gå till granskningen' }));
    expect(await within(await screen.findByRole('group', SUMMARY)).findByRole('link', { name: /^Skriv ett datum som finns/ })).toHaveAttribute('href', '#need-responseDeadline');

    await user.clear(screen.getByRole('textbox', { name: 'Datum' }));
    await user.type(screen.getByRole('textbox', { name: 'Datum' }), '2001-07-01');
    await user.click(screen.getByRole('button', { name: 'Spara och gå till granskningen' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Datum' })).toHaveAccessibleDescription(expect.stringContaining('Sista svarsdag måste vara efter i dag.')));

    await user.clear(screen.getByRole('textbox', { name: 'Datum' }));
    await user.type(screen.getByRole('textbox', { name: 'Datum' }), '2099-07-01');
    await user.clear(screen.getByRole('textbox', { name: 'Klockslag' }));
    await user.type(screen.getByRole('textbox', { name: 'Klockslag' }), '12.30');
    await user.click(screen.getByRole('button', { name: 'Spara och gå till granskningen' }));
    await waitFor(() => expect(where()).toBe('/mina-behov/n1/redigera?steg=granska'));
  });

  it('says when someone else changed the need meanwhile', async () => {
    const user = userEvent.setup();
    const stale = 'Behovet har ändrats av någon annan.';
    renderAt('/mina-behov/n1/redigera?steg=effekt', ROUTES, [
      meMock(),
      ...lookups,
      needMock(draft()),
      {
        request: { query: NEED_WIZARD_UPDATE, variables: { input: { needId: 'n1', version: 3, wantedImpact: 'Två jobb.' } } },
        result: { errors: [new GraphQLError(stale, { extensions: { code: 'CONFLICT', fields: [{ path: ['version'], code: 'STALE', message: stale }] } })] },
      },
    ]);
    await screen.findByRole('heading', { level: 1, name: 'Vilken social effekt vill ni se?' });
    await user.type(screen.getByRole('textbox', { name: 'Önskad effekt' }), 'Två jobb.');
    await user.click(screen.getByRole('button', { name: 'Spara och fortsätt' }));
    const summary = await screen.findByRole('group', SUMMARY);
    expect(within(summary).getByText(/Någon annan har ändrat behovet medan du arbetade/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Önskad effekt' })).toHaveValue('Två jobb.');
  });
});

describe('checking a draft before publishing', () => {
  it('shows every answer, the API’s warnings and what is missing, each with a link to its step', async () => {
    const warning = 'Budgeten (upp till 900 000 kr) är över gränsen för direktupphandling enligt LOU, 700 000 kr.';
    renderAt('/mina-behov/n1/redigera?steg=granska', ROUTES, [
      meMock(),
      ...lookups,
      needMock(
        draft({ cpvCodes: [], budgetMaxSek: 900_000, responseDeadline: null, warnings: [{ __typename: 'NeedWarning', code: 'DIRECT_AWARD_OVER_LIMIT', message: warning }] }),
      ),
    ]);
    await screen.findByRole('heading', { level: 1, name: 'Kontrollera behovet innan du publicerar' });
    expect(screen.getByText(warning)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Välj minst en CPV-kod.' })).toHaveAttribute('href', '/mina-behov/n1/redigera?steg=cpv&fran=granska');
    expect(screen.getByRole('link', { name: 'Ange en sista svarsdag.' })).toHaveAttribute('href', '/mina-behov/n1/redigera?steg=svarsdag&fran=granska');
    expect(screen.queryByText('Behovet har allt som behövs för att publiceras.')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ändra budget' })).toHaveAttribute('href', '/mina-behov/n1/redigera?steg=budget&fran=granska');
    expect(screen.getByText('upp till 900 000 kr')).toBeInTheDocument();
    expect(await screen.findByText('Malmö, Skåne län')).toBeInTheDocument();
    expect(await screen.findByText('Mål 8: Anständiga arbetsvillkor och ekonomisk tillväxt')).toBeInTheDocument();
  });

  it('places the API’s refusal on the answers it names', async () => {
    const user = userEvent.setup();
    const cpv = 'Ange minst en CPV-kod innan du publicerar behovet.';
    const deadline = 'Sista dag för anbud har redan passerat. Välj en senare tidpunkt.';
    renderAt('/mina-behov/n1/redigera?steg=granska', ROUTES, [
      meMock(),
      ...lookups,
      needMock(draft()),
      {
        request: { query: NEED_WIZARD_PUBLISH, variables: { input: { needId: 'n1', version: 3 } } },
        result: badInput('Behovet kan inte publiceras än. 2 uppgifter behöver rättas.', [
          { path: ['cpvCodes'], message: cpv },
          { path: ['responseDeadline'], message: deadline },
        ]),
      },
    ]);
    await screen.findByText('Behovet har allt som behövs för att publiceras.');
    await user.click(screen.getByRole('button', { name: 'Publicera behovet' }));
    const summary = await screen.findByRole('group', SUMMARY);
    expect(within(summary).getByRole('link', { name: cpv })).toHaveAttribute('href', '#check-cpvCodes');
    expect(within(summary).getByRole('link', { name: deadline })).toHaveAttribute('href', '#check-responseDeadline');
    expect(document.getElementById('check-cpvCodes')).toHaveTextContent(cpv);
    expect(screen.getByRole('heading', { level: 1, name: 'Kontrollera behovet innan du publicerar' })).toBeInTheDocument();
  });

  it('publishes a complete draft and says where to see it', async () => {
    const user = userEvent.setup();
    renderAt('/mina-behov/n1/redigera?steg=granska', ROUTES, [
      meMock(),
      ...lookups,
      needMock(draft()),
      {
        request: { query: NEED_WIZARD_PUBLISH, variables: { input: { needId: 'n1', version: 3 } } },
        result: { data: { publishNeed: { __typename: 'PublishNeedPayload', need: { ...draft({ status: 'PUBLISHED', version: 4 }), publishedAt: '2026-12-07T11:00:00.000Z' } } } },
      },
    ]);
    await screen.findByText('Behovet har allt som behövs för att publiceras.');
    await user.click(screen.getByRole('button', { name: 'Publicera behovet' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Behovet är publicerat' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Se behovet som andra ser det' })).toHaveAttribute('href', '/behov/n1');
    expect(screen.getByRole('link', { name: 'Till era behov' })).toHaveAttribute('href', '/mina-behov');
  });

  it('does not offer to change a need that is no longer a draft', async () => {
    renderAt('/mina-behov/n1/redigera?steg=vad', ROUTES, [meMock(), ...lookups, needMock(draft({ status: 'CLOSED' }))]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Behovet är inte ett utkast' })).toBeInTheDocument();
    expect(screen.getByText('Bara utkast ändras här. Behovet är stängt.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Rubrik' })).not.toBeInTheDocument();
  });
});
