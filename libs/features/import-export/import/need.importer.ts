import { Injectable } from '@nestjs/common';
import { ImportRepository, type ImportFormat } from './import.repository.js';
import { NeedRepository, type NeedFields, NeedValidator } from '@samverka/marketplace';
import { OrganizationRepository } from '@samverka/organizations';
import { type OrganizationEntity } from '@samverka/schema';
import { type Transaction } from '@samverka/engine';
import {
  assertBuyerKind,
  assertFormChangeAllowed,
  assertId,
  assertNeedEditable,
  assertPublishable,
  checked,
  checkedAsync,
  DomainError,
  FieldProblems,
  needAfter,
  normaliseOrganisationsnummer,
  pathOf,
} from '@samverka/domain';
import type { CheckedRow, ImportContext, KindImporter, ReadRow, RowResult } from './import-context.js';
import { contentHash, fileFieldName, message, outsideRegion, problemsOf, stableJson, withSavepoint } from './row-results.js';
import { checkNeedHeader, readNeedRow, type BuyerReference, type ImportNeedStatus, type NeedRow } from './rows/need-row.js';
import { readOcdsItem } from './rows/ocds-release.js';
import { readCsv } from './sources/csv-source.js';
import { readJsonLines } from './sources/json-lines-source.js';
import { readOcdsPackage } from './sources/ocds-source.js';
import type { SourceRow } from './sources/source-row.js';

export interface CheckedNeed {
  buyerOrganizationId: string;
  fields: NeedFields;
  status: ImportNeedStatus;
  sourceVersion: string | null;
  fieldNames: Partial<Record<string, string>>;
  hash: string;
}

const NEED_KEYS: (keyof NeedFields)[] = [
  'title',
  'description',
  'cpvCodes',
  'sdgs',
  'municipalityCode',
  'countyCode',
  'budgetMinSek',
  'budgetMaxSek',
  'form',
  'wantedImpact',
  'responseDeadline',
];

/**
 * Needs of public buyers, from JSON Lines or CSV rows or from OCDS packages (see ocds-release.ts), checked
 * by the same rules as the API (a published need must be complete), one row at a time under a savepoint.
 */
@Injectable()
abstract class BaseNeedImporter implements KindImporter<NeedRow, CheckedNeed> {
  readonly entityType = 'need' as const;
  abstract readonly formats: readonly ImportFormat[];
  abstract readonly repeatsAllowed: boolean;
  /** Buyers already looked up in this process, by what named them (short-lived: one run's worth). */

  constructor(
    protected readonly imports: ImportRepository,
    protected readonly organizations: OrganizationRepository,
    protected readonly needs: NeedRepository,
  ) {}

  abstract rows(bytes: AsyncIterable<Buffer>, format: ImportFormat): AsyncGenerator<SourceRow>;
  abstract read(row: SourceRow, context: ImportContext): ReadRow<NeedRow>;

  /**
   * The row's need by the API's rules (a published need must be complete), every problem of the row at
   * once, each under the file's name for its field.
   */
  async check(row: NeedRow, context: ImportContext): Promise<CheckedNeed> {
    const problems = new FieldProblems();
    const buyer = await checkedAsync(problems, () => this.buyerOf(row.buyer, context));
    // Each OCDS code on its own first, so that a wrong one is named by where it stands in the release.
    let codesRefused = false;
    for (const [i, code] of (row.values.cpvCodes ?? []).entries()) {
      const field = row.fieldNames[`cpvCodes.${i}`];
      if (field && (await checkedAsync(problems, () => context.codes.cpvCodes([code], field))) === undefined) codesRefused = true;
    }
    const values = { ...row.values, ...(codesRefused ? { cpvCodes: [] } : {}) };
    const fields = await checkedAsync(problems, () => context.needs.fields({ ...values, ...(buyer ? NeedValidator.placeOf(values, buyer) : {}) }));
    const status = row.status ?? context.options.status;
    if (fields && problems.list.length === 0 && status === 'PUBLISHED') checked(problems, () => assertPublishable(fields, context.now));
    if (problems.list.length > 0) {
      throw DomainError.invalid(problems.list.map((p) => ({ ...p, path: pathOf(fileFieldName(p.path.join('.'), row.fieldNames)) })));
    }
    return {
      buyerOrganizationId: buyer!.id,
      fields: fields!,
      status,
      sourceVersion: row.sourceVersion,
      fieldNames: row.fieldNames,
      hash: contentHash({ buyer: buyer!.id, fields, status }),
    };
  }

