import { ErrorSummary as DsErrorSummary } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { fieldId, type FieldProblem } from './api-errors';

interface Props {
  form: string;
  problems: FieldProblem[];
  general?: string | null;
}

/**
 * The list of what to correct, at the top of a form. Designsystemet's summary takes focus when it appears,
 * so render it with a new `key` for each failed submit and it takes focus again. Each problem links to its field.
 */
export function ErrorSummary({ form, problems, general }: Props) {
  const { t } = useTranslation();
  if (problems.length === 0 && !general) return null;
  return (
    <DsErrorSummary>
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
