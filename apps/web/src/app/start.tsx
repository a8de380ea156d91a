import type { NormalizedCacheObject } from '@apollo/client';
import { useEffect } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createBrowserRouter, matchRoutes, RouterProvider } from 'react-router';
import { createApolloClient } from '../api/apollo';
import { i18n } from '../i18n';
import { AppProviders } from './AppProviders';
import { routes } from './routes';

type FormControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** Whether the reader changed a field of the server's page before the app took it over. */
function changedByReader(control: FormControl): boolean {
  if (control instanceof HTMLSelectElement) return [...control.options].some((o) => o.selected !== o.defaultSelected);
  if (control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio')) return control.checked !== control.defaultChecked;
  return control.value !== control.defaultValue;
}

/** Plays again to the app what the reader did to the server's page before it took over. */
function takeOverEarlyChanges(container: HTMLElement): void {
  for (const control of container.querySelectorAll<FormControl>('input, select, textarea')) {
    if (!changedByReader(control)) continue;
    if (control instanceof HTMLSelectElement) {
      control.dispatchEvent(new Event('change', { bubbles: true }));
    } else if (control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio')) {
      control.checked = control.defaultChecked;
      control.click();
    } else {
      // React notices a change by comparing with the value it last set: set the server's value through
      // React, the reader's past it (the prototype's setter), and announce it.
      const typed = control.value;
      control.value = control.defaultValue;
      Object.getOwnPropertyDescriptor(Object.getPrototypeOf(control), 'value')?.set?.call(control, typed);
      control.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }
}

/**
 * Runs once the app has drawn or taken over the page. React keeps what a reader typed, chose or ticked
 * before it took over, but its state still holds the server's values: each such change is played to it
 * again as the reader's own event, so nothing the reader did is lost. Then `started` (a held form is sent),
 * and `<html data-app="started">` says the app is running.
 */
function Started({ container, started }: { container: HTMLElement; started: () => void }) {
  useEffect(() => {
    takeOverEarlyChanges(container);
    started();
    document.documentElement.dataset.app = 'started';
  }, [container, started]);
  return null;
}

/**
 * Starts the app (loaded by main.tsx). A page the server rendered (apps/api/src/web-app.ts) comes with its
 * HTML and its data: the app takes it over (hydrates) with the data in Apollo's cache and the page's own
 * code loaded first, so nothing is asked or drawn again. Other pages (behind sign-in) are drawn here.
 * `started` runs once it has.
 */
export async function start(started: () => void = () => {}): Promise<void> {
  const container = document.getElementById('root')!;
  const data = document.getElementById('samverka-data');
  const client = createApolloClient(data?.textContent ? (JSON.parse(data.textContent) as NormalizedCacheObject) : undefined);
  if (!container.hasChildNodes()) {
    createRoot(container).render(
      <AppProviders i18n={i18n} client={client}>
        <RouterProvider router={createBrowserRouter(routes)} />
        <Started container={container} started={started} />
      </AppProviders>,
    );
    return;
  }
  await Promise.all(
    (matchRoutes(routes, window.location) ?? []).map(async ({ route }) => {
      if (typeof route.lazy === 'function') Object.assign(route, { ...(await route.lazy()), lazy: undefined });
    }),
  );
  const router = createBrowserRouter(routes, { hydrationData: { loaderData: {}, actionData: null, errors: null } });
  hydrateRoot(
    container,
    <AppProviders i18n={i18n} client={client}>
      <RouterProvider router={router} />
      <Started container={container} started={started} />
    </AppProviders>,
  );
}