  /** The buyer the row names, or else the run's; it must be a municipality or region in the importer's regions. */
  private async buyerOf(reference: BuyerReference | null, context: ImportContext): Promise<OrganizationEntity> {
    const given = reference ?? (context.options.buyer ? { ...parseBuyerOption(context.options.buyer), field: 'buyer (option)' } : null);
    if (!given) throw DomainError.badInput('buyerOrganisationsnummer', 'REQUIRED', 'importExport.buyerMissing');
    const key = given.organizationId ? `id:${assertId(given.organizationId, given.field)}` : `nr:${normaliseOrganisationsnummer(given.organisationsnummer!, given.field)}`;
    const buyers = context.buyers;
    if (!buyers.has(key)) {
      const found = key.startsWith('id:') ? await this.organizations.findById(key.slice(3)) : await this.organizations.findByOrgNumber(key.slice(3));
      buyers.set(key, found);
      if (buyers.size > 10_000) buyers.delete(buyers.keys().next().value!);
    }
    const buyer = buyers.get(key);
    if (!buyer) throw DomainError.badInput(given.field, 'UNKNOWN_VALUE', 'importExport.buyerUnknown', { value: key.slice(3) });
    assertBuyerKind(buyer.kind, given.field);
    if (context.counties && !context.counties.includes(buyer.countyCode)) {
      const outside = outsideRegion(buyer.countyCode, context.counties, buyer.name);
      throw DomainError.badInput(given.field, 'NOT_ALLOWED', outside.key, outside.params);
    }
    return buyer;
  }

  async apply(rows: readonly CheckedRow<CheckedNeed>[], context: ImportContext, tx: Transaction): Promise<RowResult[]> {
    const { manager } = tx;
    const mappings = await this.imports.mappings(
      context.options.source,
      'need',
      rows.map((r) => r.externalId),
      manager,
    );
    const results: RowResult[] = [];
    for (const row of rows) {
      const warnings = row.warnings.map((w) => message(row, 'WARNING', w));
      const mapping = mappings.get(row.externalId);
      const { checked } = row;
      if (mapping && mapping.contentHash === checked.hash) {
        results.push({ outcome: 'unchanged', messages: warnings });
        continue;
      }
      if (mapping?.sourceVersion && checked.sourceVersion && Date.parse(checked.sourceVersion) < Date.parse(mapping.sourceVersion)) {
        // An older release of a process whose newer release is already imported: it changes nothing.
        results.push({ outcome: 'unchanged', messages: warnings });
        continue;
      }
      try {
        const result = await withSavepoint(manager, 'import_row', async () => {
          const written = mapping ? await this.update(mapping.recordId, checked, context, manager) : await this.create(checked, context, manager);
          await this.imports.saveMappings(
            [
              {
                source: context.options.source,
                entityType: 'need',
                externalId: row.externalId,
                recordId: written.id,
                contentHash: checked.hash,
                sourceVersion: checked.sourceVersion,
                runId: context.runId,
              },
            ],
            manager,
          );
          if (written.outcome !== 'unchanged') {
            await this.imports.audit(
              [
                {
                  action: 'need.imported',
                  entityType: 'need',
                  entityId: written.id,
                  data: { runId: context.runId, source: context.options.source, externalId: row.externalId, created: written.outcome === 'created', status: written.status },
                },
              ],
              context.actor,
              manager,
            );
          }
          return written;
        });
        results.push({ outcome: result.outcome, messages: warnings, needChanged: result.outcome === 'unchanged' ? undefined : result.id });
      } catch (error) {
        results.push({ outcome: 'rejected', messages: [...problemsOf(error, checked.fieldNames).map((p) => message(row, 'ERROR', p)), ...warnings] });
      }
    }
    return results;
  }

