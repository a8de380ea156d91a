import { Injectable } from '@nestjs/common';
import { Database, type KeysetPosition } from '@samverka/engine';
import { AuditService } from '@samverka/audit';
import { PartnershipRepository } from '@samverka/brokering';
import { actorUserId, checked, DomainError, FieldProblems, regionScopeOf, type Actor } from '@samverka/domain';
import { text } from '@samverka/reference-data';
import { GoodExampleCurationRepository, type GoodExampleCurationValues } from './good-example-curation.repository.js';
import { GoodExampleService } from './good-example.service.js';
import type { CurateGoodExampleInput, GoodExampleFilterInput } from './graphql/impact.inputs.js';
import type { GoodExample } from './graphql/good-example.model.js';

const NOTE_MAX = 600;

/**
 * The region's coordinator keeps the public library of good examples: says what an example shows,
 * features it (first in the library) or hides it (with a reason its parties see). The policy lets only the
 * coordinators of the partnership's county and administrators do it ('goodExample.curate').
 */
@Injectable()
export class GoodExampleCurationService {
  constructor(
    private readonly database: Database,
    private readonly curations: GoodExampleCurationRepository,
    private readonly partnerships: PartnershipRepository,
    private readonly library: GoodExampleService,
    private readonly audit: AuditService,
  ) {}

  /** The examples a curator keeps, hidden ones included: a coordinator's counties, or all for administrators. */
  async toCurate(actor: Actor, filter: GoodExampleFilterInput, page: { limit: number; after?: KeysetPosition }) {
    const counties = regionScopeOf(actor);
    return this.library.search(filter, page, { includeHidden: true, ...(counties === null ? {} : { countyCodes: counties }) });
  }

  async curate(actor: Actor, input: CurateGoodExampleInput): Promise<GoodExample> {
    const values = this.values(input);
    const partnership = await this.partnerships.findById(input.partnershipId);
    if (!partnership) throw DomainError.notFound('access.partnershipNotFound', { id: input.partnershipId });
    if (!partnership.buyerPublic || !partnership.enterprisePublic || partnership.status === 'TERMINATED') {
      throw DomainError.badInput('partnershipId', 'NOT_ALLOWED', 'impact.curationNotInLibrary');
    }
    await this.database.transaction(async ({ manager }) => {
      const before = await this.curations.find(partnership.id, manager);
      const written = await this.curations.writeIfVersion(partnership.id, input.version, values, actorUserId(actor), manager);
      if (!written) throw DomainError.stale(input.version);
      const was = before ?? { noteSv: null, noteEn: null, featured: false, hiddenReason: null };
      await this.audit.record(
        actor,
        {
          action: 'goodExample.curated',
          entityType: 'partnership',
          entityId: partnership.id,
          data: {
            before: { noteSv: was.noteSv, noteEn: was.noteEn, featured: was.featured, hiddenReason: was.hiddenReason },
            after: values,
          },
        },
        manager,
      );
    });
    const { rows } = await this.library.search({}, { limit: 1 }, { includeHidden: true, partnershipId: partnership.id });
    return rows[0];
  }

  /** Every problem at once: texts of at most 600 characters; a hidden example has a reason and is not featured. */
  private values(input: CurateGoodExampleInput): GoodExampleCurationValues {
    const problems = new FieldProblems();
    const noteSv = checked(problems, () => text(input.noteSv, 'noteSv', NOTE_MAX));
    const noteEn = checked(problems, () => text(input.noteEn, 'noteEn', NOTE_MAX));
    const reason = checked(problems, () => text(input.hiddenReason, 'hiddenReason', NOTE_MAX));
    if (input.hidden && reason === '') problems.add('hiddenReason', 'REQUIRED', 'impact.curationHiddenReasonRequired');
    if (input.hidden && input.featured) problems.add('featured', 'NOT_ALLOWED', 'impact.curationFeaturedHidden');
    problems.throwIfAny();
    return { noteSv: noteSv || null, noteEn: noteEn || null, featured: input.featured, hiddenReason: input.hidden ? reason! : null };
  }
}
