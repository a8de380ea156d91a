import { useSyncExternalStore } from 'react';
import { WIDE_SCREEN } from './breakpoints';

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
