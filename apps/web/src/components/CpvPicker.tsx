import { useQuery } from '@apollo/client/react';
import { Checkbox, Chip, Details, Fieldset, Input, Label, Spinner } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import './filters.css';

/** Exported for tests that mock the API. */
export const CPV_PICKER_SEARCH = graphql(`
  query CpvPickerSearch($search: String!) {
    cpvCodes(search: $search, first: 60) {
      totalCount
      nodes {
        code
        labelSv
        labelEn
        level
      }
    }
  }
`);

export const CPV_PICKER_CODE = graphql(`
  query CpvPickerCode($code: String!) {
    cpvCode(code: $code) {
      code
      labelSv
      labelEn
    }
  }
`);

export const CPV_PICKER_BRANCH = graphql(`
  query CpvPickerBranch($parentCode: String, $level: Int) {
    cpvCodes(parentCode: $parentCode, level: $level, first: 100) {
      nodes {
        code
        labelSv
        labelEn
        level
        children {
          code
        }
      }
    }
  }
`);

interface Labelled {
  code: string;
  labelSv: string;
  labelEn: string;
}

function useLabel() {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  return useCallback((c: Labelled) => (english ? c.labelEn : c.labelSv), [english]);
}

/** How many suggestions the list shows. */
const SHOWN = 12;

/** The text typed, once the person has paused: one request per pause, not per key. */
function useSettled(text: string, delay = 250): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), delay);
    return () => clearTimeout(timer);
  }, [text, delay]);
  return settled;
}

interface Props {
  /** The chosen codes, NNNNNNNN-N. */
  value: readonly string[];
  onChange(codes: string[]): void;
  /** The search field's id (for links from an error summary); made up when absent. */
  id?: string;
  legend?: string;
  hint?: string;
}

/**
 * Chooses CPV codes by searching (a combobox with a listbox of suggestions) or by browsing the tree of
 * divisions and the codes below them. The chosen codes show as chips that remove them. A code includes
 * every code below it, as the API's filters do, and the hint says so.
 */
export function CpvPicker({ value, onChange, id, legend, hint }: Props) {
  const { t } = useTranslation('filters');
  const labelOf = useLabel();
  const generated = useId();
  const inputId = id ?? `${generated}-search`;
  const listId = `${inputId}-list`;
  const hintId = `${inputId}-hint`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState('');
  const [browsing, setBrowsing] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const chipsRef = useRef<HTMLUListElement>(null);
  const focusAfterRemove = useRef<number | null>(null);

  const settled = useSettled(text.trim());
  const searching = settled.length >= 2;
  const { data, loading, previousData } = useQuery(CPV_PICKER_SEARCH, { variables: { search: settled }, skip: !searching });
  const result = (data ?? previousData)?.cpvCodes;
  // The API answers best match first (a label that is the word, everyday terms, compound parts; code order for digits).
  const options = useMemo(() => (searching ? (result?.nodes ?? []).slice(0, SHOWN) : []), [searching, result]);
  const expanded = open && searching && text.trim().length >= 2;
  const typingAhead = text.trim() !== settled;

  useEffect(() => setActive(-1), [settled]);

  useEffect(() => {
    if (focusAfterRemove.current === null) return;
    const chips = chipsRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [];
    const index = Math.min(focusAfterRemove.current, chips.length - 1);
    focusAfterRemove.current = null;
    (index >= 0 ? chips[index] : inputRef.current)?.focus();
  }, [value]);

  function add(code: Labelled) {
    if (!value.includes(code.code)) onChange([...value, code.code]);
    setAnnouncement(t('cpv.added', { code: code.code, label: labelOf(code) }));
  }

  function remove(code: string, label: string, index: number) {
    focusAfterRemove.current = index;
    onChange(value.filter((c) => c !== code));
    setAnnouncement(t('cpv.removed', { code, label }));
  }

  function choose(index: number) {
    const option = options[index];
    if (!option) return;
    add(option);
    setText('');
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        setActive((i) => (options.length === 0 ? -1 : (i + 1) % options.length));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setOpen(true);
        setActive((i) => (options.length === 0 ? -1 : i <= 0 ? options.length - 1 : i - 1));
        break;
      case 'Home':
      case 'End':
        if (expanded && active >= 0 && options.length > 0) {
          event.preventDefault();
          setActive(event.key === 'Home' ? 0 : options.length - 1);
        }
        break;
      case 'Enter':
        // Enter chooses the highlighted suggestion; it never submits the surrounding form from here.
        event.preventDefault();
        if (expanded && active >= 0) choose(active);
        break;
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (text) {
          event.preventDefault();
          setText('');
        }
        break;
    }
  }

  const status = !expanded
    ? ''
    : loading || typingAhead
      ? t('cpv.searching')
      : options.length === 0
        ? t('cpv.noMatch', { text: settled })
        : t('cpv.results', { count: options.length });

  return (
    <Fieldset className="cpv-picker" aria-describedby={`${inputId}-about`}>
      <Fieldset.Legend>{legend ?? t('cpv.legend')}</Fieldset.Legend>
      <Fieldset.Description id={`${inputId}-about`}>{hint ?? t('cpv.hint')}</Fieldset.Description>

      <div className="cpv-picker-chosen">
        <p className="cpv-picker-chosen-title" id={`${inputId}-chosen`}>
          {t('cpv.chosen')}
        </p>
        {value.length === 0 ? (
          <p className="cpv-picker-none">{t('cpv.noneChosen')}</p>
        ) : (
          <ul ref={chipsRef} className="cpv-picker-chips" aria-labelledby={`${inputId}-chosen`}>
            {value.map((code, index) => (
              <li key={code}>
                <ChosenChip code={code} onRemove={(label) => remove(code, label, index)} />
              </li>
            ))}
          </ul>
        )}
      </div>

      <div className="cpv-picker-combobox">
        <Label htmlFor={inputId}>{t('cpv.search')}</Label>
        <p id={hintId} className="cpv-picker-hint">
          {t('cpv.searchHint')}
        </p>
        <Input
          ref={inputRef}
          id={inputId}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-describedby={hintId}
          aria-activedescendant={expanded && active >= 0 && options[active] ? `${listId}-${options[active].code}` : undefined}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} role="listbox" aria-label={t('cpv.suggestions')} className="cpv-picker-listbox" hidden={!expanded || options.length === 0}>
          {options.map((option, index) => {
            const chosen = value.includes(option.code);
            return (
              <li
                key={option.code}
                id={`${listId}-${option.code}`}
                role="option"
                aria-selected={index === active}
                data-active={index === active || undefined}
                // Keep the focus in the field: choosing with the mouse must not blur it first.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(index)}
              >
                <span className="cpv-picker-code">{option.code}</span> {labelOf(option)}
                {chosen ? <span className="cpv-picker-already"> ({t('cpv.alreadyChosen')})</span> : null}
              </li>
            );
          })}
        </ul>
        <p className="cpv-picker-status" aria-live="polite">
          {status}
          {expanded && !loading && result && result.totalCount > options.length ? ` ${t('cpv.more')}` : ''}
        </p>
      </div>

      <Details className="cpv-picker-browse" open={browsing} onToggle={() => setBrowsing((b) => !b)}>
        <Details.Summary>{t('cpv.browse')}</Details.Summary>
        <Details.Content>
          {/* The tree is asked for only once someone opens it. */}
          {browsing ? <Branch parentCode={null} chosen={value} onToggle={(code, on) => (on ? add(code) : remove(code.code, labelOf(code), value.indexOf(code.code)))} /> : null}
        </Details.Content>
      </Details>

      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </Fieldset>
  );
}

