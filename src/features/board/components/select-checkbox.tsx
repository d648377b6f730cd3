import './selection.css';
type SelectCheckboxProps = {
  name: string;
  checked: boolean;
  /** `range`: Shift was held (add every card from the anchor to this one). */
  onToggle: (range: boolean) => void;
};

/**
 * The card's own "Select" checkbox: a native checkbox, so its state reaches assistive tech and
 * Space toggles it without touching the drag handle (where Space lifts the card). It shows on
 * hover and focus like the Move button, and stays visible (ticked) while the card is selected.
 */
export function SelectCheckbox({ name, checked, onToggle }: SelectCheckboxProps) {
  return (
    <span className="lead-card-select">
      <input
        type="checkbox"
        checked={checked}
        aria-label={`Select ${name}`}
        // The click carries Shift; the change event does not.
        onClick={(event) => onToggle(event.shiftKey)}
        onChange={() => undefined}
      />
    </span>
  );
}
