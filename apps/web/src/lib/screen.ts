import { useSyncExternalStore } from 'react';

/** Wide enough for filters beside the results (and, on first load, for the app to start at once: main.tsx). */
export const WIDE_SCREEN = '(min-width: 60em)';

/**
 * Whether the screen is wide now, following changes. The server's render assumes a phone (its HTML is
 * drawn before any script runs, and phones are where that matters); a wide screen's app starts at once
 * and draws it wide.
 */
export function useWideScreen(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const query = window.matchMedia(WIDE_SCREEN);
      query.addEventListener('change', onChange);
      return () => query.removeEventListener('change', onChange);
    },
    () => window.matchMedia(WIDE_SCREEN).matches,
    () => false,
  );
}
