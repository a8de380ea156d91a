import { Injectable } from '@nestjs/common';
import { ImpactRepository } from './impact.repository.js';
import { PartnershipRepository, type GoodExampleFilter, type GoodExampleRow } from '@samverka/brokering';
import { type ImpactIndicatorEntity } from '@samverka/schema';
import { type KeysetPosition } from '@samverka/engine';
import { DomainError, swedishDate } from '@samverka/domain';
import { CodeLists } from '@samverka/reference-data';
import type { GoodExampleFilterInput } from './graphql/impact.inputs.js';
import { GoodExample, GoodExampleFigure } from './graphql/good-example.model.js';

const CPV_FILTER = /^(\d{2,8})(?:-(\d))?$/;
const INDICATOR_CODE = /^[A-Z][A-Z0-9_]{1,39}$/;

/**
 * The significant leading digits of a CPV filter: a division ("90"), a group ("909"), a class, or a
 * code (8 digits, with or without its check digit). Trailing zeros are the code's padding, as in the
 * matching's CPV rule: "90910000" means the class 9091, and matches every code below it.
 */
export function cpvPrefixOf(input: string, field: string): string {
  const match = CPV_FILTER.exec(input.trim());
  if (!match || (match[2] !== undefined && match[1].length !== 8)) {
    throw DomainError.badInput(field, 'INVALID_FORMAT', 'impact.cpvFilter');
  }
  return match[1].padEnd(8, '0').replace(/0+$/, '').padEnd(2, '0');
}

/** The public library of good examples: what two parties chose to show, and the impact confirmed. */
@Injectable()
export class GoodExampleService {
  constructor(
    private readonly partnerships: PartnershipRepository,
    private readonly impact: ImpactRepository,
    private readonly codes: CodeLists,
  ) {}

  /** The library as the public sees it; `curator` widens it for the curators (hidden examples, their counties). */
  async search(
    input: GoodExampleFilterInput,
    page: { limit: number; after?: KeysetPosition },
    curator: Pick<GoodExampleFilter, 'includeHidden' | 'countyCodes' | 'partnershipId'> = {},
  ): Promise<{ rows: GoodExample[]; sortValues: string[]; total: number }> {
    const result = await this.partnerships.goodExamples({ ...(await this.filter(input)), ...curator }, page);
    return { ...result, rows: await this.withImpact(result.rows) };
  }

  private async filter(input: GoodExampleFilterInput): Promise<GoodExampleFilter> {
    const filter: GoodExampleFilter = {};
    if (input.sdg !== undefined && input.sdg !== null) filter.sdg = this.codes.sdgs([input.sdg], 'filter.sdg')[0];
    if (input.cpv) filter.cpvPrefix = cpvPrefixOf(input.cpv, 'filter.cpv');
    if (input.countyCode) filter.countyCode = (await this.codes.counties([input.countyCode], 'filter.countyCode'))[0];
    if (input.municipalityCode) filter.municipalityCode = (await this.codes.municipalities([input.municipalityCode], 'filter.municipalityCode'))[0];
    if (input.indicatorCode) {
      const code = input.indicatorCode.trim();
      if (!INDICATOR_CODE.test(code) || (await this.impact.indicatorsByCodes([code])).length === 0) {
        throw DomainError.badInput('filter.indicatorCode', 'UNKNOWN_VALUE', 'impact.targetIndicatorUnknown', { code });
      }
      filter.indicatorCode = code;
    }
    if (input.search !== undefined && input.search !== null && input.search.trim()) filter.text = input.search.trim().slice(0, 200);
    return filter;
  }

  /** Adds the confirmed totals and the agreed targets of the page's partnerships (three queries a page). */
  private async withImpact(rows: GoodExampleRow[]): Promise<GoodExample[]> {
    const ids = rows.map((r) => r.partnership.id);
    const agreed = new Set(rows.filter((r) => r.partnership.targetsStatus === 'AGREED').map((r) => r.partnership.id));
    const totals = await this.impact.confirmedTotals(ids);
    const targets = await this.impact.targetsOf([...agreed]);
    const indicators = new Map((await this.impact.indicatorsByCodes([...totals.map((t) => t.indicatorCode), ...targets.map((t) => t.indicatorCode)])).map((i) => [i.code, i]));
    const figure = (code: string, value: number) => figureOf(indicators.get(code)!, value);
    return rows.map(({ partnership: p, buyer, enterprise, municipalityName, countyName, curation }) =>
      Object.assign(new GoodExample(), {
        id: p.id,
        title: p.title,
        summary: p.publicSummary,
        description: p.needId ? p.description : null,
        buyer,
        enterprise,
        municipalityCode: p.municipalityCode,
        municipalityName,
        countyCode: p.countyCode,
        countyName,
        sdgs: p.sdgs,
        cpvCodes: p.cpvCodes,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
        completedOn: p.status === 'COMPLETED' && p.endedAt ? swedishDate(p.endedAt) : null,
        status: p.status,
        impact: totals.filter((t) => t.partnershipId === p.id).map((t) => figure(t.indicatorCode, t.total)),
        targets: targets.filter((t) => t.partnershipId === p.id).map((t) => figure(t.indicatorCode, t.target)),
        curatorNoteSv: curation.noteSv,
        curatorNoteEn: curation.noteEn,
        featured: curation.featured,
        hiddenReason: curation.hiddenReason,
        curationVersion: curation.version,
      }),
    );
  }
}

function figureOf(indicator: ImpactIndicatorEntity, value: number): GoodExampleFigure {
  return Object.assign(new GoodExampleFigure(), { indicatorCode: indicator.code, nameSv: indicator.nameSv, nameEn: indicator.nameEn, unit: indicator.unit, value });
}
