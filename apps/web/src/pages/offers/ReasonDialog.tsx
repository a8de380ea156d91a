import { Button, Dialog, Heading, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { fieldId, problemsOf } from '../../forms/api-errors';

/** The most a reason or a message to an enterprise may hold (the API's limit). */
export const REASON_MAX = 1_000;

interface Props {
  open: boolean;
  title: string;
  children?: ReactNode;
  /** The field's name for the API (its problems are placed on the field): `reason` or `message`. */
  field: 'reason' | 'message';
  label: string;
  hint: string;
  /** Whether the text must be given. */
  required: boolean;
  /** What to say when a required text is empty. */
  requiredMessage?: string;
  confirmLabel: string;
  danger?: boolean;
  /** Sends the text; throws the API's error on failure. */
  onSend(text: string): Promise<void>;
  onClose(): void;
}

/**
 * A dialog that asks for a text before a step (the reason for declining an offer, a note with an
 * invitation): label and hint above the field, an error summary that takes focus and links to it, and the
 * API's problems placed on the field. Nothing typed is lost on an error.
 */
export function ReasonDialog({ open, title, children, field, label, hint, required, requiredMessage, confirmLabel, danger, onSend, onClose }: Props) {
  const { t } = useTranslation('offers');
  const id = useId();
  const form = `dialog-${id.replace(/[^A-Za-z0-9]/g, '')}`;
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const [submits, setSubmits] = useState(0);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setText('');
    setError(null);
    setGeneral(null);
    onClose();
  };
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const trimmed = text.trim();
    const length = [...trimmed].length;
    const problem = required && length === 0 ? (requiredMessage ?? t('dialog.required')) : length > REASON_MAX ? t('dialog.tooLong', { max: REASON_MAX, count: length }) : null;
    setGeneral(null);
    setError(problem);
    if (problem) {
      setSubmits((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await onSend(trimmed);
      setText('');
    } catch (failure) {
      const found = problemsOf(failure, t('buyer.offers.failed'));
      const own = found.fields.find((p) => p.path === field);
      const others = found.fields.filter((p) => p.path !== field).map((p) => p.message);
      setError(own?.message ?? null);
      setGeneral([found.general, ...others].filter(Boolean).join(' ') || null);
      setSubmits((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={close} closeButton={t('buyer.offers.close')} aria-labelledby={`${form}-title`} className="offers-dialog">
      <Dialog.Block>
        <Heading level={2} data-size="xs" id={`${form}-title`}>
          {title}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <form onSubmit={(e) => void submit(e)} noValidate className="offers-dialog-body">
          <ErrorSummary attempt={submits} form={form} problems={error ? [{ path: field, message: error }] : []} general={general} />
          {children}
          <Textfield
            id={fieldId(form, field)}
            label={label}
            description={hint}
            multiline
            rows={4}
            value={text}
            onChange={(e) => setText(e.target.value)}
            error={error ?? undefined}
          />
          <Paragraph data-size="sm" className="offers-hint">
            {t('dialog.count', { count: [...text.trim()].length, max: REASON_MAX })}
          </Paragraph>
          <div className="offers-actions offers-dialog-actions">
            <Button type="submit" data-color={danger ? 'danger' : undefined} aria-disabled={busy || undefined}>
              {busy ? <Spinner aria-hidden data-size="xs" /> : null}
              {confirmLabel}
            </Button>
            <Button type="button" variant="secondary" onClick={close}>
              {t('buyer.offers.cancel')}
            </Button>
          </div>
        </form>
      </Dialog.Block>
    </Dialog>
  );
}