  private async create(checked: CheckedNeed, context: ImportContext, manager: Transaction['manager']) {
    const need = await this.needs.create({ ...checked.fields, buyerOrganizationId: checked.buyerOrganizationId, createdBy: context.actor.userId }, manager);
    if (checked.status === 'PUBLISHED') {
      await this.needs.updateIfVersion(need.id, need.version, { status: needAfter(need.status, 'publish'), publishedAt: context.now }, manager);
    }
    return { id: need.id, outcome: 'created' as const, status: checked.status };
  }

  /** Changes the need as the API's updateNeed would (and publishes a draft when asked to). */
  private async update(id: string, checked: CheckedNeed, context: ImportContext, manager: Transaction['manager']) {
    const current = await this.needs.lock(id, manager);
    if (!current) throw DomainError.notFound('marketplace.needNotFound', { id });
    if (current.buyerOrganizationId !== checked.buyerOrganizationId) throw DomainError.badInput('buyer', 'NOT_ALLOWED', 'importExport.buyerChanged');
    assertNeedEditable(current.status);
    assertFormChangeAllowed(current.status, current.form, checked.fields.form);
    const publish = checked.status === 'PUBLISHED' && current.status === 'DRAFT';
    if (current.status === 'PUBLISHED' || publish) assertPublishable(checked.fields, context.now);
    const changed = stableJson(NEED_KEYS.map((k) => current[k])) !== stableJson(NEED_KEYS.map((k) => checked.fields[k]));
    if (!changed && !publish) return { id, outcome: 'unchanged' as const, status: current.status };
    const updated = await this.needs.updateIfVersion(
      id,
      current.version,
      { ...checked.fields, ...(publish ? { status: needAfter(current.status, 'publish'), publishedAt: context.now } : {}) },
      manager,
    );
    if (!updated) throw DomainError.conflict('importExport.needChangedDuringImport');
    return { id, outcome: 'updated' as const, status: updated.status };
  }
}

/** `--buyer`: an organisation id (UUID) or an organisationsnummer. */
function parseBuyerOption(value: string): Omit<BuyerReference, 'field'> {
  return /^[0-9a-f-]{36}$/i.test(value.trim()) ? { organizationId: value.trim() } : { organisationsnummer: value.trim() };
}

/** Needs from JSON Lines (the documented fields) or CSV (the same columns). */
@Injectable()
export class NeedImporter extends BaseNeedImporter {
  readonly formats: readonly ImportFormat[] = ['jsonl', 'csv'];
  readonly repeatsAllowed = false;

  rows(bytes: AsyncIterable<Buffer>, format: ImportFormat): AsyncGenerator<SourceRow> {
    return format === 'csv' ? readCsv(bytes, checkNeedHeader) : readJsonLines(bytes);
  }

  read(source: SourceRow, context: ImportContext): ReadRow<NeedRow> {
    const { row, externalId, problems } = readNeedRow(source.value, context.format === 'csv');
    return { line: source.line, item: source.item, externalId: externalId ?? null, record: row, problems, warnings: [] };
  }
}

/** Needs from OCDS release packages and record packages; one need per contracting process (ocid). */
@Injectable()
export class OcdsImporter extends BaseNeedImporter {
  readonly formats: readonly ImportFormat[] = ['json'];
  readonly repeatsAllowed = true;

  rows(bytes: AsyncIterable<Buffer>): AsyncGenerator<SourceRow> {
    return readOcdsPackage(bytes);
  }

  read(source: SourceRow, context: ImportContext): ReadRow<NeedRow> {
    const { row, problems, warnings, skipped } = readOcdsItem(source.value, source.item ?? 'releases', { exchangeRates: context.options.exchangeRates });
    const ocid = row?.externalId ?? (typeof (source.value as { ocid?: unknown })?.ocid === 'string' ? (source.value as { ocid: string }).ocid : null);
    return { line: source.line, item: source.item, externalId: ocid, record: row, problems, warnings, skipped };
  }
}
