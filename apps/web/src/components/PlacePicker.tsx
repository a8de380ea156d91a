import { useQuery } from '@apollo/client/react';
import { Field, Label, Select } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';

/** Exported for tests that mock the API. */
export const PLACE_PICKER_PLACES = graphql(`
  query PlacePickerPlaces {
    counties {
      code
      name
    }
    municipalities {
      code
      name
      countyCode
    }
  }
`);

export interface Place {
  /** Länskod, 2 digits; '' for all of Sweden. */
  countyCode: string;
  /** Kommunkod, 4 digits; '' for every kommun of the county. */
  municipalityCode: string;
}

interface Props extends Place {
  onChange(place: Place): void;
  /** Prefix of the two selects' ids (for links from an error summary). */
  id?: string;
}

/**
 * Län, then kommun: two labelled selects. Without a län every kommun of Sweden is offered; choosing a
 * kommun also sets its län, and changing the län drops a kommun outside it.
 */
export function PlacePicker({ countyCode, municipalityCode, onChange, id }: Props) {
  const { t } = useTranslation('filters');
  const generated = useId();
  const base = id ?? generated;
  const { data } = useQuery(PLACE_PICKER_PLACES, { fetchPolicy: 'cache-first' });
  const municipalities = (data?.municipalities ?? []).filter((m) => !countyCode || m.countyCode === countyCode);
  const collator = new Intl.Collator('sv');
  const sorted = [...municipalities].sort((a, b) => collator.compare(a.name, b.name));
  const loading = !data;

  return (
    <div className="place-picker">
      <Field>
        <Label htmlFor={`${base}-county`}>{t('place.county')}</Label>
        <Select
          id={`${base}-county`}
          value={countyCode}
          aria-busy={loading || undefined}
          onChange={(e) => {
            const next = e.target.value;
            const keep = municipalityCode && municipalityCode.startsWith(next) ? municipalityCode : '';
            onChange({ countyCode: next, municipalityCode: next ? keep : '' });
          }}
        >
          <Select.Option value="">{t('place.allCounties')}</Select.Option>
          {/* Until the list has come, keep a chosen code as an option so the select shows the choice. */}
          {loading && countyCode ? <Select.Option value={countyCode}>{countyCode}</Select.Option> : null}
          {data?.counties.map((c) => (
            <Select.Option key={c.code} value={c.code}>
              {c.name}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Field>
        <Label htmlFor={`${base}-municipality`}>{t('place.municipality')}</Label>
        <Select
          id={`${base}-municipality`}
          value={municipalityCode}
          aria-busy={loading || undefined}
          onChange={(e) => {
            const next = e.target.value;
            onChange({ countyCode: next ? next.slice(0, 2) : countyCode, municipalityCode: next });
          }}
        >
          <Select.Option value="">{countyCode ? t('place.allMunicipalitiesInCounty') : t('place.allMunicipalities')}</Select.Option>
          {loading && municipalityCode ? <Select.Option value={municipalityCode}>{municipalityCode}</Select.Option> : null}
          {sorted.map((m) => (
            <Select.Option key={m.code} value={m.code}>
              {m.name}
            </Select.Option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
