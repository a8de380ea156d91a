import { Heading, Link as DsLink, Paragraph, Spinner } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../lib/page';
import './admin.css';

/**
 * A page of the administration: its h1 and its content, once the person's account has answered (the
 * administrator's frame, app/Workspace.tsx, tells anyone else that the pages are not for them).
 */
export function AdminPage({ title, children, back = true }: { title: string; children: ReactNode; back?: boolean }) {
  const { t } = useTranslation('admin');
  const { me } = useSession();
  usePageTitle(title);
  if (!me) return <Spinner aria-label={t('common:state.loading')} />;
  return (
    <div className="page admin-page">
      {back ? (
        <Paragraph data-size="sm" className="admin-back">
          <DsLink asChild>
            <Link to="/admin">{t('back')}</Link>
          </DsLink>
        </Paragraph>
      ) : null}
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      {children}
    </div>
  );
}

/** "3 of 8 parts done" as a bar and as words: the words are what a screen reader and a narrow screen read. */
export function Progress({ done, total, label }: { done: number; total: number; label: string }) {
  return (
    <div className="admin-progress">
      <progress max={Math.max(total, 1)} value={done} aria-label={label} />
      <span>{label}</span>
    </div>
  );
}
