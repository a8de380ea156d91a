import { Injectable } from '@nestjs/common';
import { assertOrganizationName, FieldProblems, normaliseOrganisationsnummer, normaliseWebsite } from '@samverka/domain';
import { CodeLists, gather } from '@samverka/reference-data';

/** Where an organisation is at home: its municipality, if any, and its county. */
export interface OrganizationHome {
  municipalityCode: string | null;
  countyCode: string;
}

/** Checks of an organisation's details that read the reference data. */
@Injectable()
export class OrganizationValidator {
  constructor(private readonly codes: CodeLists) {}

  /**
   * A new organisation's details, normalised. Every problem is reported at once, each naming its field
   * in the input.
   */
  async organization(input: {
    kind: string;
    name: string;
    organisationsnummer: string;
    municipalityCode?: string | null;
    countyCode?: string | null;
    website?: string | null;
  }): Promise<{ name: string; orgNumber: string; website: string | null } & OrganizationHome> {
    const problems = new FieldProblems();
    const checked: { name?: string; orgNumber?: string; website?: string | null } = {};
    problems.absorb(() => (checked.name = assertOrganizationName(input.name)));
    problems.absorb(() => (checked.orgNumber = normaliseOrganisationsnummer(input.organisationsnummer)));
    problems.absorb(() => (checked.website = normaliseWebsite(input.website)));
    const home = await gather(problems, () => this.home(input.kind, input.municipalityCode, input.countyCode));
    problems.throwIfAny();
    return { name: checked.name!, orgNumber: checked.orgNumber!, website: checked.website ?? null, ...home! };
  }

  /**
   * Where an organisation is at home: a municipality (its county follows) or, for a region or an
   * organisation working across a region, a county. Codes must exist in the reference data.
   */
  async home(kind: string, municipalityCode: string | null | undefined, countyCode: string | null | undefined): Promise<OrganizationHome> {
    const municipality = municipalityCode?.trim() || null;
    const county = countyCode?.trim() || null;
    const problems = new FieldProblems();
    if (kind === 'MUNICIPALITY' && !municipality) problems.add('municipalityCode', 'REQUIRED', 'organizations.municipalityRequired');
    if (kind === 'REGION' && !county) problems.add('countyCode', 'REQUIRED', 'organizations.countyRequired');
    if (!municipality && !county && !problems.has('municipalityCode') && !problems.has('countyCode')) {
      problems.add('municipalityCode', 'REQUIRED', 'organizations.homeRequired');
    }
    problems.throwIfAny();
    const place = await this.codes.place(municipality, county);
    return { municipalityCode: place.municipalityCode, countyCode: place.countyCode! };
  }
}
