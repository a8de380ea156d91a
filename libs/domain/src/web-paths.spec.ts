import { enterprisePath, invitationPath, needPath, notificationPath, WEB_PATHS, webUrl } from './web-paths.js';

describe('web paths', () => {
  it('names a need, an enterprise and an invitation as the web app routes them', () => {
    expect(needPath('TmVlZDox')).toBe('/behov/TmVlZDox');
    expect(enterprisePath('T3JnOjE=')).toBe('/foretag/T3JnOjE%3D');
    expect(invitationPath('a+b/c=')).toBe('/inbjudan?token=a%2Bb%2Fc%3D');
  });

  it('sends a notification about a need to its page and every other to the inbox', () => {
    expect(notificationPath({ subjectType: 'need', subjectId: 'n1' })).toBe('/behov/n1');
    for (const subjectType of ['offer', 'introduction', 'partnership', 'impactReport', 'organization']) {
      expect(notificationPath({ subjectType, subjectId: 'x1' })).toBe(WEB_PATHS.inbox);
    }
  });

  it('joins the public address and a path with one slash', () => {
    expect(webUrl('https://samverka.example.se', '/inkorg')).toBe('https://samverka.example.se/inkorg');
    expect(webUrl('https://samverka.example.se/', '/inkorg')).toBe('https://samverka.example.se/inkorg');
  });
});
