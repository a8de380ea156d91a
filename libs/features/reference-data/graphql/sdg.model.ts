import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { SdgEntity } from '@samverka/schema';

@ObjectType({ description: 'One of the 17 UN Sustainable Development Goals (Globala målen in Swedish)' })
export class Sdg {
  @Field(() => Int, { description: '1 to 17' })
  number: number;

  @Field({ description: 'The UN short title, such as Decent Work and Economic Growth' })
  titleEn: string;

  @Field({ description: 'The Swedish short title used by Globala målen, such as Anständiga arbetsvillkor och ekonomisk tillväxt' })
  titleSv: string;

  @Field({ description: 'The official goal text (2030 Agenda)' })
  statementEn: string;

  @Field({ description: 'The official Swedish goal text' })
  statementSv: string;

  @Field({ description: 'The official UN colour of the goal, #RRGGBB' })
  color: string;

  static from(entity: SdgEntity): Sdg {
    return Object.assign(new Sdg(), {
      number: entity.number,
      titleEn: entity.titleEn,
      titleSv: entity.titleSv,
      statementEn: entity.statementEn,
      statementSv: entity.statementSv,
      color: entity.color,
    });
  }
}
