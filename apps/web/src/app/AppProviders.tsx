import { ApolloProvider } from '@apollo/client/react';
import type { ApolloClient } from '@apollo/client';
import type { i18n as I18n } from 'i18next';
import { StrictMode, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { SessionProvider } from './session';

/** What every page stands on, in the browser (main.tsx) and on the server (entry-server.tsx) alike. */
export function AppProviders({ i18n, client, mayBeSignedIn, children }: { i18n: I18n; client: ApolloClient; mayBeSignedIn?: boolean; children: ReactNode }) {
  return (
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <ApolloProvider client={client}>
          <SessionProvider mayBeSignedIn={mayBeSignedIn}>{children}</SessionProvider>
        </ApolloProvider>
      </I18nextProvider>
    </StrictMode>
  );
}
