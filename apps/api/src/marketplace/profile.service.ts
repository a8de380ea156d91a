import { Injectable } from '@nestjs/common';
import { Database, EnterpriseProfileRepository, OrganizationRepository, type EnterpriseProfileEntity, type ProfileFields } from '@samverka/database';
import { assertId, DomainError, LEGAL_FORMS, type Actor, type LegalForm } from '@samverka/domain';
import { MatchingNotifier } from '@samverka/platform';
import { AuditService } from '../audit/audit.service.js';
import { CodeLists, kronor, text } from './code-lists.js';

export interface SaveProfileInput {
  organizationId: string;
  /** The version the change is based on; required when the profile exists. */
  version?: number | null;
  description?: string | null;
  services?: string | null;
  cpvCodes?: string[] | null;
  sdgs?: number[] | null;
  nationwide?: boolean | null;
  municipalityCodes?: string[] | null;
  countyCodes?: string[] | null;
  employees?: number | null;
  annualTurnoverSek?: number | null;
  maxContractSek?: number | null;
  legalForm?: LegalForm | null;
  ideburen?: boolean | null;
  workIntegrating?: boolean | null;
  farFromLabourMarketShare?: number | null;
  certifications?: string[] | null;
}

/** Enterprise profiles: what a social enterprise does, where, and how much it can take on. */
@Injectable()
export class ProfileService {
  constructor(
    private readonly database: Database,
    private readonly profiles: EnterpriseProfileRepository,
    private readonly organizations: OrganizationRepository,
    private readonly codes: CodeLists,
    private readonly audit: AuditService,
    private readonly matching: MatchingNotifier,
  ) {}

  async get(organizationId: string): Promise<EnterpriseProfileEntity> {
    const profile = await this.profiles.find(assertId(organizationId, 'organizationId'));
    if (!profile) throw DomainError.notFound('Enterprise profile of organisation', organizationId);
    return profile;
  }

  /** Creates the profile or replaces it (a stale version is refused, not overwritten). */
  async save(actor: Actor, input: SaveProfileInput): Promise<EnterpriseProfileEntity> {
    const organizationId = assertId(input.organizationId, 'organizationId');
    const organization = await this.organizations.findById(organizationId);
    if (!organization) throw DomainError.notFound('Organisation', organizationId);
    if (organization.kind !== 'SOCIAL_ENTERPRISE') {
      throw DomainError.badInput('organizationId', `must be a social enterprise: profiles describe what enterprises offer, and this is a ${organization.kind}`);
    }
    const fields = await this.fields(input);
    return this.database.transaction(async (tx) => {
      const { manager } = tx;
      const existing = await this.profiles.find(organizationId, manager);
      let saved: EnterpriseProfileEntity | null;
      if (!existing) {
        saved = await this.profiles.create(organizationId, fields, manager);
      } else {
        if (input.version === undefined || input.version === null) throw DomainError.badInput('version', 'is required to change an existing profile');
        saved = await this.profiles.updateIfVersion(organizationId, input.version, fields, manager);
        if (!saved) throw new DomainError('CONFLICT', `The profile was changed by someone else after version ${input.version}: reload it and try again`, 'version');
      }
      await this.audit.record(actor, { action: existing ? 'profile.updated' : 'profile.created', entityType: 'organization', entityId: organizationId }, manager);
      this.matching.profileChanged(tx, organizationId);
      return saved;
    });
  }

  private async fields(input: SaveProfileInput): Promise<ProfileFields> {
    const workIntegrating = input.workIntegrating ?? false;
    const share = input.farFromLabourMarketShare ?? null;
    if (share !== null && (!Number.isInteger(share) || share < 0 || share > 100)) {
      throw DomainError.badInput('farFromLabourMarketShare', 'must be a whole percentage from 0 to 100');
    }
    if (share !== null && !workIntegrating) {
      throw DomainError.badInput('farFromLabourMarketShare', 'is only given by work-integrating enterprises: set workIntegrating too');
    }
    if (input.legalForm && !LEGAL_FORMS.includes(input.legalForm)) throw DomainError.badInput('legalForm', `must be one of ${LEGAL_FORMS.join(', ')}`);
    const employees = input.employees ?? null;
    if (employees !== null && (!Number.isInteger(employees) || employees < 0 || employees > 1_000_000)) {
      throw DomainError.badInput('employees', 'must be a whole number from 0 to 1 000 000');
    }
    const certifications = (input.certifications ?? []).map((c, i) => text(c, `certifications.${i}`, 100, 1));
    if (certifications.length > 20) throw DomainError.badInput('certifications', 'may hold at most 20 entries');
    const nationwide = input.nationwide ?? false;
    return {
      description: text(input.description, 'description', 5_000),
      services: text(input.services, 'services', 2_000),
      cpvCodes: await this.codes.cpvCodes(input.cpvCodes),
      sdgs: this.codes.sdgs(input.sdgs),
      nationwide,
      municipalityCodes: await this.codes.municipalities(input.municipalityCodes),
      countyCodes: await this.codes.counties(input.countyCodes),
      employees,
      annualTurnoverSek: kronor(input.annualTurnoverSek, 'annualTurnoverSek'),
      maxContractSek: kronor(input.maxContractSek, 'maxContractSek'),
      legalForm: input.legalForm ?? null,
      ideburen: input.ideburen ?? false,
      workIntegrating,
      farFromLabourMarketShare: share,
      certifications: [...new Set(certifications)],
    };
  }
}
