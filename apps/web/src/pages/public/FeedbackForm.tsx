import { Alert, Button, Heading, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { useMutation } from '@apollo/client/react';
import { useRef, useState, useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldId, problemsOf } from '../../forms/api-errors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { fieldProblems } from '../../forms/field-problems';
import { graphql } from '../../gql';
import { resolverOf, type Problems } from '../../forms/resolver';

export const SEND_FEEDBACK = graphql(`
  mutation AccessibilityPageSendFeedback($input: SendFeedbackInput!) {
    sendFeedback(input: $input) {
      feedbackId
      receivedAt
    }
  }
`);

const FORM = 'feedback';
const FIELDS = ['message', 'page', 'email'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;
/** As the API allows (libs/features/feedback). */
export const MESSAGE_MAX = 5000;
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Feedback on accessibility, for anyone (no sign-in): what did not work, on which page, and an address
 * for an answer if they want one. The API's own checks come back on their fields.
 */
export function FeedbackForm({ initialPage = '' }: { initialPage?: string }) {
  const { t } = useTranslation('accessibility');
  const [send] = useMutation(SEND_FEEDBACK);
  const [general, setGeneral] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<{ email: string } | null>(null);
  const thanks = useRef<HTMLDivElement>(null);
  const resolver = resolverOf<Values>((values) => {
    const errors: Problems = {};
    const message = values.message.trim();
    if (!message) errors.message = { type: 'required', message: t('form.messageRequired') };
    else if ([...message].length > MESSAGE_MAX) errors.message = { type: 'maxLength', message: t('form.messageTooLong', { count: MESSAGE_MAX }) };
    if (values.email.trim() && !EMAIL_SHAPE.test(values.email.trim())) errors.email = { type: 'pattern', message: t('form.emailInvalid') };
    return errors;
  });
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, submitCount, isSubmitting },
  } = useForm<Values>({ defaultValues: { message: '', page: initialPage, email: '' }, resolver, shouldFocusError: false });

  useEffect(() => {
    if (sentTo) thanks.current?.focus();
  }, [sentTo]);

  const onSubmit = handleSubmit(
    async (values) => {
      setGeneral(null);
      try {
        const email = values.email.trim();
        const { data } = await send({ variables: { input: { message: values.message.trim(), page: values.page.trim() || null, email: email || null } } });
        if (!data) throw new Error('no answer');
        setSentTo({ email });
        reset({ message: '', page: initialPage, email: '' });
      } catch (error) {
        const found = problemsOf(error, t('form.failed'));
        const unplaced: string[] = [];
        for (const field of found.fields) {
          if ((FIELDS as readonly string[]).includes(field.path)) setError(field.path as Field, { type: 'api', message: field.message });
          else unplaced.push(field.message);
        }
        setGeneral([found.general, ...unplaced].filter(Boolean).join(' ') || null);
      }
    },
    () => setGeneral(null),
  );

  if (sentTo) {
    return (
      <div ref={thanks} tabIndex={-1} className="accessibility-thanks">
        <Alert data-color="success">
          <Heading level={3} data-size="xs">
            {t('form.sentTitle')}
          </Heading>
          <Paragraph>{sentTo.email ? t('form.sentWithEmail', { email: sentTo.email }) : t('form.sentWithoutEmail')}</Paragraph>
        </Alert>
        <Button variant="secondary" onClick={() => setSentTo(null)}>
          {t('form.another')}
        </Button>
      </div>
    );
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="accessibility-form" aria-labelledby="accessibility-form-title">
      <Heading level={3} data-size="xs" id="accessibility-form-title">
        {t('form.title')}
      </Heading>
      <ErrorSummary attempt={submitCount} form={FORM} problems={fieldProblems(errors, FIELDS)} general={general} />
      <Textfield
        id={fieldId(FORM, 'message')}
        label={t('form.message')}
        description={t('form.messageDescription')}
        multiline
        rows={6}
        error={errors.message?.message}
        {...register('message')}
      />
      <Textfield id={fieldId(FORM, 'page')} label={t('form.page')} description={t('form.pageDescription')} error={errors.page?.message} {...register('page')} />
      <Textfield
        id={fieldId(FORM, 'email')}
        label={t('form.email')}
        description={t('form.emailDescription')}
        type="email"
        autoComplete="email"
        spellCheck={false}
        error={errors.email?.message}
        {...register('email')}
      />
      <div>
        <Button type="submit" aria-disabled={isSubmitting || undefined}>
          {isSubmitting ? <Spinner aria-hidden data-size="xs" /> : null}
          {isSubmitting ? t('form.sending') : t('form.submit')}
        </Button>
      </div>
    </form>
  );
}
