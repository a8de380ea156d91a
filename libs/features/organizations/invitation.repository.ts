import { type DataSource, type EntityManager, IsNull } from 'typeorm';
import { InvitationEntity } from '@samverka/schema';

export class InvitationRepository {
  constructor(private readonly dataSource: DataSource) {}

  private invitations(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(InvitationEntity);
  }

  async create(
    invitation: Pick<InvitationEntity, 'organizationId' | 'email' | 'role' | 'tokenHash' | 'invitedBy' | 'expiresAt'>,
    manager?: EntityManager,
  ): Promise<InvitationEntity> {
    const repo = this.invitations(manager);
    const { id } = await repo.save(repo.create(invitation));
    return repo.findOneByOrFail({ id });
  }

  async findById(id: string, manager?: EntityManager): Promise<InvitationEntity | null> {
    return this.invitations(manager).findOneBy({ id });
  }

  async findByTokenHash(tokenHash: string, manager?: EntityManager): Promise<InvitationEntity | null> {
    return this.invitations(manager).findOneBy({ tokenHash });
  }

  /** Marks an open invitation accepted; false when it was accepted or revoked meanwhile. */
  async markAccepted(id: string, userId: string, manager?: EntityManager): Promise<boolean> {
    const result = await this.invitations(manager).update({ id, acceptedAt: IsNull(), revokedAt: IsNull() }, { acceptedAt: new Date(), acceptedBy: userId });
    return (result.affected ?? 0) === 1;
  }

  async revoke(id: string, manager?: EntityManager): Promise<boolean> {
    const result = await this.invitations(manager).update({ id, acceptedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: new Date() });
    return (result.affected ?? 0) === 1;
  }

  /** Revokes the open invitations a person sent for an organisation (when they leave it or stop owning it). */
  async revokeSentBy(organizationId: string, invitedBy: string, manager?: EntityManager): Promise<number> {
    const result = await this.invitations(manager).update({ organizationId, invitedBy, acceptedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: new Date() });
    return result.affected ?? 0;
  }

  /** Open (neither accepted, revoked nor expired) invitations of these organisations. */
  async openOf(organizationIds: readonly string[]): Promise<InvitationEntity[]> {
    if (organizationIds.length === 0) return [];
    return this.invitations()
      .createQueryBuilder('i')
      .where('i.organizationId IN (:...organizationIds)', { organizationIds })
      .andWhere('i.acceptedAt IS NULL AND i.revokedAt IS NULL AND i.expiresAt > now()')
      .orderBy('i.createdAt')
      .getMany();
  }
}
