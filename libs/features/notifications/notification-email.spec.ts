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
  data: { needId: 'TmVlZDo0Mg', score: 82 },
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

  it('links a report to its partnership’s page, where the reader confirms or corrects it', () => {
    const mail = notificationEmail({ ...base, kind: 'REPORT_SUBMITTED', subjectType: 'impactReport', subjectId: 'r1', data: { partnershipId: 'p1', reportId: 'r1' } }, PUBLIC_URL);
    expect(mail.text).toContain(`Läs mer i Samverka: ${PUBLIC_URL}/samarbeten/p1`);
    expect(mail.text).toContain(`Read more in Samverka: ${PUBLIC_URL}/samarbeten/p1`);
  });

  it('links a notification whose page is not known to the inbox', () => {
    const mail = notificationEmail({ ...base, kind: 'ORGANIZATION_VERIFIED', subjectType: 'organization', subjectId: 'x', data: {} }, PUBLIC_URL);
    expect(mail.text).toContain(`Läs mer i Samverka: ${PUBLIC_URL}/inkorg`);
    expect(mail.text).toContain(`Read more in Samverka: ${PUBLIC_URL}/inkorg`);
  });

  it('keeps the subject to one line', () => {
    const mail = notificationEmail({ ...base, titleSv: 'Rad ett\nRad två' }, PUBLIC_URL);
    expect(mail.subject).toBe('Samverka: Rad ett Rad två');
  });
});
