import { type IntroductionEntity, type NeedEntity, type PartnershipEntity } from '@samverka/schema';
import { message, type Message, type MessageKey } from '@samverka/domain';
import type { NotificationEvent } from '@samverka/notifications';

/**
 * What the people around an introduction or a partnership are told, from the catalogue (written in
 * Swedish and English when the notification is). Pure: the services pass these to
 * NotificationService.notify in the transaction of the change.
 */

interface Names {
  buyer: string;
  enterprise: string;
}

/** A note quoted in a message, cut at a readable length. */
function quote(text: string, max = 300): string {
  const trimmed = text.trim();
  return trimmed.length <= max ? trimmed : `${trimmed.slice(0, max - 1).trimEnd()}…`;
}

/** The body, and the note people wrote (if any) quoted below it. */
function withNote(body: Message, note: string, label: MessageKey): Message[] {
  return note.trim() ? [body, message(label, { note: quote(note) })] : [body];
}

/** To the enterprise's members: a coordinator proposes them for a need. */
export function introductionReceived(introduction: IntroductionEntity, need: NeedEntity, names: Names, actorUserId: string | null): NotificationEvent {
  return {
    kind: 'INTRODUCTION_RECEIVED',
    subject: { type: 'introduction', id: introduction.id },
    organizations: [introduction.enterpriseOrganizationId],
    exceptUserId: actorUserId,
    title: message('brokering.introductionReceivedTitle', { enterprise: names.enterprise, need: need.title }),
    body: withNote(message('brokering.introductionReceivedBody', { ...names, need: need.title }), introduction.note, 'brokering.coordinatorNote'),
    data: { introductionId: introduction.id, needId: need.id, enterpriseOrganizationId: introduction.enterpriseOrganizationId },
    dedupeKey: `introduction.received:${introduction.id}`,
  };
}

/** To the buyer's members: an enterprise was proposed for their need ("both sides are told"). */
export function introductionMade(introduction: IntroductionEntity, need: NeedEntity, names: Names, actorUserId: string | null): NotificationEvent {
  return {
    kind: 'INTRODUCTION_MADE',
    subject: { type: 'introduction', id: introduction.id },
    organizations: [need.buyerOrganizationId],
    exceptUserId: actorUserId,
    title: message('brokering.introductionMadeTitle', { enterprise: names.enterprise, need: need.title }),
    body: withNote(message('brokering.introductionMadeBody', { enterprise: names.enterprise, need: need.title }), introduction.note, 'brokering.coordinatorNote'),
    data: { introductionId: introduction.id, needId: need.id, enterpriseOrganizationId: introduction.enterpriseOrganizationId },
    dedupeKey: `introduction.made:${introduction.id}`,
  };
}

/** To the coordinator and the buyer's members: the enterprise accepted or declined. */
export function introductionAnswered(introduction: IntroductionEntity, need: NeedEntity, names: Names, actorUserId: string | null): NotificationEvent {
  const accepted = introduction.status === 'ACCEPTED';
  return {
    kind: 'INTRODUCTION_ANSWERED',
    subject: { type: 'introduction', id: introduction.id },
    organizations: [need.buyerOrganizationId],
    users: [introduction.coordinatorUserId],
    exceptUserId: actorUserId,
    title: message(accepted ? 'brokering.introductionAcceptedTitle' : 'brokering.introductionDeclinedTitle', { enterprise: names.enterprise, need: need.title }),
    body: withNote(
      message(accepted ? 'brokering.introductionAcceptedBody' : 'brokering.introductionDeclinedBody', { ...names, need: need.title }),
      introduction.responseNote,
      'brokering.enterpriseAnswer',
    ),
    data: { introductionId: introduction.id, needId: need.id, enterpriseOrganizationId: introduction.enterpriseOrganizationId, status: introduction.status },
    dedupeKey: `introduction.answered:${introduction.id}`,
  };
}

/** To both parties' members and the coordinator who brokered it: a partnership began. */
export function partnershipStarted(partnership: PartnershipEntity, names: Names, actorUserId: string | null): NotificationEvent {
  return {
    kind: 'PARTNERSHIP_STARTED',
    subject: { type: 'partnership', id: partnership.id },
    organizations: [partnership.buyerOrganizationId, partnership.enterpriseOrganizationId],
    users: [partnership.brokeredBy],
    exceptUserId: actorUserId,
    title: message('brokering.partnershipStartedTitle', { partnership: partnership.title }),
    body: [message('brokering.partnershipStartedBody', { ...names, partnership: partnership.title, startsOn: partnership.startsOn })],
    data: {
      partnershipId: partnership.id,
      needId: partnership.needId,
      introductionId: partnership.introductionId,
      buyerOrganizationId: partnership.buyerOrganizationId,
      enterpriseOrganizationId: partnership.enterpriseOrganizationId,
    },
    dedupeKey: `partnership.started:${partnership.id}`,
  };
}

/** To the other party's members and the coordinator: the partnership was completed or terminated. */
export function partnershipEnded(partnership: PartnershipEntity, names: Names, told: readonly string[], actorUserId: string | null): NotificationEvent {
  const completed = partnership.status === 'COMPLETED';
  return {
    kind: 'PARTNERSHIP_ENDED',
    subject: { type: 'partnership', id: partnership.id },
    organizations: told,
    users: [partnership.brokeredBy],
    exceptUserId: actorUserId,
    title: message(completed ? 'brokering.partnershipCompletedTitle' : 'brokering.partnershipTerminatedTitle', { partnership: partnership.title }),
    body: withNote(
      message(completed ? 'brokering.partnershipCompletedBody' : 'brokering.partnershipTerminatedBody', { ...names }),
      partnership.endReason,
      completed ? 'brokering.partnershipCompletedNote' : 'brokering.partnershipTerminatedReason',
    ),
    data: { partnershipId: partnership.id, status: partnership.status },
    dedupeKey: `partnership.ended:${partnership.id}`,
  };
}
