import { Button, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { BuyerNeedPageQuery } from '../../gql/graphql';
import { formatDate, formatNumber } from '../../lib/format';
import { swedishDay } from '../public/needs-shared';
import './offers.css';

/** A match as the buyer's need page and the coordinator's view of a need fetch it. */
export type Match = NonNullable<NonNullable<BuyerNeedPageQuery['need']>['matches']>['nodes'][number];

/** A share drawn as a bar; the number beside it in words is what assistive technology reads. */
function Bar({ value, total }: { value: number; total?: boolean }) {
  return (
    <span className={total ? 'offers-bar offers-bar-total' : 'offers-bar'} aria-hidden>
      <span style={{ width: `${Math.max(0, Math.min(100, value * 100))}%` }} />
    </span>
  );
}

export interface MatchItemProps {
  match: Match;
  rank: number;
  offered: boolean;
  /** When the buyer invited the enterprise to offer, if it did. */
  invitedAt: string | null;
  /** Opens the invitation; null when the need takes no invitations. */
  onInvite: (() => void) | null;
  /** What the reader may do with the match instead of inviting it (the coordinator's "Introducera"). */
  action?: ReactNode;
}

/** One match: its score and parts as bars with the numbers, the reasons in the reader's language, and an action. */
export function MatchItem({ match, rank, offered, invitedAt, onInvite, action }: MatchItemProps) {
  const { t, i18n } = useTranslation('offers');
  const english = i18n.language.startsWith('en');
  const headingId = `match-${match.enterprise.id}`;
  const score = t('buyer.matches.scoreOf', { score: formatNumber(Math.round(match.score)) });
  const known = (name: string) => (['text', 'category', 'geography', 'sdg', 'capacity', 'trackRecord'].includes(name) ? t(`buyer.matches.components.${name}`) : name);
  return (
    <li className="offers-match" aria-labelledby={headingId}>
      <div className="offers-match-head">
        <Heading level={3} data-size="xs" id={headingId} tabIndex={-1}>
          {rank}. {match.enterprise.name}
        </Heading>
        {offered ? (
          <Tag data-color="info" data-size="sm">
            {t('buyer.matches.hasOffer')}
          </Tag>
        ) : invitedAt ? (
          <Tag data-color="success" data-size="sm">
            {t('buyer.matches.invited')}
          </Tag>
        ) : null}
      </div>
      <dl className="offers-bars">
        <div>
          <dt>
            <strong>{t('buyer.matches.score')}</strong>
          </dt>
          <dd>
            <strong>{score}</strong>
          </dd>
          <dd className="offers-bar-cell">
            <Bar value={match.score / 100} total />
          </dd>
        </div>
        {match.components.map((part) => (
          <div key={part.name}>
            <dt>{known(part.name)}</dt>
            {part.applicable ? (
              <dd>
                {t('buyer.matches.scoreOf', { score: formatNumber(Math.round(part.value * 100)) })}
                <span className="visually-hidden">, {t('buyer.matches.weight', { weight: formatNumber(Math.round(part.weight * 100)) })}</span>
              </dd>
            ) : (
              <dd className="offers-na">{t('buyer.matches.notApplicable')}</dd>
            )}
            <dd className="offers-bar-cell">{part.applicable ? <Bar value={part.value} /> : null}</dd>
          </div>
        ))}
      </dl>
      {match.reasons.length > 0 ? (
        <>
          <Heading level={4} data-size="2xs">
            {t('buyer.matches.reasons')}
          </Heading>
          <ul className="offers-reasons">
            {match.reasons.map((reason) => (
              <li key={reason.code + reason.sv}>{english ? reason.en : reason.sv}</li>
            ))}
          </ul>
        </>
      ) : null}
      <Paragraph data-size="sm">
        <Link asChild>
          <RouterLink to={`/foretag/${encodeURIComponent(match.enterprise.id)}`}>
            {t('buyer.matches.profile')}
            <span className="visually-hidden">: {match.enterprise.name}</span>
          </RouterLink>
        </Link>
      </Paragraph>
      {action ? (
        action
      ) : invitedAt ? (
        <Paragraph data-size="sm" className="offers-hint">
          {t('buyer.matches.invitedOn', { date: formatDate(swedishDay(invitedAt)) })}
        </Paragraph>
      ) : !offered && onInvite ? (
        <div className="offers-actions">
          <Button data-size="sm" variant="secondary" onClick={onInvite} aria-label={t('buyer.matches.inviteFor', { enterprise: match.enterprise.name })}>
            {t('buyer.matches.invite')}
          </Button>
        </div>
      ) : null}
    </li>
  );
}
