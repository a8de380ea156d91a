import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type ImportSeverity, failureText } from '../import/import.repository.js';
import { DomainError, type Actor, type Language } from '@samverka/domain';
import {
  Authorize,
  CurrentActor,
  keysetConnection,
  NodeRegistry,
  PageArgs,
  pagedComplexity,
  pageRequest,
  parseKeysetKey,
  Public,
  type RequestContext,
  RequestLanguage,
  toConnection,
} from '@samverka/engine';
import { StartImportInput } from './import.inputs.js';
import { ImportMessage, ImportMessageConnection, ImportRun, ImportRunConnection, ImportSeverityEnum, StartImportPayload } from './import.models.js';
import { ImportService } from '../import.service.js';

@Resolver(() => ImportRun)
export class ImportResolver {
  constructor(
    private readonly imports: ImportService,
    private readonly nodes: NodeRegistry,
  ) {}

  @Authorize('import.run')
  @Mutation(() => StartImportPayload, {
    description:
      'Uploads a file (multipart request; send the header apollo-require-preflight: true) and imports it in the background; follow it with importRun. Administrators import anywhere, coordinators into their regions.',
  })
  async startImport(@Args('input') { file, ...options }: StartImportInput, @CurrentActor() actor: Actor): Promise<StartImportPayload> {
    return { importRun: ImportRun.from(await this.imports.start(actor, options, file)) };
  }

  @Public()
  @Query(() => ImportRun, { nullable: true, description: 'An import and its progress: for the person who started it and administrators; null otherwise' })
  async importRun(@Args('id', { type: () => ID }) id: string, @Context() context: RequestContext): Promise<ImportRun | null> {
    return this.nodes.loadOne<ImportRun>('ImportRun', id, context);
  }

  @Authorize('import.run')
  @Query(() => ImportRunConnection, { description: 'Imports, newest first: all for administrators, their own for coordinators', complexity: pagedComplexity })
  async importRuns(@Args() page: PageArgs, @CurrentActor() actor: Actor) {
    const request = pageRequest(page);
    const after = parseKeysetKey(request.after, 'timestamptz');
    const result = await this.imports.list(actor, { limit: request.limit, after: after && { createdAt: after.value, id: after.id } });
    return keysetConnection(result, request, (r) => r.id, ImportRun.from);
  }

  @ResolveField(() => ImportMessageConnection, {
    description: 'Errors (rejected rows) and warnings, in the order they were found; at most 10 000 are kept',
    complexity: pagedComplexity,
  })
  async messages(
    @Parent() run: ImportRun,
    @Args() page: PageArgs,
    @RequestLanguage() language: Language,
    @Args('severity', { type: () => ImportSeverityEnum, nullable: true }) severity?: ImportSeverity,
  ) {
    const request = pageRequest(page);
    const afterSeq = request.after === undefined ? undefined : Number(request.after);
    if (afterSeq !== undefined && !Number.isInteger(afterSeq)) throw DomainError.badInput('after', 'INVALID', 'request.invalidCursor');
    const { rows, total } = await this.imports.messages(run.id, { limit: request.limit, afterSeq }, severity);
    return toConnection(
      rows.map((row) => ImportMessage.from(row, language)),
      request,
      total,
      (m) => String(m.seq),
    );
  }

  @ResolveField(() => String, { nullable: true, description: 'Why the file could not be read to the end (FAILED), in the language of the request' })
  failure(@Parent() run: ImportRun, @RequestLanguage() language: Language): string | null {
    return run.failureDetail ? failureText(run.failureDetail, language) : run.failureText;
  }
}
