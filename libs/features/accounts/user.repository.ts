import { escapeLike, translating, type RefusalMap } from '@samverka/engine';
import type { DataSource, EntityManager } from 'typeorm';
import { emailTaken, type MembershipRole, type PlatformRole } from '@samverka/domain';
import { CoordinatorRegionEntity, MembershipEntity, UserEntity } from '@samverka/schema';

export interface NewUser {
  email: string;
  passwordHash: string;
  displayName: string;
  platformRole?: PlatformRole;
}

/** What authorisation needs to know about a signed-in person, read in one round trip per table. */
export interface ActorRecord {
  user: UserEntity;
  coordinatorCounties: string[];
  memberships: { organizationId: string; role: MembershipRole }[];
}

const USER_REFUSALS: RefusalMap = {
  app_user_email_key: () => emailTaken(),
};

export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  private users(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(UserEntity);
  }

  async create(user: NewUser, createdAt: Date, manager?: EntityManager): Promise<UserEntity> {
    const repo = this.users(manager);
    const saved = await translating(USER_REFUSALS, () => repo.save(repo.create({ ...user, passwordChangedAt: createdAt })));
    return (await repo.findOneByOrFail({ id: saved.id })) as UserEntity;
  }

  async findById(id: string, manager?: EntityManager): Promise<UserEntity | null> {
    return this.users(manager).findOneBy({ id });
  }

  /** Reads the user and locks the row until the transaction ends: one person's session changes queue here. */
  async lockById(id: string, manager: EntityManager): Promise<UserEntity | null> {
    return manager.getRepository(UserEntity).createQueryBuilder('u').setLock('pessimistic_write').where('u.id = :id', { id }).getOne();
  }

  async findByIds(ids: readonly string[]): Promise<UserEntity[]> {
    if (ids.length === 0) return [];
    return this.users().createQueryBuilder('u').where('u.id IN (:...ids)', { ids }).getMany();
  }

  async findByEmail(email: string, manager?: EntityManager): Promise<UserEntity | null> {
    return this.users(manager).findOneBy({ email });
  }

  /** The user with the password hash, which is otherwise never selected. */
  async findWithPasswordHash(where: { email: string } | { id: string }, manager?: EntityManager): Promise<UserEntity | null> {
    return this.users(manager)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('email' in where ? 'u.email = :email' : 'u.id = :id', where)
      .getOne();
  }

  async updatePassword(id: string, passwordHash: string, changedAt: Date, manager?: EntityManager): Promise<void> {
    await this.users(manager).update({ id }, { passwordHash, passwordChangedAt: changedAt });
  }

  /** Sets the platform role and, for coordinators, their regions (replacing the previous ones). */
  async setPlatformRole(id: string, role: PlatformRole, countyCodes: readonly string[], manager: EntityManager): Promise<void> {
    await manager.getRepository(UserEntity).update({ id }, { platformRole: role });
    await manager.getRepository(CoordinatorRegionEntity).delete({ userId: id });
    if (countyCodes.length > 0) {
      await manager.getRepository(CoordinatorRegionEntity).insert(countyCodes.map((countyCode) => ({ userId: id, countyCode })));
    }
  }

  async coordinatorCounties(userIds: readonly string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>(userIds.map((id) => [id, []]));
    if (userIds.length === 0) return result;
    const rows = await this.dataSource
      .getRepository(CoordinatorRegionEntity)
      .createQueryBuilder('r')
      .where('r.userId IN (:...userIds)', { userIds })
      .orderBy('r.countyCode')
      .getMany();
    for (const row of rows) result.get(row.userId)!.push(row.countyCode);
    return result;
  }

  async loadActor(id: string): Promise<ActorRecord | null> {
    const user = await this.findById(id);
    if (!user) return null;
    const [counties, memberships] = await Promise.all([
      this.coordinatorCounties([id]),
      this.dataSource.getRepository(MembershipEntity).find({ where: { userId: id }, select: { organizationId: true, role: true } }),
    ]);
    return { user, coordinatorCounties: counties.get(id)!, memberships };
  }

  /** A page of users ordered by e-mail, optionally filtered by a substring of name or e-mail. */
  async list(options: { search?: string; limit: number; after?: string }): Promise<{ rows: UserEntity[]; total: number }> {
    const query = this.users().createQueryBuilder('u');
    if (options.search) {
      query.where('(u.email ILIKE :pattern OR u.displayName ILIKE :pattern)', { pattern: `%${escapeLike(options.search)}%` });
    }
    const total = await query.getCount();
    if (options.after) query.andWhere('u.email > :after', { after: options.after });
    const rows = await query
      .orderBy('u.email')
      .limit(options.limit + 1)
      .getMany();
    return { rows, total };
  }
}
