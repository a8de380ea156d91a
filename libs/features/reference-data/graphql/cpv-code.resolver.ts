import { Args, ArgsType, Context, Field, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ReferenceDataRepository } from '../reference-data.repository.js';
import { type CpvCodeEntity } from '@samverka/schema';
import { DomainError, FieldProblems, normaliseCpvCode } from '@samverka/domain';
import { Public, type RequestContext, listComplexity, pagedComplexity, pageRequest, PageArgs, toConnection, type Connection } from '@samverka/engine';
import { CpvCode, CpvCodeConnection } from './cpv-code.model.js';

const MAX_SEARCH_LENGTH = 100;
const MAX_LEVEL = 7;
/** For the query cost: a CPV code has 3.2 codes directly below it on average (and at most 14). */
const EXPECTED_CHILDREN = 4;

@ArgsType()
class CpvCodesArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description:
      'Words, best match first: a word of the Swedish or English label with its stem or derivation ("cyklar", "städ", "cleaning"), ' +
      'an everyday term ("lokalvård", "skolskjuts", "matlåda"), a part of a compound ("omsorg" finds "Äldreomsorg"), ' +
      'the start of a word; or, as digits, the start of the code ("8531"), in code order',
  })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Only the codes directly below this code (NNNNNNNN-N or its 8 digits)' })
  parentCode?: string | null;

  @Field(() => Int, { nullable: true, description: `Only the codes at this level, 1 (divisions) to ${MAX_LEVEL}` })
  level?: number | null;
}

@Resolver(() => CpvCode)
export class CpvCodeResolver {
  constructor(private readonly referenceData: ReferenceDataRepository) {}

  @Public()
  @Query(() => CpvCode, { nullable: true, description: 'A CPV code, given with its check digit (85311000-2) or as its 8 digits (85311000); null for an unknown code' })
  async cpvCode(@Args('code') code: string): Promise<CpvCode | null> {
    const found = await this.find(code, 'code');
    return found ? CpvCode.from(found) : null;
  }

  @Public()
  @Query(() => CpvCodeConnection, {
    description:
      'CPV codes filtered by a search text, a parent code or a level: in code order, or best match first when the search has words ' + '(the cursors then follow that order)',
    complexity: pagedComplexity,
  })
  async cpvCodes(@Args() args: CpvCodesArgs): Promise<Connection<CpvCode>> {
    const request = pageRequest(args);
    const search = args.search?.trim() || undefined;
    const level = args.level ?? undefined;
    const problems = new FieldProblems();
    if (search !== undefined && search.length > MAX_SEARCH_LENGTH) problems.add('search', 'TOO_LONG', 'validation.tooLong', { count: MAX_SEARCH_LENGTH });
    if (level !== undefined && (!Number.isInteger(level) || level < 1 || level > MAX_LEVEL)) {
      problems.add('level', 'OUT_OF_RANGE', 'validation.wholeNumberRange', { min: 1, max: MAX_LEVEL });
    }
    if (args.parentCode !== undefined && args.parentCode !== null) problems.absorb(() => normaliseCpvCode(args.parentCode!, 'parentCode'));
    problems.throwIfAny();
    const parentCode = args.parentCode === undefined || args.parentCode === null ? undefined : await this.findParent(args.parentCode);
    // One more row than the page tells whether a next page exists.
    const { rows, keys, totalCount } = await this.referenceData.searchCpv({ text: search, parentCode, level, limit: request.limit + 1, after: request.after });
    const nodes = rows.map(CpvCode.from);
    const positions = new Map(nodes.map((node, i) => [node, keys[i]]));
    return toConnection(nodes, request, totalCount, (node) => positions.get(node)!);
  }

  @ResolveField(() => CpvCode, { nullable: true })
  async parent(@Parent() code: CpvCode, @Context() context: RequestContext): Promise<CpvCode | null> {
    if (!code.parentCode) return null;
    const parent = await context.loaders.cpvCode.load(code.parentCode);
    return parent ? CpvCode.from(parent) : null;
  }

  @ResolveField(() => [CpvCode], { complexity: listComplexity(EXPECTED_CHILDREN) })
  async children(@Parent() code: CpvCode, @Context() context: RequestContext): Promise<CpvCode[]> {
    return (await context.loaders.cpvChildren.load(code.code)).map(CpvCode.from);
  }

  /** The parent code of a filter: unknown is an error there, since the filter could match nothing. */
  private async findParent(input: string): Promise<string> {
    const found = await this.find(input, 'parentCode');
    if (!found) throw DomainError.notFound('referenceData.cpvCodeNotFound', { code: input });
    return found.code;
  }

  /** The code given as `field`, in either form, or null when unknown; a wrong check digit is named as such, not as an unknown code. */
  private async find(input: string, field: string): Promise<CpvCodeEntity | null> {
    const { code8, code } = normaliseCpvCode(input, field);
    const found = await this.referenceData.cpvCode(code8);
    if (!found) return null;
    if (code !== undefined && found.code !== code) throw DomainError.badInput(field, 'INVALID', 'referenceData.cpvCheckDigit', { code8, code: found.code });
    return found;
  }
}
