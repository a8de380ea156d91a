import type { RouteObject } from 'react-router';
import { loadAreas } from '../i18n';
import { Layout } from './Layout';
import { RequireSignIn } from './RequireSignIn';
import { RouteError } from './RouteError';
import { Workspace } from './Workspace';

/**
 * Every page of the app, each loaded when first opened (so the start page carries none of the others' code).
 * Paths are Swedish and stable: the API's e-mails link to them (libs/domain/src/web-paths.ts).
 */
/** A page's module, with the texts of its areas loaded beside it rather than after it. */
async function page<T>(module: Promise<T>, areas: readonly string[]): Promise<T> {
  const [loaded] = await Promise.all([module, loadAreas(areas)]);
  return loaded;
}

/**
 * Pages the server sends as the bare app for the browser to draw (entry-server.tsx): those behind sign-in
 * (only the browser knows the session), and the forms that carry a password or a person's details (they
 * must never exist without the app that sends them).
 */
export const BROWSER_ONLY = { browserOnly: true } as const;

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <RouteError />,
    hydrateFallbackElement: null,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, lazy: () => page(import('../pages/public/StartPage'), ['home']) },
          { path: 'behov', lazy: () => page(import('../pages/public/NeedsPage'), ['needs', 'filters']) },
          { path: 'behov/:needId', lazy: () => page(import('../pages/public/NeedPage'), ['needs', 'offers']) },
          { path: 'foretag', lazy: () => page(import('../pages/public/EnterprisesPage'), ['directory', 'filters']) },
          { path: 'foretag/:organizationId', lazy: () => page(import('../pages/public/EnterprisePage'), ['directory']) },
          { path: 'goda-exempel', lazy: () => page(import('../pages/public/GoodExamplesPage'), ['examples', 'directory', 'filters']) },
          { path: 'matchning', lazy: () => page(import('../pages/public/MatchingPage'), ['matching']) },
          { path: 'tillganglighet', lazy: () => page(import('../pages/public/AccessibilityPage'), ['accessibility']) },
          { path: 'logga-in', handle: BROWSER_ONLY, lazy: () => page(import('../pages/accounts/SignInPage'), ['accounts']) },
          { path: 'registrera', handle: BROWSER_ONLY, lazy: () => page(import('../pages/accounts/RegisterPage'), ['accounts', 'filters']) },
          { path: 'inbjudan', handle: BROWSER_ONLY, lazy: () => page(import('../pages/accounts/InvitationPage'), ['accounts']) },
          {
            handle: BROWSER_ONLY,
            element: <RequireSignIn />,
            children: [
              { path: 'start', lazy: () => page(import('../pages/accounts/HomePage'), ['accounts', 'buyer', 'enterprise']) },
              { path: 'konto', lazy: () => page(import('../pages/accounts/AccountPage'), ['accounts']) },
              { path: 'inkorg', lazy: () => page(import('../pages/accounts/InboxPage'), ['accounts']) },
              { path: 'mina-behov', lazy: () => page(import('../pages/buyer/MyNeedsPage'), ['buyer', 'needs']) },
              { path: 'mina-behov/nytt', lazy: () => page(import('../pages/buyer/NeedWizard'), ['buyer', 'needs', 'filters']) },
              { path: 'mina-behov/:needId/redigera', lazy: () => page(import('../pages/buyer/NeedWizard'), ['buyer', 'needs', 'filters']) },
              { path: 'profil', lazy: () => page(import('../pages/enterprise/ProfilePage'), ['enterprise', 'filters']) },
              { path: 'introduktioner', lazy: () => page(import('../pages/enterprise/IntroductionsPage'), ['enterprise']) },
              { path: 'behov-for-er', lazy: () => page(import('../pages/saved/NeedsForYouPage'), ['saved', 'enterprise', 'needs', 'filters', 'offers']) },
              { path: 'behov/:needId/anbud', lazy: () => page(import('../pages/offers/OfferPage'), ['offers']) },
              { path: 'anbud', lazy: () => page(import('../pages/offers/MyOffersPage'), ['offers']) },
              { path: 'mina-behov/:needId', lazy: () => page(import('../pages/offers/BuyerNeedPage'), ['offers', 'needs']) },
              { path: 'samarbeten', lazy: () => page(import('../pages/impact/PartnershipsPage'), ['impact']) },
              { path: 'samarbeten/:partnershipId', lazy: () => page(import('../pages/impact/PartnershipPage'), ['impact']) },
              {
                // The coordinator's pages (administrators' too), with the row of links between them.
                element: <Workspace role="coordinator" />,
                children: [
                  { path: 'region', lazy: () => page(import('../pages/region/RegionPage'), ['region']) },
                  { path: 'formedling', lazy: () => page(import('../pages/brokering/BrokeringPage'), ['brokering']) },
                  { path: 'formedling/behov/:needId', lazy: () => page(import('../pages/brokering/BrokeringNeedPage'), ['brokering', 'offers', 'needs']) },
                  { path: 'formedling/samarbete', lazy: () => page(import('../pages/brokering/BrokeredPartnershipPage'), ['brokering', 'filters']) },
                  { path: 'organisationer', lazy: () => page(import('../pages/organisations/OrganisationsPage'), ['organisations']) },
                  { path: 'importer', lazy: () => page(import('../pages/imports/ImportsPage'), ['imports']) },
                  { path: 'importer/:runId', lazy: () => page(import('../pages/imports/ImportRunPage'), ['imports']) },
                  { path: 'goda-exempel/kurera', lazy: () => page(import('../pages/examples/CuratePage'), ['examples', 'directory']) },
                ],
              },
              {
                // The administrator's pages, in the same frame.
                element: <Workspace role="administrator" />,
                children: [
                  { path: 'admin', lazy: () => page(import('../pages/admin/AdminStartPage'), ['admin']) },
                  { path: 'admin/personer', lazy: () => page(import('../pages/admin/PeoplePage'), ['admin']) },
                  { path: 'admin/granskning', lazy: () => page(import('../pages/admin/AuditPage'), ['admin']) },
                  { path: 'admin/indikatorer', lazy: () => page(import('../pages/admin/IndicatorsPage'), ['admin', 'filters']) },
                  { path: 'admin/matchning', lazy: () => page(import('../pages/admin/MatchingAdminPage'), ['admin']) },
                  { path: 'admin/synpunkter', lazy: () => page(import('../pages/admin/FeedbackAdminPage'), ['admin']) },
                ],
              },
            ],
          },
          { path: '*', lazy: () => import('../pages/NotFound') },
        ],
      },
    ],
  },
];
