import { Injectable } from '@nestjs/common';
import type { ProfileFields } from './enterprise-profile.repository.js';
import { checked, checkedAsync, FieldProblems, LEGAL_FORMS, type LegalForm } from '@samverka/domain';
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

const MAX_CERTIFICATIONS = 20;

/** The rules of an enterprise profile: every field checked, codes against the reference data. */
@Injectable()
export class ProfileValidator {
  constructor(private readonly codes: CodeLists) {}

  /** The whole profile, checked and normalised (fields left out are emptied); every problem is reported at once. */
  async fields(input: ProfileValues): Promise<ProfileFields> {
    const problems = new FieldProblems();
    const workIntegrating = input.workIntegrating ?? false;
    const share = input.farFromLabourMarketShare ?? null;
    if (share !== null && (!Number.isInteger(share) || share < 0 || share > 100)) {
      problems.add('farFromLabourMarketShare', 'OUT_OF_RANGE', 'validation.wholeNumberRange', { min: 0, max: 100 });
    } else if (share !== null && !workIntegrating) {
      problems.add('farFromLabourMarketShare', 'NOT_ALLOWED', 'marketplace.shareOnlyWorkIntegrating');
    }
    if (input.legalForm && !LEGAL_FORMS.includes(input.legalForm)) problems.add('legalForm', 'UNKNOWN_VALUE', 'validation.oneOf', { values: LEGAL_FORMS.join(', ') });
    const employees = input.employees ?? null;
    if (employees !== null && (!Number.isInteger(employees) || employees < 0 || employees > 1_000_000)) {
      problems.add('employees', 'OUT_OF_RANGE', 'validation.wholeNumberRange', { min: 0, max: '1 000 000' });
    }
    const givenCertifications = input.certifications ?? [];
    if (givenCertifications.length > MAX_CERTIFICATIONS) problems.add('certifications', 'TOO_MANY', 'validation.tooMany', { count: MAX_CERTIFICATIONS });
    const certifications = givenCertifications.map((c, i) => checked(problems, () => text(c, `certifications.${i}`, 100, 1)) ?? '');
    const fields = {
      description: checked(problems, () => text(input.description, 'description', 5_000)),
      services: checked(problems, () => text(input.services, 'services', 2_000)),
      cpvCodes: await checkedAsync(problems, () => this.codes.cpvCodes(input.cpvCodes)),
      sdgs: checked(problems, () => this.codes.sdgs(input.sdgs)),
      municipalityCodes: await checkedAsync(problems, () => this.codes.municipalities(input.municipalityCodes)),
      countyCodes: await checkedAsync(problems, () => this.codes.counties(input.countyCodes)),
      annualTurnoverSek: checked(problems, () => kronor(input.annualTurnoverSek, 'annualTurnoverSek')),
      maxContractSek: checked(problems, () => kronor(input.maxContractSek, 'maxContractSek')),
    };
    problems.throwIfAny();
    return {
      description: fields.description!,
      services: fields.services!,
      cpvCodes: fields.cpvCodes!,
      sdgs: fields.sdgs!,
      nationwide: input.nationwide ?? false,
      municipalityCodes: fields.municipalityCodes!,
      countyCodes: fields.countyCodes!,
      employees,
      annualTurnoverSek: fields.annualTurnoverSek ?? null,
      maxContractSek: fields.maxContractSek ?? null,
      legalForm: input.legalForm ?? null,
      ideburen: input.ideburen ?? false,
      workIntegrating,
      farFromLabourMarketShare: share,
      certifications: [...new Set(certifications)],
    };
  }
}
