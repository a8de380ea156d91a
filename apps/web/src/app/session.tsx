import { useApolloClient, useQuery } from '@apollo/client/react';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { graphql } from '../gql';
import type { MeQuery } from '../gql/graphql';
import { currentSession, mayHaveSession, onSessionChange, refreshSession, setSession, signOut as endSession, type Session } from '../api/tokens';

export const ME = graphql(`
  query Me {
    me {
      id
      displayName
      email
      platformRole
      coordinatorCountyCodes
      memberships {
        role
        organization {
          id
          name
          kind
          verified
          countyCode
          municipalityCode
        }
      }
    }
  }
`);

export type Me = NonNullable<MeQuery['me']>;
export type MyMembership = NonNullable<Me['memberships']>[number];

export interface SessionState {
  /** 'unknown' until the first renewal through the cookie has answered. */
  status: 'unknown' | 'signedOut' | 'signedIn';
  me: Me | null;
  /** The organisation the person acts for now: the one chosen last on this device, else the first. */
  organization: MyMembership['organization'] | null;
  chooseOrganization(id: string): void;
  /** Takes the session a sign-in or registration answered with. */
  signedIn(session: Session): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

const ORGANIZATION_KEY = (userId: string) => `samverka.organization.${userId}`;

function readChoice(userId: string): string | null {
  try {
    return localStorage.getItem(ORGANIZATION_KEY(userId));
  } catch {
    return null;
  }
}

/**
 * `mayBeSignedIn`: whether the reader may have a session (the server's render says so from the request's
 * cookie; the browser reads it itself). Someone who never signed in sees "Logga in" at once.
 */
export function SessionProvider({ children, mayBeSignedIn = mayHaveSession() }: { children: ReactNode; mayBeSignedIn?: boolean }) {
  const client = useApolloClient();
  const [session, setLocal] = useState<Session | null>(currentSession());
  const [status, setStatus] = useState<SessionState['status']>(currentSession() ? 'signedIn' : mayBeSignedIn ? 'unknown' : 'signedOut');
  const [choice, setChoice] = useState<string | null>(null);

  useEffect(() => {
    const off = onSessionChange((next) => {
      setLocal(next);
      setStatus(next ? 'signedIn' : 'signedOut');
    });
    if (!currentSession() && !mayHaveSession()) setStatus('signedOut');
    else if (!currentSession()) {
      refreshSession().then(
        (next) => setStatus(next ? 'signedIn' : 'signedOut'),
        () => setStatus('signedOut'),
      );
    }
    return () => {
      off();
    };
  }, []);

  const { data } = useQuery(ME, { skip: !session, fetchPolicy: 'cache-first' });
  const me = session ? (data?.me ?? null) : null;

  useEffect(() => {
    if (me) setChoice(readChoice(me.id));
  }, [me]);

  const organization = useMemo(() => {
    const memberships = me?.memberships ?? [];
    return memberships.find((m) => m.organization.id === choice)?.organization ?? memberships[0]?.organization ?? null;
  }, [me, choice]);

  const chooseOrganization = useCallback(
    (id: string) => {
      if (!me) return;
      try {
        localStorage.setItem(ORGANIZATION_KEY(me.id), id);
      } catch {
        // Private mode: the choice lasts for the visit.
      }
      setChoice(id);
    },
    [me],
  );

  const signedIn = useCallback(
    async (next: Session) => {
      // What the previous person saw must not show through.
      await client.clearStore();
      setSession(next);
      await client.query({ query: ME, fetchPolicy: 'network-only' });
    },
    [client],
  );

  const signOut = useCallback(async () => {
    await endSession();
    await client.clearStore();
  }, [client]);

  const value = useMemo<SessionState>(
    () => ({ status, me, organization, chooseOrganization, signedIn, signOut }),
    [session, me, status, organization, chooseOrganization, signedIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
