import { Injectable } from '@nestjs/common';
import type { ProfileFields } from './enterprise-profile.repository.js';
import { DomainError, LEGAL_FORMS, type LegalForm } from '@samverka/domain';
import { CodeLists, kronor, text } from '@samverka/reference-data';

/** An enterprise profile as given (by a person through the API, or by an import row). */
export interface ProfileValues {
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

/** The rules of an enterprise profile: every field checked, codes against the reference data. */
@Injectable()
export class ProfileValidator {
  constructor(private readonly codes: CodeLists) {}

  /** The whole profile, checked and normalised (fields left out are emptied). */
  async fields(input: ProfileValues): Promise<ProfileFields> {
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
