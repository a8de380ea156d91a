import type { DataSource, EntityManager, Repository } from 'typeorm';
import { QueueProbeEntity } from '@samverka/schema';

export class QueueProbeRepository {
  private readonly repo: Repository<QueueProbeEntity>;

  constructor(dataSource: DataSource) {
    this.repo = dataSource.getRepository(QueueProbeEntity);
  }

  async create(holdMs: number, manager?: EntityManager): Promise<QueueProbeEntity> {
    const repo = manager ? manager.getRepository(QueueProbeEntity) : this.repo;
    return repo.save(repo.create({ holdMs }));
  }

  async findById(id: string): Promise<QueueProbeEntity | null> {
    return this.repo.findOneBy({ id });
  }

  async findByIds(ids: readonly string[]): Promise<QueueProbeEntity[]> {
    if (ids.length === 0) return [];
    return this.repo.createQueryBuilder('p').where('p.id IN (:...ids)', { ids }).getMany();
  }

  /** Counts a consumer's start on the probe; returns the probe, or null when it no longer exists. */
  async recordAttempt(id: string): Promise<QueueProbeEntity | null> {
    const result = await this.repo.increment({ id }, 'attempts', 1);
    return result.affected ? this.findById(id) : null;
  }

  async markProcessed(id: string, processedBy: string): Promise<void> {
    await this.repo.update({ id }, { processedAt: new Date(), processedBy });
  }
}
