import { Injectable, type OnModuleInit } from '@nestjs/common';
import { byId, LoaderFactory } from '@samverka/engine';
import DataLoader from 'dataloader';
import type { UserEntity } from '@samverka/schema';
import { UserRepository } from './user.repository.js';

declare global {
  interface SamverkaLoaders {
    user: DataLoader<string, UserEntity | null>;
    coordinatorCounties: DataLoader<string, string[]>;
  }
}

/** Users and the counties a coordinator works in. */
@Injectable()
export class UserLoaders implements OnModuleInit {
  constructor(
    private readonly loaders: LoaderFactory,
    private readonly users: UserRepository,
  ) {}

  onModuleInit(): void {
    this.loaders.register('user', () => new DataLoader(async (ids) => byId(ids, await this.users.findByIds(ids))));
    this.loaders.register(
      'coordinatorCounties',
      () =>
        new DataLoader(async (ids) => {
          const counties = await this.users.coordinatorCounties(ids);
          return ids.map((id) => counties.get(id) ?? []);
        }),
    );
  }
}
