import type { EmailToSend } from './notification.repository.js';
import type { MailMessage } from './notification-mailer.js';

/**
 * The e-mail of a notification. People have no language setting yet, so it is in Swedish with the
 * English below, and links to Samverka where the notification waits in the inbox.
 */
export function notificationEmail(n: EmailToSend, publicUrl: string): MailMessage {
  const link = `${publicUrl}/`;
  const text = [
    `Hej ${n.displayName},`,
    '',
    n.titleSv,
    ...(n.bodySv ? ['', n.bodySv] : []),
    '',
    `Läs mer i Samverka: ${link}`,
    '',
    '— In English —',
    '',
    n.titleEn,
    ...(n.bodyEn ? ['', n.bodyEn] : []),
    '',
    `Read more in Samverka: ${link}`,
    '',
    '--',
    'Du får det här meddelandet för att du är med i Samverka. Du väljer vilka aviseringar som skickas med e-post under dina aviseringsinställningar.',
    'You receive this message because you take part in Samverka. Choose which notifications are e-mailed in your notification settings.',
  ].join('\n');
  return { to: n.email, subject: `Samverka: ${oneLine(n.titleSv)}`, text };
}

/** A header holds one line: titles come from people's input (a need's title), which could hold more. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}
