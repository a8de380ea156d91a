import { useMutation } from '@apollo/client/react';
import { Button, Checkbox, Dialog, Fieldset, Heading, Paragraph, Radio, Spinner, ValidationMessage } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldId, problemsOf } from '../../forms/api-errors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { fieldProblems } from '../../forms/field-problems';
import { resolverOf, type Problems } from '../../forms/resolver';
import type { PlatformRole } from '../../gql/graphql';
import { ADMIN_SET_ROLE } from './admin-queries';
import type { Person } from './PeoplePage';

const FORM = 'role';
const ROLES: PlatformRole[] = ['USER', 'COORDINATOR', 'ADMIN'];
const FIELDS = ['role', 'countyCodes'] as const;
type Values = { role: PlatformRole; countyCodes: string[] };

interface Props {
  person: Person;
  counties: readonly { code: string; name: string }[];
  onClose(): void;
  onSaved(role: PlatformRole): void;
}

/**
 * A person's platform role, in a dialog: user, coordinator (with the counties they work in, at least one)
 * or administrator. Making or removing an administrator is confirmed first, saying what it means. The
 * API's refusals (the last administrator, an unknown county) come back on their fields or above them.
 */
export function RoleDialog({ person, counties, onClose, onSaved }: Props) {
  const { t } = useTranslation('admin');
  const titleId = useId();
  const [setRole] = useMutation(ADMIN_SET_ROLE);
  const [general, setGeneral] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Values | null>(null);
  const resolver = resolverOf<Values>((values) => {
    const errors: Problems = {};
    if (values.role === 'COORDINATOR' && values.countyCodes.length === 0) errors.countyCodes = { type: 'required', message: t('role.countiesRequired') };
    return errors;
  });
  const {
    control,
    handleSubmit,
    setError,
    watch,
    formState: { errors, submitCount, isSubmitting },
  } = useForm<Values>({
    defaultValues: { role: person.platformRole, countyCodes: [...person.coordinatorCountyCodes] },
    resolver,
    shouldFocusError: false,
  });
  const role = watch('role');
  const [sending, setSending] = useState(false);

  const send = async (values: Values) => {
    setGeneral(null);
    setSending(true);
    try {
      await setRole({
        variables: { input: { userId: person.id, role: values.role, countyCodes: values.role === 'COORDINATOR' ? values.countyCodes : [] } },
      });
      onSaved(values.role);
    } catch (error) {
      setConfirming(null);
      const found = problemsOf(error, t('role.failed'));
      const unplaced: string[] = [];
      for (const field of found.fields) {
        const path = field.path.replace(/\[\d+\]$/, '');
        if ((FIELDS as readonly string[]).includes(path)) setError(path as (typeof FIELDS)[number], { type: 'api', message: field.message });
        else unplaced.push(field.message);
      }
      setGeneral([found.general, ...unplaced].filter(Boolean).join(' ') || null);
    } finally {
      setSending(false);
    }
  };

  const onSubmit = handleSubmit(
    async (values) => {
      const changesAdmin = (values.role === 'ADMIN') !== (person.platformRole === 'ADMIN');
      if (changesAdmin) setConfirming(values);
      else await send(values);
    },
    () => setGeneral(null),
  );

  const problems = fieldProblems(errors, FIELDS).map((p) =>
    p.path === 'role' ? { ...p, path: 'role-USER' } : p.path === 'countyCodes' ? { ...p, path: `countyCodes-${counties[0]?.code ?? ''}` } : p,
  );

  return (
    <Dialog open onClose={onClose} closeButton={t('role.close')} aria-labelledby={titleId} className="admin-dialog">
      <Dialog.Block>
        <Heading level={2} data-size="xs" id={titleId}>
          {confirming
            ? t(confirming.role === 'ADMIN' ? 'role.confirmMakeTitle' : 'role.confirmRemoveTitle', { name: person.displayName })
            : t('role.title', { name: person.displayName })}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        {confirming ? (
          <div className="admin-form">
            <Paragraph>{t(confirming.role === 'ADMIN' ? 'role.confirmMake' : 'role.confirmRemove', { name: person.displayName })}</Paragraph>
            <div className="admin-actions">
              <Button
                data-color={confirming.role === 'ADMIN' ? undefined : 'danger'}
                onClick={() => (sending ? undefined : void send(confirming))}
                aria-disabled={sending || undefined}
              >
                {sending ? <Spinner aria-hidden data-size="xs" /> : null}
                {t('role.confirmYes')}
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(null)}>
                {t('role.confirmBack')}
              </Button>
            </div>
          </div>
        ) : (
          <form onSubmit={(e) => void onSubmit(e)} noValidate className="admin-form">
            <ErrorSummary attempt={submitCount} form={FORM} problems={problems} general={general} />
            <Controller
              control={control}
              name="role"
              render={({ field }) => (
                <Fieldset aria-invalid={errors.role ? true : undefined}>
                  <Fieldset.Legend>{t('role.legend')}</Fieldset.Legend>
                  <Fieldset.Description>{t('role.hint')}</Fieldset.Description>
                  {ROLES.map((r) => (
                    <Radio
                      key={r}
                      id={fieldId(FORM, `role-${r}`)}
                      name={`${FORM}-role`}
                      value={r}
                      checked={field.value === r}
                      onChange={() => field.onChange(r)}
                      onBlur={field.onBlur}
                      label={t(`role.${r}`)}
                      description={t(`role.${r}Hint`)}
                    />
                  ))}
                  {errors.role?.message ? <ValidationMessage>{errors.role.message}</ValidationMessage> : null}
                </Fieldset>
              )}
            />
            {role === 'COORDINATOR' ? (
              <Controller
                control={control}
                name="countyCodes"
                render={({ field }) => (
                  <Fieldset aria-invalid={errors.countyCodes ? true : undefined}>
                    <Fieldset.Legend>{t('role.counties')}</Fieldset.Legend>
                    <Fieldset.Description>{t('role.countiesHint')}</Fieldset.Description>
                    <div className="admin-counties">
                      {counties.map((c) => (
                        <Checkbox
                          key={c.code}
                          id={fieldId(FORM, `countyCodes-${c.code}`)}
                          data-size="sm"
                          value={c.code}
                          checked={field.value.includes(c.code)}
                          onChange={(e) => field.onChange(e.target.checked ? [...field.value, c.code].sort() : field.value.filter((x) => x !== c.code))}
                          label={c.name}
                        />
                      ))}
                    </div>
                    {errors.countyCodes?.message ? <ValidationMessage>{errors.countyCodes.message}</ValidationMessage> : null}
                  </Fieldset>
                )}
              />
            ) : null}
            <div className="admin-actions">
              <Button type="submit" aria-disabled={isSubmitting || sending || undefined}>
                {sending ? <Spinner aria-hidden data-size="xs" /> : null}
                {t('role.save')}
              </Button>
              <Button type="button" variant="secondary" onClick={onClose}>
                {t('role.cancel')}
              </Button>
            </div>
          </form>
        )}
      </Dialog.Block>
    </Dialog>
  );
}
