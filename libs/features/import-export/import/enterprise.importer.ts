import { Injectable } from '@nestjs/common';
import { EnterpriseProfileRepository, type ProfileFields } from '@samverka/marketplace';
import { ImportRepository, type ImportFormat } from './import.repository.js';
import { OrganizationRepository, type NewOrganization } from '@samverka/organizations';
import { type EnterpriseProfileEntity, type OrganizationEntity } from '@samverka/schema';
import { type Transaction } from '@samverka/engine';
import { assertOrganizationName, checked, checkedAsync, DomainError, FieldProblems, normaliseOrganisationsnummer, normaliseWebsite } from '@samverka/domain';
import type { CheckedRow, ImportContext, KindImporter, ReadRow, RowResult } from './import-context.js';
import { contentHash, message, outsideRegion, problemsOf, stableJson, withSavepoint } from './row-results.js';
import { problem, type FieldProblem } from './rows/field-reader.js';
import { checkEnterpriseHeader, readEnterpriseRow, type EnterpriseRow } from './rows/enterprise-row.js';
import { readCsv } from './sources/csv-source.js';
import { readJsonLines } from './sources/json-lines-source.js';
import type { SourceRow } from './sources/source-row.js';

export interface CheckedEnterprise {
  organization: NewOrganization;
  profile: ProfileFields;
  hash: string;
}

type Plan = { row: CheckedRow<CheckedEnterprise> } & ({ action: 'create' } | { action: 'update'; current: OrganizationEntity; profile: EnterpriseProfileEntity | null });

const PROFILE_KEYS: (keyof ProfileFields)[] = [
  'description',
  'services',
  'cpvCodes',
  'sdgs',
  'nationwide',
  'municipalityCodes',
  'countyCodes',
  'employees',
  'annualTurnoverSek',
  'maxContractSek',
  'legalForm',
  'ideburen',
  'workIntegrating',
  'farFromLabourMarketShare',
  'certifications',
];

/**
 * Social enterprises from a directory (CSV or JSON Lines): one organisation of kind SOCIAL_ENTERPRISE and
 * its profile per row, checked by the same rules as the API, created in bulk and updated one by one.
 */
@Injectable()
export class EnterpriseImporter implements KindImporter<EnterpriseRow, CheckedEnterprise> {
  readonly entityType = 'organization' as const;
  readonly formats: readonly ImportFormat[] = ['csv', 'jsonl'];
  readonly repeatsAllowed = false;

  constructor(
    private readonly imports: ImportRepository,
    private readonly organizations: OrganizationRepository,
    private readonly profiles: EnterpriseProfileRepository,
  ) {}

  rows(bytes: AsyncIterable<Buffer>, format: ImportFormat): AsyncGenerator<SourceRow> {
    return format === 'csv' ? readCsv(bytes, checkEnterpriseHeader) : readJsonLines(bytes);
  }

  read(source: SourceRow, context: ImportContext): ReadRow<EnterpriseRow> {
    const { row, externalId, problems } = readEnterpriseRow(source.value, context.format === 'csv');
    return { line: source.line, item: source.item, externalId: externalId ?? null, record: row, problems, warnings: [] };
  }

  /** The row's organisation and profile by the API's rules, every problem of the row at once. */
  async check(row: EnterpriseRow, context: ImportContext): Promise<CheckedEnterprise> {
    const problems = new FieldProblems();
    const name = checked(problems, () => assertOrganizationName(row.organization.name));
    const orgNumber = checked(problems, () => normaliseOrganisationsnummer(row.organization.organisationsnummer));
    const home = await checkedAsync(problems, () => context.organizations.home('SOCIAL_ENTERPRISE', row.organization.municipalityCode, row.organization.countyCode));
    const website = checked(problems, () => normaliseWebsite(row.organization.website));
    const profile = await checkedAsync(problems, () => context.profiles.fields(row.profile));
    if (home && context.counties && !context.counties.includes(home.countyCode)) {
      const outside = outsideRegion(home.countyCode, context.counties);
      problems.add(home.municipalityCode ? 'municipalityCode' : 'countyCode', 'NOT_ALLOWED', outside.key, outside.params);
    }
    problems.throwIfAny();
    const organization: NewOrganization = { kind: 'SOCIAL_ENTERPRISE', name: name!, orgNumber: orgNumber!, ...home!, website: website ?? null };
    return { organization, profile: profile!, hash: contentHash({ organization, profile }) };
  }

