export { FeedbackModule } from './feedback.module.js';
export { FeedbackService, checkFeedback, FEEDBACK_MESSAGE_MAX, FEEDBACK_PAGE_MAX } from './feedback.service.js';
export { FEEDBACK_PER_CLIENT, FEEDBACK_WINDOW_S } from './feedback-throttle.js';
export { FeedbackGraphqlModule } from './graphql/feedback-graphql.module.js';
