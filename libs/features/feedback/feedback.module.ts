import { Global, Module } from '@nestjs/common';
import { repositoryProviders } from '@samverka/engine';
import { FeedbackRepository } from './feedback.repository.js';
import { FeedbackService } from './feedback.service.js';
import { FeedbackThrottle } from './feedback-throttle.js';

/** Feedback on accessibility: the form's messages, kept and told to the administrators. */
@Global()
@Module({
  providers: [...repositoryProviders(FeedbackRepository), FeedbackThrottle, FeedbackService],
  exports: [FeedbackService],
})
export class FeedbackModule {}
