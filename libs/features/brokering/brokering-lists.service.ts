import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, type KeysetPosition } from '@samverka/engine';
import { assertId, checkedAsync, FieldProblems, isAdmin, type Actor, type IntroductionStatus } from '@samverka/domain';
import { CodeLists } from '@samverka/reference-data';
import { IntroductionRepository, type IntroductionFilter, type IntroductionVisibility } from './introduction.repository.js';
import { WorkListRepository } from './work-list.repository.js';

/** How far ahead the work list looks: needs whose response deadline falls within this many days. */
export const WORK_LIST_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What coordinators follow: the introductions of their regions and the needs that have no offers a
 * week before their deadline. Who may ask is the guard's business ('introduction.list',
 * 'brokering.workList.read'); the introductions are narrowed here to those the person may read.
 */
@Injectable()
export class BrokeringListsService {
  constructor(
    private readonly introductions: IntroductionRepository,
    private readonly workList: WorkListRepository,
    private readonly codes: CodeLists,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async listIntroductions(
    actor: Actor,
    filter: { countyCode?: string | null; status?: IntroductionStatus | null; needId?: string | null; enterpriseOrganizationId?: string | null },
    page: { limit: number; after?: KeysetPosition },
  ) {
    const problems = new FieldProblems();
    const checked: IntroductionFilter = { statuses: filter.status ? [filter.status] : undefined };
    if (filter.needId) problems.absorb(() => (checked.needId = assertId(filter.needId!, 'filter.needId')));
    if (filter.enterpriseOrganizationId) problems.absorb(() => (checked.enterpriseOrganizationId = assertId(filter.enterpriseOrganizationId!, 'filter.enterpriseOrganizationId')));
    if (filter.countyCode) checked.countyCode = (await checkedAsync(problems, () => this.codes.counties([filter.countyCode!], 'filter.countyCode')))?.[0];
    problems.throwIfAny();
    return this.introductions.list(visibilityFor(actor), checked, page);
  }

  async needsWithoutOffers(countyCode: string, page: { limit: number; after?: KeysetPosition }) {
    const [county] = await this.codes.counties([countyCode], 'countyCode');
    const now = this.clock();
    return this.workList.needsWithoutOffers(county, { from: now, to: new Date(now.getTime() + WORK_LIST_DAYS * DAY_MS) }, page);
  }
}

function visibilityFor(actor: Actor): IntroductionVisibility {
  if (isAdmin(actor)) return { all: true };
  if (actor.kind !== 'user') return { all: false, organizationIds: [], countyCodes: [] };
  return { all: false, organizationIds: [...actor.memberships.keys()], countyCodes: actor.role === 'COORDINATOR' ? actor.coordinatorCounties : [] };
}
