import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { assertId, type Actor } from '@samverka/domain';
import { Authorize, CurrentActor } from '@samverka/engine';
import { SavedSearchService } from '../saved-search.service.js';
import {
  CreateSavedSearchInput,
  CreateSavedSearchPayload,
  DeleteSavedSearchInput,
  DeleteSavedSearchPayload,
  SavedSearch,
  UpdateSavedSearchInput,
  UpdateSavedSearchPayload,
} from './saved-search.models.js';

const byOrganization = ({ input }: { input: { organizationId: string } }) => ({ organizationId: input.organizationId });

@Resolver(() => SavedSearch)
export class SavedSearchResolver {
  constructor(private readonly searches: SavedSearchService) {}

  @Authorize('savedSearch.manage', ({ organizationId }: { organizationId: string }) => ({ organizationId }))
  @Query(() => [SavedSearch], { description: "The organisation's saved needs searches, oldest first (its members only)" })
  async savedSearches(@Args('organizationId', { type: () => ID }) organizationId: string): Promise<SavedSearch[]> {
    return (await this.searches.list(organizationId)).map(SavedSearch.from);
  }

  @Authorize('savedSearch.manage', byOrganization)
  @Mutation(() => CreateSavedSearchPayload, { description: 'Saves a needs search for a social enterprise; its maker is told of new needs that fit it' })
  async createSavedSearch(@Args('input') input: CreateSavedSearchInput, @CurrentActor() actor: Actor): Promise<CreateSavedSearchPayload> {
    const { organizationId, ...values } = input;
    return CreateSavedSearchPayload.of(SavedSearch.from(await this.searches.create(actor, organizationId, values)));
  }

  @Authorize('savedSearch.manage', byOrganization)
  @Mutation(() => UpdateSavedSearchPayload, { description: 'Changes a saved search (the fields given)' })
  async updateSavedSearch(@Args('input') input: UpdateSavedSearchInput): Promise<UpdateSavedSearchPayload> {
    const { organizationId, savedSearchId, ...values } = input;
    const row = await this.searches.update(organizationId, assertId(savedSearchId, 'savedSearchId'), {
      name: values.name ?? undefined,
      filter: values.filter ?? undefined,
      minScore: values.minScore ?? undefined,
      email: values.email ?? undefined,
    });
    return UpdateSavedSearchPayload.of(SavedSearch.from(row));
  }

  @Authorize('savedSearch.manage', byOrganization)
  @Mutation(() => DeleteSavedSearchPayload, { description: 'Removes a saved search' })
  async deleteSavedSearch(@Args('input') { organizationId, savedSearchId }: DeleteSavedSearchInput): Promise<DeleteSavedSearchPayload> {
    await this.searches.delete(organizationId, assertId(savedSearchId, 'savedSearchId'));
    return Object.assign(new DeleteSavedSearchPayload(), { savedSearchId });
  }
}
