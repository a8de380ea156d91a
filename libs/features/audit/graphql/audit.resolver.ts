import { Args, Field, ID, InputType, Query, Resolver } from '@nestjs/graphql';
import { AuditRepository } from '../audit.repository.js';
import { assertId, FieldProblems } from '@samverka/domain';
import { Authorize, ConnectionType, PageArgs, pagedComplexity, pageRequest, toConnection } from '@samverka/engine';
import { AuditEvent } from './audit-event.model.js';

const AuditEventConnection = ConnectionType(AuditEvent);

@InputType()
export class AuditFilterInput {
  @Field(() => String, { nullable: true })
  entityType?: string;

  @Field(() => String, { nullable: true })
  entityId?: string;

  @Field(() => ID, { nullable: true })
  actorUserId?: string;

  @Field(() => String, { nullable: true })
  action?: string;
}

@Resolver(() => AuditEvent)
export class AuditResolver {
  constructor(private readonly audit: AuditRepository) {}

  @Authorize('audit.read')
  @Query(() => AuditEventConnection, { description: 'The audit trail, newest first, for administrators', complexity: pagedComplexity })
  async auditEvents(@Args() page: PageArgs, @Args('filter', { nullable: true }) filter?: AuditFilterInput) {
    const request = pageRequest(page);
    const problems = new FieldProblems();
    if (request.after && !/^\d{1,18}$/.test(request.after)) problems.add('after', 'INVALID_FORMAT', 'request.invalidCursor');
    const checked = { ...filter, actorUserId: undefined as string | undefined };
    if (filter?.actorUserId) problems.absorb(() => (checked.actorUserId = assertId(filter.actorUserId!, 'filter.actorUserId')));
    problems.throwIfAny();
    const { rows, total } = await this.audit.list(checked, { limit: request.limit, before: request.after });
    return toConnection(rows.map(AuditEvent.from), request, total, (event) => event.id);
  }
}
