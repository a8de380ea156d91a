import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { CPV_PICKER_BRANCH, CPV_PICKER_CODE, CPV_PICKER_SEARCH, CpvPicker } from './CpvPicker';

const code = (c: string, labelSv: string, labelEn: string, level = 4) => ({ __typename: 'CpvCode' as const, code: c, labelSv, labelEn, level });

const branch = (c: string, labelSv: string, level: number, children: string[]) => ({
  ...code(c, labelSv, labelSv, level),
  children: children.map((x) => ({ __typename: 'CpvCode', code: x })),
});

const mocks = [
  {
    request: { query: CPV_PICKER_BRANCH, variables: { level: 1 } },
    result: {
      data: {
        cpvCodes: {
          __typename: 'CpvCodeConnection',
          nodes: [branch('85000000-9', 'Hälsovård och socialtjänster', 1, []), branch('90000000-7', 'Avlopp och städning', 1, ['90900000-6'])],
        },
      },
    },
  },
  {
    request: { query: CPV_PICKER_BRANCH, variables: { parentCode: '90000000-7' } },
    result: { data: { cpvCodes: { __typename: 'CpvCodeConnection', nodes: [branch('90900000-6', 'Byggnadsstädning', 2, [])] } } },
  },
  {
    request: { query: CPV_PICKER_SEARCH, variables: { search: 'städ' } },
    result: {
      data: {
        cpvCodes: {
          __typename: 'CpvCodeConnection',
          totalCount: 2,
          // Best match first, as the API answers; the picker keeps that order.
          nodes: [code('90910000-9', 'Städning', 'Cleaning services', 3), code('90900000-6', 'Byggnadsstädning', 'Building-cleaning services', 2)],
        },
      },
    },
    maxUsageCount: 5,
  },
  ...['90910000-9', '90900000-6'].map((c) => ({
    request: { query: CPV_PICKER_CODE, variables: { code: c } },
    result: { data: { cpvCode: { __typename: 'CpvCode', code: c, labelSv: c === '90910000-9' ? 'Städning' : 'Byggnadsstädning', labelEn: 'x' } } },
    maxUsageCount: 5,
  })),
];

function Harness({ initial = [] as string[] }) {
  const [value, setValue] = useState<string[]>(initial);
  return (
    <>
      <CpvPicker value={value} onChange={setValue} />
      <output data-testid="value">{value.join(' ')}</output>
    </>
  );
}

function renderPicker(initial: string[] = []) {
  return render(
    <MockedProvider mocks={mocks}>
      <Harness initial={initial} />
    </MockedProvider>,
  );
}

describe('the CPV picker', () => {
  it('is labelled and says that a code includes the codes below it', () => {
    renderPicker();
    expect(screen.getByRole('group', { name: 'Vad gäller det? (CPV-koder)' })).toHaveAccessibleDescription(/En kod tar med alla koder under den/);
    const input = screen.getByRole('combobox', { name: 'Sök kod eller ord' });
    expect(input).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByText('Ingen kod vald: alla områden visas.')).toBeInTheDocument();
  });

  it('searches, chooses with the keyboard, and removes a chosen code with the keyboard', async () => {
    const user = userEvent.setup();
    renderPicker();
    const input = screen.getByRole('combobox', { name: 'Sök kod eller ord' });
    await user.click(input);
    await user.keyboard('städ');
    const listbox = await screen.findByRole('listbox', { name: 'Förslag' });
    expect(input).toHaveAttribute('aria-expanded', 'true');
    expect(await screen.findByText('2 förslag. Välj med piltangenterna.')).toBeInTheDocument();
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['90910000-9 Städning', '90900000-6 Byggnadsstädning']);

    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(input).toHaveAttribute('aria-activedescendant', options[1].id);
    expect(options[1]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowUp}{Enter}');

    expect(screen.getByTestId('value')).toHaveTextContent('90910000-9');
    expect(listbox).not.toBeVisible();
    expect(input).toHaveValue('');
    expect(input).toHaveFocus();
    const chip = await screen.findByRole('button', { name: 'Ta bort 90910000-9 Städning' });
    expect(screen.getByText('90910000-9 Städning är vald.')).toBeInTheDocument();

    chip.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('value')).toHaveTextContent('');
    expect(screen.queryByRole('button', { name: /Ta bort/ })).not.toBeInTheDocument();
    await waitFor(() => expect(input).toHaveFocus());
    expect(screen.getByText('90910000-9 Städning är borttagen.')).toBeInTheDocument();
  });

  it('closes the suggestions with Escape and keeps the text', async () => {
    const user = userEvent.setup();
    renderPicker();
    const input = screen.getByRole('combobox', { name: 'Sök kod eller ord' });
    await user.click(input);
    await user.keyboard('städ');
    await screen.findByRole('listbox');
    await user.keyboard('{Escape}');
    expect(input).toHaveAttribute('aria-expanded', 'false');
    expect(input).toHaveValue('städ');
  });

  it('shows chosen codes from the start with their labels, and moves focus to the next chip on removal', async () => {
    const user = userEvent.setup();
    renderPicker(['90910000-9', '90900000-6']);
    const first = await screen.findByRole('button', { name: 'Ta bort 90910000-9 Städning' });
    await screen.findByRole('button', { name: 'Ta bort 90900000-6 Byggnadsstädning' });
    first.focus();
    await user.keyboard(' ');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Ta bort 90900000-6 Byggnadsstädning' })).toHaveFocus());
  });

  it('browses the tree of codes: divisions first, then the codes below one, chosen with a checkbox', async () => {
    const user = userEvent.setup();
    renderPicker();
    await user.click(screen.getByText('Bläddra bland alla koder'));
    const expand = await screen.findByRole('button', { name: 'Visa koder under 90000000-7 Avlopp och städning' });
    expect(expand).toHaveAttribute('aria-expanded', 'false');
    // A code with nothing below it has no way down.
    expect(screen.queryByRole('button', { name: /Visa koder under 85000000-9/ })).not.toBeInTheDocument();
    await user.click(expand);
    expect(screen.getByRole('button', { name: 'Dölj koder under 90000000-7 Avlopp och städning' })).toHaveAttribute('aria-expanded', 'true');
    const below = await screen.findByRole('checkbox', { name: '90900000-6 Byggnadsstädning' });
    await user.click(below);
    expect(screen.getByTestId('value')).toHaveTextContent('90900000-6');
    expect(await screen.findByRole('button', { name: 'Ta bort 90900000-6 Byggnadsstädning' })).toBeInTheDocument();
    await user.click(below);
    expect(screen.getByTestId('value')).toHaveTextContent('');
  });
});
