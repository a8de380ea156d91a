import { Injectable } from '@nestjs/common';
import { actorUserId, checked, DomainError, FieldProblems, message, normaliseEmail, type Actor, type Language, type Message } from '@samverka/domain';
import { Database } from '@samverka/engine';
import { NotificationService } from '@samverka/notifications';
import { FeedbackRepository, type FeedbackRow } from './feedback.repository.js';
import { FeedbackThrottle } from './feedback-throttle.js';

export const FEEDBACK_MESSAGE_MAX = 5000;
export const FEEDBACK_PAGE_MAX = 500;

export interface SendFeedback {
  message: string;
  email?: string | null;
  page?: string | null;
}

/** Checks a message as the form sends it: the text is required, the address optional but well formed. */
export function checkFeedback(input: SendFeedback): { message: string; email: string | null; page: string | null } {
  const problems = new FieldProblems();
  const text = input.message.normalize('NFC').trim();
  if (text === '') problems.add('message', 'REQUIRED', 'validation.required');
  else if ([...text].length > FEEDBACK_MESSAGE_MAX) problems.add('message', 'TOO_LONG', 'validation.tooLong', { count: FEEDBACK_MESSAGE_MAX });
  const rawEmail = input.email?.trim() ?? '';
  const email = rawEmail === '' ? null : (checked(problems, () => normaliseEmail(rawEmail)) ?? null);
  const page = input.page?.normalize('NFC').trim() || null;
  if (page && [...page].length > FEEDBACK_PAGE_MAX) problems.add('page', 'TOO_LONG', 'validation.tooLong', { count: FEEDBACK_PAGE_MAX });
  for (const [path, value] of [
    ['message', text],
    ['page', page ?? ''],
  ] as const) {
    if (value.includes('\u0000') && !problems.has(path)) problems.add(path, 'INVALID_FORMAT', 'validation.nulCharacter');
  }
  problems.throwIfAny();
  return { message: text, email, page };
}

/** Feedback on the service's accessibility: anyone sends it, the administrators are told and read it. */
@Injectable()
export class FeedbackService {
  constructor(
    private readonly database: Database,
    private readonly feedback: FeedbackRepository,
    private readonly throttle: FeedbackThrottle,
    private readonly notifications: NotificationService,
  ) {}

  async send(actor: Actor, input: SendFeedback, language: Language, ip: string): Promise<FeedbackRow> {
    const checkedInput = checkFeedback(input);
    // Only a message that would be kept counts: a form sent with mistakes does not. A person signed in is
    // counted by their account (colleagues may share an office's address), a visitor by their address.
    await this.throttle.consume(actor.kind === 'user' ? `user:${actor.userId}` : `address:${ip}`);
    return this.database.transaction(async (tx) => {
      const row = await this.feedback.insert({ ...checkedInput, language, userId: actorUserId(actor) }, tx.manager);
      const administrators = await this.feedback.administratorIds(tx.manager);
      if (administrators.length === 0) return row;
      const body: Message[] = [
        message('feedback.receivedBodyPage', { page: checkedInput.page ?? '–' }),
        checkedInput.email ? message('feedback.receivedBodyAnswer', { email: checkedInput.email }) : message('feedback.receivedBodyNoAnswer'),
      ];
      if (!checkedInput.page) body.shift();
      await this.notifications.notify(tx, {
        kind: 'FEEDBACK_RECEIVED',
        subject: { type: 'feedback', id: row.id },
        users: administrators,
        exceptUserId: null,
        title: message('feedback.receivedTitle'),
        body,
        data: { feedbackId: row.id, page: checkedInput.page, language },
        dedupeKey: `feedback:${row.id}`,
      });
      return row;
    });
  }

  async list(page: { limit: number; before?: string }): Promise<{ rows: FeedbackRow[]; total: number }> {
    if (page.before !== undefined && !/^\d{1,18}$/.test(page.before)) throw DomainError.badInput('after', 'INVALID_FORMAT', 'request.invalidCursor');
    return this.feedback.list(page);
  }
}
