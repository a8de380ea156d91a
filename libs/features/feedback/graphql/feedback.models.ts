import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '@samverka/engine';
import { FEEDBACK_MESSAGE_MAX, FEEDBACK_PAGE_MAX } from '../feedback.service.js';
import type { FeedbackRow } from '../feedback.repository.js';

@ObjectType({ description: 'A message sent through the accessibility statement’s feedback form' })
export class Feedback {
  @Field(() => ID)
  id: string;

  @Field({ description: 'What the sender could not use, in their words' })
  message: string;

  @Field(() => String, { nullable: true, description: 'Where the sender wants an answer; null when they want none' })
  email: string | null;

  @Field(() => String, { nullable: true, description: 'The page the message concerns, as the sender gave it' })
  page: string | null;

  @Field({ description: 'The language the sender used the service in: sv or en' })
  language: string;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  /** The cursor. */
  seq: string;

  static from(row: FeedbackRow): Feedback {
    return Object.assign(new Feedback(), row);
  }
}

@InputType()
export class SendFeedbackInput {
  @Field({ description: `What did not work or could not be used: 1 to ${FEEDBACK_MESSAGE_MAX} characters` })
  message: string;

  @Field(() => String, { nullable: true, description: 'An e-mail address for an answer; leave it out for none' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: `The page the problem concerns (an address or a name), at most ${FEEDBACK_PAGE_MAX} characters` })
  page?: string | null;
}

@ObjectType()
export class SendFeedbackPayload {
  @Field(() => ID, { description: 'The message’s id (the message itself is for administrators to read)' })
  feedbackId: string;

  @Field(() => DateTimeScalar)
  receivedAt: Date;
}
