import { Injectable } from '@nestjs/common';
import { assertKommunkod, assertLanskod, DomainError } from '@samverka/domain';
import { CodeLists } from '@samverka/reference-data';

/** Checks of an organisation's details that read the reference data. */
@Injectable()
export class OrganizationValidator {
  constructor(private readonly codes: CodeLists) {}

  /**
   * Where an organisation is at home: a municipality (its county follows) or, for a region or an
   * organisation working across a region, a county. Codes must exist in the reference data.
   */
  async home(kind: string, municipalityCode: string | null | undefined, countyCode: string | null | undefined): Promise<{ municipalityCode: string | null; countyCode: string }> {
    const municipality = municipalityCode?.trim() || null;
    let county = countyCode?.trim() || null;
    if (kind === 'MUNICIPALITY' && !municipality) throw DomainError.badInput('municipalityCode', 'is required for a municipality');
    if (kind === 'REGION' && !county) throw DomainError.badInput('countyCode', 'is required for a region');
    if (!municipality && !county) throw DomainError.badInput('municipalityCode', 'or countyCode is required: where is the organisation at home?');
    const referenceData = this.codes.referenceData;
    if (municipality) {
      assertKommunkod(municipality, 'municipalityCode');
      const found = await referenceData.municipality(municipality);
      if (!found) throw DomainError.badInput('municipalityCode', `is not a Swedish kommunkod (${municipality})`);
      if (county && county !== found.countyCode) {
        throw DomainError.badInput('countyCode', `must be ${found.countyCode}, the county of municipality ${municipality}, or left out`);
      }
      county = found.countyCode;
    } else {
      assertLanskod(county!, 'countyCode');
      if (!(await referenceData.county(county!))) throw DomainError.badInput('countyCode', `is not a Swedish länskod (${county})`);
    }
    return { municipalityCode: municipality, countyCode: county! };
  }
}
