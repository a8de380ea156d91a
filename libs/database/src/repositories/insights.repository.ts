import type { DataSource } from 'typeorm';

export class InsightsRepository {
  constructor(private readonly dataSource: DataSource) {}
}
