import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { NeedForm } from '@samverka/domain';
import { DateTimeScalar, KronorScalar } from '@samverka/engine';
import { NeedFormEnum } from '@samverka/marketplace';
import type { SavedSearchRow } from '../saved-search.repository.js';
import { SAVED_SEARCH_DEFAULT_MIN_SCORE, SAVED_SEARCH_NAME_MAX, SAVED_SEARCHES_MAX } from '../saved-search.service.js';

@ObjectType({ description: 'The needs filter a saved search keeps (the fields of NeedFilterInput it uses)' })
export class SavedNeedFilter {
  @Field(() => String, { nullable: true })
  search: string | null;

  @Field(() => [String], { description: 'CPV codes (8 digits); a need matches with these or any code below them' })
  cpvCodes: string[];

  @Field(() => [Int])
  sdgs: number[];

  @Field(() => String, { nullable: true })
  municipalityCode: string | null;

  @Field(() => String, { nullable: true })
  countyCode: string | null;

  @Field(() => [NeedFormEnum])
  forms: NeedForm[];

  @Field(() => KronorScalar, { nullable: true })
  budgetFromSek: number | null;

  @Field(() => KronorScalar, { nullable: true })
  budgetToSek: number | null;
}

@ObjectType({ description: "A social enterprise's saved needs search: its maker is told of each new need that fits it at minScore or above" })
export class SavedSearch {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => SavedNeedFilter)
  filter: SavedNeedFilter;

  @Field(() => Int, { description: 'The lowest match score (0–100) worth hearing of' })
  minScore: number;

  @Field({ description: 'true: told by e-mail too (as the notification preferences allow); false: in the inbox only' })
  email: boolean;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar)
  updatedAt: Date;

  static from(row: SavedSearchRow): SavedSearch {
    const f = row.filter;
    return Object.assign(new SavedSearch(), {
      id: row.id,
      name: row.name,
      minScore: row.minScore,
      email: row.email,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      filter: Object.assign(new SavedNeedFilter(), {
        search: f.search ?? null,
        cpvCodes: f.cpvCodes ?? [],
        sdgs: f.sdgs ?? [],
        municipalityCode: f.municipalityCode ?? null,
        countyCode: f.countyCode ?? null,
        forms: f.forms ?? [],
        budgetFromSek: f.budgetFromSek ?? null,
        budgetToSek: f.budgetToSek ?? null,
      }),
    });
  }
}

@InputType({ description: 'The needs filter to keep: the same fields as NeedFilterInput' })
export class SavedNeedFilterInput {
  @Field(() => String, { nullable: true })
  search?: string | null;

  @Field(() => [String], { nullable: true })
  cpvCodes?: string[] | null;

  @Field(() => [Int], { nullable: true })
  sdgs?: number[] | null;

  @Field(() => String, { nullable: true })
  municipalityCode?: string | null;

  @Field(() => String, { nullable: true })
  countyCode?: string | null;

  @Field(() => [NeedFormEnum], { nullable: true })
  forms?: NeedForm[] | null;

  @Field(() => KronorScalar, { nullable: true })
  budgetFromSek?: number | null;

  @Field(() => KronorScalar, { nullable: true })
  budgetToSek?: number | null;
}

@InputType()
export class CreateSavedSearchInput {
  @Field(() => ID, { description: 'The social enterprise the search is for' })
  organizationId: string;

  @Field({ description: `1 to ${SAVED_SEARCH_NAME_MAX} characters; at most ${SAVED_SEARCHES_MAX} searches per organisation` })
  name: string;

  @Field(() => SavedNeedFilterInput, { nullable: true })
  filter?: SavedNeedFilterInput | null;

  @Field(() => Int, { nullable: true, description: `0–100, default ${SAVED_SEARCH_DEFAULT_MIN_SCORE}` })
  minScore?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Default true' })
  email?: boolean | null;
}

@InputType()
export class UpdateSavedSearchInput {
  @Field(() => ID)
  organizationId: string;

  @Field(() => ID)
  savedSearchId: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => SavedNeedFilterInput, { nullable: true, description: 'Replaces the whole filter' })
  filter?: SavedNeedFilterInput | null;

  @Field(() => Int, { nullable: true })
  minScore?: number | null;

  @Field(() => Boolean, { nullable: true })
  email?: boolean | null;
}

@InputType()
export class DeleteSavedSearchInput {
  @Field(() => ID)
  organizationId: string;

  @Field(() => ID)
  savedSearchId: string;
}

/** A saved search as a change left it. */
@ObjectType({ isAbstract: true })
export class SavedSearchPayload {
  @Field(() => SavedSearch)
  savedSearch: SavedSearch;

  static of<T extends SavedSearchPayload>(this: new () => T, savedSearch: SavedSearch): T {
    return Object.assign(new this(), { savedSearch });
  }
}

@ObjectType()
export class CreateSavedSearchPayload extends SavedSearchPayload {}

@ObjectType()
export class UpdateSavedSearchPayload extends SavedSearchPayload {}

@ObjectType()
export class DeleteSavedSearchPayload {
  @Field(() => ID)
  savedSearchId: string;
}
