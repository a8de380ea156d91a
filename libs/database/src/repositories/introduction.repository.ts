import type { DataSource } from 'typeorm';

export class IntroductionRepository {
  constructor(private readonly dataSource: DataSource) {}
}
