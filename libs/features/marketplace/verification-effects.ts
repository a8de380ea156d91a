import { Injectable, type OnModuleInit } from '@nestjs/common';
import { actorUserId, message, type MessageKey } from '@samverka/domain';
import { Outbox, type Transaction } from '@samverka/engine';
import { NotificationService } from '@samverka/notifications';
import { OrganizationVerificationEvents, type VerificationChange } from '@samverka/organizations';
import type { OrganizationEntity } from '@samverka/schema';
import { EnterpriseProfileRepository } from './enterprise-profile.repository.js';
import { NeedRepository } from './need.repository.js';

/**
 * What an organisation's verification changes in the marketplace, in the transaction that changes it.
 * The database carries the verification onto the organisation's needs (`need.buyer_verified`), which
 * shows or hides them on every read; here its published needs and its profile are matched again (a need
 * now shown is matched and announced to the enterprises that fit it, a hidden one loses its matches; an
 * enterprise enters the needs' matches or leaves them), and its owners are told.
 */
@Injectable()
export class VerificationEffects implements OnModuleInit {
  constructor(
    private readonly events: OrganizationVerificationEvents,
    private readonly needs: NeedRepository,
    private readonly profiles: EnterpriseProfileRepository,
    private readonly outbox: Outbox,
    private readonly notifications: NotificationService,
  ) {}

  onModuleInit(): void {
    this.events.listen((tx, change) => this.apply(tx, change));
  }

  private async apply(tx: Transaction, { actor, organization, verified, cause }: VerificationChange): Promise<void> {
    const needIds = await this.needs.publishedIdsOf(organization.id, tx.manager);
    await this.outbox.publishMany(
      tx,
      'matching.need',
      needIds.map((needId) => ({ needId })),
    );
    // An enterprise without a profile has no features and no matches: its profile's first save starts its matching.
    if (organization.kind === 'SOCIAL_ENTERPRISE' && (await this.profiles.find(organization.id, tx.manager))) {
      await this.outbox.publish(tx, 'matching.profile', { organizationId: organization.id });
    }
    const title: MessageKey = verified ? 'organizations.verifiedTitle' : 'organizations.unverifiedTitle';
    const body = bodyOf(organization, cause);
    await this.notifications.notify(tx, {
      kind: verified ? 'ORGANIZATION_VERIFIED' : 'ORGANIZATION_UNVERIFIED',
      subject: { type: 'organization', id: organization.id },
      ownersOf: [organization.id],
      // A lapse is the consequence of a rename, not what the owner asked for: the owner who renamed hears of it too.
      exceptUserId: cause === 'lapsed' ? null : actorUserId(actor),
      title: message(title, { name: organization.name }),
      body: [message(body)],
      data: { organizationId: organization.id, verified, publishedNeeds: needIds.length },
      // Each change of the organisation is told once (its version moves with every change).
      dedupeKey: `organization-verification:${organization.id}:${organization.version}`,
    });
  }
}

function bodyOf(organization: OrganizationEntity, cause: VerificationChange['cause']): MessageKey {
  if (cause === 'lapsed') return 'organizations.unverifiedAfterChangeBody';
  if (cause === 'unverified') return 'organizations.unverifiedBody';
  if (organization.kind === 'SOCIAL_ENTERPRISE') return 'organizations.verifiedBodyEnterprise';
  return organization.kind === 'MUNICIPALITY' || organization.kind === 'REGION' ? 'organizations.verifiedBodyBuyer' : 'organizations.verifiedBody';
}
