import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { i18n } from '../i18n';
import { Layout } from './Layout';
import { SessionProvider } from './session';

function renderFrame() {
  const router = createMemoryRouter([{ element: <Layout />, children: [{ path: '/', element: <h1>Innehåll</h1> }] }]);
  return render(
    <MockedProvider mocks={[]}>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </MockedProvider>,
  );
}

describe('the language switch', () => {
  afterEach(async () => {
    await i18n.changeLanguage('sv');
    localStorage.clear();
  });

  it('is Swedish by default and offers English in English', async () => {
    renderFrame();
    const toEnglish = await screen.findByRole('button', { name: 'Read in English' });
    expect(toEnglish).toHaveAttribute('lang', 'en');
    expect(document.documentElement.lang).toBe('sv');
    expect(screen.getByRole('link', { name: 'Hoppa till huvudinnehåll' })).toHaveAttribute('href', '#main');
    expect(screen.getByRole('navigation', { name: 'Huvudmeny' })).toBeInTheDocument();
  });

  it('switches the texts and <html lang>, and remembers the choice', async () => {
    renderFrame();
    await userEvent.click(await screen.findByRole('button', { name: 'Read in English' }));
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main menu' })).toBeInTheDocument();
    expect(localStorage.getItem('samverka.language')).toBe('en');
    const back = screen.getByRole('button', { name: 'Läs på svenska' });
    expect(back).toHaveAttribute('lang', 'sv');
    await userEvent.click(back);
    expect(document.documentElement.lang).toBe('sv');
  });

  it('offers sign-in to a visitor who has never signed in here, without asking the server', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    renderFrame();
    expect(await screen.findByRole('link', { name: 'Logga in' })).toHaveAttribute('href', '/logga-in');
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });
});
