import { Paragraph, Tag } from '@digdir/designsystemet-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The app's page for what a notification is about, where it has one: a need's page (for the need itself,
 * or an offer or introduction on it); null for the rest, which the inbox shows as they are.
 * Paths as in libs/domain/src/web-paths.ts.
 */
export function notificationHref(n: { subjectType: string; subjectId: string; data: string; kind?: string }): string | null {
  // An invitation to offer opens the page where the offer is made (as the e-mail's link, libs/domain/src/web-paths.ts).
  if (n.subjectType === 'need' && n.kind === 'OFFER_INVITED') return `/behov/${encodeURIComponent(n.subjectId)}/anbud`;
  if (n.subjectType === 'need') return `/behov/${encodeURIComponent(n.subjectId)}`;
  try {
    const data = JSON.parse(n.data) as { needId?: unknown };
    if (typeof data.needId === 'string' && data.needId) return `/behov/${encodeURIComponent(data.needId)}`;
  } catch {
    // No details: no link.
  }
  return null;
}

/** The API writes notifications in the language asked for: ask again when the reader switches. */
export function useRefetchOnLanguageChange(refetch: () => unknown): void {
  const { i18n } = useTranslation();
  const first = useRef(i18n.language);
  useEffect(() => {
    if (first.current === i18n.language) return;
    first.current = i18n.language;
    void refetch();
  }, [i18n.language, refetch]);
}

/** Whether an organisation acts in public yet, in words (never by colour alone). */
export function VerificationState({ verified }: { verified: boolean }) {
  const { t } = useTranslation('accounts');
  return (
    <div className="accounts-verification">
      <Tag data-color={verified ? 'success' : 'warning'}>{verified ? t('verification.verified') : t('verification.pending')}</Tag>
      <Paragraph data-size="sm">{verified ? t('verification.verifiedBody') : t('verification.pendingBody')}</Paragraph>
    </div>
  );
}
