import { useQuery } from '@apollo/client/react';
import { Checkbox, Details, Fieldset, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import './filters.css';

/** Exported for tests that mock the API. */
export const SDG_PICKER_GOALS = graphql(`
  query SdgPickerGoals {
    sdgs {
      number
      titleSv
      titleEn
    }
  }
`);

interface Props {
  /** The chosen goals, 1–17. */
  value: readonly number[];
  onChange(goals: number[]): void;
  /** Open from the start (it opens by itself when a goal is chosen). */
  defaultOpen?: boolean;
  /** What the goals are for here (by default: the filters' hint). */
  hint?: string;
}

/** The 17 global goals as checkboxes in a disclosure; its summary says how many are chosen. */
export function SdgPicker({ value, onChange, defaultOpen, hint }: Props) {
  const { t, i18n } = useTranslation('filters');
  const { data } = useQuery(SDG_PICKER_GOALS, { fetchPolicy: 'cache-first' });
  return (
    <Details className="sdg-picker" defaultOpen={defaultOpen || value.length > 0}>
      <Details.Summary>{value.length > 0 ? t('sdg.summaryChosen', { count: value.length }) : t('sdg.summary')}</Details.Summary>
      <Details.Content>
        <Fieldset>
          <Fieldset.Legend className="visually-hidden">{t('sdg.legend')}</Fieldset.Legend>
          <Fieldset.Description>{hint ?? t('sdg.hint')}</Fieldset.Description>
          {!data ? (
            <Spinner aria-label={t('sdg.loading')} data-size="sm" />
          ) : (
            data.sdgs.map((goal) => (
              <Checkbox
                key={goal.number}
                data-size="sm"
                value={String(goal.number)}
                checked={value.includes(goal.number)}
                onChange={(e) => onChange(e.target.checked ? [...value, goal.number].sort((a, b) => a - b) : value.filter((n) => n !== goal.number))}
                label={t('sdg.goal', { number: goal.number, title: i18n.language === 'en' ? goal.titleEn : goal.titleSv })}
              />
            ))
          )}
        </Fieldset>
      </Details.Content>
    </Details>
  );
}
