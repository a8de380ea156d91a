import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { EnterpriseProfileRepository, enterpriseSortUsed } from '../enterprise-profile.repository.js';
import { assertId, type Actor } from '@samverka/domain';
import { Authorize, Public, CurrentActor, type RequestContext, keysetConnection, PageArgs, pagedComplexity, pageRequest, parseKeysetKey } from '@samverka/engine';
import { Organization } from '@samverka/organizations';
import { CodeLists } from '@samverka/reference-data';
import { EnterpriseSortEnum } from './marketplace.enums.js';
import { EnterpriseFilterInput, SaveEnterpriseProfileInput } from './marketplace.inputs.js';
import { EnterpriseProfile, EnterpriseProfileConnection } from './marketplace.models.js';
import { SaveEnterpriseProfilePayload } from './marketplace.payloads.js';
import { ProfileService } from '../profile.service.js';

@Resolver(() => EnterpriseProfile)
export class ProfileResolver {
  constructor(
    private readonly profileService: ProfileService,
    private readonly profiles: EnterpriseProfileRepository,
    private readonly codes: CodeLists,
  ) {}

  @Public()
  @Query(() => EnterpriseProfile, { nullable: true, description: "A social enterprise's profile; null for an organisation without one" })
  async enterpriseProfile(@Args('organizationId', { type: () => ID }) organizationId: string, @Context() context: RequestContext): Promise<EnterpriseProfile | null> {
    const profile = await context.loaders.profile.load(assertId(organizationId, 'organizationId'));
    return profile ? EnterpriseProfile.from(profile) : null;
  }

  @Public()
  @Query(() => EnterpriseProfileConnection, { description: 'Social enterprises, filtered and sorted', complexity: pagedComplexity })
  async enterprises(
    @Args() page: PageArgs,
    @Args('filter', { nullable: true }) filter?: EnterpriseFilterInput,
    @Args('sort', { type: () => EnterpriseSortEnum, defaultValue: EnterpriseSortEnum.NAME }) sort: EnterpriseSortEnum = EnterpriseSortEnum.NAME,
  ) {
    const request = pageRequest(page);
    const f = filter ?? {};
    const result = await this.profiles.search({ ...f, ...(await this.codes.searchFilter(f)) }, sort, {
      limit: request.limit,
      after: parseKeysetKey(request.after, enterpriseSortUsed(sort, f.search).cast),
    });
    return keysetConnection(result, request, (p) => p.organizationId, EnterpriseProfile.from);
  }

  @Authorize('profile.edit', ({ input }: { input: SaveEnterpriseProfileInput }) => ({ organizationId: input.organizationId }))
  @Mutation(() => SaveEnterpriseProfilePayload, { description: "Creates or replaces the enterprise's profile" })
  async saveEnterpriseProfile(@Args('input') input: SaveEnterpriseProfileInput, @CurrentActor() actor: Actor): Promise<SaveEnterpriseProfilePayload> {
    return { enterpriseProfile: EnterpriseProfile.from(await this.profileService.save(actor, input)) };
  }

  @ResolveField(() => Organization)
  async organization(@Parent() profile: EnterpriseProfile, @Context() context: RequestContext): Promise<Organization> {
    return Organization.from((await context.loaders.organization.load(profile.organizationId))!);
  }
}
