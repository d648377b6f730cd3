import { useDeferredValue, useId, useMemo, useState } from 'react';
import { StatusIcon } from '../../../components/status-icon.tsx';
import { useIconCatalogue } from '../../../components/use-icon-catalogue.ts';

const MAX_RESULTS = 40;

type IconPickerProps = {
  value: string;
  onChange: (value: string) => void;
};

/** Matches first by prefix, then anywhere; at most MAX_RESULTS so the list stays cheap. */
export function searchIcons(
  query: string,
  names: readonly string[],
  limit = MAX_RESULTS,
): string[] {
  const q = query.trim().toLowerCase();
  if (!q) return names.slice(0, limit);
  const starts = names.filter((n) => n.startsWith(q));
  const contains = names.filter((n) => !n.startsWith(q) && n.includes(q));
  return [...starts, ...contains].slice(0, limit);
}

// ARIA 1.2 combobox with a listbox popup: typing filters, arrows move the active option,
// Enter picks it, Escape closes. Focus stays in the input (aria-activedescendant). lucide's
// catalogue loads when the picker first renders (it is not part of the page's first load);
// until then the list says it is loading.
export function IconPicker({ value, onChange }: IconPickerProps) {
  const id = useId();
  const [query, setQuery] = useState(value);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const deferred = useDeferredValue(query);
  const catalogue = useIconCatalogue(true);
  const results = useMemo(
    () => (catalogue === undefined ? [] : searchIcons(deferred, catalogue.ICON_NAMES)),
    [deferred, catalogue],
  );
  const activeName = open ? results[active] : undefined;

  const pick = (name: string) => {
    onChange(name);
    setQuery(name);
    setOpen(false);
  };

  return (
    <div className="pl-icon-picker">
      <label htmlFor={`${id}-input`}>Icon</label>
      <StatusIcon name={value} size={20} />
      <input
        id={`${id}-input`}
        role="combobox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={activeName ? `${id}-opt-${activeName}` : undefined}
        value={query}
        placeholder="Search icons"
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
          if (event.target.value.trim() === '') onChange('');
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
            setActive((i) => Math.min(i + 1, results.length - 1));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActive((i) => Math.max(i - 1, 0));
          } else if (event.key === 'Enter' && activeName) {
            event.preventDefault();
            pick(activeName);
          } else if (event.key === 'Escape' && open) {
            event.stopPropagation();
            setOpen(false);
          }
        }}
      />
      <ul id={`${id}-list`} role="listbox" aria-label="Icons" hidden={!open}>
        {catalogue === undefined ? (
          <li role="presentation">
            <span role="status">Loading icons…</span>
          </li>
        ) : results.length === 0 ? (
          <li role="presentation">No icon matches “{query}”</li>
        ) : null}
        {results.map((name, index) => (
          <li
            key={name}
            id={`${id}-opt-${name}`}
            role="option"
            aria-selected={index === active}
            // mousedown, not click: it fires before the input's blur closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              pick(name);
            }}
          >
            <StatusIcon name={name} size={16} /> {name}
          </li>
        ))}
      </ul>
    </div>
  );
}
