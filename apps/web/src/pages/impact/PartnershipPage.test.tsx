import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { meMock, renderAt, signIn, signOut } from '../buyer/test-support';
import {
  AGREE_TARGETS,
  COMPLETE_PARTNERSHIP,
  CONFIRM_REPORT,
  CREATE_REPORT,
  PARTNERSHIP_PAGE,
  PROPOSE_TARGETS,
  RETURN_REPORT,
  SUBMIT_REPORT,
  UPDATE_REPORT,
} from './impact-queries';
import { PartnershipPage } from './PartnershipPage';

const ID = 'p1';
const SUMMARY = { name: 'Rätta följande innan du fortsätter:' };
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' }).format(new Date());

const indicators = [
  {
    __typename: 'ImpactIndicator',
    code: 'WORK_TRAINING_PARTICIPANTS',
    nameSv: 'Deltagare i arbetsträning',
    nameEn: 'Work training participants',
    unit: 'PERSONS',
    unitLabelSv: 'personer',
    unitLabelEn: 'persons',
    decimals: 0,
    active: true,
  },
  {
    __typename: 'ImpactIndicator',
    code: 'WORK_TRAINING_HOURS',
    nameSv: 'Timmar arbetsträning',
    nameEn: 'Work training hours',
    unit: 'HOURS',
    unitLabelSv: 'timmar',
    unitLabelEn: 'hours',
    decimals: 1,
    active: true,
  },
];

const TARGETS = [
  { __typename: 'PartnershipTarget', indicatorCode: 'WORK_TRAINING_PARTICIPANTS', target: 10, note: 'Fem per säsong.', confirmedTotal: 4 },
  { __typename: 'PartnershipTarget', indicatorCode: 'WORK_TRAINING_HOURS', target: 9600, note: '', confirmedTotal: 0 },
];

type ReportFields = {
  id: string;
  status: string;
  revision?: number;
  correctsReportId?: string | null;
  returnComment?: string;
  values?: { indicatorCode: string; value: number }[];
};
function report(fields: ReportFields) {
  return {
    __typename: 'ImpactReport',
    version: 1,
    revision: 1,
    correctsReportId: null,
    periodStart: '2026-07-01',
    periodEnd: '2026-09-30',
    narrative: 'Fyra deltagare började i augusti.',
    returnComment: '',
    submittedAt: fields.status === 'DRAFT' ? null : '2026-10-02T08:00:00.000Z',
    confirmedAt: fields.status === 'CONFIRMED' || fields.status === 'SUPERSEDED' ? '2026-10-05T08:00:00.000Z' : null,
    supersededAt: fields.status === 'SUPERSEDED' ? '2026-11-05T08:00:00.000Z' : null,
    updatedAt: '2026-10-02T08:00:00.000Z',
    values: (fields.values ?? [{ indicatorCode: 'WORK_TRAINING_PARTICIPANTS', value: 4 }]).map((v) => ({ __typename: 'ImpactReportValue', ...v })),
    ...fields,
  };
}

type State = {
  targetsStatus: 'NONE' | 'PROPOSED' | 'AGREED';
  proposedBy?: 'malmo' | 'rent';
  reports?: ReturnType<typeof report>[];
  /** Both parties show it, and the region's coordinator hid it from the library with this reason. */
  hiddenReason?: string;
};
function partnership({ targetsStatus, proposedBy, reports = [], hiddenReason }: State) {
  const names = { malmo: 'Malmö stad', rent: 'Rent & Redo' };
  return {
    __typename: 'Partnership',
    id: ID,
    version: 3,
    title: 'Lokalvård i fem förskolor',
    description: '',
    status: 'ACTIVE',
    startsOn: '2026-07-01',
    endsOn: '2028-06-30',
    endedAt: null,
    endReason: null,
    reportEveryMonths: 3,
    nextReportDue: '2027-01-01',
    buyerOrganizationId: 'malmo',
    enterpriseOrganizationId: 'rent',
    buyerPublic: !!hiddenReason,
    enterprisePublic: !!hiddenReason,
    publicSummary: hiddenReason ? 'Fem förskolor städas av personer i arbetsträning.' : null,
    goodExampleHiddenReason: hiddenReason ?? null,
    buyer: { __typename: 'Organization', id: 'malmo', name: 'Malmö stad' },
    enterprise: { __typename: 'Organization', id: 'rent', name: 'Rent & Redo' },
    need: { __typename: 'Need', id: 'need-1', title: 'Lokalvård i förskolor' },
    targetsStatus,
    targetsAgreedAt: targetsStatus === 'AGREED' ? '2026-07-10T08:00:00.000Z' : null,
    targetsProposedBy: proposedBy ? { __typename: 'Organization', id: proposedBy, name: names[proposedBy] } : null,
    targets: targetsStatus === 'NONE' ? [] : TARGETS,
    impactReports: reports,
  };
}

