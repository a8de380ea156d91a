import { ErrorSummary as DsErrorSummary } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId, type FieldProblem } from './api-errors';

interface Props {
  form: string;
  problems: FieldProblem[];
  general?: string | null;
  /** How many times the form has been sent (react-hook-form's submitCount): the summary belongs to a send. */
  attempt: number;
}

/**
 * The list of what to correct, at the top of a form, after a send that found problems. Designsystemet's
 * summary takes focus when it appears: it appears once per send (a new `attempt`), and once everything in it
 * is corrected it stays away until the next send, so a problem found while the person types (a draft saved
 * as they type, a field checked again on change) is shown at its field and never pulls the focus away.
 * Each problem links to its field.
 */
export function ErrorSummary({ form, problems, general, attempt }: Props) {
  const { t } = useTranslation();
  /** The send whose summary was last shown, and whether everything in it has been corrected since. */
  const [shown, setShown] = useState({ attempt: 0, corrected: false });
  const empty = problems.length === 0 && !general;
  if (attempt > 0 && !empty && shown.attempt !== attempt) setShown({ attempt, corrected: false });
  if (attempt > 0 && empty && shown.attempt === attempt && !shown.corrected) setShown({ attempt, corrected: true });
  if (empty || attempt === 0 || (shown.attempt === attempt && shown.corrected)) return null;
  return (
    <DsErrorSummary key={attempt}>
      <DsErrorSummary.Heading>{t('errorSummary.title')}</DsErrorSummary.Heading>
      <DsErrorSummary.List>
        {general ? <DsErrorSummary.Item>{general}</DsErrorSummary.Item> : null}
        {problems.map((p) => (
          <DsErrorSummary.Item key={p.path}>
            <DsErrorSummary.Link href={`#${fieldId(form, p.path)}`}>{p.message}</DsErrorSummary.Link>
          </DsErrorSummary.Item>
        ))}
      </DsErrorSummary.List>
    </DsErrorSummary>
  );
}
