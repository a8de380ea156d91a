export { NOTIFICATION_BUS, type NotificationBus } from './notification-bus.js';
export { NotificationEmailService } from './notification-email.service.js';
export { type MailMessage, NotificationMailer } from './notification-mailer.js';
export { NotificationRepository } from './notification.repository.js';
export { type NotificationEvent, NotificationService } from './notification.service.js';
export { NotificationsModule } from './notifications.module.js';
export { NotificationsGraphqlModule } from './graphql/notifications-graphql.module.js';
