import { useId } from 'react';
import { contrastRatio, isHexColor, readableTextColor } from '../../../lib/color-contrast.ts';

type ColorFieldProps = {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  /** Shown on the preview chip, so the contrast is judged on the real label. */
  previewText: string;
};

/** Color picker plus #RRGGBB text input, with a chip previewing the label on that color. */
export function ColorField({ value, onChange, error, previewText }: ColorFieldProps) {
  const id = useId();
  const valid = isHexColor(value);
  const text = readableTextColor(valid ? value : null);
  const ratio = valid ? contrastRatio(value, text) : undefined;
  return (
    <fieldset className="pl-color-field">
      <legend>Color</legend>
      <label htmlFor={`${id}-picker`}>Color picker</label>
      <input
        id={`${id}-picker`}
        type="color"
        // The native picker only accepts #rrggbb; keep it on the last valid color while typing.
        value={valid ? value.toLowerCase() : '#64748b'}
        onChange={(event) => onChange(event.target.value.toUpperCase())}
      />
      <label htmlFor={`${id}-hex`}>Color hex</label>
      <input
        id={`${id}-hex`}
        type="text"
        value={value}
        placeholder="#RRGGBB"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-preview`}
        onChange={(event) => onChange(event.target.value.trim())}
      />
      <span
        id={`${id}-preview`}
        className="pl-status-chip"
        style={{ backgroundColor: valid ? value : '#64748B', color: text }}
      >
        {previewText || 'Preview'}
        {ratio === undefined ? ' (no color)' : ` (contrast ${ratio.toFixed(1)}:1)`}
      </span>
      {error ? (
        <p id={`${id}-error`} className="pl-field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