function page(state: State) {
  return { request: { query: PARTNERSHIP_PAGE, variables: { id: ID } }, result: { data: { partnership: partnership(state), impactIndicators: indicators } } };
}

function open(kind: 'MUNICIPALITY' | 'SOCIAL_ENTERPRISE', mocks: object[]) {
  signIn();
  return renderAt(`/samarbeten/${ID}`, [{ path: '/samarbeten/:partnershipId', element: <PartnershipPage /> }], [meMock(kind), ...(mocks as never[])]);
}

const heading = () => screen.findByRole('heading', { level: 1, name: 'Lokalvård i fem förskolor' });

describe('a partnership', () => {
  afterEach(signOut);

  it('without targets: the enterprise proposes them, with every problem named first', async () => {
    const user = userEvent.setup();
    const proposed = vi.fn();
    open('SOCIAL_ENTERPRISE', [
      page({ targetsStatus: 'NONE' }),
      {
        request: { query: PROPOSE_TARGETS, variables: () => true },
        result: (variables: unknown) => {
          proposed(variables);
          return { data: { proposePartnershipTargets: { partnership: { __typename: 'Partnership', id: ID, version: 4, targetsStatus: 'PROPOSED' } } } };
        },
      },
      page({ targetsStatus: 'PROPOSED', proposedBy: 'rent' }),
    ]);
    await heading();
    expect(await screen.findByText('Inga mål är föreslagna än.')).toBeInTheDocument();
    expect(screen.getByText('Rapporter kan lämnas när båda parter har godkänt målen.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Skriv en ny rapport' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Föreslå mål' }));

    await user.click(screen.getByRole('button', { name: 'Skicka förslaget' }));
    const summary = await screen.findByRole('group', SUMMARY);
    expect(within(summary).getByRole('link', { name: 'Välj ett mått för mål 1.' })).toHaveAttribute('href', '#targets-targets-0--indicatorCode');
    expect(within(summary).getByRole('link', { name: 'Skriv ett värde för Mål 1.' })).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Mått'), 'WORK_TRAINING_PARTICIPANTS');
    await user.type(screen.getByRole('textbox', { name: 'Mål för hela tiden' }), '2,5');
    await user.click(screen.getByRole('button', { name: 'Skicka förslaget' }));
    expect(await screen.findAllByText('Deltagare i arbetsträning räknas i personer och ska vara ett heltal.')).not.toHaveLength(0);

    await user.clear(screen.getByRole('textbox', { name: 'Mål för hela tiden' }));
    await user.type(screen.getByRole('textbox', { name: 'Mål för hela tiden' }), '10');
    await user.selectOptions(screen.getByLabelText('Hur ofta leverantören rapporterar'), '6');
    await user.click(screen.getByRole('button', { name: 'Skicka förslaget' }));
    expect(await screen.findByText('Förslaget är skickat till Malmö stad.')).toBeInTheDocument();
    expect(proposed).toHaveBeenCalledWith({
      input: { partnershipId: ID, version: 3, reportEveryMonths: 6, targets: [{ indicatorCode: 'WORK_TRAINING_PARTICIPANTS', target: 10, note: '' }] },
    });
    expect(await screen.findByText('Ni föreslog målen. De väntar på att Malmö stad godkänner dem.')).toBeInTheDocument();
  });

  it('with targets the enterprise proposed: the buyer sees who proposed them and agrees', async () => {
    const user = userEvent.setup();
    open('MUNICIPALITY', [
      page({ targetsStatus: 'PROPOSED', proposedBy: 'rent' }),
      {
        request: { query: AGREE_TARGETS, variables: { input: { partnershipId: ID, version: 3 } } },
        result: { data: { agreePartnershipTargets: { partnership: { __typename: 'Partnership', id: ID, version: 4, targetsStatus: 'AGREED' } } } },
      },
      page({ targetsStatus: 'AGREED', proposedBy: 'rent' }),
    ]);
    await heading();
    expect(await screen.findByText('Rent & Redo har föreslagit målen. Godkänn dem, eller föreslå andra.')).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: '10 personer' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Föreslå andra mål' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Godkänn målen' }));
    expect(await screen.findByText('Målen är godkända. Nu kan leverantören rapportera.')).toBeInTheDocument();
    expect(await screen.findByText(/Båda parter är överens om målen sedan 10 juli 2026\. Rent & Redo föreslog dem\./)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Godkänn målen' })).not.toBeInTheDocument();
  });

  it('with agreed targets: the enterprise writes a report, checked by unit before it is sent, and submits it', async () => {
    const user = userEvent.setup();
    const created = vi.fn();
    open('SOCIAL_ENTERPRISE', [
      page({ targetsStatus: 'AGREED', proposedBy: 'malmo' }),
      {
        request: { query: CREATE_REPORT, variables: () => true },
        result: (variables: unknown) => {
          created(variables);
          return { data: { createImpactReport: { impactReport: { __typename: 'ImpactReport', id: 'r1', version: 1, status: 'DRAFT' } } } };
        },
      },
      {
        request: { query: SUBMIT_REPORT, variables: { input: { impactReportId: 'r1', version: 1 } } },
        result: { data: { submitImpactReport: { impactReport: { __typename: 'ImpactReport', id: 'r1', version: 2, status: 'SUBMITTED' } } } },
      },
      page({ targetsStatus: 'AGREED', proposedBy: 'malmo', reports: [report({ id: 'r1', status: 'SUBMITTED' })] }),
    ]);
    await heading();
    expect(await screen.findByText('Inga rapporter än.')).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Skriv en ny rapport' }));
    expect(screen.getByLabelText('Första dagen')).toHaveValue('2026-07-01');

    const persons = screen.getByRole('textbox', { name: 'Deltagare i arbetsträning (personer)' });
    const hours = screen.getByRole('textbox', { name: 'Timmar arbetsträning (timmar)' });
    await user.type(persons, '2,5');
    await user.type(hours, 'många');
    await user.click(screen.getByRole('button', { name: 'Skicka in rapporten' }));
    const summary = await screen.findByRole('group', SUMMARY);
    expect(within(summary).getByRole('link', { name: 'Deltagare i arbetsträning räknas i personer och ska vara ett heltal.' })).toHaveAttribute(
      'href',
      '#report-values-WORK_TRAINING_PARTICIPANTS',
    );
    expect(within(summary).getByRole('link', { name: 'Skriv Timmar arbetsträning som en siffra, till exempel 12 eller 12,5.' })).toBeInTheDocument();
    expect(within(summary).getByRole('link', { name: 'Skriv en beskrivning innan du skickar in.' })).toBeInTheDocument();
    expect(persons).toHaveAttribute('aria-invalid', 'true');
    expect(created).not.toHaveBeenCalled();

    await user.clear(persons);
    await user.type(persons, '4');
    await user.clear(hours);
    await user.type(hours, '312,5');
    await user.type(screen.getByRole('textbox', { name: 'Beskrivning' }), 'Fyra deltagare började i augusti.');
    await user.click(screen.getByRole('button', { name: 'Skicka in rapporten' }));
    expect(await screen.findByText('Rapporten är inskickad. Malmö stad kan se den nu.')).toBeInTheDocument();
    expect(created.mock.calls[0][0]).toMatchObject({
      input: {
        partnershipId: ID,
        periodStart: '2026-07-01',
        values: [
          { indicatorCode: 'WORK_TRAINING_PARTICIPANTS', value: 4 },
          { indicatorCode: 'WORK_TRAINING_HOURS', value: 312.5 },
        ],
        narrative: 'Fyra deltagare började i augusti.',
      },
    });
    const card = await screen.findByRole('listitem', { name: /^Period 1 juli 2026 – 30 september 2026/ });
    expect(within(card).getByText('Inskickad')).toBeInTheDocument();
    expect(within(card).queryByRole('button')).not.toBeInTheDocument();
  });

  it('a period in the future or backwards is named on its date', async () => {
    const user = userEvent.setup();
    open('SOCIAL_ENTERPRISE', [page({ targetsStatus: 'AGREED', proposedBy: 'malmo' })]);
    await heading();
    await user.click(await screen.findByRole('button', { name: 'Skriv en ny rapport' }));
    const start = screen.getByLabelText('Första dagen');
    const end = screen.getByLabelText('Sista dagen');
    await user.clear(start);
    await user.type(start, '2099-01-01');
    await user.clear(end);
    await user.type(end, '2026-06-01');
    await user.click(screen.getByRole('button', { name: 'Spara utkast' }));
    const summary = await screen.findByRole('group', SUMMARY);
    expect(within(summary).getByRole('link', { name: 'Perioden kan inte börja i framtiden.' })).toHaveAttribute('href', '#report-periodStart');
    expect(within(summary).getByRole('link', { name: 'Sista dagen kan inte vara före första dagen.' })).toBeInTheDocument();
    expect(today < '2099-01-01').toBe(true);
  });

  it('a returned report shows the buyer’s comment; the enterprise corrects it and the API’s problems land on the fields', async () => {
    const user = userEvent.setup();
    open('SOCIAL_ENTERPRISE', [
      page({ targetsStatus: 'AGREED', proposedBy: 'malmo', reports: [report({ id: 'r1', status: 'RETURNED', returnComment: 'Timmarna saknas.' })] }),
      {
        request: { query: UPDATE_REPORT, variables: () => true },
        result: {
          errors: [
            new GraphQLError('Rätta uppgifterna.', {
              extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['input', 'values', 1, 'value'], message: 'Värdet är för högt för perioden.' }] },
            }),
          ],
        },
      },
    ]);
    await heading();
    expect(await screen.findByText('Timmarna saknas.')).toBeInTheDocument();
    expect(screen.getByText('Tillbakaskickad')).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Fortsätt med rapporten' }));
    expect(screen.getByRole('textbox', { name: 'Deltagare i arbetsträning (personer)' })).toHaveValue('4');
    await user.type(screen.getByRole('textbox', { name: 'Timmar arbetsträning (timmar)' }), '900000');
    await user.click(screen.getByRole('button', { name: 'Skicka in rapporten' }));
    const summary = await screen.findByRole('group', SUMMARY);
    expect(within(summary).getByRole('link', { name: 'Värdet är för högt för perioden.' })).toHaveAttribute('href', '#report-values-WORK_TRAINING_HOURS');
    expect(screen.getByRole('textbox', { name: 'Timmar arbetsträning (timmar)' })).toHaveValue('900000');
  });

  it('the buyer returns a submitted report only with a comment, or confirms it after being told what that does', async () => {
    const user = userEvent.setup();
    const returned = vi.fn();
    open('MUNICIPALITY', [
      page({ targetsStatus: 'AGREED', proposedBy: 'malmo', reports: [report({ id: 'r1', status: 'SUBMITTED' })] }),
      {
        request: { query: RETURN_REPORT, variables: () => true },
        result: (variables: unknown) => {
          returned(variables);
          return { data: { returnImpactReport: { impactReport: { __typename: 'ImpactReport', id: 'r1', version: 2, status: 'RETURNED' } } } };
        },
      },
      page({ targetsStatus: 'AGREED', proposedBy: 'malmo', reports: [report({ id: 'r1', status: 'RETURNED', version: 2, returnComment: 'Timmarna saknas.' } as ReportFields)] }),
    ]);
    await heading();
    await user.click(await screen.findByRole('button', { name: 'Skicka tillbaka' }));
    const comment = screen.getByRole('textbox', { name: 'Vad behöver ändras?' });
    await waitFor(() => expect(comment).toHaveFocus());
    await user.click(screen.getByRole('button', { name: 'Skicka tillbaka rapporten' }));
    expect(await screen.findByText('Skriv vad som behöver ändras.')).toBeInTheDocument();
    expect(returned).not.toHaveBeenCalled();
    await user.type(comment, 'Timmarna saknas.');
    await user.click(screen.getByRole('button', { name: 'Skicka tillbaka rapporten' }));
    expect(await screen.findByText('Rapporten är tillbakaskickad till Rent & Redo.')).toBeInTheDocument();
    expect(returned).toHaveBeenCalledWith({ input: { impactReportId: 'r1', version: 1, comment: 'Timmarna saknas.' } });
    expect(await screen.findByText('Tillbakaskickad')).toBeInTheDocument();
  });

  it('the buyer confirms a submitted report in a dialog that says the report is locked', async () => {
    const user = userEvent.setup();
    open('MUNICIPALITY', [
      page({ targetsStatus: 'AGREED', proposedBy: 'malmo', reports: [report({ id: 'r1', status: 'SUBMITTED' })] }),
      {
        request: { query: CONFIRM_REPORT, variables: { input: { impactReportId: 'r1', version: 1 } } },
        result: { data: { confirmImpactReport: { impactReport: { __typename: 'ImpactReport', id: 'r1', version: 2, status: 'CONFIRMED' } } } },
      },
      page({ targetsStatus: 'AGREED', proposedBy: 'malmo', reports: [report({ id: 'r1', status: 'CONFIRMED' })] }),
    ]);
    await heading();
    await user.click(await screen.findByRole('button', { name: 'Bekräfta rapporten' }));
    const dialog = await screen.findByRole('dialog', { name: 'Bekräfta rapporten?' });
    expect(within(dialog).getByText(/låses den/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Ja, bekräfta' }));
    expect(await screen.findByText('Rapporten är bekräftad.')).toBeInTheDocument();
  });

  it('a corrected report shows its versions, and the enterprise may correct the confirmed one', async () => {
    open('SOCIAL_ENTERPRISE', [
      page({
        targetsStatus: 'AGREED',
        proposedBy: 'malmo',
        reports: [
          report({ id: 'r2', status: 'CONFIRMED', revision: 2, correctsReportId: 'r1', values: [{ indicatorCode: 'WORK_TRAINING_PARTICIPANTS', value: 5 }] }),
          report({ id: 'r1', status: 'SUPERSEDED' }),
        ],
      }),
    ]);
    await heading();
    const card = await screen.findByRole('listitem', { name: /^Period/ });
    expect(within(card).getAllByText('Version 2')).not.toHaveLength(0);
    expect(within(card).getByText('Rättar version 1')).toBeInTheDocument();
    expect(within(card).getByText('Versioner (2)')).toBeInTheDocument();
    expect(within(card).getByText('Ersatt av en rättelse')).toBeInTheDocument();
    // Waited for: on a busy machine the card's actions can render after its text.
    expect(await within(card).findByRole('button', { name: 'Rätta rapporten' })).toBeInTheDocument();
  });

  it('the buyer completes the partnership with a note, told first what happens', async () => {
    const user = userEvent.setup();
    const completed = vi.fn();
    open('MUNICIPALITY', [
      page({ targetsStatus: 'AGREED', proposedBy: 'malmo' }),
      {
        request: { query: COMPLETE_PARTNERSHIP, variables: () => true },
        result: (variables: unknown) => {
          completed(variables);
          return { data: { completePartnership: { partnership: { __typename: 'Partnership', id: ID, version: 4, status: 'COMPLETED' } } } };
        },
      },
      page({ targetsStatus: 'AGREED', proposedBy: 'malmo' }),
    ]);
    await heading();
    expect(await screen.findByText('Ni är köpare i samarbetet.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Skriv en ny rapport' })).not.toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Avsluta samarbetet' }));
    const dialog = await screen.findByRole('dialog', { name: 'Avsluta samarbetet?' });
    expect(within(dialog).getByText(/Rent & Redo och samordnaren får veta det/)).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: 'Anteckning (frivilligt)' }), 'Allt klart.');
    await user.click(within(dialog).getByRole('button', { name: 'Ja, avsluta' }));
    await waitFor(() => expect(completed).toHaveBeenCalledWith({ input: { partnershipId: ID, version: 3, note: 'Allt klart.' } }));
  });

  it('ending early needs a reason', async () => {
    const user = userEvent.setup();
    open('SOCIAL_ENTERPRISE', [page({ targetsStatus: 'AGREED', proposedBy: 'malmo' })]);
    await heading();
    expect(screen.queryByRole('button', { name: 'Avsluta samarbetet' })).not.toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Avbryt i förtid' }));
    const dialog = await screen.findByRole('dialog', { name: 'Avbryta samarbetet i förtid?' });
    await user.click(within(dialog).getByRole('button', { name: 'Ja, avbryt samarbetet' }));
    expect(await within(dialog).findByText('Skriv varför samarbetet avbryts.')).toBeInTheDocument();
  });

  it('consent to the good examples explains that both must agree, and asks for a summary first', async () => {
    const user = userEvent.setup();
    open('SOCIAL_ENTERPRISE', [page({ targetsStatus: 'AGREED', proposedBy: 'malmo' })]);
    await heading();
    expect(await screen.findByText(/först när båda parter har sagt ja/)).toBeInTheDocument();
    expect(screen.getByText('Ni: visar det inte')).toBeInTheDocument();
    expect(screen.getByText('Malmö stad: visar det inte')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Ja, visa samarbetet' }));
    expect(await screen.findByText('Skriv en sammanfattning innan samarbetet kan visas.')).toBeInTheDocument();
  });

  it('tells both parties when the region’s coordinator keeps their shown partnership out of the library, and why', async () => {
    open('SOCIAL_ENTERPRISE', [page({ targetsStatus: 'AGREED', proposedBy: 'malmo', hiddenReason: 'Samarbetet pågår för kort tid för att visa resultat.' })]);
    await heading();
    expect(
      await screen.findByText(
        'Båda parter har sagt ja, men regionens samordnare har valt att inte visa samarbetet bland de goda exemplen: Samarbetet pågår för kort tid för att visa resultat.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('Båda parter har sagt ja. Samarbetet syns bland de goda exemplen.')).not.toBeInTheDocument();
  });

  it('in English', async () => {
    const { i18n } = await import('../../i18n');
    await i18n.changeLanguage('en');
    try {
      open('SOCIAL_ENTERPRISE', [page({ targetsStatus: 'AGREED', proposedBy: 'malmo' })]);
      await heading();
      expect(await screen.findByRole('heading', { level: 2, name: 'Impact targets' })).toBeInTheDocument();
      expect(screen.getByRole('cell', { name: 'Work training participants' })).toBeInTheDocument();
      expect(await screen.findByRole('button', { name: 'Write a new report' })).toBeInTheDocument();
    } finally {
      await i18n.changeLanguage('sv');
    }
  });
});
