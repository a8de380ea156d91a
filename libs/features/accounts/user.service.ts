import { Inject, Injectable } from '@nestjs/common';
import { Database, CLOCK, type Clock } from '@samverka/engine';
import { CodeLists, gather } from '@samverka/reference-data';
import { UserRepository } from './user.repository.js';
import { type UserEntity } from '@samverka/schema';
import { assertId, checkNewAccount, DomainError, FieldProblems, normaliseEmail, type Actor, type PlatformRole } from '@samverka/domain';
import { AuditService } from '@samverka/audit';
import { PasswordHasher } from './password-hasher.js';

@Injectable()
export class UserService {
  constructor(
    private readonly database: Database,
    private readonly users: UserRepository,
    private readonly codes: CodeLists,
    private readonly audit: AuditService,
    private readonly hasher: PasswordHasher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * For the command line: makes the person with this e-mail an administrator, creating the account
   * (with this password) when there is none. An existing account keeps its password.
   */
  async ensureAdmin(input: { email: string; displayName: string; password: string }): Promise<{ user: UserEntity; created: boolean }> {
    const email = normaliseEmail(input.email);
    const existing = await this.users.findByEmail(email);
    if (existing) {
      await this.database.transaction(async ({ manager }) => {
        await this.users.setPlatformRole(existing.id, 'ADMIN', [], manager);
        await this.audit.record(
          'system',
          { action: 'user.platformRoleSet', entityType: 'user', entityId: existing.id, data: { from: existing.platformRole, to: 'ADMIN', via: 'command line' } },
          manager,
        );
      });
      return { user: (await this.users.findById(existing.id))!, created: false };
    }
    const { displayName } = checkNewAccount(input);
    const passwordHash = await this.hasher.hash(input.password);
    const user = await this.database.transaction(async ({ manager }) => {
      const created = await this.users.create({ email, displayName, passwordHash, platformRole: 'ADMIN' }, this.clock(), manager);
      await this.audit.record('system', { action: 'user.registered', entityType: 'user', entityId: created.id, data: { platformRole: 'ADMIN', via: 'command line' } }, manager);
      return created;
    });
    return { user, created: true };
  }

  /** Whether an account exists, so the command line only asks for a password when it will use it. */
  async findByEmailForCli(email: string): Promise<UserEntity | null> {
    return this.users.findByEmail(normaliseEmail(email));
  }

  async me(actor: Actor): Promise<UserEntity | null> {
    return actor.kind === 'user' ? this.users.findById(actor.userId) : null;
  }

  list(search: string | undefined, page: { limit: number; after?: string }) {
    return this.users.list({ search: search?.trim() || undefined, ...page });
  }

  /** Grants a platform role; coordinators get the regions (länskoder) they work in. */
  async setPlatformRole(actor: Actor, input: { userId: string; role: PlatformRole; countyCodes?: string[] | null }): Promise<UserEntity> {
    const problems = new FieldProblems();
    let userId = '';
    problems.absorb(() => (userId = assertId(input.userId, 'userId')));
    const given = input.countyCodes ?? [];
    if (input.role === 'COORDINATOR' && given.length === 0) problems.add('countyCodes', 'TOO_FEW', 'accounts.coordinatorNeedsCounty');
    if (input.role !== 'COORDINATOR' && given.length > 0) problems.add('countyCodes', 'NOT_ALLOWED', 'accounts.countiesOnlyForCoordinators');
    const countyCodes = problems.has('countyCodes') ? [] : ((await gather(problems, () => this.codes.counties(given, 'countyCodes'))) ?? []);
    problems.throwIfAny();

    return this.database.transaction(async ({ manager }) => {
      const user = await this.users.findById(userId, manager);
      if (!user) throw DomainError.notFound('accounts.userNotFound', { id: userId });
      if (user.platformRole === 'ADMIN' && input.role !== 'ADMIN') {
        const admins = await manager.query(`SELECT id FROM app_user WHERE platform_role = 'ADMIN' FOR UPDATE`);
        if (admins.length <= 1) throw DomainError.conflict('accounts.lastAdministrator');
      }
      await this.users.setPlatformRole(userId, input.role, countyCodes, manager);
      await this.audit.record(
        actor,
        { action: 'user.platformRoleSet', entityType: 'user', entityId: userId, data: { from: user.platformRole, to: input.role, countyCodes } },
        manager,
      );
      return (await this.users.findById(userId, manager))!;
    });
  }
}
