import { Field, Float, InputType } from '@nestjs/graphql';
import { GraphQLUpload, type FileUpload } from 'graphql-upload-minimal';
import type { ImportFormat, ImportKind } from '../import/import.repository.js';
import type { ImportNeedStatus } from '../import/rows/need-row.js';
import { ImportFormatEnum, ImportKindEnum, NeedImportStatusEnum } from './import.models.js';

@InputType()
export class ExchangeRateInput {
  @Field({ description: 'Three-letter ISO 4217 code, such as GBP' })
  currency: string;

  @Field(() => Float, { description: 'Kronor per unit of the currency, more than 0' })
  sekPerUnit: number;
}

@InputType()
export class StartImportInput {
  @Field(() => GraphQLUpload, { description: 'The file, sent as a part of the multipart request; at most IMPORT_MAX_UPLOAD_MB megabytes' })
  file: Promise<FileUpload>;

  @Field(() => ImportKindEnum)
  kind: ImportKind;

  @Field(() => ImportFormatEnum, { nullable: true, description: "The file's format; by default from its name (.csv, .jsonl, .json)" })
  format?: ImportFormat;

  @Field(() => String, {
    nullable: true,
    description:
      "The system the rows' external ids come from (default: the kind): 1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit; importing again from it updates its records",
  })
  source?: string;

  @Field(() => NeedImportStatusEnum, { nullable: true, description: 'Needs: the status of new needs whose row does not say (default DRAFT)' })
  needStatus?: ImportNeedStatus;

  @Field(() => String, { nullable: true, description: 'Needs: the buyer (organisation id or organisationsnummer) of rows that name none' })
  buyer?: string;

  @Field(() => [ExchangeRateInput], { nullable: true, description: 'OCDS: kronor per unit of other currencies; amounts in a currency without a rate are left out' })
  exchangeRates?: ExchangeRateInput[];
}
