import { Field, InputType } from '@nestjs/graphql';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@samverka/domain';
import { SessionModeEnum } from './accounts.enums.js';

const PASSWORD_RULE = `${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters, not the e-mail address`;
const SESSION_FIELD = {
  defaultValue: SessionModeEnum.TOKEN,
  description: 'COOKIE for the web app: the refresh token goes into a cookie instead of the answer (send the header X-Samverka-CSRF: 1)',
};

@InputType()
export class RegisterInput {
  @Field({ description: 'An e-mail address such as namn@kommun.se; one account each' })
  email: string;

  @Field({ description: PASSWORD_RULE })
  password: string;

  @Field({ description: '1 to 120 characters' })
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
export class RefreshSessionInput {
  @Field({ description: 'The refresh token of the session; each one works once' })
  refreshToken: string;
}

@InputType()
export class LogoutInput {
  @Field({ description: 'The refresh token of the session to end' })
  refreshToken: string;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  currentPassword: string;

  @Field({ description: `${PASSWORD_RULE}, and not the current password` })
  newPassword: string;

  @Field(() => SessionModeEnum, SESSION_FIELD)
  session: SessionModeEnum;
}
