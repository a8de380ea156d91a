import { enterprisePath, invitationPath, needPath, notificationPath, WEB_PATHS, webUrl, type NotificationLinkable } from './web-paths.js';

describe('web paths', () => {
  it('names a need, an enterprise and an invitation as the web app routes them', () => {
    expect(needPath('TmVlZDox')).toBe('/behov/TmVlZDox');
    expect(enterprisePath('T3JnOjE=')).toBe('/foretag/T3JnOjE%3D');
    expect(invitationPath('a+b/c=')).toBe('/inbjudan?token=a%2Bb%2Fc%3D');
  });

  const about = (kind: string, subjectType: string, data: NotificationLinkable['data'] = {}): NotificationLinkable => ({ kind, subjectType, subjectId: 'x1', data });

  it('sends each notification to the page where its reader acts on it', () => {
    expect(notificationPath(about('MATCH_STRONG', 'need'))).toBe('/behov/x1');
    expect(notificationPath(about('OFFER_INVITED', 'need'))).toBe('/behov/x1/anbud');
    expect(notificationPath(about('OFFER_RECEIVED', 'offer', { needId: 'n1', status: 'SUBMITTED' }))).toBe('/mina-behov/n1');
    expect(notificationPath(about('OFFER_STATUS_CHANGED', 'offer', { needId: 'n1', status: 'WITHDRAWN' }))).toBe('/mina-behov/n1');
    expect(notificationPath(about('OFFER_STATUS_CHANGED', 'offer', { needId: 'n1', status: 'DECLINED' }))).toBe('/behov/n1/anbud');
    expect(notificationPath(about('INTRODUCTION_RECEIVED', 'introduction', { needId: 'n1' }))).toBe('/introduktioner');
    expect(notificationPath(about('INTRODUCTION_MADE', 'introduction', { needId: 'n1' }))).toBe('/mina-behov/n1');
    expect(notificationPath(about('INTRODUCTION_ANSWERED', 'introduction', { needId: 'n1' }))).toBe('/behov/n1');
    expect(notificationPath(about('REPORT_DUE', 'partnership'))).toBe('/samarbeten/x1');
    expect(notificationPath(about('REPORT_SUBMITTED', 'impactReport', { partnershipId: 'p1' }))).toBe('/samarbeten/p1');
  });

  it('sends a notification without the details its page needs, or about anything else, to the inbox', () => {
    expect(notificationPath(about('OFFER_RECEIVED', 'offer'))).toBe(WEB_PATHS.inbox);
    expect(notificationPath(about('REPORT_CONFIRMED', 'impactReport', { partnershipId: 7 }))).toBe(WEB_PATHS.inbox);
    expect(notificationPath(about('FEEDBACK_RECEIVED', 'feedback'))).toBe(WEB_PATHS.inbox);
    expect(notificationPath(about('ORGANIZATION_VERIFIED', 'organization'))).toBe(WEB_PATHS.inbox);
  });

  it('joins the public address and a path with one slash', () => {
    expect(webUrl('https://samverka.example.se', '/inkorg')).toBe('https://samverka.example.se/inkorg');
    expect(webUrl('https://samverka.example.se/', '/inkorg')).toBe('https://samverka.example.se/inkorg');
  });
});
