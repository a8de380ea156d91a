import { Alert, Button, Dialog, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useId, type ReactNode } from 'react';

interface Props {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** The close button's name for screen readers (Designsystemet's own is Norwegian). */
  closeLabel: string;
  onConfirm(): void;
  onClose(): void;
  busy?: boolean;
  error?: string | null;
  /** A step that cannot be undone and takes something away (decline, withdraw). */
  danger?: boolean;
}

/** Asks before a step that cannot be undone, saying what it does; the browser's dialog keeps focus inside and gives it back. */
export function ConfirmDialog({ open, title, children, confirmLabel, cancelLabel, closeLabel, onConfirm, onClose, busy, error, danger }: Props) {
  const id = useId();
  return (
    <Dialog open={open} onClose={onClose} closeButton={closeLabel} aria-labelledby={id} className="offers-dialog">
      <Dialog.Block>
        <Heading level={2} data-size="xs" id={id}>
          {title}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <div className="offers-dialog-body">{children}</div>
        {error ? (
          <Alert data-color="danger" className="offers-dialog-error">
            <Paragraph>{error}</Paragraph>
          </Alert>
        ) : null}
        <div className="offers-actions offers-dialog-actions">
          <Button data-color={danger ? 'danger' : undefined} onClick={() => (busy ? undefined : onConfirm())} aria-disabled={busy || undefined}>
            {busy ? <Spinner aria-hidden data-size="xs" /> : null}
            {confirmLabel}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {cancelLabel}
          </Button>
        </div>
      </Dialog.Block>
    </Dialog>
  );
}
