import { Injectable } from '@nestjs/common';
import type { NeedFields } from './need.repository.js';
import { assertBudget, DomainError, NEED_FORMS, type NeedForm } from '@samverka/domain';
import { CodeLists, date, kronor, text } from '@samverka/reference-data';

/** The longest title and description a need takes (the OCDS reader shortens to these). */
export const NEED_TITLE_MAX = 200;
export const NEED_DESCRIPTION_MAX = 10_000;

/** A need's content as given (by a buyer through the API, or by an import row). */
export interface NeedValues {
  title?: string | null;
  description?: string | null;
  cpvCodes?: string[] | null;
  sdgs?: number[] | null;
  municipalityCode?: string | null;
  countyCode?: string | null;
  budgetMinSek?: number | null;
  budgetMaxSek?: number | null;
  form?: NeedForm | null;
  wantedImpact?: string | null;
  responseDeadline?: Date | null;
}

/** The rules of a need's content: every field checked, codes against the reference data. */
@Injectable()
export class NeedValidator {
  constructor(private readonly codes: CodeLists) {}

  /**
   * Where a need is when none is given: where its buyer is at home (a municipality, or a region's county).
   */
  static placeOf(input: NeedValues, buyer: { municipalityCode: string | null; countyCode: string | null }): Pick<NeedValues, 'municipalityCode' | 'countyCode'> {
    return {
      municipalityCode: input.municipalityCode ?? (input.countyCode ? null : buyer.municipalityCode),
      countyCode: input.countyCode ?? (input.municipalityCode ? null : buyer.countyCode),
    };
  }

  async fields(input: NeedValues): Promise<NeedFields> {
    if (!input.form) throw DomainError.badInput('form', `is required: one of ${NEED_FORMS.join(', ')}`);
    const budgetMinSek = kronor(input.budgetMinSek, 'budgetMinSek');
    const budgetMaxSek = kronor(input.budgetMaxSek, 'budgetMaxSek');
    assertBudget(budgetMinSek, budgetMaxSek);
    if (!NEED_FORMS.includes(input.form)) throw DomainError.badInput('form', `must be one of ${NEED_FORMS.join(', ')}`);
    const deadline = date(input.responseDeadline, 'responseDeadline');
    return {
      title: text(input.title, 'title', NEED_TITLE_MAX, 1),
      description: text(input.description, 'description', NEED_DESCRIPTION_MAX),
      cpvCodes: await this.codes.cpvCodes(input.cpvCodes),
      sdgs: this.codes.sdgs(input.sdgs),
      ...(await this.codes.place(input.municipalityCode, input.countyCode)),
      budgetMinSek,
      budgetMaxSek,
      form: input.form,
      wantedImpact: text(input.wantedImpact, 'wantedImpact', 2_000),
      responseDeadline: deadline,
    };
  }
}
