import { Field, Label, Select } from '@digdir/designsystemet-react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { PLACE_PICKER_PLACES } from '../../components/PlacePicker';

/** The counties the reader brokers in: a coordinator's own; every county for an administrator. */
export function useBrokeringCounties(): { counties: { code: string; name: string }[]; isAdmin: boolean; isCoordinator: boolean; ready: boolean } {
  const { me, status } = useSession();
  const isAdmin = me?.platformRole === 'ADMIN';
  const own = me?.coordinatorCountyCodes ?? [];
  const isCoordinator = me?.platformRole === 'COORDINATOR' && own.length > 0;
  const { data } = useQuery(PLACE_PICKER_PLACES, { fetchPolicy: 'cache-first', skip: !isAdmin && !isCoordinator });
  const all = data?.counties ?? [];
  const name = (code: string) => all.find((c) => c.code === code)?.name ?? code;
  const counties = isAdmin ? all.map((c) => ({ code: c.code, name: c.name })) : own.map((code) => ({ code, name: name(code) }));
  return { counties, isAdmin, isCoordinator, ready: status !== 'unknown' && (!isAdmin || !!data) };
}

/** A choice of county when the reader has more than one. */
export function CountyChoice({ counties, value, onChange }: { counties: { code: string; name: string }[]; value: string; onChange(code: string): void }) {
  const { t } = useTranslation('brokering');
  if (counties.length < 2) return null;
  return (
    <Field className="brokering-county">
      <Label htmlFor="brokering-county">{t('county')}</Label>
      <Select id="brokering-county" value={value} onChange={(e) => onChange(e.target.value)}>
        {counties.map((c) => (
          <Select.Option key={c.code} value={c.code}>
            {c.name}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