  async apply(rows: readonly CheckedRow<CheckedEnterprise>[], context: ImportContext, tx: Transaction): Promise<RowResult[]> {
    const { manager } = tx;
    const results = new Map<CheckedRow<CheckedEnterprise>, RowResult>();
    const reject = (row: CheckedRow<CheckedEnterprise>, problems: FieldProblem[]) =>
      results.set(row, { outcome: 'rejected', messages: [...problems.map((p) => message(row, 'ERROR', p)), ...row.warnings.map((w) => message(row, 'WARNING', w))] });

    const mappings = await this.imports.mappings(
      context.options.source,
      'organization',
      rows.map((r) => r.externalId),
      manager,
    );
    const mappedIds = [...mappings.values()].map((m) => m.recordId);
    // One after another: they share the transaction's connection.
    const current = await this.organizations.findByIds(mappedIds, manager);
    const profiles = await this.profiles.findMany(mappedIds, manager);
    const registered = await this.organizations.findByOrgNumbers([...new Set(rows.map((r) => r.checked.organization.orgNumber))], manager);
    const byId = new Map(current.map((o) => [o.id, o]));
    const profileById = new Map(profiles.map((p) => [p.organizationId, p]));
    const byNumber = new Map(registered.map((o) => [o.orgNumber, o]));
    const owners = await this.imports.sourcesOf(
      'organization',
      registered.map((o) => o.id),
      manager,
    );

    const plans: Plan[] = [];
    const creating = new Map<string, CheckedRow<CheckedEnterprise>>();
    for (const row of rows) {
      const { organization, hash } = row.checked;
      const mapping = mappings.get(row.externalId);
      const existing = mapping ? byId.get(mapping.recordId) : undefined;
      if (mapping && existing) {
        if (existing.orgNumber !== organization.orgNumber) {
          reject(row, [
            problem('organisationsnummer', 'importExport.orgNumberChanged', { given: organization.orgNumber, externalId: row.externalId, previous: existing.orgNumber }),
          ]);
        } else if (context.counties && !context.counties.includes(existing.countyCode)) {
          reject(row, [{ field: 'externalId', message: outsideRegion(existing.countyCode, context.counties, existing.name) }]);
        } else if (mapping.contentHash === hash) {
          results.set(row, { outcome: 'unchanged', messages: row.warnings.map((w) => message(row, 'WARNING', w)) });
        } else {
          plans.push({ row, action: 'update', current: existing, profile: profileById.get(existing.id) ?? null });
        }
        continue;
      }
      const taken = byNumber.get(organization.orgNumber);
      if (taken) {
        const owner = owners.get(taken.id);
        reject(row, [
          owner
            ? problem('organisationsnummer', 'importExport.orgNumberTakenImported', {
                orgNumber: organization.orgNumber,
                name: taken.name,
                source: owner.source,
                externalId: owner.externalId,
              })
            : problem('organisationsnummer', 'importExport.orgNumberTakenOwn', { orgNumber: organization.orgNumber, name: taken.name }),
        ]);
      } else if (creating.has(organization.orgNumber)) {
        const first = creating.get(organization.orgNumber)!;
        reject(row, [problem('organisationsnummer', 'importExport.orgNumberRepeated', { orgNumber: organization.orgNumber, line: first.line, externalId: first.externalId })]);
      } else {
        creating.set(organization.orgNumber, row);
        plans.push({ row, action: 'create' });
      }
    }

    // Fast path: the whole batch under one savepoint, creations in bulk. If anything fails, each row again alone.
    try {
      const applied = await withSavepoint(manager, 'import_batch', () => this.write(plans, context, tx));
      applied.forEach((result, i) => results.set(plans[i].row, result));
    } catch {
      for (const plan of plans) {
        try {
          const [result] = await withSavepoint(manager, 'import_row', () => this.write([plan], context, tx));
          results.set(plan.row, result);
        } catch (error) {
          reject(plan.row, problemsOf(error));
        }
      }
    }
    return rows.map((row) => results.get(row)!);
  }

