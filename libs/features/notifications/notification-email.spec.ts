import { notificationEmail } from './notification-email.js';
import type { EmailToSend } from './notification.repository.js';

const PUBLIC_URL = 'https://samverka.example.se';

const base: EmailToSend = {
  id: 'n-1',
  kind: 'MATCH_STRONG',
  email: 'sara@exempel.se',
  displayName: 'Sara Svensson',
  titleSv: 'Ett behov som passar er: Städning av lokaler',
  titleEn: 'A need that suits you: Städning av lokaler',
  bodySv: 'Malmö stad söker städning.',
  bodyEn: 'Malmö stad is looking for cleaning.',
  subjectType: 'need',
  subjectId: 'TmVlZDo0Mg',
  attempts: 1,
};

describe('notificationEmail', () => {
  it('links a notification about a need to the need’s page, in both languages', () => {
    const mail = notificationEmail(base, PUBLIC_URL);
    expect(mail.to).toBe('sara@exempel.se');
    expect(mail.subject).toBe('Samverka: Ett behov som passar er: Städning av lokaler');
    expect(mail.text).toContain(`Läs mer i Samverka: ${PUBLIC_URL}/behov/TmVlZDo0Mg`);
    expect(mail.text).toContain(`Read more in Samverka: ${PUBLIC_URL}/behov/TmVlZDo0Mg`);
    expect(mail.text).not.toContain(`${PUBLIC_URL}/\n`);
  });

  it.each(['offer', 'introduction', 'partnership', 'impactReport', 'organization'])('links a notification about a %s to the inbox', (subjectType) => {
    const mail = notificationEmail({ ...base, kind: 'REPORT_DUE', subjectType, subjectId: 'x' }, PUBLIC_URL);
    expect(mail.text).toContain(`Läs mer i Samverka: ${PUBLIC_URL}/inkorg`);
    expect(mail.text).toContain(`Read more in Samverka: ${PUBLIC_URL}/inkorg`);
    expect(mail.text).not.toContain('/behov/');
  });

  it('keeps the subject to one line', () => {
    const mail = notificationEmail({ ...base, titleSv: 'Rad ett\nRad två' }, PUBLIC_URL);
    expect(mail.subject).toBe('Samverka: Rad ett Rad två');
  });
});
