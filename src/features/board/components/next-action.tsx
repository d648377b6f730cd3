import {
  parseTemplate,
  placeholderNote,
  type TemplateValues,
} from '../../../lib/action-template.ts';

type NextActionProps = {
  template: string | null;
  values: TemplateValues;
};

/**
 * The status's suggested next action with the lead's fields filled in. Every segment is plain
 * text (React escapes it), so neither a template nor a lead field can inject HTML; placeholders
 * no field can fill are shown as marked text, never as raw braces.
 */
export function NextAction({ template, values }: NextActionProps) {
  if (!template?.trim()) return null;
  return (
    <p className="next-action">
      <span className="next-action-label">Next: </span>
      {parseTemplate(template, values).map((segment, i) => {
        switch (segment.kind) {
          case 'text':
            return <span key={i}>{segment.text}</span>;
          case 'value':
            return <strong key={i}>{segment.text}</strong>;
          case 'missing':
            return (
              <span key={i} className="template-missing">
                {placeholderNote(segment)}
              </span>
            );
          case 'unknown':
            return (
              <mark key={i} className="template-unknown">
                {placeholderNote(segment)}
              </mark>
            );
        }
      })}
    </p>
  );
}
