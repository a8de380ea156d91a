import { Paragraph, Tag } from '@digdir/designsystemet-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** What a notification's link is called, from where it leads (the API's `path`, libs/domain/src/web-paths.ts). */
export type NotificationLink = 'openOffer' | 'openOwnOffer' | 'openNeed' | 'openMyNeed' | 'openIntroductions' | 'openPartnership';

/** The link of a notification, or null when its page is the inbox itself. */
export function notificationLink(n: { path: string; kind: string }): { to: string; text: NotificationLink } | null {
  const [, first, , last] = n.path.split('/');
  const text: NotificationLink | null =
    first === 'behov' && last === 'anbud'
      ? n.kind === 'OFFER_INVITED'
        ? 'openOffer'
        : 'openOwnOffer'
      : first === 'behov'
        ? 'openNeed'
        : first === 'mina-behov'
          ? 'openMyNeed'
          : first === 'introduktioner'
            ? 'openIntroductions'
            : first === 'samarbeten'
              ? 'openPartnership'
              : null;
  return text ? { to: n.path, text } : null;
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
