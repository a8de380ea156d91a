import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderAt, signIn, signOut } from '../buyer/test-support';
import { meWithRole } from '../admin/admin-test-support';
import { CURATE, CURATE_LIST } from './curate-queries';
import { CuratePage } from './CuratePage';

const example = (fields: Record<string, unknown> = {}) => ({
  __typename: 'GoodExample',
  partnershipId: 'p1',
  title: 'Slåtter vid Hammarsjön',
  summary: 'Fyra personer fick säsongsanställning.',
  status: 'COMPLETED',
  countyName: 'Skåne län',
  municipalityName: 'Kristianstad',
  startsOn: '2026-03-01',
  buyer: { __typename: 'GoodExampleParty', name: 'Kristianstads kommun' },
  enterprise: { __typename: 'GoodExampleParty', name: 'Naturvårdslaget' },
  impact: [{ __typename: 'GoodExampleFigure', indicatorCode: 'EMPLOYED', nameSv: 'Anställda', nameEn: 'Employed', unit: 'PERSONS', value: 4 }],
  curatorNoteSv: null,
  curatorNoteEn: null,
  featured: false,
  hiddenReason: null,
  curationVersion: 0,
  ...fields,
});
const list = (node: ReturnType<typeof example>) => ({
  request: { query: CURATE_LIST, variables: { first: 20 } },
  result: {
    data: { goodExamplesToCurate: { __typename: 'GoodExampleConnection', totalCount: 1, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c' }, nodes: [node] } },
  },
});

describe('curating the good examples', () => {
  afterEach(signOut);

  it('checks the curation as the API does, then features the example with a text', async () => {
    const note = 'Visar hur naturvård ger jobb.';
    const saved = {
      request: { query: CURATE, variables: { input: { partnershipId: 'p1', version: 0, noteSv: note, noteEn: null, featured: true, hidden: false, hiddenReason: null } } },
      result: { data: { curateGoodExample: { __typename: 'CurateGoodExamplePayload', goodExample: example({ curatorNoteSv: note, featured: true, curationVersion: 1 }) } } },
    };
    signIn();
    renderAt(
      '/goda-exempel/kurera',
      [{ path: '/goda-exempel/kurera', element: <CuratePage /> }],
      [meWithRole('COORDINATOR', 'Petra Nilsson'), list(example()), saved, list(example({ curatorNoteSv: note, featured: true, curationVersion: 1 }))],
    );
    const user = userEvent.setup();
    const item = await screen.findByRole('article', { name: 'Slåtter vid Hammarsjön' });
    expect(within(item).getByText('4 personer')).toBeInTheDocument();
    await user.click(within(item).getByRole('button', { name: 'Kurera Slåtter vid Hammarsjön' }));
    const form = within(item).getByRole('form', { name: 'Kurera Slåtter vid Hammarsjön' });
    await user.click(within(form).getByRole('checkbox', { name: /^Lyft fram exemplet/ }));
    await user.click(within(form).getByRole('checkbox', { name: /^Dölj exemplet/ }));
    await user.click(within(form).getByRole('button', { name: 'Spara' }));
    expect(await within(form).findByRole('link', { name: 'Skriv varför exemplet döljs. Parterna ser skälet.' })).toBeInTheDocument();
    expect(within(form).getByRole('link', { name: 'Ett dolt exempel kan inte lyftas fram. Välj det ena eller det andra.' })).toBeInTheDocument();
    await user.click(within(form).getByRole('checkbox', { name: /^Dölj exemplet/ }));
    await user.type(within(form).getByRole('textbox', { name: /^Vad exemplet visar, på svenska/ }), note);
    await user.click(within(form).getByRole('button', { name: 'Spara' }));
    expect(await screen.findByText('Slåtter vid Hammarsjön är sparat.')).toBeInTheDocument();
    expect(await within(item).findByText('Utvalt exempel')).toBeInTheDocument();
    expect(within(item).getByText(note)).toBeInTheDocument();
  });
});
