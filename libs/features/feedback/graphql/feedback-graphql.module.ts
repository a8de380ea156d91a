import { Module } from '@nestjs/common';
import { FeedbackResolver } from './feedback.resolver.js';

/** Feedback on accessibility: the transport (GraphQL). */
@Module({
  providers: [FeedbackResolver],
})
export class FeedbackGraphqlModule {}
