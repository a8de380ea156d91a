import { Field, Float, ObjectType } from '@nestjs/graphql';
import type { CountyEntity } from '@samverka/schema';

@ObjectType({ description: 'A Swedish county (län), with the region that buys for it' })
export class County {
  @Field({ description: 'Länskod: 2 digits, such as 01' })
  code: string;

  @Field({ description: 'Such as Stockholms län' })
  name: string;

  @Field({ description: 'Such as Stockholm' })
  shortName: string;

  @Field({ description: 'The regional authority (region) that acts as a public buyer, such as Region Stockholm' })
  regionalAuthorityName: string;

  @Field(() => Float, { description: "Latitude (WGS84) of a representative point of the county's area, not of its seat" })
  lat: number;

  @Field(() => Float, { description: "Longitude (WGS84) of a representative point of the county's area, not of its seat" })
  lon: number;

  static from(entity: CountyEntity): County {
    return Object.assign(new County(), {
      code: entity.code,
      name: entity.name,
      shortName: entity.shortName,
      regionalAuthorityName: entity.regionalAuthorityName,
      lat: entity.lat,
      lon: entity.lon,
    });
  }
}
