import type { DataSource, EntityManager } from 'typeorm';

/** A buyer's invitation to a matched enterprise to offer on its need. */
export interface NeedInvitationRow {
  id: string;
  needId: string;
  organizationId: string;
  message: string;
  invitedBy: string | null;
  createdAt: Date;
}

interface Raw {
  id: string;
  need_id: string;
  organization_id: string;
  message: string;
  invited_by: string | null;
  created_at: Date | string;
}

const row = (r: Raw): NeedInvitationRow => ({
  id: r.id,
  needId: r.need_id,
  organizationId: r.organization_id,
  message: r.message,
  invitedBy: r.invited_by,
  createdAt: new Date(r.created_at),
});

export class NeedInvitationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The new invitation; null when the enterprise was already invited to the need (one per need and enterprise). */
  async insert(invitation: { needId: string; organizationId: string; message: string; invitedBy: string | null }, manager?: EntityManager): Promise<NeedInvitationRow | null> {
    const rows: Raw[] = await (manager ?? this.dataSource.manager).query(
      `INSERT INTO need_invitation (need_id, organization_id, message, invited_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (need_id, organization_id) DO NOTHING
       RETURNING id, need_id, organization_id, message, invited_by, created_at`,
      [invitation.needId, invitation.organizationId, invitation.message, invitation.invitedBy],
    );
    return rows[0] ? row(rows[0]) : null;
  }

  /** The invitations to these needs, oldest first (for a loader: one query for every need on a page). */
  async ofNeeds(needIds: readonly string[], manager?: EntityManager): Promise<NeedInvitationRow[]> {
    if (needIds.length === 0) return [];
    const rows: Raw[] = await (manager ?? this.dataSource.manager).query(
      `SELECT id, need_id, organization_id, message, invited_by, created_at FROM need_invitation WHERE need_id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [needIds],
    );
    return rows.map(row);
  }
}
