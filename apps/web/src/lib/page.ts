import { createContext, useContext, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** On the server, where effects do not run, the page's title is collected here for the HTML's `<title>`. */
export const PageTitleContext = createContext<{ title?: string } | null>(null);

/** Sets the tab's title: "Behov – Samverka". Every page calls it with its own h1's text. */
export function usePageTitle(title: string | null | undefined): void {
  const { t } = useTranslation();
  const full = title ? `${title} – ${t('appName')}` : t('appName');
  const collected = useContext(PageTitleContext);
  if (collected) collected.title = full;
  useEffect(() => {
    document.title = full;
  }, [full]);
}
