import { Field, InputType } from '@nestjs/graphql';
import { SessionModeEnum } from './accounts.enums.js';

const SESSION_FIELD = {
  defaultValue: SessionModeEnum.TOKEN,
  description: 'COOKIE for the web app: the refresh token goes into a cookie instead of the answer (send the header X-Samverka-CSRF: 1)',
};

@InputType()
export class RegisterInput {
  @Field()
  email: string;

  @Field({ description: 'At least 12 characters' })
  password: string;

  @Field()
  displayName: string;

  @Field(() => SessionModeEnum, SESSION_FIELD)
  session: SessionModeEnum;
}

@InputType()
export class LoginInput {
  @Field()
  email: string;

  @Field()
  password: string;

  @Field(() => SessionModeEnum, SESSION_FIELD)
  session: SessionModeEnum;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  currentPassword: string;

  @Field()
  newPassword: string;

  @Field(() => SessionModeEnum, SESSION_FIELD)
  session: SessionModeEnum;
}