  /** Writes the plans (creations in three statements) with their mappings and audit events. */
  private async write(plans: readonly Plan[], context: ImportContext, tx: Transaction): Promise<RowResult[]> {
    const { manager } = tx;
    const creations = plans.filter((p) => p.action === 'create');
    const ids = await this.imports.createEnterprises(
      creations.map((p) => p.row.checked),
      { at: context.now, by: context.actor.userId },
      manager,
    );
    const createdIds = new Map(creations.map((p, i) => [p, ids[i]]));
    const results: RowResult[] = [];
    const audit: { action: string; entityType: string; entityId: string; data: Record<string, unknown> }[] = [];
    for (const plan of plans) {
      const { row } = plan;
      const warnings = row.warnings.map((w) => message(row, 'WARNING', w));
      if (plan.action === 'create') {
        const id = createdIds.get(plan)!;
        results.push({ outcome: 'created', messages: warnings, profileChanged: id });
        audit.push({
          action: 'organization.imported',
          entityType: 'organization',
          entityId: id,
          data: { runId: context.runId, source: context.options.source, externalId: row.externalId, created: true, verified: true },
        });
        continue;
      }
      const changed = await this.update(plan.current, plan.profile, row.checked, manager);
      results.push({
        outcome: changed.organization || changed.profile ? 'updated' : 'unchanged',
        messages: warnings,
        profileChanged: changed.profile ? plan.current.id : undefined,
      });
      if (changed.organization || changed.profile) {
        audit.push({
          action: 'organization.imported',
          entityType: 'organization',
          entityId: plan.current.id,
          data: { runId: context.runId, source: context.options.source, externalId: row.externalId, created: false, ...changed },
        });
      }
    }
    await this.imports.saveMappings(
      plans.map((p) => ({
        source: context.options.source,
        entityType: 'organization' as const,
        externalId: p.row.externalId,
        recordId: p.action === 'create' ? createdIds.get(p)! : p.current.id,
        contentHash: p.row.checked.hash,
        sourceVersion: null,
        runId: context.runId,
      })),
      manager,
    );
    await this.imports.audit(audit, context.actor, manager);
    return results;
  }

  /** Applies what differs from the record as it is; the organisation's version check guards against a change meanwhile. */
  private async update(current: OrganizationEntity, profile: EnterpriseProfileEntity | null, checked: CheckedEnterprise, manager: Transaction['manager']) {
    const { name, municipalityCode, countyCode, website } = checked.organization;
    const organizationChanges = { name, municipalityCode, countyCode, website };
    const organization = (Object.keys(organizationChanges) as (keyof typeof organizationChanges)[]).some((k) => organizationChanges[k] !== current[k]);
    if (organization) {
      // Unlike a rename by its owners, the import's keeps the verification: an administrator or a
      // coordinator of the region vouches for the directory it imports.
      const updated = await this.organizations.updateIfVersion(current.id, current.version, organizationChanges, manager);
      if (!updated) throw DomainError.conflict('importExport.organizationChangedDuringImport', { name: current.name });
    }
    const profileChanged = !profile || profileKey(profile) !== profileKey(checked.profile);
    if (!profile) await this.profiles.create(current.id, checked.profile, manager);
    else if (profileChanged && !(await this.profiles.updateIfVersion(current.id, profile.version, checked.profile, manager))) {
      throw DomainError.conflict('importExport.profileChangedDuringImport', { name: current.name });
    }
    return { organization, profile: profileChanged };
  }
}

function profileKey(profile: ProfileFields): string {
  return stableJson(PROFILE_KEYS.map((k) => profile[k]));
}
