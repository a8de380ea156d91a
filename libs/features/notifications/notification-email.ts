import { LANGUAGES, notificationPath, webUrl, type Language } from '@samverka/domain';
import { t } from '@samverka/engine';
import type { EmailToSend } from './notification.repository.js';
import type { MailMessage } from './notification-mailer.js';

/**
 * The e-mail of a notification, in Swedish, the product's language, with the English below: people have
 * no language setting yet, and the text was written in both when the event happened. It links to the
 * web app's page for what it is about (a need's page), else to the inbox, where the notification waits.
 */
export function notificationEmail(n: EmailToSend, publicUrl: string): MailMessage {
  const link = webUrl(publicUrl, notificationPath(n));
  const written: Record<Language, { title: string; body: string }> = { sv: { title: n.titleSv, body: n.bodySv }, en: { title: n.titleEn, body: n.bodyEn } };
  const section = (language: Language) => {
    const { title, body } = written[language];
    return [title, ...(body ? ['', body] : []), '', t('notifications.emailReadMore', { link }, language)];
  };
  const [first, ...others] = LANGUAGES;
  const text = [
    t('notifications.emailGreeting', { name: n.displayName }, first),
    '',
    ...section(first),
    ...others.flatMap((language) => ['', `— ${t('notifications.emailInLanguage', undefined, language)} —`, '', ...section(language)]),
    '',
    '--',
    ...LANGUAGES.map((language) => t('notifications.emailWhy', undefined, language)),
  ].join('\n');
  return { to: n.email, subject: t('notifications.emailSubject', { title: oneLine(written[first].title) }, first), text };
}

/** A header holds one line: titles come from people's input (a need's title), which could hold more. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}
