import '@digdir/designsystemet-css';
import './theme/samverka.css';
import './styles.css';
import { mayHaveSession } from './api/signed-in';
import { WIDE_SCREEN } from './lib/breakpoints';

/** What a reader does first: point at, touch, press a key on or move focus into the page. */
const INTERACTIONS = ['pointerover', 'pointerdown', 'touchstart', 'keydown', 'focusin'] as const;

/** Resolves at the reader's first interaction with the page. */
function firstInteraction(): Promise<void> {
  return new Promise((resolve) => {
    const go = () => {
      for (const type of INTERACTIONS) document.removeEventListener(type, go, true);
      resolve();
    };
    for (const type of INTERACTIONS) document.addEventListener(type, go, { capture: true, passive: true });
  });
}

/** The app's code, which the server named in a template (apps/api/src/web-app.ts): fetched from here on, not run. */
function fetchApp(): void {
  const preloads = document.getElementById('samverka-preloads');
  if (preloads instanceof HTMLTemplateElement) document.head.append(preloads.content);
}

/** Runs `then` once the page has been painted, so nothing fetched for later competes with the page itself. */
function afterFirstPaint(then: () => void): void {
  if (performance.getEntriesByName('first-contentful-paint').length > 0) return then();
  new PerformanceObserver((_, observer) => {
    observer.disconnect();
    then();
  }).observe({ type: 'paint', buffered: true });
}

/**
 * The first script: small, so it costs nothing. A page the server rendered works as it is (its links and
 * forms are plain HTML), so on a phone, for a reader who is not signed in, the app (app/start.tsx) is
 * fetched once the page is painted and starts at the reader's first interaction: the phone spends nothing
 * on script before the reader acts (docs/web.md). Otherwise it starts at once.
 */
/**
 * A form sent before the app has started would go to the server as a plain request (a search in the
 * address, or a message lost): it is held, and sent again through the app once it has started.
 */
function holdSubmits(): () => void {
  let held: { form: HTMLFormElement; submitter: HTMLElement | null } | null = null;
  const hold = (event: SubmitEvent) => {
    event.preventDefault();
    if (event.target instanceof HTMLFormElement) held = { form: event.target, submitter: event.submitter };
  };
  document.addEventListener('submit', hold, true);
  return () => {
    document.removeEventListener('submit', hold, true);
    const form = held;
    held = null;
    if (form?.form.isConnected) form.form.requestSubmit(form.submitter?.isConnected ? form.submitter : null);
  };
}

async function main(): Promise<void> {
  const releaseSubmits = holdSubmits();
  const rendered = document.getElementById('root')?.hasChildNodes() ?? false;
  if (rendered && !mayHaveSession() && !window.matchMedia(WIDE_SCREEN).matches) {
    afterFirstPaint(fetchApp);
    await firstInteraction();
  }
  fetchApp();
  const { start } = await import('./app/start');
  await start(releaseSubmits);
}

void main();
