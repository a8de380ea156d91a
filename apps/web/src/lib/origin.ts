import { createContext, useContext } from 'react';

/** The address the reader opened Samverka at (the server's render is told it: entry-server.tsx). */
export const OriginContext = createContext<string | null>(null);

export function useOrigin(): string {
  return useContext(OriginContext) ?? window.location.origin;
}
