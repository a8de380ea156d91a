import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { CpvCodeEntity } from '@samverka/schema';
import { ConnectionType } from '@samverka/engine';

@ObjectType({ description: 'A code of the Common Procurement Vocabulary (CPV 2008) that classifies what a procurement buys' })
export class CpvCode {
  @Field({ description: 'The code with its check digit, such as 85311000-2' })
  code: string;

  @Field({ description: 'The 8 digits without the check digit, such as 85311000, as many notices write the code' })
  code8: string;

  @Field({ description: 'The official English label' })
  labelEn: string;

  @Field({ description: 'The official Swedish label' })
  labelSv: string;

  @Field(() => Int, { description: '1 = division, 2 = group, 3 = class, 4 = category, 5 to 7 = finer subcategories' })
  level: number;

  @Field(() => String, { nullable: true, description: 'The code of the nearest code above this one; null for a division' })
  parentCode: string | null;

  @Field({ description: 'The first two digits: the division the code belongs to' })
  division: string;

  @Field(() => CpvCode, { nullable: true, description: 'The nearest code above this one; null for a division' })
  parent?: CpvCode | null;

  @Field(() => [CpvCode], { description: 'The codes directly below this one, in code order' })
  children?: CpvCode[];

  static from(entity: CpvCodeEntity): CpvCode {
    return Object.assign(new CpvCode(), {
      code: entity.code,
      code8: entity.code8,
      labelEn: entity.labelEn,
      labelSv: entity.labelSv,
      level: entity.level,
      parentCode: entity.parentCode,
      division: entity.division,
    });
  }
}

export const CpvCodeConnection = ConnectionType(CpvCode);
