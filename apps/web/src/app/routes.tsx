import type { RouteObject } from 'react-router';
import { Layout } from './Layout';
import { RequireSignIn } from './RequireSignIn';
import { RouteError } from './RouteError';

/**
 * Every page of the app, each loaded when first opened (so the start page carries none of the others' code).
 * Paths are Swedish and stable: the API's e-mails link to them (libs/domain/src/web-paths.ts).
 */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <RouteError />,
    hydrateFallbackElement: null,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, lazy: () => import('../pages/public/StartPage') },
          { path: 'behov', lazy: () => import('../pages/public/NeedsPage') },
          { path: 'behov/:needId', lazy: () => import('../pages/public/NeedPage') },
          { path: 'foretag', lazy: () => import('../pages/public/EnterprisesPage') },
          { path: 'foretag/:organizationId', lazy: () => import('../pages/public/EnterprisePage') },
          { path: 'goda-exempel', lazy: () => import('../pages/public/GoodExamplesPage') },
          { path: 'matchning', lazy: () => import('../pages/public/MatchingPage') },
          { path: 'tillganglighet', lazy: () => import('../pages/public/AccessibilityPage') },
          { path: 'logga-in', lazy: () => import('../pages/accounts/SignInPage') },
          { path: 'registrera', lazy: () => import('../pages/accounts/RegisterPage') },
          { path: 'inbjudan', lazy: () => import('../pages/accounts/InvitationPage') },
          {
            element: <RequireSignIn />,
            children: [
              { path: 'start', lazy: () => import('../pages/accounts/HomePage') },
              { path: 'konto', lazy: () => import('../pages/accounts/AccountPage') },
              { path: 'inkorg', lazy: () => import('../pages/accounts/InboxPage') },
            ],
          },
          { path: '*', lazy: () => import('../pages/NotFound') },
        ],
      },
    ],
  },
];
