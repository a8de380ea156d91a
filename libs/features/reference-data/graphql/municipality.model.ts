import { Field, Float, ObjectType } from '@nestjs/graphql';
import type { MunicipalityEntity } from '@samverka/schema';
import { County } from './county.model.js';

@ObjectType({ description: 'A Swedish municipality (kommun)' })
export class Municipality {
  @Field({ description: 'Kommunkod: 4 digits, such as 0180; the first two are the county code' })
  code: string;

  @Field({ description: 'The short name used by Statistics Sweden, such as Stockholm (not "Stockholms stad")' })
  name: string;

  @Field({ description: 'The code of the county the municipality lies in' })
  countyCode: string;

  @Field(() => County, { description: 'The county the municipality lies in' })
  county?: County;

  @Field(() => Float, { description: "Latitude (WGS84) of a representative point of the municipality's area, not of its seat" })
  lat: number;

  @Field(() => Float, { description: "Longitude (WGS84) of a representative point of the municipality's area, not of its seat" })
  lon: number;

  static from(entity: MunicipalityEntity): Municipality {
    return Object.assign(new Municipality(), {
      code: entity.code,
      name: entity.name,
      countyCode: entity.countyCode,
      lat: entity.lat,
      lon: entity.lon,
    });
  }
}
