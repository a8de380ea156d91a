import { type IntroductionEntity, type NeedEntity, type PartnershipEntity } from '@samverka/schema';
import type { NotificationEvent } from '@samverka/notifications';

/**
 * What the people around an introduction or a partnership are told, in Swedish and English. Pure: the
 * services pass these to NotificationService.notify in the transaction of the change.
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

function withNote(sv: string, en: string, note: string, label: { sv: string; en: string }): { sv: string; en: string } {
  if (!note.trim()) return { sv, en };
  return { sv: `${sv}\n\n${label.sv}: ${quote(note)}`, en: `${en}\n\n${label.en}: ${quote(note)}` };
}

const COORDINATOR_NOTE = { sv: 'Samordnarens kommentar', en: "The coordinator's note" };

/** To the enterprise's members: a coordinator proposes them for a need. */
export function introductionReceived(introduction: IntroductionEntity, need: NeedEntity, names: Names, actorUserId: string | null): NotificationEvent {
  return {
    kind: 'INTRODUCTION_RECEIVED',
    subject: { type: 'introduction', id: introduction.id },
    organizations: [introduction.enterpriseOrganizationId],
    exceptUserId: actorUserId,
    title: { sv: `${names.enterprise} föreslås för behovet ”${need.title}”`, en: `${names.enterprise} is proposed for the need “${need.title}”` },
    body: withNote(
      `En regional samordnare har introducerat ${names.enterprise} för behovet ”${need.title}” hos ${names.buyer}. Tacka ja om ni vill lämna anbud, annars nej.`,
      `A regional coordinator has introduced ${names.enterprise} to the need “${need.title}” of ${names.buyer}. Accept if you want to make an offer, or decline.`,
      introduction.note,
      COORDINATOR_NOTE,
    ),
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
    title: { sv: `${names.enterprise} har introducerats för ”${need.title}”`, en: `${names.enterprise} was introduced to “${need.title}”` },
    body: withNote(
      `En regional samordnare har föreslagit ${names.enterprise} för ert behov ”${need.title}”. Företaget svarar om det vill lämna anbud.`,
      `A regional coordinator has proposed ${names.enterprise} for your need “${need.title}”. The enterprise will answer whether it wants to make an offer.`,
      introduction.note,
      COORDINATOR_NOTE,
    ),
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
    title: accepted
      ? { sv: `${names.enterprise} tackade ja till introduktionen för ”${need.title}”`, en: `${names.enterprise} accepted the introduction to “${need.title}”` }
      : { sv: `${names.enterprise} tackade nej till introduktionen för ”${need.title}”`, en: `${names.enterprise} declined the introduction to “${need.title}”` },
    body: withNote(
      accepted ? `${names.enterprise} vill lämna anbud på ”${need.title}” hos ${names.buyer}.` : `${names.enterprise} lämnar inget anbud på ”${need.title}” hos ${names.buyer}.`,
      accepted
        ? `${names.enterprise} wants to make an offer on “${need.title}” of ${names.buyer}.`
        : `${names.enterprise} will not make an offer on “${need.title}” of ${names.buyer}.`,
      introduction.responseNote,
      { sv: 'Företagets svar', en: "The enterprise's answer" },
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
    title: { sv: `Partnerskap inlett: ${partnership.title}`, en: `Partnership started: ${partnership.title}` },
    body: {
      sv: `${names.buyer} och ${names.enterprise} har inlett partnerskapet ”${partnership.title}” från ${partnership.startsOn}. Kom överens om vilka effekter ni ska mäta.`,
      en: `${names.buyer} and ${names.enterprise} have started the partnership “${partnership.title}” from ${partnership.startsOn}. Agree on the impact you will measure.`,
    },
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
  const parties = `${names.buyer} och ${names.enterprise}`;
  return {
    kind: 'PARTNERSHIP_ENDED',
    subject: { type: 'partnership', id: partnership.id },
    organizations: told,
    users: [partnership.brokeredBy],
    exceptUserId: actorUserId,
    title: completed
      ? { sv: `Partnerskapet ”${partnership.title}” är slutfört`, en: `The partnership “${partnership.title}” was completed` }
      : { sv: `Partnerskapet ”${partnership.title}” har avbrutits`, en: `The partnership “${partnership.title}” was terminated` },
    body: withNote(
      completed ? `${parties} har slutfört sitt partnerskap.` : `Partnerskapet mellan ${parties} har avbrutits i förtid.`,
      completed ? `${names.buyer} and ${names.enterprise} have completed their partnership.` : `The partnership between ${names.buyer} and ${names.enterprise} was ended early.`,
      partnership.endReason,
      completed ? { sv: 'Kommentar', en: 'Note' } : { sv: 'Skäl', en: 'Reason' },
    ),
    data: { partnershipId: partnership.id, status: partnership.status },
    dedupeKey: `partnership.ended:${partnership.id}`,
  };
}
