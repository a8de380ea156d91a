import { Injectable } from '@nestjs/common';
import type { NeedFields } from './need.repository.js';
import { assertBudget, checked, checkedAsync, FieldProblems, NEED_FORMS, type NeedForm } from '@samverka/domain';
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

  /** The need's content, checked and normalised; every problem is reported at once. */
  async fields(input: NeedValues): Promise<NeedFields> {
    const problems = new FieldProblems();
    if (!input.form) problems.add('form', 'REQUIRED', 'marketplace.formRequired');
    else if (!NEED_FORMS.includes(input.form)) problems.add('form', 'UNKNOWN_VALUE', 'validation.oneOf', { values: NEED_FORMS.join(', ') });
    const budgetMinSek = checked(problems, () => kronor(input.budgetMinSek, 'budgetMinSek'));
    const budgetMaxSek = checked(problems, () => kronor(input.budgetMaxSek, 'budgetMaxSek'));
    if (!problems.has('budgetMinSek') && !problems.has('budgetMaxSek')) checked(problems, () => assertBudget(budgetMinSek ?? null, budgetMaxSek ?? null));
    const fields = {
      title: checked(problems, () => text(input.title, 'title', NEED_TITLE_MAX, 1)),
      description: checked(problems, () => text(input.description, 'description', NEED_DESCRIPTION_MAX)),
      cpvCodes: await checkedAsync(problems, () => this.codes.cpvCodes(input.cpvCodes)),
      sdgs: checked(problems, () => this.codes.sdgs(input.sdgs)),
      place: await checkedAsync(problems, () => this.codes.place(input.municipalityCode, input.countyCode)),
      wantedImpact: checked(problems, () => text(input.wantedImpact, 'wantedImpact', 2_000)),
      responseDeadline: checked(problems, () => date(input.responseDeadline, 'responseDeadline')),
    };
    problems.throwIfAny();
    return {
      title: fields.title!,
      description: fields.description!,
      cpvCodes: fields.cpvCodes!,
      sdgs: fields.sdgs!,
      ...fields.place!,
      budgetMinSek: budgetMinSek ?? null,
      budgetMaxSek: budgetMaxSek ?? null,
      form: input.form!,
      wantedImpact: fields.wantedImpact!,
      responseDeadline: fields.responseDeadline ?? null,
    };
  }
}