function ChosenChip({ code, onRemove }: { code: string; onRemove(label: string): void }) {
  const { t } = useTranslation('filters');
  const labelOf = useLabel();
  const { data } = useQuery(CPV_PICKER_CODE, { variables: { code }, fetchPolicy: 'cache-first' });
  const label = data?.cpvCode ? labelOf(data.cpvCode) : '';
  return (
    <Chip.Removable aria-label={t('cpv.remove', { code, label })} onClick={() => onRemove(label)}>
      <span className="cpv-picker-code">{code}</span> {label}
    </Chip.Removable>
  );
}

interface BranchProps {
  parentCode: string | null;
  chosen: readonly string[];
  onToggle(code: Labelled, on: boolean): void;
}

/** One level of the tree: the divisions, or the codes directly below a code, each with a way down. */
function Branch({ parentCode, chosen, onToggle }: BranchProps) {
  const { t } = useTranslation('filters');
  const labelOf = useLabel();
  const { data, loading } = useQuery(CPV_PICKER_BRANCH, { variables: parentCode ? { parentCode } : { level: 1 }, fetchPolicy: 'cache-first' });
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  if (loading && !data) return <Spinner aria-label={t('cpv.loadingBelow')} data-size="sm" />;
  const nodes = data?.cpvCodes.nodes ?? [];
  return (
    <ul className="cpv-picker-tree">
      {nodes.map((node) => {
        const isOpen = open.has(node.code);
        const label = labelOf(node);
        const below = `${node.code}-below-${parentCode ?? 'root'}`;
        return (
          <li key={node.code}>
            <div className="cpv-picker-tree-row">
              <Checkbox
                data-size="sm"
                checked={chosen.includes(node.code)}
                onChange={(e) => onToggle(node, e.target.checked)}
                label={
                  <>
                    <span className="cpv-picker-code">{node.code}</span> {label}
                  </>
                }
              />
              {node.children.length > 0 ? (
                <button
                  type="button"
                  className="cpv-picker-expand"
                  aria-expanded={isOpen}
                  aria-controls={isOpen ? below : undefined}
                  aria-label={t(isOpen ? 'cpv.hideBelow' : 'cpv.showBelow', { code: node.code, label })}
                  onClick={() =>
                    setOpen((current) => {
                      const next = new Set(current);
                      if (next.has(node.code)) next.delete(node.code);
                      else next.add(node.code);
                      return next;
                    })
                  }
                >
                  <span aria-hidden="true">{isOpen ? '−' : '+'}</span>
                </button>
              ) : null}
            </div>
            {isOpen ? (
              <div id={below}>
                <Branch parentCode={node.code} chosen={chosen} onToggle={onToggle} />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
