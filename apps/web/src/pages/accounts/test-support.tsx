import { MockedProvider, type MockedProviderProps } from '@apollo/client/testing/react';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { SessionProvider } from '../../app/session';

/** Renders a piece of the accounts area signed out, with the API's answers given. */
export function renderWithApi(ui: ReactNode, mocks: NonNullable<MockedProviderProps['mocks']> = [], path = '/') {
  return render(
    <MockedProvider mocks={mocks}>
      <SessionProvider>
        <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
      </SessionProvider>
    </MockedProvider>,
  );
}

/**
 * Designsystemet's summary focuses itself when it is connected; happy-dom ignores a focus() made while an
 * element is being connected, so the tests check that the summary asked for focus (Chromium, in the e2e
 * tests, shows that it gets it).
 */
export function watchFocus() {
  const focus = vi.spyOn(HTMLElement.prototype, 'focus');
  return {
    tookFocus: (element: HTMLElement) => focus.mock.contexts.includes(element),
    restore: () => focus.mockRestore(),
  };
}
