import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Database, CLOCK, type Clock } from '@samverka/engine';
import { InvitationRepository } from './invitation.repository.js';
import { MembershipRepository } from './membership.repository.js';
import { UserRepository, TokenService } from '@samverka/accounts';
import { type InvitationEntity, type MembershipEntity } from '@samverka/schema';
import { assertId, DomainError, FieldProblems, normaliseEmail, type Actor, type MembershipRole, actorUserId } from '@samverka/domain';
import type { EntityManager } from 'typeorm';
import { AuditService } from '@samverka/audit';

const INVITATION_VALID_DAYS = 14;

/** Who belongs to an organisation: invitations, joining, leaving, and roles. */
@Injectable()
export class MembershipService {
  constructor(
    private readonly database: Database,
    private readonly memberships: MembershipRepository,
    private readonly invitations: InvitationRepository,
    private readonly users: UserRepository,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Creates an invitation; the returned token is shown once and stored only as a hash. */
  async invite(actor: Actor, input: { organizationId: string; email: string; role: MembershipRole }): Promise<{ invitation: InvitationEntity; token: string }> {
    const problems = new FieldProblems();
    let email = '';
    let organizationId = '';
    problems.absorb(() => (email = normaliseEmail(input.email)));
    problems.absorb(() => (organizationId = assertId(input.organizationId, 'organizationId')));
    problems.throwIfAny();
    const invitee = await this.users.findByEmail(email);
    if (invitee && (await this.memberships.find(organizationId, invitee.id))) {
      throw DomainError.conflict('organizations.alreadyMember', { email }, { path: 'email', code: 'TAKEN' });
    }
    const token = randomBytes(24).toString('base64url');
    return this.database.transaction(async ({ manager }) => {
      const invitation = await this.invitations.create(
        {
          organizationId,
          email,
          role: input.role,
          tokenHash: TokenService.hash(token),
          invitedBy: actorUserId(actor),
          expiresAt: new Date(this.clock().getTime() + INVITATION_VALID_DAYS * 86_400_000),
        },
        manager,
      );
      await this.audit.record(
        actor,
        { action: 'membership.invited', entityType: 'organization', entityId: organizationId, data: { invitationId: invitation.id, email, role: input.role } },
        manager,
      );
      return { invitation, token };
    });
  }

  async revokeInvitation(actor: Actor, organizationId: string, invitationId: string): Promise<void> {
    const problems = new FieldProblems();
    problems.absorb(() => assertId(organizationId, 'organizationId'));
    problems.absorb(() => assertId(invitationId, 'invitationId'));
    problems.throwIfAny();
    const invitation = await this.invitations.findById(invitationId.toLowerCase());
    if (!invitation || invitation.organizationId !== organizationId.toLowerCase()) throw DomainError.notFound('organizations.invitationNotFound', { id: invitationId });
    await this.database.transaction(async ({ manager }) => {
      if (!(await this.invitations.revoke(invitation.id, manager))) throw DomainError.conflict('organizations.invitationClosed');
      await this.audit.record(actor, { action: 'membership.invitationRevoked', entityType: 'organization', entityId: organizationId, data: { invitationId } }, manager);
    });
  }

  /** Joins the organisation of an invitation sent to the signed-in person's e-mail address. */
  async accept(actor: Actor, token: string): Promise<MembershipEntity> {
    if (actor.kind !== 'user') throw DomainError.unauthenticated();
    const invitation = await this.invitations.findByTokenHash(TokenService.hash(token.trim()));
    const now = this.clock().getTime();
    if (!invitation || invitation.revokedAt || invitation.acceptedAt || invitation.expiresAt.getTime() <= now) {
      throw DomainError.badInput('token', 'INVALID', 'organizations.invitationNotValid');
    }
    const user = await this.users.findById(actor.userId);
    if (user?.email !== invitation.email) throw DomainError.forbidden('organizations.invitationForAnotherEmail');
    return this.database.transaction(async ({ manager }) => {
      if (!(await this.invitations.markAccepted(invitation.id, actor.userId, manager))) {
        throw DomainError.badInput('token', 'INVALID', 'organizations.invitationNotValid');
      }
      const existing = await this.memberships.find(invitation.organizationId, actor.userId, manager);
      // Joining never demotes: an owner who accepts a member invitation stays owner.
      const role = existing?.role === 'OWNER' ? 'OWNER' : invitation.role;
      await this.memberships.upsert(invitation.organizationId, actor.userId, role, manager);
      await this.audit.record(
        actor,
        { action: 'membership.joined', entityType: 'organization', entityId: invitation.organizationId, data: { invitationId: invitation.id, role } },
        manager,
      );
      return (await this.memberships.find(invitation.organizationId, actor.userId, manager))!;
    });
  }

  async remove(actor: Actor, organizationId: string, userId: string): Promise<void> {
    const memberId = assertId(userId, 'userId');
    await this.database.transaction(async ({ manager }) => {
      const member = await this.memberOrFail(organizationId, memberId, manager);
      if (member.role === 'OWNER') await this.assertAnotherOwner(organizationId, manager);
      await this.memberships.remove(organizationId, memberId, manager);
      // An invitation is only as good as its sender's place: a departed member's invitations lapse.
      await this.invitations.revokeSentBy(organizationId, memberId, manager);
      await this.audit.record(
        actor,
        { action: 'membership.removed', entityType: 'organization', entityId: organizationId, data: { userId: memberId, role: member.role } },
        manager,
      );
    });
  }

  async setRole(actor: Actor, organizationId: string, userId: string, role: MembershipRole): Promise<MembershipEntity> {
    const memberId = assertId(userId, 'userId');
    return this.database.transaction(async ({ manager }) => {
      const member = await this.memberOrFail(organizationId, memberId, manager);
      if (member.role === 'OWNER' && role !== 'OWNER') await this.assertAnotherOwner(organizationId, manager);
      await this.memberships.setRole(organizationId, memberId, role, manager);
      if (member.role === 'OWNER' && role !== 'OWNER') await this.invitations.revokeSentBy(organizationId, memberId, manager);
      await this.audit.record(
        actor,
        { action: 'membership.roleSet', entityType: 'organization', entityId: organizationId, data: { userId: memberId, from: member.role, to: role } },
        manager,
      );
      return (await this.memberships.find(organizationId, memberId, manager))!;
    });
  }

  private async memberOrFail(organizationId: string, userId: string, manager: EntityManager): Promise<MembershipEntity> {
    const member = await this.memberships.find(organizationId, userId, manager);
    if (!member) throw DomainError.notFound('organizations.memberNotFound', { id: userId });
    return member;
  }

  private async assertAnotherOwner(organizationId: string, manager: EntityManager): Promise<void> {
    if ((await this.memberships.lockAndCountOwners(organizationId, manager)) <= 1) {
      throw DomainError.conflict('organizations.lastOwner');
    }
  }
}
