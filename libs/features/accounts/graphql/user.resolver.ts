import { Args, Context, Field, ID, InputType, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor } from '@samverka/domain';
import { AccessService, Authorize, Public, CurrentActor, type RequestContext, ConnectionType, PageArgs, pagedComplexity, pageRequest, toConnection } from '@samverka/engine';
import { PlatformRoleEnum } from './accounts.enums.js';
import { User } from './user.model.js';
import { UserService } from '../user.service.js';

const UserConnection = ConnectionType(User);

@InputType()
export class SetPlatformRoleInput {
  @Field(() => ID)
  userId: string;

  @Field(() => PlatformRoleEnum)
  role: PlatformRoleEnum;

  @Field(() => [String], { nullable: true, description: 'Länskoder of the regions a coordinator works in: at least one for a COORDINATOR, none for other roles' })
  countyCodes?: string[];
}

@ObjectType()
export class SetPlatformRolePayload {
  @Field(() => User)
  user: User;
}

@Resolver(() => User)
export class UserResolver {
  constructor(
    private readonly userService: UserService,
    private readonly access: AccessService,
  ) {}

  @Public()
  @Query(() => User, { nullable: true, description: 'The signed-in person, or null' })
  async me(@CurrentActor() actor: Actor): Promise<User | null> {
    const user = await this.userService.me(actor);
    return user ? User.from(user) : null;
  }

  @Authorize('user.list')
  @Query(() => UserConnection, { description: 'People with accounts, for administrators', complexity: pagedComplexity })
  async users(@Args() page: PageArgs, @Args('search', { nullable: true }) search?: string) {
    const request = pageRequest(page);
    const { rows, total } = await this.userService.list(search, request);
    return toConnection(rows.map(User.from), request, total, (u) => u.emailAddress);
  }

  @Authorize('user.setPlatformRole')
  @Mutation(() => SetPlatformRolePayload, { description: 'Makes a person a user, a coordinator of given regions, or an administrator' })
  async setPlatformRole(@Args('input') input: SetPlatformRoleInput, @CurrentActor() actor: Actor): Promise<SetPlatformRolePayload> {
    return { user: User.from(await this.userService.setPlatformRole(actor, input)) };
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Contact e-mail: shown to the person, to people in the same organisation, to its coordinators and to administrators; null to others',
  })
  async email(@Parent() user: User, @CurrentActor() actor: Actor, @Context() context: RequestContext): Promise<string | null> {
    if (actor.kind !== 'user') return null;
    const organizations = actor.userId === user.id ? [] : await context.loaders.organizationsOfUser.load(user.id);
    return this.access.allows(actor, 'user.contactDetails.read', { userId: user.id, organizations }) ? user.emailAddress : null;
  }

  @ResolveField(() => [String], { description: 'Länskoder a coordinator works in (empty for others)' })
  async coordinatorCountyCodes(@Parent() user: User, @Context() context: RequestContext): Promise<string[]> {
    return user.platformRole === PlatformRoleEnum.COORDINATOR ? context.loaders.coordinatorCounties.load(user.id) : [];
  }
}
