import { Injectable } from '@nestjs/common';
import { Database } from '@samverka/engine';
import { ImpactRepository, type ImpactIndicatorFields } from './impact.repository.js';
import { type ImpactIndicatorEntity } from '@samverka/schema';
import { checked, DomainError, FieldProblems, IMPACT_THEMES, IMPACT_UNITS, type Actor, type ImpactTheme, type ImpactUnit } from '@samverka/domain';
import { AuditService } from '@samverka/audit';
import { CodeLists, text } from '@samverka/reference-data';

const CODE = /^[A-Z][A-Z0-9_]{1,39}$/;

export interface IndicatorChanges {
  theme?: ImpactTheme;
  nameSv?: string;
  nameEn?: string;
  unit?: ImpactUnit;
  sdgs?: number[];
  methodSv?: string;
  methodEn?: string;
  active?: boolean;
}

/** The shared catalogue of impact indicators: read by everyone, kept by administrators. */
@Injectable()
export class ImpactIndicatorService {
  constructor(
    private readonly database: Database,
    private readonly impact: ImpactRepository,
    private readonly codeLists: CodeLists,
    private readonly audit: AuditService,
  ) {}

  async list(filter: { theme?: ImpactTheme | null; sdg?: number | null; includeRetired?: boolean | null }): Promise<ImpactIndicatorEntity[]> {
    const sdg = filter.sdg ?? undefined;
    if (sdg !== undefined) this.codeLists.sdgs([sdg], 'sdg');
    return this.impact.indicators({ theme: filter.theme ?? undefined, sdg, includeRetired: filter.includeRetired ?? false });
  }

  async create(actor: Actor, input: IndicatorChanges & { code: string }): Promise<ImpactIndicatorEntity> {
    const code = (input.code ?? '').trim();
    const problems = new FieldProblems();
    if (!CODE.test(code)) problems.add('code', 'INVALID_FORMAT', 'impact.indicatorCodeFormat');
    const fields = checked(problems, () => this.fields(input, null));
    problems.throwIfAny();
    return this.database.transaction(async ({ manager }) => {
      const created = await this.impact.createIndicator({ ...fields!, code }, manager);
      await this.audit.record(
        actor,
        { action: 'impactIndicator.created', entityType: 'impactIndicator', entityId: code, data: { unit: created.unit, theme: created.theme } },
        manager,
      );
      return created;
    });
  }

  /** The code never changes; the unit only while no target or reported value uses the indicator. */
  async update(actor: Actor, code: string, version: number, changes: IndicatorChanges): Promise<ImpactIndicatorEntity> {
    return this.database.transaction(async ({ manager }) => {
      // Locked: a target or value checked against the old unit cannot be written while the unit changes.
      const current = await this.impact.lockIndicator(code, manager);
      if (!current) throw DomainError.notFound('impact.indicatorNotFound', { code });
      if (current.version !== version) throw DomainError.stale(version);
      const fields = this.fields(changes, current);
      if (fields.unit !== current.unit && (await this.impact.indicatorInUse(code, manager))) {
        throw DomainError.badInput('unit', 'NOT_ALLOWED', 'impact.indicatorUnitLocked', { code, from: current.unit, to: fields.unit });
      }
      const updated = await this.impact.updateIndicatorIfVersion(code, version, fields, manager);
      if (!updated) throw DomainError.stale(version);
      const changed = (Object.keys(fields) as (keyof ImpactIndicatorFields)[]).filter((key) => JSON.stringify(fields[key]) !== JSON.stringify(current[key]));
      await this.audit.record(
        actor,
        {
          action: updated.active === current.active ? 'impactIndicator.updated' : updated.active ? 'impactIndicator.reactivated' : 'impactIndicator.retired',
          entityType: 'impactIndicator',
          entityId: code,
          data: { changed },
        },
        manager,
      );
      return updated;
    });
  }

  /** The whole field set, from the changes over `current` (or from the changes alone for a new indicator); every problem at once. */
  private fields(input: IndicatorChanges, current: ImpactIndicatorEntity | null): ImpactIndicatorFields {
    const problems = new FieldProblems();
    const theme = input.theme ?? current?.theme;
    if (!theme) problems.add('theme', 'REQUIRED', 'validation.oneOf', { values: IMPACT_THEMES.join(', ') });
    else if (!IMPACT_THEMES.includes(theme)) problems.add('theme', 'UNKNOWN_VALUE', 'validation.oneOf', { values: IMPACT_THEMES.join(', ') });
    const unit = input.unit ?? current?.unit;
    if (!unit) problems.add('unit', 'REQUIRED', 'validation.oneOf', { values: IMPACT_UNITS.join(', ') });
    else if (!IMPACT_UNITS.includes(unit)) problems.add('unit', 'UNKNOWN_VALUE', 'validation.oneOf', { values: IMPACT_UNITS.join(', ') });
    const fields = {
      nameSv: checked(problems, () => text(input.nameSv ?? current?.nameSv, 'nameSv', 200, 1)),
      nameEn: checked(problems, () => text(input.nameEn ?? current?.nameEn, 'nameEn', 200, 1)),
      sdgs: checked(problems, () => this.codeLists.sdgs(input.sdgs ?? current?.sdgs ?? [], 'sdgs')),
      methodSv: checked(problems, () => text(input.methodSv ?? current?.methodSv, 'methodSv', 2_000, 10)),
      methodEn: checked(problems, () => text(input.methodEn ?? current?.methodEn, 'methodEn', 2_000, 10)),
    };
    problems.throwIfAny();
    return {
      theme: theme!,
      unit: unit!,
      nameSv: fields.nameSv!,
      nameEn: fields.nameEn!,
      sdgs: fields.sdgs!,
      methodSv: fields.methodSv!,
      methodEn: fields.methodEn!,
      active: input.active ?? current?.active ?? true,
    };
  }
}
