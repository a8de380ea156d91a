import type { DataSource } from 'typeorm';

export class ImpactRepository {
  constructor(private readonly dataSource: DataSource) {}
}
