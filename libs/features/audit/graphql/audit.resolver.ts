import { Args, Field, ID, InputType, Query, Resolver } from '@nestjs/graphql';
import { AuditRepository } from '../audit.repository.js';
import { assertId, FieldProblems } from '@samverka/domain';
import { Authorize, ConnectionType, DateScalar, PageArgs, pagedComplexity, pageRequest, toConnection } from '@samverka/engine';
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

  @Field(() => DateScalar, { nullable: true, description: 'Events from this day on (in Sweden), the day included' })
  from?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Events up to this day (in Sweden), the day included; not before `from`' })
  to?: string;
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
    if (filter?.from && filter.to && filter.to < filter.from) problems.add('filter.to', 'OUT_OF_RANGE', 'audit.toBeforeFrom', { from: filter.from });
    problems.throwIfAny();
    const { rows, total } = await this.audit.list(checked, { limit: request.limit, before: request.after });
    return toConnection(rows.map(AuditEvent.from), request, total, (event) => event.id);
  }
}
