import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { CPV_PICKER_CODE, CPV_PICKER_SEARCH, CpvPicker } from './CpvPicker';

const code = (c: string, labelSv: string, labelEn: string, level = 4) => ({ __typename: 'CpvCode' as const, code: c, labelSv, labelEn, level });

const mocks = [
  {
    request: { query: CPV_PICKER_SEARCH, variables: { search: 'städ' } },
    result: {
      data: {
        cpvCodes: {
          __typename: 'CpvCodeConnection',
          totalCount: 2,
          // In code order, as the API answers; the picker puts the label that starts with the text first.
          nodes: [code('90900000-6', 'Byggnadsstädning', 'Building-cleaning services', 2), code('90910000-9', 'Städning', 'Cleaning services', 3)],
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
});
