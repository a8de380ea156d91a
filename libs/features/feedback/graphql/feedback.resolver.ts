import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor, Language } from '@samverka/domain';
import { Authorize, ClientIp, ConnectionType, CurrentActor, PageArgs, pagedComplexity, pageRequest, Public, RequestLanguage, toConnection } from '@samverka/engine';
import { FeedbackService } from '../feedback.service.js';
import { Feedback, SendFeedbackInput, SendFeedbackPayload } from './feedback.models.js';

const FeedbackConnection = ConnectionType(Feedback);

@Resolver(() => Feedback)
export class FeedbackResolver {
  constructor(private readonly feedback: FeedbackService) {}

  @Public()
  @Mutation(() => SendFeedbackPayload, {
    description: 'Sends feedback on the service’s accessibility, signed in or not; every administrator is told. A few messages per client within a quarter of an hour',
  })
  async sendFeedback(
    @Args('input') input: SendFeedbackInput,
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
    @ClientIp() ip: string,
  ): Promise<SendFeedbackPayload> {
    const row = await this.feedback.send(actor, input, language, ip);
    return Object.assign(new SendFeedbackPayload(), { feedbackId: row.id, receivedAt: row.createdAt });
  }

  @Authorize('feedback.read')
  @Query(() => FeedbackConnection, { description: 'Feedback on accessibility, newest first, for administrators', complexity: pagedComplexity })
  async feedbackMessages(@Args() page: PageArgs) {
    const request = pageRequest(page);
    const { rows, total } = await this.feedback.list({ limit: request.limit, before: request.after });
    return toConnection(rows.map(Feedback.from), request, total, (row) => row.seq);
  }
}
