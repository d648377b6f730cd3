// Renders a status's ai_action_template ("Call {{full_name}} about the {{product}} quote") with a
// lead's fields. Output is plain text segments: React escapes them, so a template or a lead field
// can never inject HTML. Unknown placeholders come back as their own segment kind so the UI can
// show them visibly (e.g. "[unknown: foo]") instead of raw braces.

export const TEMPLATE_FIELDS = [
  'full_name',
  'first_name',
  'email',
  'phone',
  'product',
  'estimated_premium',
  'source',
  'agent_name',
  'status_name',
] as const;

export type TemplateField = (typeof TEMPLATE_FIELDS)[number];
export type TemplateValues = Partial<Record<TemplateField, string | number | null | undefined>>;

export type TemplateSegment =
  | { kind: 'text'; text: string }
  | { kind: 'value'; field: TemplateField; text: string }
  | { kind: 'missing'; field: TemplateField }
  | { kind: 'unknown'; placeholder: string };

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

function isTemplateField(name: string): name is TemplateField {
  return (TEMPLATE_FIELDS as readonly string[]).includes(name);
}

const premiumFormat = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});

function formatValue(field: TemplateField, value: string | number): string {
  if (field === 'estimated_premium' && typeof value === 'number')
    return premiumFormat.format(value);
  return String(value);
}

export function parseTemplate(template: string, values: TemplateValues): TemplateSegment[] {
  const segments: TemplateSegment[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const start = match.index;
    if (start > last) segments.push({ kind: 'text', text: template.slice(last, start) });
    const name = match[1] ?? '';
    if (!isTemplateField(name)) {
      segments.push({ kind: 'unknown', placeholder: name });
    } else {
      const value = values[name];
      segments.push(
        value === null || value === undefined || value === ''
          ? { kind: 'missing', field: name }
          : { kind: 'value', field: name, text: formatValue(name, value) },
      );
    }
    last = start + match[0].length;
  }
  if (last < template.length) segments.push({ kind: 'text', text: template.slice(last) });
  return segments;
}

/** Placeholders in `template` that no lead field can fill (for the template editor). */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)]
    .map((m) => m[1] ?? '')
    .filter((name) => !isTemplateField(name));
}

/** What stands in for a placeholder no value fills: "[no email]", "[unknown field: spouse]". */
export function placeholderNote(
  segment: Extract<TemplateSegment, { kind: 'missing' | 'unknown' }>,
): string {
  return segment.kind === 'missing'
    ? `[no ${segment.field.replaceAll('_', ' ')}]`
    : `[unknown field: ${segment.placeholder || 'empty'}]`;
}
