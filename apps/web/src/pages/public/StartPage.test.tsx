import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { i18n } from '../../i18n';
import { START_PAGE_FIGURES, StartPage } from './StartPage';

const figures = {
  request: { query: START_PAGE_FIGURES },
  result: {
    data: {
      needs: { __typename: 'NeedConnection', totalCount: 8 },
      enterprises: { __typename: 'EnterpriseProfileConnection', totalCount: 1234 },
      goodExamples: { __typename: 'GoodExampleConnection', totalCount: 1 },
    },
  },
};

function Where() {
  const location = useLocation();
  return <output data-testid="where">{decodeURIComponent(location.pathname + location.search)}</output>;
}

function renderStart(mocks = [figures]) {
  return render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter initialEntries={['/']}>
        <Routes>
          <Route path="/" element={<StartPage />} />
          <Route path="*" element={<Where />} />
        </Routes>
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe('the start page', () => {
  afterEach(() => i18n.changeLanguage('sv'));

  it('says what Samverka is in one h1 and shows the API’s figures, each linking to its list', async () => {
    renderStart();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Samverka – där offentliga behov möter sociala företag');
    const section = screen.getByRole('region', { name: 'Samverka i siffror' });
    const needs = await within(section).findByRole('link', { name: '8 publicerade behov' });
    expect(needs).toHaveAttribute('href', '/behov');
    // Numbers go through Intl: a no-break space between thousands in Swedish.
    expect(within(section).getByRole('link', { name: /^1\u00a0234 granskade sociala företag$/ })).toHaveAttribute('href', '/foretag');
    expect(within(section).getByRole('link', { name: '1 gott exempel' })).toHaveAttribute('href', '/goda-exempel');
  });

  it('says so when the figures cannot be fetched', async () => {
    renderStart([{ request: { query: START_PAGE_FIGURES }, error: new Error('offline') } as never]);
    expect(await screen.findByText('Siffrorna kan inte visas just nu.')).toBeInTheDocument();
  });

  it('searches the published needs with the words typed', async () => {
    renderStart();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Sök bland publicerade behov' }), ' städ ');
    await userEvent.click(screen.getByRole('button', { name: 'Sök' }));
    expect(screen.getByTestId('where')).toHaveTextContent('/behov?q=städ');
  });

  it('shows the figures in English', async () => {
    await i18n.changeLanguage('en');
    renderStart();
    expect(await screen.findByRole('link', { name: '1,234 verified social enterprises' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '1 good example' })).toBeInTheDocument();
  });
});
