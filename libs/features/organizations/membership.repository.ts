import type { DataSource, EntityManager } from 'typeorm';
import type { MembershipRole } from '@samverka/domain';
import { MembershipEntity } from '@samverka/schema';

export class MembershipRepository {
  constructor(private readonly dataSource: DataSource) {}

  private members(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(MembershipEntity);
  }

  /** Adds the membership, or changes its role if the person is already a member. */
  async upsert(organizationId: string, userId: string, role: MembershipRole, manager?: EntityManager): Promise<void> {
    await this.members(manager).upsert({ organizationId, userId, role }, ['organizationId', 'userId']);
  }

  async find(organizationId: string, userId: string, manager?: EntityManager): Promise<MembershipEntity | null> {
    return this.members(manager).findOneBy({ organizationId, userId });
  }

  async remove(organizationId: string, userId: string, manager?: EntityManager): Promise<boolean> {
    const result = await this.members(manager).delete({ organizationId, userId });
    return (result.affected ?? 0) === 1;
  }

  async setRole(organizationId: string, userId: string, role: MembershipRole, manager?: EntityManager): Promise<boolean> {
    const result = await this.members(manager).update({ organizationId, userId }, { role });
    return (result.affected ?? 0) === 1;
  }

  /**
   * Locks the organisation's owner rows and counts them, so that two owners removing each other at the
   * same moment cannot leave it without one.
   */
  async lockAndCountOwners(organizationId: string, manager: EntityManager): Promise<number> {
    const rows = await manager
      .getRepository(MembershipEntity)
      .createQueryBuilder('m')
      .setLock('pessimistic_write')
      .where('m.organizationId = :organizationId AND m.role = :role', { organizationId, role: 'OWNER' })
      .getMany();
    return rows.length;
  }

  async ofOrganizations(organizationIds: readonly string[]): Promise<MembershipEntity[]> {
    if (organizationIds.length === 0) return [];
    return this.members().createQueryBuilder('m').where('m.organizationId IN (:...organizationIds)', { organizationIds }).orderBy('m.createdAt').getMany();
  }

  async ofUser(userId: string): Promise<MembershipEntity[]> {
    return this.members().find({ where: { userId }, order: { createdAt: 'ASC' } });
  }
}
