import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the tab's title: "Behov – Samverka". Every page calls it with its own h1's text. */
export function usePageTitle(title: string | null | undefined): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? `${title} – ${t('appName')}` : t('appName');
  }, [title, t]);
}
