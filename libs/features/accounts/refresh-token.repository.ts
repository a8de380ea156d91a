import { type DataSource, type EntityManager, IsNull } from 'typeorm';
import { RefreshTokenEntity } from '@samverka/schema';

export class RefreshTokenRepository {
  constructor(private readonly dataSource: DataSource) {}

  private tokens(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(RefreshTokenEntity);
  }

  async insert(token: Pick<RefreshTokenEntity, 'userId' | 'familyId' | 'tokenHash' | 'expiresAt'>, manager?: EntityManager): Promise<void> {
    await this.tokens(manager).insert(token);
  }

  async findByHash(tokenHash: string, manager?: EntityManager): Promise<RefreshTokenEntity | null> {
    return this.tokens(manager).findOneBy({ tokenHash });
  }

  /**
   * Marks the token used if nobody has yet; returns false when it already was, so that of two
   * concurrent refreshes with the same token exactly one rotates it.
   */
  async markUsed(id: string, at: Date, manager?: EntityManager): Promise<boolean> {
    const result = await this.tokens(manager).update({ id, usedAt: IsNull(), revokedAt: IsNull() }, { usedAt: at });
    return (result.affected ?? 0) === 1;
  }

  /** Whether the session (family) was ended: signed out, revoked for reuse, or by a password change. */
  async isSessionRevoked(familyId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM refresh_token WHERE family_id = $1 AND revoked_at IS NOT NULL LIMIT 1`, [familyId]);
    return rows.length > 0;
  }

  async revokeFamily(familyId: string, reason: string, manager?: EntityManager): Promise<number> {
    const result = await this.tokens(manager).update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date(), revokedReason: reason });
    return result.affected ?? 0;
  }

  async revokeAllOfUser(userId: string, reason: string, manager?: EntityManager): Promise<number> {
    const result = await this.tokens(manager).update({ userId, revokedAt: IsNull() }, { revokedAt: new Date(), revokedReason: reason });
    return result.affected ?? 0;
  }
}
