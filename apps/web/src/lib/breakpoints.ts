/**
 * Wide enough for filters beside the results (lib/screen.ts) and, on first load, for the app to start at
 * once (main.tsx). Its own module, so the first script carries no React.
 */
export const WIDE_SCREEN = '(min-width: 60em)';
