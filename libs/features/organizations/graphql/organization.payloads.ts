import { Field, ID, ObjectType } from '@nestjs/graphql';
import { type OrganizationEntity } from '@samverka/schema';
import { Invitation, Membership, Organization } from './organization.model.js';

/** An organisation as a change left it. */
@ObjectType({ isAbstract: true })
export class OrganizationChangePayload {
  @Field(() => Organization)
  organization: Organization;

  static of<T extends OrganizationChangePayload>(this: new () => T, organization: OrganizationEntity): T {
    return Object.assign(new this(), { organization: Organization.from(organization) });
  }
}

@ObjectType()
export class CreateOrganizationPayload extends OrganizationChangePayload {}

@ObjectType()
export class UpdateOrganizationPayload extends OrganizationChangePayload {}

@ObjectType()
export class VerifyOrganizationPayload extends OrganizationChangePayload {}

@ObjectType({ description: 'A new invitation and its token: pass the token on to the invitee; it is shown only now' })
export class InviteMemberPayload {
  @Field(() => Invitation)
  invitation: Invitation;

  @Field()
  token: string;
}

@ObjectType()
export class RevokeInvitationPayload extends OrganizationChangePayload {
  @Field(() => ID)
  revokedInvitationId: string;
}

@ObjectType()
export class AcceptInvitationPayload {
  @Field(() => Membership, { description: 'Your place in the organisation' })
  membership: Membership;
}

@ObjectType()
export class RemoveMemberPayload extends OrganizationChangePayload {
  @Field(() => ID, { description: 'The person who is no longer a member' })
  removedUserId: string;
}

@ObjectType()
export class SetMemberRolePayload {
  @Field(() => Membership)
  membership: Membership;
}
